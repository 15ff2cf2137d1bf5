/**
 * Which Secrets Manager secrets the containers of a subject read, from every place a container definition names one:
 * - `secrets[].valueFrom` and `logConfiguration.secretOptions[].valueFrom`: the secret's ARN, optionally followed by
 *   `:<json-key>:<version-stage>:<version-id>`
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html);
 * - `repositoryCredentials.credentialsParameter`: the ARN of the secret holding registry credentials;
 * - the component's file delivery: the init container's `SECRET_FILES_SPEC`, parsed with the init program's own parser,
 *   whose `secretsmanager` sources name the secret's ARN (`secretId`).
 */
import { parseSpec, SPEC_ENV_VAR } from "../../secure-fargate-task/init/src/spec";
import type { ContainerJson } from "./subject";

/** A Secrets Manager ARN is `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars>`: seven fields. */
const SECRET_ARN_FIELDS = 7;

/** The secret's own ARN from a `valueFrom` or credentials parameter; undefined for anything else (an SSM parameter). */
export function secretArnOf(reference: string): string | undefined {
  const fields = reference.split(":");
  if (fields.length < SECRET_ARN_FIELDS || fields[0] !== "arn" || fields[2] !== "secretsmanager" || fields[5] !== "secret") return undefined;
  return fields.slice(0, SECRET_ARN_FIELDS).join(":");
}

/** What the container references: secret ARNs, and the reason a file spec it carries cannot be read, if any. */
export interface ContainerReferences {
  arns: string[];
  unreadableSpec?: string;
}

export function containerSecretReferences(c: ContainerJson): ContainerReferences {
  const direct = [
    ...(c.secrets ?? []).map((s) => s.valueFrom),
    ...(c.logConfiguration?.secretOptions ?? []).map((s) => s.valueFrom),
    ...(c.repositoryCredentials?.credentialsParameter === undefined ? [] : [c.repositoryCredentials.credentialsParameter]),
  ];
  const arns = direct.flatMap((r) => secretArnOf(r) ?? []);
  const spec = (c.environment ?? []).find((e) => e.name === SPEC_ENV_VAR);
  if (spec === undefined) return { arns };
  try {
    const files = parseSpec(spec.value).files;
    return { arns: [...arns, ...files.flatMap((f) => (f.source.type === "secretsmanager" ? [f.source.secretId] : []))] };
  } catch (e) {
    return { arns, unreadableSpec: e instanceof Error ? e.message : String(e) };
  }
}
