import * as pulumi from "@pulumi/pulumi";
import { LogDriver, type LoggingArgs } from "../ecs/args";
import { type SecretRefArgs } from "./args";
import { type SecureFargateTaskArgs } from "../args";
import { givenSources, injectableNouns, SecretSpec, SOURCES, sourceOf } from "./registry";
import { type Reject, show } from "../errors";
import { ENV_NAME } from "../ecs/validateContainer";

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
    const choices = SOURCES.map((s) => `\`${s.kind}\` (${s.hint})`);
    reject(field, `names no source. Give exactly one of ${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}.`);
    return [];
  }
  if (given.length > 1) {
    reject(field, `names ${given.length} sources (${given.map((g) => `\`${g.kind}\``).join(", ")}). Give exactly one.`);
    return [];
  }
  // The fields that only go with some sources, in the order the sources list them.
  for (const option of [...new Set(SOURCES.flatMap((s) => s.options))]) {
    const owners = SOURCES.filter((s) => s.options.includes(option));
    if (source[option] !== undefined && !owners.includes(given[0])) {
      reject(`${field}.${option}`, `goes only with ${owners.map((s) => `\`${s.kind}\``).join(" or ")}, not with \`${given[0].kind}\`. Remove it.`);
    }
  }
  return given[0].validate(field, source, reject) ? [given[0].classify(name, source)] : [];
}

/** Checks the log routing and its secret options. */
export function validateLogging(
  logging: LoggingArgs,
  reject: Reject,
): { logDriver: LoggingArgs["logDriver"]; options: Record<string, string>; secretOptions: SecretSpec[] } {
  if (!(Object.values(LogDriver) as string[]).includes(logging.logDriver)) {
    reject("logging.logDriver", `is not a log driver Fargate supports: got ${show(logging.logDriver)}. Use "awslogs", "splunk" or "awsfirelens".`);
  }
  const secretOptions = Object.keys(logging.secretOptions ?? {})
    .sort()
    .flatMap((key) => validateSource(`logging.secretOptions.${key}`, key, logging.secretOptions![key], reject));
  for (const spec of secretOptions) {
    const source = sourceOf(spec);
    if (!source.injectable) {
      reject(
        `logging.secretOptions.${spec.name}`,
        `is ${source.noun}, which can only be delivered as a file; ECS reads secretOptions itself. Use ${injectableNouns()}.`,
      );
    }
  }
  return { logDriver: logging.logDriver, options: logging.options ?? {}, secretOptions };
}
