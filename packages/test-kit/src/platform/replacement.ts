/**
 * Every child that carries a physical name we set, the inputs whose change makes the provider replace it, and how a
 * replacement avoids colliding with the name it replaces. Pulumi replaces create-before-delete by default, but the AWS
 * provider asks for delete-before-create when the program sets the resource's name and keeps it
 * (pulumi-terraform-bridge `nameRequiresDeleteBeforeReplace`): the old resource goes first, then the new one takes its
 * name. `deleteBeforeReplace: false` keeps create-before-delete, where the new one fails ("already exists") before the
 * old one is touched. Resources we let Pulumi auto-name (`<logical name>-<random>`) never collide and are not listed.
 * test/lifecycle/ plays these rules out across updates.
 *
 * Sources: terraform-provider-aws (bridged by @pulumi/aws), the resource's schema, `ForceNew: true` attributes.
 */

/** How a replacement gets a name that is free. */
export type ReplacementStrategy =
  /** Nothing but the name replaces it, and we set nothing else that would: a replacement always has a new name. */
  | "only the name replaces it"
  /** AWS appends a unique suffix to the prefix we give. */
  | "name prefix"
  /** The name is derived from the inputs that force replacement: new inputs, new name. */
  | "name derived from what forces replacement"
  /** A name holds revisions: a replacement registers the next revision, then deregisters the old one. */
  | "revisions of one family"
  /** No strategy on purpose: a replacement fails on the name before anything is deleted, which keeps the data. */
  | "fails safe, keeps the data";

export interface ReplacementEntry {
  /** Pulumi type token. */
  type: string;
  /** The inputs that hold a physical name we set. */
  nameFields: readonly string[];
  /** The inputs (that we may set) whose change replaces the resource. */
  replacedBy: readonly string[];
  strategy: ReplacementStrategy;
  why: string;
  /** terraform-provider-aws file whose schema marks those inputs `ForceNew`. */
  source: string;
}

/**
 * The inputs that give a resource of this type a physical name: a child setting any of them must be in
 * {@link REPLACEMENT}. (`bucket` names only a bucket; elsewhere it refers to one.)
 */
export function nameFields(type: string): readonly string[] {
  return type === "aws:s3/bucket:Bucket" ? ["bucket", "bucketPrefix"] : ["name", "namePrefix", "family"];
}

export const REPLACEMENT: readonly ReplacementEntry[] = [
  {
    type: "aws:cloudwatch/logGroup:LogGroup",
    nameFields: ["name"],
    replacedBy: ["name", "namePrefix", "logGroupClass"],
    strategy: "only the name replaces it",
    why: "We never set `logGroupClass`; `kmsKeyId` and `retentionInDays` are updated in place (AssociateKmsKey, PutRetentionPolicy).",
    source: "internal/service/logs/group.go (resourceGroup)",
  },
  {
    type: "aws:ecr/repository:Repository",
    nameFields: ["name"],
    replacedBy: ["name", "encryptionConfigurations"],
    strategy: "name derived from what forces replacement",
    why: "The name ends in a hash of the KMS key (`keyedRepositoryName`): a new key is a new name, and a new image URL, so the image is pushed to the new repository.",
    source: "internal/service/ecr/repository.go (resourceRepository)",
  },
  {
    type: "aws:kms/alias:Alias",
    nameFields: ["name"],
    replacedBy: ["name", "namePrefix"],
    strategy: "only the name replaces it",
    why: "`targetKeyId` is updated in place (UpdateAlias), so a new key moves the alias.",
    source: "internal/service/kms/alias.go (resourceAlias)",
  },
  {
    type: "aws:ecs/taskDefinition:TaskDefinition",
    nameFields: ["family"],
    replacedBy: ["family", "containerDefinitions", "cpu", "memory", "volumes", "runtimePlatform", "executionRoleArn", "taskRoleArn"],
    strategy: "revisions of one family",
    why: "Every change registers a new revision of the same family; the old revision is deregistered after.",
    source: "internal/service/ecs/task_definition.go (resourceTaskDefinition)",
  },
  {
    type: "aws:secretsmanager/secret:Secret",
    nameFields: ["namePrefix"],
    replacedBy: ["name", "namePrefix"],
    strategy: "name prefix",
    why: "Secrets Manager names carry a unique suffix; a deleted secret's name stays taken for its 30-day recovery window, which a prefix never meets.",
    source: "internal/service/secretsmanager/secret.go (resourceSecret)",
  },
  {
    type: "aws:s3/bucket:Bucket",
    nameFields: ["bucketPrefix"],
    replacedBy: ["bucket", "bucketPrefix"],
    strategy: "name prefix",
    why: "Bucket names are global; the prefix gets a unique suffix.",
    source: "internal/service/s3/bucket.go (resourceBucket)",
  },
  {
    type: "aws:lb/loadBalancer:LoadBalancer",
    nameFields: ["name"],
    replacedBy: ["name", "namePrefix", "internal", "loadBalancerType", "customerOwnedIpv4Pool"],
    strategy: "only the name replaces it",
    why: "The ALB is internet-facing and of type application by default, which the component never sets; subnets, security groups and attributes are updated in place (SetSubnets, SetSecurityGroups, ModifyLoadBalancerAttributes).",
    source: "internal/service/elbv2/load_balancer.go (resourceLoadBalancer)",
  },
  {
    type: "aws:lb/targetGroup:TargetGroup",
    nameFields: ["name"],
    replacedBy: ["name", "namePrefix", "port", "protocol", "protocolVersion", "targetType", "vpcId", "ipAddressType"],
    strategy: "name derived from what forces replacement",
    why: "The name ends in a hash of port, protocol, target type and VPC (`targetGroupName`): the replacement gets a new name, the HTTPS listener and the service move to it, then the old group is deleted.",
    source: "internal/service/elbv2/target_group.go (resourceTargetGroup)",
  },
  {
    type: "aws:cloudwatch/eventRule:EventRule",
    nameFields: ["name"],
    replacedBy: ["name", "namePrefix", "eventBusName"],
    strategy: "only the name replaces it",
    why: "The rotation rule's name is fixed so that the key policy can name its ARN before it exists; we never set `eventBusName` (the default bus), and `eventPattern`, `description` and tags are updated in place (PutRule).",
    source: "internal/service/events/rule.go (resourceRule)",
  },
  {
    type: "aws:dynamodb/table:Table",
    nameFields: ["name"],
    replacedBy: ["name", "hashKey", "rangeKey"],
    strategy: "fails safe, keeps the data",
    why: "The stack's table holds the stored posts: its key schema is a constant of the program, agreed with the service. Were it ever changed, create-before-delete stops on the taken name before the old table is touched; deleteBeforeReplace or a new name would lose or orphan the posts. The provider asks for delete-before-create when the program names the resource (pulumi-terraform-bridge nameRequiresDeleteBeforeReplace), so the table sets `deleteBeforeReplace: false` (infra/test/lifecycle/stack.test.ts).",
    source: "internal/service/dynamodb/table.go (resourceTable)",
  },
];

/** Each of these resources that sets a physical name, with the name fields it sets. */
export function namedResources(
  resources: ReadonlyArray<{ type: string; name: string; inputs: Record<string, unknown> }>,
): Array<{ type: string; name: string; fields: string[] }> {
  return resources
    .map((r) => ({ type: r.type, name: r.name, fields: nameFields(r.type).filter((f) => r.inputs[f] !== undefined) }))
    .filter((r) => r.fields.length > 0);
}
