/**
 * The IAM picture of a subject, read from its captured resources: every role with its trust policy and inline
 * policies, the KMS key policies, and the ARNs of what the program made. Roles are found, not listed, so a role a new
 * mode adds (a rotation target, say) shows up in the tests and the report without a change here.
 */
import type { PolicyDocument } from "../../src/iam/policyDocument";
import { containers, ofType, only, policyInput, stateString, Subject, TYPES, UNMODELLED_GRANTS } from "../../../policy-pack/src/subject";

/** A role as IAM evaluates it. */
export interface RoleModel {
  /** "execution role", "task role", or the role's resource name for any other role. */
  label: string;
  arn: string;
  trust: PolicyDocument;
  /** Its inline policies: the only grants the component makes. */
  policies: PolicyDocument[];
}

/** A KMS key and its key policy (absent for a caller's key: not ours to evaluate). */
export interface KeyModel {
  arn: string;
  policy: PolicyDocument;
}

/** A queue and its queue policy (none when the program sets none). */
export interface QueueModel {
  arn: string;
  policy: PolicyDocument | undefined;
}

/** The ARNs of what the subject made. */
export interface Targets {
  repositoryArns: string[];
  logGroupArns: string[];
  secretArns: string[];
  /** The Secrets Manager secrets the sidecars reference (every container after the app but the secrets init container). */
  sidecarSecretArns: string[];
  /** The Secrets Manager secrets the app container's log configuration references (`logging.secretOptions`). */
  logSecretArns: string[];
  /** The Secrets Manager secrets ECS injects into the secrets init container (file delivery). */
  initSecretArns: string[];
  /** The SSM parameters ECS injects into the secrets init container (file delivery). */
  initParameterArns: string[];
  /** The S3 objects the component stores, each with the version it wrote. */
  objects: Array<{ arn: string; versionId: string }>;
  keyArns: string[];
  tableArns: string[];
  serviceArns: string[];
  taskDefinitionArns: string[];
  clusterArns: string[];
  queueArns: string[];
}

export interface IamModel {
  roles: RoleModel[];
  keys: KeyModel[];
  queues: QueueModel[];
  targets: Targets;
}

/** The S3 objects the component stores secrets in (not among the pack's types: no control reads them). */
const OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";

/** Reads roles, keys and targets; fails when a grant exists that this model does not evaluate. */
export function iamModel(subject: Subject): IamModel {
  const unmodelled = subject.resources.filter((r) => UNMODELLED_GRANTS.includes(r.type));
  if (unmodelled.length > 0) {
    throw new Error(`${subject.label}: grants outside the model: ${unmodelled.map((r) => `${r.type} ${r.name}`).join(", ")}`);
  }
  const task = only(subject, TYPES.taskDefinition).inputs;
  const rolePolicies = ofType(subject, TYPES.rolePolicy);
  const roles = ofType(subject, TYPES.role).map((role): RoleModel => {
    if (role.inputs.managedPolicyArns !== undefined) throw new Error(`${role.name} has managed policies`);
    const arn = stateString(role, "arn");
    const label = arn === task.executionRoleArn ? "execution role" : arn === task.taskRoleArn ? "task role" : role.name;
    const policies = rolePolicies.filter((p) => p.inputs.role === role.id).map((p) => policyInput(p, "policy"));
    return { label, arn, trust: policyInput(role, "assumeRolePolicy"), policies };
  });
  const arns = (type: string) => ofType(subject, type).map((r) => stateString(r, "arn"));
  const initSecrets = containers(subject)
    .filter((c) => c.name === "secrets-init")
    .flatMap((c) => c.secrets ?? []);
  return {
    roles,
    keys: ofType(subject, TYPES.key).map((k) => ({ arn: stateString(k, "arn"), policy: policyInput(k, "policy") })),
    queues: ofType(subject, TYPES.queue).map((q) => {
      const policy = ofType(subject, TYPES.queuePolicy).find((p) => p.inputs.queueUrl === q.state.url);
      return { arn: stateString(q, "arn"), policy: policy && policyInput(policy, "policy") };
    }),
    targets: {
      repositoryArns: arns(TYPES.repository),
      logGroupArns: arns(TYPES.logGroup),
      secretArns: arns(TYPES.secret),
      sidecarSecretArns: secretsManagerArns(
        containers(subject)
          .slice(1)
          .filter((c) => c.name !== "secrets-init")
          .flatMap((c) => c.secrets ?? []),
      ),
      logSecretArns: secretsManagerArns(containers(subject)[0]?.logConfiguration?.secretOptions ?? []),
      initSecretArns: secretsManagerArns(initSecrets),
      initParameterArns: initSecrets.map((x) => x.valueFrom).filter((arn) => arn.startsWith("arn:aws:ssm:")),
      objects: ofType(subject, OBJECT).map((o) => ({
        arn: `arn:aws:s3:::${String(o.inputs.bucket)}/${String(o.inputs.key)}`,
        versionId: stateString(o, "versionId"),
      })),
      keyArns: arns(TYPES.key),
      tableArns: arns(TYPES.table),
      serviceArns: arns(TYPES.service),
      taskDefinitionArns: arns(TYPES.taskDefinition),
      clusterArns: arns(TYPES.cluster),
      queueArns: arns(TYPES.queue),
    },
  };
}

/** The secrets among these ECS references (`valueFrom`) that are in Secrets Manager, as secret ARNs (no JSON key or version). */
function secretsManagerArns(references: ReadonlyArray<{ valueFrom: string }>): string[] {
  return references.map((x) => x.valueFrom.split(":").slice(0, 7).join(":")).filter((arn) => arn.startsWith("arn:aws:secretsmanager:"));
}

/** The role with this label; fails when the subject has none. */
export function role(model: IamModel, label: string): RoleModel {
  const found = model.roles.find((r) => r.label === label);
  if (!found) throw new Error(`no ${label}; roles: ${model.roles.map((r) => r.label).join(", ")}`);
  return found;
}
