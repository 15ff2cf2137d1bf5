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
}

/** Derives every fixed physical name from project, stack and component name. */
export function deriveNames(project: string, stack: string, name: string): DerivedNames {
  const path = [project, stack, name].map(pathSegment);
  return {
    logGroup: `/ecs/${path.join("/")}`.slice(0, 512),
    repository: ecrRepositoryName(project, stack, name),
    family: [project, stack, name].map((s) => s.replace(/[^A-Za-z0-9_-]/g, "-")).join("-").slice(0, 255),
    secretPrefix: `${path.join("/")}/`,
    keyAlias: `alias/${path.join("/")}`.slice(0, 256),
    bucketPrefix: `${[project, stack, name].map((seg) => seg.toLowerCase().replace(/[^a-z0-9]+/g, "-")).join("-").replace(/-{2,}/g, "-").replace(/^-+/, "").slice(0, 36).replace(/-+$/, "")}-`,
    rotationLogGroup: `/ecs/${path.join("/")}/rotation`.slice(0, 512),
  };
}

/** A segment valid in log group, secret and alias names: letters, digits, `_` and `-`. */
function pathSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "-");
}

/**
 * ECR names: `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, 2 to 256 characters.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
 */
function ecrRepositoryName(project: string, stack: string, name: string): string {
  const segment = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, "-")
      .replace(/[._-]{2,}/g, "-")
      .replace(/^[._-]+|[._-]+$/g, "") || "x";
  return [project, stack, name].map(segment).join("/").slice(0, 256);
}
