/**
 * The configurations the deployer doc covers, each run once under Pulumi mocks in a child process: the stack in every
 * network × secret-delivery combination (through infra/mocked/scenario.ts, as the stack's tests run it), and the
 * component's optional parts the stack does not use (through the component's own mocks). Each yields the set of tokens
 * it registered or invoked.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { RESULT_PREFIX } from "@twitterstream/test-kit/scenario";

const REPO = path.resolve(__dirname, "..", "..");
const STACK_SCENARIO = path.join(REPO, "infra", "mocked", "scenario.ts");
const COMPONENT_SCENARIO = path.join(__dirname, "componentScenario.ts");

/** Stack settings that change which resources exist, by config key, with every value that matters. */
export const STACK_AXES = { network: ["default", "private"], secretDelivery: ["environment", "files"] } as const;

/** One configuration: the stack with these settings, or the component with one optional part. */
export type Configuration =
  | {
      readonly scope: "stack";
      readonly label: string;
      readonly settings: Readonly<Record<keyof typeof STACK_AXES, string>>;
      /** Config that adds resources without being an axis (it changes no other row), e.g. `alarmEmail`. */
      readonly extra?: Readonly<Record<string, string>>;
    }
  | { readonly scope: "component"; readonly label: string; readonly variant: string };

/** What one configuration registered: resource types and invoke tokens, deduplicated and sorted. */
export interface Capture {
  readonly configuration: Configuration;
  readonly tokens: readonly string[];
}

/**
 * Every stack combination, the stack with `alarmEmail` (its email subscription) and with `backup` (its AWS Backup
 * plan), then the component's optional parts
 * (`componentScenario.ts`'s variants).
 */
export const CONFIGURATIONS: readonly Configuration[] = [
  ...STACK_AXES.network.flatMap((network) =>
    STACK_AXES.secretDelivery.map((secretDelivery): Configuration => ({
      scope: "stack",
      label: `network: ${network}, secretDelivery: ${secretDelivery}`,
      settings: { network, secretDelivery },
    })),
  ),
  {
    scope: "stack",
    label: "`alarmEmail` set",
    settings: { network: "default", secretDelivery: "environment" },
    extra: { alarmEmail: "ops@example.com" },
  },
  {
    scope: "stack",
    label: "`backup` on",
    settings: { network: "default", secretDelivery: "environment" },
    extra: { backup: "true" },
  },
  { scope: "component", label: "component `followRotation` (an existing secret, followed)", variant: "followRotation" },
  { scope: "component", label: "component `s3Object` secret (its own S3 bucket)", variant: "s3Object" },
  { scope: "component", label: "component without `network` (default VPC lookup)", variant: "defaultNetwork" },
  { scope: "component", label: "component `schedule` (an EventBridge Scheduler schedule runs the task)", variant: "schedule" },
  { scope: "component", label: "component `loadBalancer` (an HTTPS Application Load Balancer it creates)", variant: "loadBalancer" },
  {
    scope: "component",
    label: "component `autoScaling` (Application Auto Scaling of the task count: a target, a policy, a schedule)",
    variant: "autoScaling",
  },
];

/** Placeholder credentials: any non-blank value makes the stack run. */
const CREDENTIALS = ["consumerKey", "consumerSecretKey", "accessToken", "accessTokenSecret"];
/** The credentials are secret config, as `pulumi config set --secret` makes them: the program refuses plaintext. */
const SECRET_KEYS = CREDENTIALS.map((key) => `twitterstream:${key}`);

interface ChildResult {
  resources: Array<{ type: string }>;
  invokes: string[];
  error?: string;
}

/**
 * Runs one configuration in a child process (tsx from the repository root, as the tests run), with no time limit of its
 * own: a loaded machine only makes it slower (the tests' limit is mocha's, scaled to the load).
 */
export function capture(configuration: Configuration): Promise<Capture> {
  const args =
    configuration.scope === "stack"
      ? [STACK_SCENARIO, JSON.stringify({ config: stackConfig({ ...configuration.settings, ...configuration.extra }), secretKeys: SECRET_KEYS })]
      : [COMPONENT_SCENARIO, configuration.variant];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", ...args], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (line === undefined) return reject(new Error(`${configuration.label}: no result (${String(error)}):\n${stdout}\n${stderr}`));
      const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult;
      if (result.error !== undefined) return reject(new Error(`${configuration.label}: ${result.error}`));
      const tokens = [...new Set([...result.resources.map((r) => r.type), ...result.invokes])].sort();
      resolve({ configuration, tokens });
    });
  });
}

/** Runs every configuration side by side. */
export function captureAll(): Promise<Capture[]> {
  return Promise.all(CONFIGURATIONS.map(capture));
}

function stackConfig(settings: Readonly<Record<string, string>>): Record<string, string> {
  const config: Record<string, string> = { "aws:region": "us-east-1" };
  for (const key of CREDENTIALS) config[`twitterstream:${key}`] = `placeholder-${key}`;
  for (const [key, value] of Object.entries(settings)) config[`twitterstream:${key}`] = value;
  return config;
}
