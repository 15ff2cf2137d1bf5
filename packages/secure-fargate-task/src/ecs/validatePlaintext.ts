/**
 * Refuses credentials written in plain text into the fields the component copies into the container definitions,
 * which anyone allowed `ecs:DescribeTaskDefinition` can read: the log driver's and the router's options, health check
 * and sidecar commands, and (by shape) plaintext environment values. Each refusal names the field and what the value
 * looks like, never the value, and says where a secret goes instead.
 */
import type { SecureFargateTaskArgs } from "../args";
import { credentialShape, flagValueIndex, isCredentialName } from "../secrets/secretShapes";
import type { Reject } from "../errors";

const NOT_SHOWN = "(the value is not shown here)";

/** A map of options: each name that says it holds a credential, and each value shaped like one. */
function checkOptions(at: string, options: Record<string, unknown> | undefined, fix: (key: string) => string, reject: Reject): void {
  for (const [key, value] of Object.entries(options ?? {})) {
    if (typeof value !== "string" || value === "") continue;
    const shape = credentialShape(value);
    if (isCredentialName(key) || shape !== undefined) {
      const why = shape === undefined ? "is named as a credential" : `holds what looks like ${shape}`;
      reject(`${at}.${key}`, `${why} ${NOT_SHOWN}, and it would be written into the task definition in plain text. ${fix(key)}`);
    }
  }
}

/** A command: each argument shaped like a credential, and the value of a credential flag. */
function checkCommand(at: string, command: unknown, fix: string, reject: Reject): void {
  if (!Array.isArray(command) || !command.every((c): c is string => typeof c === "string")) return;
  const flagged = new Map<number, string>();
  command.forEach((arg, i) => {
    const shape = credentialShape(arg);
    if (shape !== undefined) flagged.set(i, `holds what looks like ${shape}`);
  });
  const value = flagValueIndex(command);
  if (value !== undefined && !flagged.has(value)) flagged.set(value, `is the value of ${command[value - 1]}`);
  for (const [i, why] of flagged) {
    reject(`${at}[${i}]`, `${why} ${NOT_SHOWN}, and commands are written into the task definition in plain text. ${fix}`);
  }
}

/** Plaintext environment values shaped like a credential (names are `validateEnvironment`'s). */
function checkEnvironment(at: string, environment: Record<string, unknown> | undefined, secretsField: string, reject: Reject): void {
  for (const [key, value] of Object.entries(environment ?? {})) {
    const shape = typeof value === "string" ? credentialShape(value) : undefined;
    if (shape !== undefined) {
      reject(
        `${at}.${key}`,
        `holds what looks like ${shape} ${NOT_SHOWN}, and plaintext environment variables are written into the task definition. Move it to \`${secretsField}\`.`,
      );
    }
  }
}

export function validatePlaintextSecrets(args: SecureFargateTaskArgs, reject: Reject): void {
  checkOptions(
    "logging.options",
    args.logging?.options,
    (key) =>
      `Pass it as \`logging.secretOptions.${key}\` (\`{ value: pulumi.secret(...) }\`, or an existing secret or parameter): ECS injects it when the task starts.`,
    reject,
  );
  checkOptions(
    "logging.router.firelensOptions",
    args.logging?.router?.firelensOptions,
    () => "Give the log driver its credentials through `logging.secretOptions`, or in the Fluent Bit configuration file your router image holds.",
    reject,
  );
  const appFix =
    "Put it in `secrets` (ECS injects it as a variable) and refer to it from a `CMD-SHELL` command as `$NAME`, or have the health check read it from a file.";
  checkCommand("healthCheck.command", args.healthCheck?.command, appFix, reject);
  checkEnvironment("environment", args.environment, "secrets", reject);
  (args.sidecars ?? []).forEach((sidecar, i) => {
    const at = `sidecars[${i}]`;
    const fix = `Put it in \`${at}.secrets\` (ECS injects it as a variable) and read it from the environment.`;
    checkCommand(`${at}.command`, sidecar.command, fix, reject);
    checkCommand(`${at}.healthCheck.command`, sidecar.healthCheck?.command, fix, reject);
    checkEnvironment(`${at}.environment`, sidecar.environment, `${at}.secrets`, reject);
  });
}
