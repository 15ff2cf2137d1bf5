/**
 * The input of the secrets init container: which secret goes into which file.
 *
 * It travels in one environment variable, {@link SPEC_ENV_VAR}, as JSON. It holds only ARNs, names and version
 * ids, never a secret value. This module has no dependencies, so the Pulumi component can import it to build the
 * value and the init program can import it to read it back.
 */

/** The environment variable that carries the spec (JSON) to the init container. */
export const SPEC_ENV_VAR = "SECRET_FILES_SPEC";

/** Where one file's content comes from. */
export type SecretFileSource =
  | {
      readonly type: "secretsmanager";
      /** The full secret ARN, with its 6-character suffix. */
      readonly secretId: string;
      /** Pins one version. Only one of `versionId` or `versionStage`; neither means `AWSCURRENT`. */
      readonly versionId?: string;
      /** A staging label such as `AWSCURRENT` or `AWSPREVIOUS`. */
      readonly versionStage?: string;
      /** Writes only this top-level field of a JSON `SecretString`. */
      readonly jsonKey?: string;
    }
  | {
      readonly type: "ssm";
      /** A parameter name or ARN; `name:version` or `name:label` pins a version. */
      readonly name: string;
      /** Required for `SecureString` parameters (the init program refuses to write ciphertext). */
      readonly withDecryption?: true;
    }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      /** Pins one object version. */
      readonly versionId?: string;
    }
  | {
      /**
       * A value ECS injected into the init container's environment when the task started (its `secrets`, read from
       * Secrets Manager or Parameter Store with the execution role): the init program reads the variable, calls no AWS API.
       */
      readonly type: "environment";
      /** The variable holding the value: {@link injectedVariable} of the file's name. */
      readonly variable: string;
    };

/** One file to write: `<targetDir>/<name>`. */
export interface SecretFile {
  /** An environment variable name; also the file name. The app gets `<name>_FILE`. */
  readonly name: string;
  readonly source: SecretFileSource;
}

/** The whole input of the init program. */
export interface SecretFilesSpec {
  /** The absolute directory the files are written to, the mount path of the shared volume, e.g. `/run/secrets`. */
  readonly targetDir: string;
  readonly files: readonly SecretFile[];
}

/** A spec that breaks a rule; its message is one line that names the field, the value and the rule. */
export class SpecError extends Error {
  override readonly name = "SpecError";
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_NAME_LENGTH = 128;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/;
const SECRET_VERSION_ID = /^[A-Za-z0-9-]{32,64}$/;
const SSM_NAME = /^[A-Za-z0-9_.\-/]{1,2048}(:[A-Za-z0-9_.-]+)?$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9_.\-/]+(:[A-Za-z0-9_.-]+)?$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Validates a spec and returns it in canonical form: files sorted by name, fields in a fixed order, no unknown or
 * undefined fields. Same input, same output.
 * @throws SpecError on the first rule broken.
 */
export function buildSpec(input: SecretFilesSpec): SecretFilesSpec {
  return validateSpec(input);
}

/** The value of {@link SPEC_ENV_VAR} for a spec: canonical JSON, deterministic. @throws SpecError */
export function serializeSpec(input: SecretFilesSpec): string {
  return JSON.stringify(validateSpec(input));
}

/** Reads the value of {@link SPEC_ENV_VAR}, with the same rules as {@link buildSpec}. @throws SpecError */
export function parseSpec(text: string | undefined): SecretFilesSpec {
  if (text === undefined || text === "") {
    throw new SpecError(`invalid secret files spec: ${SPEC_ENV_VAR} is not set`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SpecError(`invalid secret files spec: ${SPEC_ENV_VAR} is not valid JSON`);
  }
  return validateSpec(value);
}

/** The prefix of the variables ECS injects values into, in the init container: `SECRET_VALUE_<name>`. */
export const INJECTED_PREFIX = "SECRET_VALUE_";

/** The init container's variable that ECS injects a file's value into. */
export function injectedVariable(name: string): string {
  return `${INJECTED_PREFIX}${name}`;
}

/** The path of one file, e.g. `/run/secrets/DB_PASSWORD`: the value of the app's `<name>_FILE` variable. */
export function secretFilePath(targetDir: string, name: string): string {
  return `${targetDir}/${name}`;
}

function validateSpec(value: unknown): SecretFilesSpec {
  const spec = fields(value, "spec", ["targetDir", "files"]);
  const targetDir = text(
    spec,
    "targetDir",
    "targetDir",
    isTargetDir,
    "must be an absolute path other than `/` without `.`, `..` or empty segments",
  );
  if (!Array.isArray(spec.files) || spec.files.length === 0) {
    fail("files", "must be a non-empty array");
  }
  const seen = new Set<string>();
  const files = spec.files.map((entry: unknown, index: number): SecretFile => {
    const file = validateFile(entry, `files[${index}]`);
    if (seen.has(file.name)) {
      fail(`files[${index}].name`, `repeats ${JSON.stringify(file.name)}; each name must be unique`);
    }
    seen.add(file.name);
    return file;
  });
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { targetDir, files };
}

function validateFile(value: unknown, path: string): SecretFile {
  const file = fields(value, path, ["name", "source"]);
  const name = text(
    file,
    "name",
    `${path}.name`,
    (s) => ENV_NAME.test(s) && s.length <= MAX_NAME_LENGTH,
    `must be an environment variable name (letters, digits and \`_\`, not starting with a digit, at most ${MAX_NAME_LENGTH} characters)`,
  );
  return { name, source: validateSource(file.source, `${path}.source`) };
}

function validateSource(value: unknown, path: string): SecretFileSource {
  const type = fields(value, path, ["type"], true).type;
  switch (type) {
    case "secretsmanager":
      return validateSecretsManager(value, path);
    case "ssm":
      return validateSsm(value, path);
    case "s3":
      return validateS3(value, path);
    case "environment":
      return validateEnvironment(value, path);
    default:
      return fail(`${path}.type`, `must be one of "secretsmanager", "ssm", "s3", "environment", got ${JSON.stringify(type)}`);
  }
}

function validateSecretsManager(value: unknown, path: string): SecretFileSource {
  const source = fields(value, path, ["type", "secretId", "versionId", "versionStage", "jsonKey"]);
  const secretId = text(
    source,
    "secretId",
    `${path}.secretId`,
    (s) => SECRET_ARN.test(s),
    "must be a full secret ARN with its 6-character suffix (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 chars>)",
  );
  const versionId = optionalText(
    source,
    "versionId",
    `${path}.versionId`,
    (s) => SECRET_VERSION_ID.test(s),
    "must be a version id of 32 to 64 letters, digits or `-`",
  );
  const versionStage = optionalText(
    source,
    "versionStage",
    `${path}.versionStage`,
    (s) => s.length <= 256,
    "must be a staging label of 1 to 256 characters",
  );
  const jsonKey = optionalText(source, "jsonKey", `${path}.jsonKey`, () => true, "must be a non-empty string");
  if (versionId !== undefined && versionStage !== undefined) {
    fail(path, "may set only one of `versionId` or `versionStage`");
  }
  return {
    type: "secretsmanager",
    secretId,
    ...(versionId === undefined ? {} : { versionId }),
    ...(versionStage === undefined ? {} : { versionStage }),
    ...(jsonKey === undefined ? {} : { jsonKey }),
  };
}

function validateSsm(value: unknown, path: string): SecretFileSource {
  const source = fields(value, path, ["type", "name", "withDecryption"]);
  const name = text(
    source,
    "name",
    `${path}.name`,
    (s) => SSM_NAME.test(s) || SSM_ARN.test(s),
    "must be a parameter name or ARN (letters, digits, `_.-/`), optionally ending in `:<version>` or `:<label>`",
  );
  if (source.withDecryption !== undefined && source.withDecryption !== true) {
    fail(`${path}.withDecryption`, `must be true or absent, got ${JSON.stringify(source.withDecryption)}`);
  }
  return { type: "ssm", name, ...(source.withDecryption === true ? { withDecryption: true } : {}) };
}

function validateS3(value: unknown, path: string): SecretFileSource {
  const source = fields(value, path, ["type", "bucket", "key", "versionId"]);
  const bucket = text(
    source,
    "bucket",
    `${path}.bucket`,
    (s) => S3_BUCKET.test(s),
    "must be an S3 bucket name (3 to 63 lowercase letters, digits, `.` or `-`)",
  );
  const key = text(source, "key", `${path}.key`, (s) => s.length <= 1024, "must be an object key of 1 to 1024 characters");
  const versionId = optionalText(
    source,
    "versionId",
    `${path}.versionId`,
    (s) => s.length <= 1024,
    "must be an object version id of 1 to 1024 characters",
  );
  return { type: "s3", bucket, key, ...(versionId === undefined ? {} : { versionId }) };
}

function validateEnvironment(value: unknown, path: string): SecretFileSource {
  const source = fields(value, path, ["type", "variable"]);
  const variable = text(
    source,
    "variable",
    `${path}.variable`,
    (s) => s.startsWith(INJECTED_PREFIX) && ENV_NAME.test(s),
    `must be an environment variable name starting with \`${INJECTED_PREFIX}\``,
  );
  return { type: "environment", variable };
}

function isTargetDir(dir: string): boolean {
  const segments = dir.split("/").slice(1);
  return dir.startsWith("/") && dir !== "/" && segments.every((s) => s !== "" && s !== "." && s !== "..");
}

/** The object at `path`, checked for unknown fields (unless `partial`, used to peek at `type` first). */
function fields(value: unknown, path: string, allowed: readonly string[], partial = false): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, "must be an object");
  }
  const record = value as Record<string, unknown>;
  const unknown = partial ? undefined : Object.keys(record).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    fail(`${path}.${unknown}`, `is not a known field; allowed: ${allowed.map((key) => `\`${key}\``).join(", ")}`);
  }
  return record;
}

type Check = (s: string) => boolean;

function text(record: Record<string, unknown>, key: string, path: string, ok: Check, rule: string): string {
  const value = record[key];
  if (typeof value !== "string" || value === "" || !ok(value)) {
    fail(path, `${rule}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
  }
  return value;
}

function optionalText(record: Record<string, unknown>, key: string, path: string, ok: Check, rule: string): string | undefined {
  return record[key] === undefined ? undefined : text(record, key, path, ok, rule);
}

function fail(path: string, problem: string): never {
  throw new SpecError(`invalid secret files spec: \`${path}\` ${problem}`);
}
