/**
 * Named principals, resources and request contexts for the IAM evaluation rows: what the subject made ("this
 * repository") and its neighbours in the same account ("another repository"), so that a row reads as a sentence.
 */
import type { PolicyDocument } from "../../src/iam/policyDocument";
import { IamModel, role } from "./iamModel";
import type { SimulatedRequest } from "@twitterstream/test-kit/iam/simulate";

/** The key the mocks report for an existing secret named `cmk/...` (the test kit's `awsFakes.ts`). */
const EXISTING_SECRET_KEY_ID = "0b1c2d3e-1111-2222-3333-444455556666";

/** An account that is not the subject's. */
export const OTHER_ACCOUNT = "210987654321";

/** The EFS file system and access points the EFS subject mounts (`subjects.ts` `componentWithEfs`). */
export const EFS = {
  fileSystemId: "fs-0123456789abcdef0",
  accessPointId: "fsap-0123456789abcdef0",
  readOnlyAccessPointId: "fsap-0fedcba9876543210",
  mountTargetSecurityGroupId: "sg-0a1b2c3d4e5f60718",
} as const;

/**
 * Images the sidecar and log-router subjects pull from this account's ECR (`subjects.ts`): repositories the component
 * did not make, granted by the repository its image names.
 */
export const MIRRORED_REPOSITORIES = { sidecar: "mirror/datadog-agent", router: "mirror/aws-for-fluent-bit" } as const;

/** The SSM parameter a sidecar reads its secret from, and the customer-managed key the caller says encrypts it. */
export const SIDECAR_PARAMETER = { name: "/datadog/api-key", keyId: "5e6f7a8b-4444-5555-6666-777788889999" } as const;

/** Allows everything: the identity policy of an administrator, so that only resource policies can stop them. */
const ADMIN_POLICY: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** The subject's IAM model and where it lives. */
export interface World {
  model: IamModel;
  account: string;
  region: string;
}

/** Who makes a request: its principal string and identity policies. */
export const PRINCIPALS = {
  "execution role": (w: World) => ({ principal: role(w.model, "execution role").arn, identityPolicies: role(w.model, "execution role").policies }),
  "task role": (w: World) => ({ principal: role(w.model, "task role").arn, identityPolicies: role(w.model, "task role").policies }),
  "rotation role": (w: World) => ({
    principal: role(w.model, "app-rotation-role").arn,
    identityPolicies: role(w.model, "app-rotation-role").policies,
  }),
  "schedule role": (w: World) => ({
    principal: role(w.model, "app-schedule-role").arn,
    identityPolicies: role(w.model, "app-schedule-role").policies,
  }),
  "EventBridge Scheduler service": () => ({ principal: "scheduler.amazonaws.com", identityPolicies: [] }),
  "ECS tasks service": () => ({ principal: "ecs-tasks.amazonaws.com", identityPolicies: [] }),
  "CloudWatch Logs service": (w: World) => ({ principal: `logs.${w.region}.amazonaws.com`, identityPolicies: [] }),
  "EventBridge service": () => ({ principal: "events.amazonaws.com", identityPolicies: [] }),
  "an admin of this account": (w: World) => ({ principal: `arn:aws:iam::${w.account}:role/admin`, identityPolicies: [ADMIN_POLICY] }),
  "an admin of another account": () => ({ principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/admin`, identityPolicies: [ADMIN_POLICY] }),
} satisfies Record<string, (w: World) => Pick<SimulatedRequest, "principal" | "identityPolicies">>;

/** What a request is made on: one or more ARNs. An empty list fails the row: a row must test something. */
export const RESOURCES = {
  "any resource": () => ["*"],
  "this repository": (w: World) => w.model.targets.repositoryArns,
  "the sidecar's mirrored repository": (w: World) => [arn(w, "ecr", `repository/${MIRRORED_REPOSITORIES.sidecar}`)],
  "the log router's mirrored repository": (w: World) => [arn(w, "ecr", `repository/${MIRRORED_REPOSITORIES.router}`)],
  "another repository": (w: World) => [arn(w, "ecr", "repository/another-app")],
  "this log group's streams": (w: World) => w.model.targets.logGroupArns.map((g) => `${g}:log-stream:app/app/0123456789abcdef`),
  "this log group": (w: World) => w.model.targets.logGroupArns,
  "another log group's streams": (w: World) => [arn(w, "logs", "log-group:/ecs/another-app:log-stream:app/app/0123456789abcdef")],
  "another log group": (w: World) => [arn(w, "logs", "log-group:/ecs/another-app")],
  "these secrets": (w: World) => w.model.targets.secretArns,
  "another secret": (w: World) => [arn(w, "secretsmanager", "secret:another-app/credentials-Zy9Xw8")],
  "another secret's partial ARN": (w: World) => [arn(w, "secretsmanager", "secret:another-app/credentials")],
  "a secret named like ours plus a suffix": (w: World) => w.model.targets.secretArns.map((a) => `${a}-extra-Qw3Er4`),
  "the sidecars' secrets": (w: World) => w.model.targets.sidecarSecretArns,
  "the log configuration's secrets": (w: World) => w.model.targets.logSecretArns,
  "the init container's secrets": (w: World) => w.model.targets.initSecretArns,
  "the init container's parameter": (w: World) => w.model.targets.initParameterArns,
  "the secret objects": (w: World) => w.model.targets.objects.map((o) => o.arn),
  "another object in the secrets bucket": (w: World) => w.model.targets.objects.map((o) => o.arn.replace(/\/[^/]+$/, "/another")),
  "the sidecar's parameter": (w: World) => [arn(w, "ssm", `parameter${SIDECAR_PARAMETER.name}`)],
  "a parameter under the sidecar's parameter": (w: World) => [arn(w, "ssm", `parameter${SIDECAR_PARAMETER.name}/extra`)],
  "another parameter": (w: World) => [arn(w, "ssm", "parameter/another-app/api-key")],
  "the parameter's customer-managed key": (w: World) => [arn(w, "kms", `key/${SIDECAR_PARAMETER.keyId}`)],
  "this key": (w: World) => w.model.targets.keyArns,
  "an existing secret's customer-managed key": (w: World) => [arn(w, "kms", `key/${EXISTING_SECRET_KEY_ID}`)],
  "another key": (w: World) => [arn(w, "kms", "key/00000000-0000-0000-0000-000000000000")],
  "this table": (w: World) => w.model.targets.tableArns,
  "this table's indexes": (w: World) => w.model.targets.tableArns.map((t) => `${t}/index/by-date`),
  "this table's byId index": (w: World) => w.model.targets.tableArns.map((t) => `${t}/index/byId`),
  "this table's byRef index": (w: World) => w.model.targets.tableArns.map((t) => `${t}/index/byRef`),
  "another table": (w: World) => [arn(w, "dynamodb", "table/another-table")],
  "this service": (w: World) => w.model.targets.serviceArns,
  "another service": (w: World) => [arn(w, "ecs", "service/another-cluster/another-service")],
  "the EFS file system": (w: World) => [arn(w, "elasticfilesystem", `file-system/${EFS.fileSystemId}`)],
  "another EFS file system": (w: World) => [arn(w, "elasticfilesystem", "file-system/fs-00000000000000000")],
  "this task definition family": (w: World) => w.model.targets.taskDefinitionArns.map((a) => a.replace(/:\d+$/, ":7")),
  "another family's task definition": (w: World) => [arn(w, "ecs", "task-definition/proj-dev-other:1")],
  "a task in this cluster": (w: World) => w.model.targets.clusterArns.map((c) => `${c.replace(":cluster/", ":task/")}/0123456789abcdef`),
  "a task in another cluster": (w: World) => [arn(w, "ecs", "task/another-cluster/0123456789abcdef")],
  "another role": (w: World) => [`arn:aws:iam::${w.account}:role/admin`],
  "the schedule role": (w: World) => [role(w.model, "app-schedule-role").arn],
  "this dead-letter queue": (w: World) => w.model.targets.queueArns,
  "another queue": (w: World) => [arn(w, "sqs", "another-queue")],
  "the execution role": (w: World) => [role(w.model, "execution role").arn],
  "the task role": (w: World) => [role(w.model, "task role").arn],
} satisfies Record<string, (w: World) => string[]>;

/** Request context: the condition keys AWS sets for the call. */
export const CONTEXTS = {
  "": () => ({}),
  "via Secrets Manager": (w: World) => ({ "kms:ViaService": `secretsmanager.${w.region}.amazonaws.com` }),
  "via Secrets Manager in another region": () => ({ "kms:ViaService": "secretsmanager.ap-south-2.amazonaws.com" }),
  "via S3": (w: World) => ({ "kms:ViaService": `s3.${w.region}.amazonaws.com` }),
  "for the sweep's position item": () => ({ "dynamodb:LeadingKeys": "#compliance" }),
  "for a post's item": () => ({ "dynamodb:LeadingKeys": "1858000000000000001" }),
  "returning nothing": () => ({ "dynamodb:ReturnValues": "NONE" }),
  "returning the old item": () => ({ "dynamodb:ReturnValues": "ALL_OLD" }),
  "via SQS": (w: World) => ({ "kms:ViaService": `sqs.${w.region}.amazonaws.com` }),
  "at the version the task uses": (w: World) => ({ "s3:versionid": onlyObject(w).versionId }),
  "at another version": () => ({ "s3:versionid": "3HL4kqtJlcpXroDTDmJ.another" }),
  "via SSM": (w: World) => ({ "kms:ViaService": `ssm.${w.region}.amazonaws.com` }),
  "for the rotation rule": (w: World) => ({
    "aws:SourceArn": `arn:aws:events:${w.region}:${w.account}:rule/proj-dev-app-rotation`,
    "aws:SourceAccount": w.account,
  }),
  "for another rule": (w: World) => ({
    "aws:SourceArn": `arn:aws:events:${w.region}:${w.account}:rule/another-rule`,
    "aws:SourceAccount": w.account,
  }),
  "for a task of this account": (w: World) => ({
    "aws:SourceAccount": w.account,
    "aws:SourceArn": `arn:aws:ecs:${w.region}:${w.account}:task/cluster/0123456789abcdef`,
  }),
  "for a task of another account": (w: World) => ({
    "aws:SourceAccount": OTHER_ACCOUNT,
    "aws:SourceArn": `arn:aws:ecs:${w.region}:${OTHER_ACCOUNT}:task/cluster/0123456789abcdef`,
  }),
  "claiming this account for another account's task": (w: World) => ({
    "aws:SourceAccount": w.account,
    "aws:SourceArn": `arn:aws:ecs:${w.region}:${OTHER_ACCOUNT}:task/cluster/0123456789abcdef`,
  }),
  "through the access point": (w: World) => ({
    "elasticfilesystem:AccessPointArn": arn(w, "elasticfilesystem", `access-point/${EFS.accessPointId}`),
  }),
  "through the read-only access point": (w: World) => ({
    "elasticfilesystem:AccessPointArn": arn(w, "elasticfilesystem", `access-point/${EFS.readOnlyAccessPointId}`),
  }),
  "through another access point": (w: World) => ({
    "elasticfilesystem:AccessPointArn": arn(w, "elasticfilesystem", "access-point/fsap-00000000000000000"),
  }),
  "in this cluster": (w: World) => ({ "ecs:cluster": onlyCluster(w) }),
  "in another cluster": (w: World) => ({ "ecs:cluster": `arn:aws:ecs:${w.region}:${w.account}:cluster/another-cluster` }),
  "to ECS tasks": () => ({ "iam:PassedToService": "ecs-tasks.amazonaws.com" }),
  "to Lambda": () => ({ "iam:PassedToService": "lambda.amazonaws.com" }),
  "while RunTask creates it": () => ({ "ecs:CreateAction": "RunTask" }),
  "while StartTask creates it": () => ({ "ecs:CreateAction": "StartTask" }),
  "for a schedule of this account": (w: World) => ({
    "aws:SourceAccount": w.account,
    "aws:SourceArn": `arn:aws:scheduler:${w.region}:${w.account}:schedule-group/default`,
  }),
  "for a schedule of another account": (w: World) => ({
    "aws:SourceAccount": OTHER_ACCOUNT,
    "aws:SourceArn": `arn:aws:scheduler:${w.region}:${OTHER_ACCOUNT}:schedule-group/default`,
  }),
  "without a source account": (w: World) => ({ "aws:SourceArn": `arn:aws:ecs:${w.region}:${w.account}:task/cluster/0123456789abcdef` }),
} satisfies Record<string, (w: World) => Record<string, string>>;

export type PrincipalName = keyof typeof PRINCIPALS;
export type ResourceName = keyof typeof RESOURCES;
export type ContextName = keyof typeof CONTEXTS;

/**
 * The requests one row stands for, one per resource ARN. A request on a KMS key carries the key's policy and one on
 * a role its trust policy, as AWS evaluates them.
 */
export function requests(w: World, who: PrincipalName, action: string, on: ResourceName, context: ContextName): SimulatedRequest[] {
  const resources = RESOURCES[on](w);
  if (resources.length === 0) throw new Error(`the subject has no "${on}"`);
  return resources.map((resource) => ({
    ...PRINCIPALS[who](w),
    action,
    resource,
    resourceAccount: resource === "*" ? w.account : resource.split(":")[4] || w.account,
    context: CONTEXTS[context](w),
    resourcePolicy: resourcePolicy(w, resource),
  }));
}

function resourcePolicy(w: World, resource: string): PolicyDocument | undefined {
  const callerKeys = [EXISTING_SECRET_KEY_ID, SIDECAR_PARAMETER.keyId].map((id) => arn(w, "kms", `key/${id}`));
  if (callerKeys.includes(resource)) return defaultKeyPolicy(w);
  return (
    w.model.keys.find((k) => k.arn === resource)?.policy ??
    w.model.roles.find((r) => r.arn === resource)?.trust ??
    w.model.queues.find((q) => q.arn === resource)?.policy
  );
}

/**
 * The key policy AWS gives a key created without one: the account may use it as its IAM policies allow. A caller's
 * key (an existing secret's, the sidecar parameter's) is assumed to have it.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
function defaultKeyPolicy(w: World): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${w.account}:root` }, Action: "kms:*", Resource: "*" },
    ],
  };
}

function arn(w: World, service: string, resource: string): string {
  return `arn:aws:${service}:${w.region}:${w.account}:${resource}`;
}

/** The one secret object of the subject (a version condition names its version). */
function onlyObject(w: World): { arn: string; versionId: string } {
  const objects = w.model.targets.objects;
  if (objects.length !== 1) throw new Error(`expected one secret object in the subject, found ${objects.length}`);
  return objects[0];
}

/** The ARN of the one cluster the subject's task runs in (the schedule's `ecs:cluster` condition names it). */
function onlyCluster(w: World): string {
  const clusters = w.model.targets.clusterArns;
  if (clusters.length !== 1) throw new Error(`expected one cluster in the subject, found ${clusters.length}`);
  return clusters[0];
}
