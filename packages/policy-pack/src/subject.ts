/**
 * What the controls look at: the resources of one program with their inputs and outputs, and the secret values it was
 * given (so that checks can look for them). Built from the registrations captured under Pulumi mocks (the tests) or
 * from the resources the policy analyzer is given (`stackSubject.ts`).
 */
import type { PolicyDocument } from "../../secure-fargate-task/src/iam/policyDocument";

/** One registered resource: what the program asked for and what the (mocked) cloud answered. */
export interface Resource {
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
}

/** One program's resources. */
export interface Subject {
  /** What ran, for test names and the report: "component", "stack". */
  label: string;
  resources: Resource[];
  /** Every secret value the program was given. None may appear anywhere but in a secret version. */
  secretValues: string[];
}

/** Resource types the checks read. */
export const TYPES = {
  cluster: "aws:ecs/cluster:Cluster",
  service: "aws:ecs/service:Service",
  taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
  repository: "aws:ecr/repository:Repository",
  lifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
  key: "aws:kms/key:Key",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  secretRotation: "aws:secretsmanager/secretRotation:SecretRotation",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  table: "aws:dynamodb/table:Table",
  efsFileSystem: "aws:efs/fileSystem:FileSystem",
  efsAccessPoint: "aws:efs/accessPoint:AccessPoint",
  efsBackupPolicy: "aws:efs/backupPolicy:BackupPolicy",
  backupSelection: "aws:backup/selection:Selection",
  eventBus: "aws:cloudwatch/eventBus:EventBus",
  eventBusPolicy: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
  autoScalingGroup: "aws:autoscaling/group:Group",
  launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
  queue: "aws:sqs/queue:Queue",
  queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
  bucket: "aws:s3/bucket:Bucket",
  bucketLogging: "aws:s3/bucketLogging:BucketLogging",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
  bucketVersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
  bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketEncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  lambdaPermission: "aws:lambda/permission:Permission",
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  lambdaFunction: "aws:lambda/function:Function",
  functionEventInvokeConfig: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
  loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
  listener: "aws:lb/listener:Listener",
  /** The same resources under the provider's `aws.alb` module, which a stack may use instead of `aws.lb`. */
  albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
  albListener: "aws:alb/listener:Listener",
  webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
  wafRegionalWebAclAssociation: "aws:wafregional/webAclAssociation:WebAclAssociation",
} as const;

/** Resource types that would grant permissions this model does not evaluate: their presence fails the capture. */
export const UNMODELLED_GRANTS = [
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:iam/policyAttachment:PolicyAttachment",
  "aws:iam/policy:Policy",
  "aws:secretsmanager/secretPolicy:SecretPolicy",
  "aws:kms/grant:Grant",
];

export function ofType(subject: Subject, type: string): Resource[] {
  return subject.resources.filter((r) => r.type === type);
}

/** The resources of any of these types (one resource under each of the provider's module names). */
export function ofTypes(subject: Subject, types: readonly string[]): Resource[] {
  return subject.resources.filter((r) => types.includes(r.type));
}

/** The single resource of this type; fails when there is none or more than one. */
export function only(subject: Subject, type: string): Resource {
  const found = ofType(subject, type);
  if (found.length !== 1) throw new Error(`${subject.label}: expected one ${type}, found ${found.length}`);
  return found[0];
}

/** A string output of a resource (an ARN, a name); fails when the mocks gave none. */
export function stateString(resource: Resource, key: string): string {
  const value = resource.state[key];
  if (typeof value !== "string") throw new Error(`${resource.type} ${resource.name} has no string output \`${key}\``);
  return value;
}

/** One container definition, as the task definition's JSON holds it (the fields the checks read). */
export interface ContainerJson {
  name: string;
  user?: string;
  memory?: number;
  privileged?: boolean;
  readonlyRootFilesystem?: boolean;
  environment?: Array<{ name: string; value: string }>;
  secrets?: Array<{ name: string; valueFrom: string }>;
  repositoryCredentials?: { credentialsParameter?: string };
  /** Set on the FireLens log router only. */
  firelensConfiguration?: { type?: string };
  logConfiguration?: { logDriver?: string; options?: Record<string, string>; secretOptions?: Array<{ name: string; valueFrom: string }> };
}

/** The container definitions of every task definition of the subject. */
export function containers(subject: Subject): ContainerJson[] {
  return ofType(subject, TYPES.taskDefinition).flatMap((t) => JSON.parse(String(t.inputs.containerDefinitions)) as ContainerJson[]);
}

/** A JSON policy input (a role's inline policy, a trust policy, a key policy). */
export function policyInput(resource: Resource, key: string): PolicyDocument {
  return JSON.parse(String(resource.inputs[key])) as PolicyDocument;
}
