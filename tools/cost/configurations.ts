/**
 * The configurations the report prices: stack settings (each run of the program under mocks, so the figures follow
 * what the stack creates) and, on top, how the tasks are bought.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { RESULT_PREFIX, SCENARIO_REGION as REGION, type ScenarioResult } from "@twitterstream/test-kit/scenario";

const REPO = path.resolve(__dirname, "..", "..");
const SCENARIO = path.join(REPO, "infra", "mocked", "scenario.ts");

/** Placeholder credentials: any non-blank value makes the stack run. */
const CREDENTIALS = ["consumerKey", "consumerSecretKey", "accessToken", "accessTokenSecret"];
/** The credentials are secret config, as `pulumi config set --secret` makes them: the program refuses plaintext. */
const SECRET_KEYS = CREDENTIALS.map((key) => `twitterstream:${key}`);

/** One priced configuration. */
export interface Configuration {
  readonly label: string;
  /** Stack config keys (without the `twitterstream:` namespace) that differ from the defaults. */
  readonly settings: Readonly<Record<string, string>>;
  /** Price the tasks as bought on Fargate Spot whatever the stack's strategy (a stack with `spot: true` is priced so anyway). */
  readonly spot: boolean;
}

/** The configurations, the stack's defaults first (the README's headline). */
export const CONFIGURATIONS: readonly Configuration[] = [
  { label: "Default: default VPC, public IP, x86, on-demand, 1 task", settings: {}, spot: false },
  { label: "arm64 (`imagePlatform: linux/arm64`)", settings: { imagePlatform: "linux/arm64" }, spot: false },
  // The stack's own `spot` setting: its service's capacity provider strategy is FARGATE_SPOT only. No arm64 with Spot:
  // Fargate Spot runs x86 tasks only (the stack refuses `spot` with `linux/arm64`).
  { label: "Fargate Spot (`spot: true`)", settings: { spot: "true" }, spot: false },
  { label: "Private network (`network: private`): new VPC, no public IP on the task, NAT", settings: { network: "private" }, spot: false },
  { label: "Stopped (`desiredCount: 0`)", settings: { desiredCount: "0" }, spot: false },
  { label: "Table backup (`backup: true`): its vault key; its storage grows with the posts (below)", settings: { backup: "true" }, spot: false },
];

/** The stack's config for these settings, as `pulumi config` hands it to the program. */
function stackConfig(settings: Readonly<Record<string, string>>): Record<string, string> {
  const config: Record<string, string> = { "aws:region": REGION };
  for (const key of CREDENTIALS) config[`twitterstream:${key}`] = `placeholder-${key}`;
  for (const [key, value] of Object.entries(settings)) config[`twitterstream:${key}`] = value;
  return config;
}

/**
 * Runs the stack program once under mocks, in a child process (tsx from the repository root, as the tests run), with no
 * time limit of its own: a loaded machine only makes it slower (the tests' limit is mocha's, scaled to the load).
 */
export function captureStack(settings: Readonly<Record<string, string>>): Promise<ScenarioResult> {
  const input = JSON.stringify({ config: stackConfig(settings), secretKeys: SECRET_KEYS });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", SCENARIO, input], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (line === undefined) return reject(new Error(`stack ${JSON.stringify(settings)}: no result (${String(error)}):\n${stdout}\n${stderr}`));
      const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult;
      if (result.error !== undefined) return reject(new Error(`stack ${JSON.stringify(settings)}: ${result.error}`));
      resolve(result);
    });
  });
}

/** Each distinct stack setting run once, side by side; keyed by the settings' JSON. */
export async function captureAll(configurations: readonly Configuration[] = CONFIGURATIONS): Promise<Map<string, ScenarioResult>> {
  const keys = [...new Set(configurations.map((c) => JSON.stringify(c.settings)))];
  const results = await Promise.all(keys.map((k) => captureStack(JSON.parse(k) as Record<string, string>)));
  return new Map(keys.map((k, i) => [k, results[i]]));
}
