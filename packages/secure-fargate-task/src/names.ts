import { createHash } from "node:crypto";
import { type Reject, show } from "./errors";

/**
 * Physical names derived from the Pulumi project, stack and component name. Deterministic, so that the same program
 * yields the same names on every run, and scoped by stack, so that two stacks coexist in one account.
 */

/** The names of the children that carry a fixed physical name. */
export interface DerivedNames {
  /** CloudWatch log group: `/ecs/<project>/<stack>/<name>`. */
  logGroup: string;
  /** ECR repository: lower case, `<project>/<stack>/<name>`. */
  repository: string;
  /** Task definition family: `<project>-<stack>-<name>`. */
  family: string;
  /** Prefix of the Secrets Manager secret names: `<project>/<stack>/<name>/`. AWS appends a unique suffix. */
  secretPrefix: string;
  /** KMS alias: `alias/<project>/<stack>/<name>`. */
  keyAlias: string;
  /** Prefix of the S3 bucket name (AWS appends a unique suffix): lower case `<project>-<stack>-<name>-`, at most 37. */
  bucketPrefix: string;
  /** Log group of the rotation function: `<logGroup>/rotation`. */
  rotationLogGroup: string;
  /**
   * EventBridge rule of the rotation follower: `<family>-rotation`, at most 64 characters of `[.\-_A-Za-z0-9]`. Fixed,
   * so that the key policy can name the rule's ARN before the rule exists (the rule's pattern depends on the secrets,
   * which depend on the key).
   */
  rotationRule: string;
  /** Prefix of the secrets bucket's access-log bucket (AWS appends a unique suffix): `<bucketPrefix>logs-`, at most 37. */
  accessLogBucketPrefix: string;
  /** `<project>/<stack>/<name>` for descriptions, at most {@link LABEL_MAX} characters. */
  label: string;
}

/** The longest label a description embeds: every description that holds one stays inside its AWS limit. */
export const LABEL_MAX = 100;

/**
 * The longest repository name: the image reference `<account>.dkr.ecr.<region>.amazonaws.com.cn/<repository>@sha256:<64>`
 * must fit the 255 characters ECS allows a container definition's `image`, with the longest region names.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
 */
const REPOSITORY_MAX = 110;

/** Derives every fixed physical name from project, stack and component name. */
export function deriveNames(project: string, stack: string, name: string): DerivedNames {
  const path = [project, stack, name].map(pathSegment);
  const family = [project, stack, name]
    .map((s) => s.replace(/[^A-Za-z0-9_-]/g, "-"))
    .join("-")
    .slice(0, 255);
  const bucketBase = [project, stack, name]
    .map((seg) => seg.toLowerCase().replace(/[^a-z0-9]+/g, "-"))
    .join("-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+/, "");
  return {
    logGroup: `/ecs/${path.join("/")}`.slice(0, 512),
    repository: ecrRepositoryName(project, stack, name),
    label: fit([project, stack, name].join("/"), LABEL_MAX, /[^A-Za-z0-9]+$/),
    family,
    secretPrefix: `${path.join("/")}/`,
    keyAlias: `alias/${path.join("/")}`.slice(0, 256),
    bucketPrefix: `${bucketBase.slice(0, 36).replace(/-+$/, "")}-`,
    rotationLogGroup: `/ecs/${path.join("/")}/rotation`.slice(0, 512),
    rotationRule: fit(`${family}-rotation`, 64, /[^A-Za-z0-9]+$/),
    accessLogBucketPrefix: `${bucketBase.slice(0, 31).replace(/-+$/, "")}-logs-`,
  };
}

/** A segment valid in log group, secret and alias names: letters, digits, `_` and `-`. */
function pathSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "-");
}

/**
 * ECR names: `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, 2 to 256 characters; shortened to
 * {@link REPOSITORY_MAX} with a hash of the whole, so that long project and stack names stay unique.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
 */
function ecrRepositoryName(project: string, stack: string, name: string): string {
  const segment = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, "-")
      .replace(/[._-]{2,}/g, "-")
      .replace(/^[._-]+|[._-]+$/g, "") || "x";
  return fit([project, stack, name].map(segment).join("/"), REPOSITORY_MAX, /[^a-z0-9]+$/);
}

/**
 * The repository name for a repository encrypted with `kmsKeyArn`: the base name and a hash of the key. The key is
 * fixed when the repository is created (a new key replaces the repository), so a new key gives a new name, and the
 * replacement (made before the old one is deleted) never collides with the name it replaces; the image's URL changes
 * with it, so the image is pushed to the new repository.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_EncryptionConfiguration.html
 */
export function keyedRepositoryName(base: string, kmsKeyArn: string): string {
  return `${base}-${shortHash(kmsKeyArn)}`;
}

/**
 * `text` when it fits in `max` characters; else its start, without a trailing run of what `trailing` matches, then `-`
 * and a hash of the whole, `max` characters at most.
 */
export function fit(text: string, max: number, trailing: RegExp): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 9).replace(trailing, "")}-${shortHash(text)}`;
}

/** The first 8 hex characters of the SHA-256 of `text`. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

/** Checks the component's name, from which every physical name above is derived. */
export function validateComponentName(name: string, reject: Reject): void {
  if (!COMPONENT_NAME.test(name)) {
    reject(
      "name",
      `must be 1 to 32 letters, digits or hyphens, starting with a letter or digit, so that every derived AWS name is valid: got ${show(name)}. Rename the component, e.g. "app".`,
    );
  } else if (/^sg-/i.test(name)) {
    // The security group's generated name starts with the component's, and EC2 refuses group names that start with sg-.
    reject(
      "name",
      `must not start with "sg-": the tasks' security group is named after the component, and EC2 refuses group names that start with "sg-": got ${show(name)}. Rename the component.`,
    );
  }
}
