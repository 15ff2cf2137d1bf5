import { expect } from "chai";
import { ConfigError, loadConfig, readSecret, type ReadFile } from "../src/config";
import { X_SCHEDULE } from "./xSchedule";

const BASE = {
  DYNAMODBTABLE: "twitterStream",
  AWSREGION: "us-east-1",
  FILTER: "cloud computing",
  CONSUMERKEY: "ck",
  CONSUMERSECRETKEY: "cs",
};

const noFiles: ReadFile = (path) => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
};

function failure(env: Record<string, string | undefined>, readFile: ReadFile = noFiles): { variable: string; message: string } {
  try {
    loadConfig(env, readFile);
  } catch (e) {
    if (e instanceof ConfigError) return { variable: e.variable, message: e.message };
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("reads a minimal environment with X's defaults", () => {
    const c = loadConfig(BASE, noFiles);
    expect(c.table).to.equal("twitterStream");
    expect(c.region).to.equal("us-east-1");
    expect(c.filter.ruleValue).to.equal("cloud computing");
    expect(c.credentials).to.deep.equal({ consumerKey: "ck", consumerSecret: "cs" });
    expect(c.xApiBaseUrl.href).to.equal("https://api.x.com/");
    expect(c.backoff).to.deep.equal(X_SCHEDULE);
    expect(c.stallTimeoutMs).to.equal(60_000);
    expect(c.xRuleMaxLength).to.equal(1024);
    expect([c.queueMemoryBytes, c.spillDir, c.spillMaxBytes]).to.deep.equal([64 * 1024 * 1024, "/tmp/twitterstream-spill", 4 * 1024 ** 3]);
    expect(c.backfillMinutes).to.equal(undefined);
    expect(c.ruleTag).to.equal("twitterstream");
  });

  it("takes the queue's budgets and spill directory from the environment, and refuses a relative SPILL_DIR", () => {
    const c = loadConfig({ ...BASE, QUEUE_MEMORY_BYTES: "1048576", SPILL_DIR: "/data/spill", SPILL_MAX_BYTES: "0" }, noFiles);
    expect([c.queueMemoryBytes, c.spillDir, c.spillMaxBytes]).to.deep.equal([1_048_576, "/data/spill", 0]);
    expect(failure({ ...BASE, SPILL_DIR: "spill" })).to.deep.equal({
      variable: "SPILL_DIR",
      message: 'SPILL_DIR is not an absolute path ("spill"): use one in a writable volume, e.g. /tmp/twitterstream-spill',
    });
    expect(failure({ ...BASE, QUEUE_MEMORY_BYTES: "1000" }).variable).to.equal("QUEUE_MEMORY_BYTES");
  });

  it("takes times from the environment", () => {
    const c = loadConfig({ ...BASE, STALL_TIMEOUT_MS: "900", NETWORK_BACKOFF_STEP_MS: "5", WRITE_CONCURRENCY: "3" }, noFiles);
    expect([c.stallTimeoutMs, c.backoff.networkStepMs, c.writeConcurrency]).to.deep.equal([900, 5, 3]);
  });

  it("refuses a FILTER whose X rule is over X_RULE_MAX_LENGTH, with an exact message", () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(", ");
    const rule = loadConfig({ ...BASE, FILTER: words, X_RULE_MAX_LENGTH: "2048" }, noFiles).filter.ruleValue;
    expect(rule.length).to.equal(1206);
    expect(failure({ ...BASE, FILTER: words })).to.deep.equal({
      variable: "FILTER",
      message:
        "FILTER makes an X rule of 1206 characters, over X_RULE_MAX_LENGTH (1024): use fewer terms, or set X_RULE_MAX_LENGTH=2048 on X's Enterprise plan",
    });
    expect(failure({ ...BASE, X_RULE_MAX_LENGTH: "4096" })).to.deep.equal({
      variable: "X_RULE_MAX_LENGTH",
      message: 'X_RULE_MAX_LENGTH must be a whole number from 1 to 2048, got "4096"',
    });
  });

  it("reads BACKFILL_MINUTES from 1 to 5", () => {
    expect(loadConfig({ ...BASE, BACKFILL_MINUTES: "5" }, noFiles).backfillMinutes).to.equal(5);
    expect(failure({ ...BASE, BACKFILL_MINUTES: "6" })).to.deep.equal({
      variable: "BACKFILL_MINUTES",
      message: 'BACKFILL_MINUTES must be a whole number from 1 to 5, got "6"',
    });
  });

  it("reads the metrics' Service dimension from METRICS_SERVICE, a CloudWatch dimension value", () => {
    expect(loadConfig(BASE, noFiles).metricsService).to.equal("twitterstream");
    expect(loadConfig({ ...BASE, METRICS_SERVICE: "twitterstream-dev" }, noFiles).metricsService).to.equal("twitterstream-dev");
    for (const bad of ["zoë", " ", "x".repeat(1025)]) {
      expect(failure({ ...BASE, METRICS_SERVICE: bad })).to.deep.equal({
        variable: "METRICS_SERVICE",
        message: `METRICS_SERVICE is not a CloudWatch dimension value (${JSON.stringify(bad)}): use 1 to 1024 printable ASCII characters, e.g. twitterstream-dev`,
      });
    }
  });

  it("falls back to AWS_REGION", () => {
    const { AWSREGION: _omitted, ...rest } = BASE;
    expect(loadConfig({ ...rest, AWS_REGION: "eu-west-1" }, noFiles).region).to.equal("eu-west-1");
  });

  it("needs no consumer key pair when BEARERTOKEN is set", () => {
    const c = loadConfig({ DYNAMODBTABLE: "t_1", AWSREGION: "us-east-1", FILTER: "x", BEARERTOKEN: "tok" }, noFiles);
    expect(c.credentials).to.deep.equal({ bearerToken: "tok" });
  });

  it("reads credentials from _FILE variables, without the trailing newline", () => {
    const files: Record<string, string> = { "/run/secrets/ck": "file-ck\n", "/run/secrets/cs": "file-cs\r\n" };
    const read: ReadFile = (p) => files[p] ?? noFiles(p);
    const { CONSUMERKEY: _k, CONSUMERSECRETKEY: _s, ...rest } = BASE;
    const c = loadConfig({ ...rest, CONSUMERKEY_FILE: "/run/secrets/ck", CONSUMERSECRETKEY_FILE: "/run/secrets/cs" }, read);
    expect(c.credentials).to.deep.equal({ consumerKey: "file-ck", consumerSecret: "file-cs" });
  });

  it("treats an empty variable as unset", () => {
    expect(readSecret({ ACCESSTOKEN: "" }, "ACCESSTOKEN", noFiles)).to.equal(undefined);
  });

  const cases: Array<[string, Record<string, string | undefined>, string, string]> = [
    [
      "no table",
      { ...BASE, DYNAMODBTABLE: undefined },
      "DYNAMODBTABLE",
      "DYNAMODBTABLE is not set: set it to the name of the DynamoDB table to write to",
    ],
    [
      "a bad table name",
      { ...BASE, DYNAMODBTABLE: "my table" },
      "DYNAMODBTABLE",
      `DYNAMODBTABLE is not a valid table name ("my table"): use 3 to 255 of a-z, A-Z, 0-9, '_', '-', '.'`,
    ],
    ["no region", { ...BASE, AWSREGION: undefined }, "AWSREGION", "AWSREGION is not set: set it to the table's AWS region, e.g. us-east-1"],
    ["a bad region", { ...BASE, AWSREGION: "US East" }, "AWSREGION", `AWSREGION is not a region code ("US East"): use one such as us-east-1`],
    [
      "an empty filter",
      { ...BASE, FILTER: "" },
      "FILTER",
      'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"',
    ],
    [
      "a malformed filter",
      { ...BASE, FILTER: "lang:en" },
      "FILTER",
      "FILTER has a term of only negations or conjunction-required operators (lang:en): X needs a keyword, phrase, #, @, $, emoji, from:, to: or another standalone operator in each rule and OR branch, as in cats has:links -is:retweet",
    ],
    [
      "no consumer key",
      { ...BASE, CONSUMERKEY: undefined },
      "CONSUMERKEY",
      "CONSUMERKEY is not set: set CONSUMERKEY or CONSUMERKEY_FILE (or BEARERTOKEN) to authenticate to the X API",
    ],
    [
      "no consumer secret",
      { ...BASE, CONSUMERSECRETKEY: "" },
      "CONSUMERSECRETKEY",
      "CONSUMERSECRETKEY is not set: set CONSUMERSECRETKEY or CONSUMERSECRETKEY_FILE (or BEARERTOKEN) to authenticate to the X API",
    ],
    [
      "a variable and its _FILE twin",
      { ...BASE, CONSUMERKEY_FILE: "/run/secrets/ck" },
      "CONSUMERKEY",
      "CONSUMERKEY and CONSUMERKEY_FILE are both set: set only one",
    ],
    [
      "an unreadable _FILE",
      { ...BASE, ACCESSTOKEN_FILE: "/nope" },
      "ACCESSTOKEN_FILE",
      "ACCESSTOKEN_FILE names a file that cannot be read (/nope: ENOENT): mount the secret there or fix the path",
    ],
    [
      "a bad base URL",
      { ...BASE, X_API_BASE_URL: "ftp://x" },
      "X_API_BASE_URL",
      `X_API_BASE_URL is not an http(s) origin ("ftp://x"): use one such as https://api.x.com`,
    ],
    [
      "a bad number",
      { ...BASE, STALL_TIMEOUT_MS: "20s" },
      "STALL_TIMEOUT_MS",
      `STALL_TIMEOUT_MS must be a whole number from 1 to 3600000, got "20s"`,
    ],
    [
      "a zero concurrency",
      { ...BASE, WRITE_CONCURRENCY: "0" },
      "WRITE_CONCURRENCY",
      `WRITE_CONCURRENCY must be a whole number from 1 to 256, got "0"`,
    ],
    [
      "a bad rule tag",
      { ...BASE, RULE_TAG: "my tag" },
      "RULE_TAG",
      `RULE_TAG is not a valid tag ("my tag"): use 1 to 64 of letters, digits, '_', '.', ':', '-'`,
    ],
  ];
  for (const [what, env, variable, message] of cases) {
    it(`rejects ${what} with an exact message`, () => {
      expect(failure(env)).to.deep.equal({ variable, message });
    });
  }

  it("rejects an empty _FILE", () => {
    expect(failure({ ...BASE, ACCESSTOKEN_FILE: "/empty" }, () => "\n")).to.deep.equal({
      variable: "ACCESSTOKEN_FILE",
      message: "ACCESSTOKEN_FILE names an empty file (/empty): write the secret into it",
    });
  });

  it("never puts a credential value in a message", () => {
    const env = { ...BASE, CONSUMERKEY: "VERY-SECRET-KEY", CONSUMERKEY_FILE: "/run/secrets/ck" };
    expect(failure(env).message).to.not.include("VERY-SECRET-KEY");
  });
});
