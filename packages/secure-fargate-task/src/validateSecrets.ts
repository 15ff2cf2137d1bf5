import type { LoggingArgs, SecretSource, SecureFargateTaskArgs } from "./args";
import { classifySource, SecretSpec } from "./sources";
import type { Settings } from "./validate";
import { ENV_NAME, Reject, show } from "./validation";

/** Checks the `secrets` map and sorts each source into its kind, by variable name. */
export function validateSecrets(secrets: SecureFargateTaskArgs["secrets"] | undefined, reject: Reject): SecretSpec[] {
  const names = Object.keys(secrets ?? {}).sort();
  if (names.length === 0) {
    reject("secrets", `is empty: this component exists to deliver secrets. Give at least one, e.g. { API_KEY: config.requireSecret("apiKey") }, or use a plain ECS service.`);
  }
  return names.flatMap((key) => {
    if (!ENV_NAME.test(key)) {
      reject(`secrets.${key}`, `is not a valid environment variable name: got ${show(key)}. Use letters, digits and underscores, not starting with a digit.`);
    }
    return validateSource(`secrets.${key}`, key, secrets![key]!, reject);
  });
}

/** Classifies one secret source and checks it; an empty list when it has no known shape. */
function validateSource(field: string, name: string, source: SecretSource, reject: Reject): SecretSpec[] {
  if (source === "" || (typeof source === "object" && source !== null && "s3Object" in source && source.s3Object === "")) {
    reject(field, `is an empty string. Set it with \`pulumi config set --secret <key> <value>\`.`);
    return [];
  }
  const spec = source === undefined || source === null ? undefined : classifySource(name, source);
  if (spec === undefined) {
    reject(field, `has no value. Give a value (e.g. config.requireSecret("key")), { secretsManager: <ARN or name> }, { ssmParameter: <name or ARN> } or { s3Object: <content> }.`);
    return [];
  }
  if (spec.kind === "secretsManager") {
    if (spec.ref === "") reject(`${field}.secretsManager`, `is empty. Give the secret's ARN or name.`);
    if (spec.jsonKey === "") reject(`${field}.jsonKey`, `is empty. Give the JSON key to extract, or leave it out for the whole secret.`);
    if (spec.versionId !== undefined && spec.versionStage !== undefined) {
      reject(field, `sets both \`versionId\` and \`versionStage\`. Pin a version id, or follow a stage, not both.`);
    }
    if (spec.followRotation && (spec.versionId !== undefined || spec.versionStage !== undefined)) {
      reject(`${field}.followRotation`, `follows the AWSCURRENT version, so it cannot be combined with \`versionId\` or \`versionStage\`. Remove them, or set followRotation: false.`);
    }
  }
  if (spec.kind === "ssm" && spec.ref === "") reject(`${field}.ssmParameter`, `is empty. Give the parameter's name or ARN.`);
  return [spec];
}

/** Checks the log routing and its secret options. */
export function validateLogging(logging: LoggingArgs, reject: Reject): NonNullable<Settings["logging"]> {
  if (!["awslogs", "splunk", "awsfirelens"].includes(logging.logDriver)) {
    reject("logging.logDriver", `is not a log driver Fargate supports: got ${show(logging.logDriver)}. Use "awslogs", "splunk" or "awsfirelens".`);
  }
  const secretOptions = Object.keys(logging.secretOptions ?? {})
    .sort()
    .flatMap((key) => validateSource(`logging.secretOptions.${key}`, key, logging.secretOptions![key]!, reject));
  for (const spec of secretOptions) {
    if (spec.kind === "s3") {
      reject(`logging.secretOptions.${spec.name}`, `is an S3 object, which can only be delivered as a file; ECS reads secretOptions itself. Use a value, a Secrets Manager secret or an SSM parameter.`);
    }
  }
  return { logDriver: logging.logDriver, options: logging.options ?? {}, secretOptions };
}

