import * as pulumi from "@pulumi/pulumi";
import { LogDriver, type LoggingArgs, type SecretRefArgs, type SecureFargateTaskArgs } from "../args";
import { classifySource, givenSources, SecretSpec } from "./sources";
import type { Settings } from "../validate";
import { ENV_NAME, Reject, show } from "../validation";

/** Checks the `secrets` map and sorts each source into its kind, by variable name. */
export function validateSecrets(secrets: SecureFargateTaskArgs["secrets"] | undefined, reject: Reject): SecretSpec[] {
  const names = Object.keys(secrets ?? {}).sort();
  if (names.length === 0) {
    reject(
      "secrets",
      `is empty: this component exists to deliver secrets. Give at least one, e.g. { API_KEY: { value: config.requireSecret("apiKey") } }, or use a plain ECS service.`,
    );
  }
  return validateSecretMap("secrets", secrets ?? {}, reject);
}

/**
 * Checks a map of environment variable name -> secret source (the app's `secrets`, a sidecar's) and sorts each source
 * into its kind, by variable name.
 * @param at where the map is, for messages: `secrets`, `sidecars[0].secrets`.
 */
export function validateSecretMap(at: string, secrets: Record<string, SecretRefArgs>, reject: Reject): SecretSpec[] {
  return Object.keys(secrets)
    .sort()
    .flatMap((key) => {
      if (!ENV_NAME.test(key)) {
        reject(
          `${at}.${key}`,
          `is not a valid environment variable name: got ${show(key)}. Use letters, digits and underscores, not starting with a digit.`,
        );
      }
      return validateSource(`${at}.${key}`, key, secrets[key], reject);
    });
}

/** The fields that only go with one source. */
const ONLY_WITH: ReadonlyArray<readonly [keyof SecretRefArgs, ReadonlyArray<keyof SecretRefArgs>]> = [
  ["jsonKey", ["secretsManager"]],
  ["versionId", ["secretsManager"]],
  ["versionStage", ["secretsManager"]],
  ["followRotation", ["secretsManager"]],
  ["kmsKeyArn", ["secretsManager", "ssmParameter"]],
];

/** Classifies one secret reference and checks it; an empty list when it does not name exactly one source. */
function validateSource(field: string, name: string, source: SecretRefArgs, reject: Reject): SecretSpec[] {
  if (source === null || typeof source !== "object" || pulumi.Output.isInstance(source)) {
    reject(
      field,
      `must be an object naming its source, e.g. { value: config.requireSecret("key") }: got ${pulumi.Output.isInstance(source) ? "an Output" : show(source)}. Wrap a value as { value: ... }.`,
    );
    return [];
  }
  const given = givenSources(source);
  if (given.length === 0) {
    reject(
      field,
      `names no source. Give exactly one of \`value\` (e.g. config.requireSecret("key")), \`secretsManager\` (ARN or name), \`ssmParameter\` (name or ARN) or \`s3Object\` (content).`,
    );
    return [];
  }
  if (given.length > 1) {
    reject(field, `names ${given.length} sources (${given.map((g) => `\`${g}\``).join(", ")}). Give exactly one.`);
    return [];
  }
  for (const [option, sources] of ONLY_WITH) {
    if (source[option] !== undefined && !sources.includes(given[0])) {
      reject(`${field}.${option}`, `goes only with ${sources.map((s) => `\`${s}\``).join(" or ")}, not with \`${given[0]}\`. Remove it.`);
    }
  }
  if (source.value === "" || source.s3Object === "") {
    reject(`${field}.${given[0]}`, `is an empty string. Set it with \`pulumi config set --secret <key> <value>\`.`);
    return [];
  }
  const spec = classifySource(name, source)!;
  if (spec.kind === "secretsManager") {
    if (spec.ref === "") reject(`${field}.secretsManager`, `is empty. Give the secret's ARN or name.`);
    if (spec.jsonKey === "") reject(`${field}.jsonKey`, `is empty. Give the JSON key to extract, or leave it out for the whole secret.`);
    if (spec.versionId !== undefined && spec.versionStage !== undefined) {
      reject(field, `sets both \`versionId\` and \`versionStage\`. Pin a version id, or follow a stage, not both.`);
    }
    if (spec.followRotation && (spec.versionId !== undefined || spec.versionStage !== undefined)) {
      reject(
        `${field}.followRotation`,
        `follows the AWSCURRENT version, so it cannot be combined with \`versionId\` or \`versionStage\`. Remove them, or set followRotation: false.`,
      );
    }
  }
  if (spec.kind === "ssm" && spec.ref === "") reject(`${field}.ssmParameter`, `is empty. Give the parameter's name or ARN.`);
  return [spec];
}

/** Checks the log routing and its secret options. */
export function validateLogging(logging: LoggingArgs, reject: Reject): Omit<NonNullable<Settings["logging"]>, "router"> {
  if (!(Object.values(LogDriver) as string[]).includes(logging.logDriver)) {
    reject("logging.logDriver", `is not a log driver Fargate supports: got ${show(logging.logDriver)}. Use "awslogs", "splunk" or "awsfirelens".`);
  }
  const secretOptions = Object.keys(logging.secretOptions ?? {})
    .sort()
    .flatMap((key) => validateSource(`logging.secretOptions.${key}`, key, logging.secretOptions![key], reject));
  for (const spec of secretOptions) {
    if (spec.kind === "s3") {
      reject(
        `logging.secretOptions.${spec.name}`,
        `is an S3 object, which can only be delivered as a file; ECS reads secretOptions itself. Use a value, a Secrets Manager secret or an SSM parameter.`,
      );
    }
  }
  return { logDriver: logging.logDriver, options: logging.options ?? {}, secretOptions };
}
