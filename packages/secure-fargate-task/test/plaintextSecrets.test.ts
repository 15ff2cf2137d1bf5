import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { credentialShape, isCredentialName } from "../src/secrets/secretShapes";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";

const valid: SecureFargateTaskArgs = { image: { context: makeContext() }, secrets: { API_KEY: { value: "k" } } };

/** The messages validateArgs rejects these args with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...valid, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

// Built at run time, so that no token-shaped literal sits in the repository. AKIAIOSFODNN7EXAMPLE is AWS's documented example.
const GITHUB = `ghp_${"x1".repeat(18)}`;
const SLACK = `xoxb-${"1".repeat(12)}-abcdefghij`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.${"s".repeat(20)}`;
const DATADOG = "0123456789abcdef0123456789abcdef";
const AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
const SIDECAR = { name: "agent", image: "public.ecr.aws/datadog/agent:7" };

describe("plaintext secrets in the container definitions' text are refused", () => {
  it("logging.options: a key named as a credential (Datadog's apikey), saying to use secretOptions, never the value", () => {
    const found = problems({ logging: { logDriver: "splunk", options: { "splunk-url": "https://splunk.example:8088", apikey: DATADOG } } });
    expect(found).to.deep.equal([
      "`logging.options.apikey` is named as a credential (the value is not shown here), and it would be written into the task definition in plain text. Pass it as `logging.secretOptions.apikey` (`{ value: pulumi.secret(...) }`, or an existing secret or parameter): ECS injects it when the task starts.",
    ]);
    expect(found.join("\n")).to.not.include(DATADOG);
  });

  it("logging.options: a value shaped like a token under an innocent name", () => {
    const found = problems({ logging: { logDriver: "splunk", options: { "splunk-url": `https://${AWS_KEY}@splunk.example` } } });
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^`logging\.options\.splunk-url` holds what looks like an AWS access key id \(the value is not shown here\)/);
    expect(found[0]).to.not.include(AWS_KEY);
  });

  it("logging.router.firelensOptions", () => {
    const found = problems({
      logging: {
        logDriver: "awsfirelens",
        options: { Name: "datadog" },
        router: { image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", firelensOptions: { "config-file-value": JWT } },
      },
    });
    expect(found.filter((p) => p.startsWith("`logging.router.firelensOptions.config-file-value`"))).to.deep.equal([
      "`logging.router.firelensOptions.config-file-value` holds what looks like a JSON Web Token (the value is not shown here), and it would be written into the task definition in plain text. Give the log driver its credentials through `logging.secretOptions`, or in the Fluent Bit configuration file your router image holds.",
    ]);
  });

  it("healthCheck.command: an Authorization header, saying to use a secret variable, never the value", () => {
    const opaque = "Zk9q".repeat(8);
    const header = `curl -fsS -H 'Authorization: Bearer ${opaque}' http://localhost:8080/health || exit 1`;
    const found = problems({ healthCheck: { command: ["CMD-SHELL", header] } });
    expect(found).to.deep.equal([
      "`healthCheck.command[1]` holds what looks like an Authorization header with credentials (the value is not shown here), and commands are written into the task definition in plain text. Put it in `secrets` (ECS injects it as a variable) and refer to it from a `CMD-SHELL` command as `$NAME`, or have the health check read it from a file.",
    ]);
    expect(found.join("\n")).to.not.include(opaque);
    expect(
      problems({ healthCheck: { command: ["CMD-SHELL", 'curl -fsS -H "Authorization: Bearer $HEALTH_TOKEN" http://localhost:8080/health'] } }),
    ).to.deep.equal([]);
  });

  it("sidecars[].command: a credential flag's value and a token-shaped argument", () => {
    const found = problems({ sidecars: [{ ...SIDECAR, command: ["agent", "--api-key", DATADOG, `--slack=${SLACK}`] }] });
    expect(found.map((p) => p.split(" (")[0])).to.deep.equal([
      "`sidecars[0].command[3]` holds what looks like a Slack token",
      "`sidecars[0].command[2]` is the value of --api-key",
    ]);
    expect(found[0]).to.include("Put it in `sidecars[0].secrets` (ECS injects it as a variable) and read it from the environment.");
    expect(found.join("\n")).to.not.include(DATADOG).and.not.include(SLACK);
  });

  it("sidecars[].healthCheck.command: a password assigned on the command line", () => {
    const found = problems({ sidecars: [{ ...SIDECAR, healthCheck: { command: ["CMD-SHELL", "PGPASSWORD=hunter2hunter2 pg_isready"] } }] });
    expect(found.map((p) => p.split(" (")[0])).to.deep.equal([
      "`sidecars[0].healthCheck.command[1]` holds what looks like a credential assigned on the command line",
    ]);
    expect(found.join("\n")).to.not.include("hunter2");
  });

  it("environment and sidecars[].environment: a value shaped like a credential, whatever its name", () => {
    const found = problems({
      environment: { GIT_REMOTE: `https://bot:${GITHUB}@github.com/org/repo` },
      sidecars: [{ ...SIDECAR, environment: { KEY_ID: AWS_KEY } }],
    });
    expect(found.map((p) => p.split(" (")[0])).to.deep.equal([
      "`environment.GIT_REMOTE` holds what looks like a GitHub token",
      "`sidecars[0].environment.KEY_ID` holds what looks like an AWS access key id",
    ]);
    expect(found[1]).to.match(/Move it to `sidecars\[0\]\.secrets`\.$/);
    expect(found.join("\n")).to.not.include(GITHUB).and.not.include(AWS_KEY);
  });

  it("accepts ordinary options, commands and environment (few false positives)", () => {
    expect(
      problems({
        logging: {
          logDriver: "splunk",
          options: { "splunk-url": "https://splunk.example:8088", "splunk-token-file": "/run/token", "splunk-format": "json" },
        },
        healthCheck: { command: ["CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"] },
        environment: { MAX_TOKENS: "100", TOKEN_URL: "https://auth.example/token", LOG_LEVEL: "info" },
        sidecars: [{ ...SIDECAR, command: ["agent", "--secret-file=/run/secrets/key", "--token", "$TOKEN"] }],
      }),
    ).to.deep.equal([]);
  });

  it("names shapes and credential names by the documented rules", () => {
    expect(
      ["apikey", "api_key", "DD_API_KEY", "splunk-token", "password", "Authorization", "client_secret"].filter((n) => !isCredentialName(n)),
    ).to.deep.equal([]);
    expect(["splunk-token-file", "token_url", "secret_name", "Name", "Host", "dd_service"].filter(isCredentialName)).to.deep.equal([]);
    expect(credentialShape("-----BEGIN RSA PRIVATE KEY-----\nabc")).to.equal("a private key");
    expect(credentialShape("postgres://app:pw-1@db.internal:5432/app")).to.equal("a URL with a password");
    expect(credentialShape("an ordinary sentence about tokens and secrets")).to.equal(undefined);
  });
});
