/**
 * What a stack registers that costs money, counted from the resources the program registers under mocks, so that the
 * report follows the stack: a new alarm, key or NAT gateway changes the figures, and a resource type this file has
 * no rule for fails the report instead of being priced at nothing.
 */
import type { CapturedResource } from "@twitterstream/test-kit/scenario";
import { computedState } from "../../infra/mocked/mocks";
import type { IndexShape } from "./dynamo";

/** How a resource type is billed. */
export const Billing = {
  /** No charge of its own (IAM, aliases, security groups, task definitions, ...). */
  Free: "free",
  /** A monthly charge the report computes from the counts below. */
  Priced: "priced",
  /** Charged by use only; idle in this stack's steady state, named in the report, not priced. */
  Usage: "usage",
} as const;
export type Billing = (typeof Billing)[keyof typeof Billing];

/** How each resource type the stack may register is billed. */
export const TYPE_BILLING: Readonly<Record<string, Billing>> = {
  "aws:ecs/cluster:Cluster": Billing.Priced, // ECS itself is free; Container Insights, a cluster setting, is not
  "aws:ecs/service:Service": Billing.Priced, // its tasks: Fargate and their public IPs
  "aws:ecs/taskDefinition:TaskDefinition": Billing.Free,
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": Billing.Free, // associates FARGATE_SPOT; the tasks are priced on the service
  "awsx:ec2:Vpc": Billing.Priced, // its NAT gateways and their addresses
  "aws:ec2/vpcEndpoint:VpcEndpoint": Billing.Priced,
  "aws:ec2/securityGroup:SecurityGroup": Billing.Free,
  "aws:ec2/securityGroupRule:SecurityGroupRule": Billing.Free,
  "aws:dynamodb/table:Table": Billing.Priced,
  "aws:kms/key:Key": Billing.Priced,
  "aws:kms/alias:Alias": Billing.Free,
  "aws:secretsmanager/secret:Secret": Billing.Priced,
  "aws:secretsmanager/secretVersion:SecretVersion": Billing.Free,
  "aws:cloudwatch/logGroup:LogGroup": Billing.Priced,
  "aws:ecr/repository:Repository": Billing.Priced,
  "aws:ecr/lifecyclePolicy:LifecyclePolicy": Billing.Free,
  "docker:index/image:Image": Billing.Free, // its storage is the repository's
  "time:index/sleep:Sleep": Billing.Free, // a wait in the time provider, no AWS resource
  "aws:cloudwatch/metricAlarm:MetricAlarm": Billing.Priced,
  "aws:cloudwatch/dashboard:Dashboard": Billing.Priced,
  "aws:cloudwatch/eventRule:EventRule": Billing.Free, // AWS service events on the default bus are free
  "aws:cloudwatch/eventTarget:EventTarget": Billing.Free,
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": Billing.Free,
  "aws:sns/topic:Topic": Billing.Usage,
  "aws:sns/topicPolicy:TopicPolicy": Billing.Free,
  "aws:sns/topicSubscription:TopicSubscription": Billing.Free,
  "aws:sqs/queue:Queue": Billing.Usage,
  "aws:sqs/queuePolicy:QueuePolicy": Billing.Free,
  "aws:lambda/function:Function": Billing.Usage,
  "aws:lambda/permission:Permission": Billing.Free,
  "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": Billing.Free,
};

/**
 * Prefixes of types that have no charge of their own. An AWS Backup vault, plan or selection costs nothing: the
 * recovery points it keeps are priced per million posts (`perMillionPosts`), the vault's key as a key.
 */
const FREE_PREFIXES = ["aws:iam/", "secure-fargate-task:", "aws:backup/"];
/** Prefixes of types charged by use only (S3 access logs). */
const USAGE_PREFIXES = ["aws:s3/"];

/** How a type is billed; undefined when no rule covers it. */
export function billingOf(type: string): Billing | undefined {
  if (FREE_PREFIXES.some((p) => type.startsWith(p))) return Billing.Free;
  if (USAGE_PREFIXES.some((p) => type.startsWith(p))) return Billing.Usage;
  return TYPE_BILLING[type];
}

/** CPU architecture of the task, as ECS names it. */
export type Architecture = "X86_64" | "ARM64";

/** Container Insights as the cluster sets it. */
export type ContainerInsights = "disabled" | "enabled" | "enhanced";

/** The task the service runs. */
export interface TaskInventory {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly architecture: Architecture;
  /** Ephemeral storage the task asks for; 20 when it asks for none (the free amount). */
  readonly ephemeralStorageGiB: number;
  readonly containers: number;
}

/** The counts that cost money. */
export interface Inventory {
  readonly task: TaskInventory;
  readonly desiredCount: number;
  /** Whether the tasks get a public IPv4 address each. */
  readonly publicIp: boolean;
  /** Whether the service runs on FARGATE_SPOT only (a capacity provider strategy without FARGATE). */
  readonly spot: boolean;
  readonly natGateways: number;
  readonly vpcEndpoints: number;
  readonly containerInsights: ContainerInsights;
  readonly services: number;
  readonly kmsKeys: number;
  readonly secrets: number;
  readonly logGroups: number;
  /** The longest retention of the log groups, in days; undefined when one never expires. */
  readonly logRetentionDays: number | undefined;
  readonly ecrRepositories: number;
  /**
   * Tables with their global secondary indexes, whether point-in-time recovery is on, and how many AWS Backup recovery
   * points of the table exist at once (0 without a backup plan selecting it).
   */
  readonly tables: readonly {
    readonly globalSecondaryIndexes: readonly IndexShape[];
    readonly pointInTimeRecovery: boolean;
    readonly backupRecoveryPoints: number;
  }[];
  /** Metrics the alarms evaluate (a metric-math alarm counts each metric it reads). */
  readonly alarmMetrics: number;
  readonly dashboards: number;
  /** Types charged by use only, present in the stack. */
  readonly usageOnly: readonly string[];
}

/** awsx's default number of availability zones (`numberOfAvailabilityZones`: "defaults to the first 3 AZs"). */
const AWSX_DEFAULT_AZS = 3;

function only(resources: readonly CapturedResource[], type: string): CapturedResource {
  const found = resources.filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

function count(resources: readonly CapturedResource[], type: string): number {
  return resources.filter((r) => r.type === type).length;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * NAT gateways an awsx VPC creates: its `natGateways.strategy` (None, Single, OnePerAz); left out, one per AZ when the
 * VPC has both private and public subnets (awsx's `VpcArgs.natGateways` doc), else none.
 */
export function natGatewaysOf(vpcInputs: Record<string, unknown>): number {
  const azs = typeof vpcInputs.numberOfAvailabilityZones === "number" ? vpcInputs.numberOfAvailabilityZones : AWSX_DEFAULT_AZS;
  const strategy = record(vpcInputs.natGateways).strategy;
  if (strategy === "None") return 0;
  if (strategy === "Single") return 1;
  if (strategy === "OnePerAz") return azs;
  const types = list(vpcInputs.subnetSpecs).map((s) => record(s).type);
  return types.includes("Private") && types.includes("Public") ? azs : 0;
}

/** Metrics one alarm evaluates: one, or each metric of its metric-math queries. */
function alarmMetricsOf(inputs: Record<string, unknown>): number {
  const queries = list(inputs.metricQueries).filter((q) => record(q).metric !== undefined);
  return queries.length > 0 ? queries.length : 1;
}

function taskOf(definition: Record<string, unknown>): TaskInventory {
  const containers = JSON.parse(String(definition.containerDefinitions)) as unknown[];
  const architecture = record(definition.runtimePlatform).cpuArchitecture === "ARM64" ? "ARM64" : "X86_64";
  const ephemeral = record(definition.ephemeralStorage).sizeInGib;
  return {
    cpu: Number(definition.cpu),
    memoryMiB: Number(definition.memory),
    architecture,
    ephemeralStorageGiB: typeof ephemeral === "number" ? ephemeral : 20,
    containers: containers.length,
  };
}

/** The longest of the log groups' `retentionInDays`; undefined when one has none (never expires). */
function longestRetention(values: readonly unknown[]): number | undefined {
  if (values.some((v) => typeof v !== "number" || v === 0)) return undefined;
  return Math.max(0, ...(values as number[]));
}

/** Whether a capacity provider strategy puts every task on FARGATE_SPOT. */
function spotOnly(strategy: unknown): boolean {
  const items = list(strategy).map(record);
  const used = items.filter((i) => Number(i.weight ?? 0) > 0 || Number(i.base ?? 0) > 0);
  return used.length > 0 && used.every((i) => i.capacityProvider === "FARGATE_SPOT");
}

/**
 * How many recovery points of a table AWS Backup keeps at once: for each plan whose selection names the table's ARN,
 * each rule's retention (`lifecycle.deleteAfter`, days) times one point a day. Only daily schedules are modelled
 * (`cron(m h ? * * *)` or `cron(m h * * ? *)`); any other fails the report, naming it.
 */
export function recoveryPointsOf(resources: readonly CapturedResource[], table: CapturedResource): number {
  // The ARN and ids the mocked AWS gave (the stack harness: a resource's id is `<name>-id`).
  const arn = computedState(table).arn;
  const plans = resources
    .filter((r) => r.type === "aws:backup/selection:Selection" && list(r.inputs.resources).includes(arn))
    .map((sel) => resources.find((p) => p.type === "aws:backup/plan:Plan" && `${p.name}-id` === sel.inputs.planId));
  return plans.reduce(
    (n, plan) =>
      n +
      list(plan?.inputs.rules)
        .map(record)
        .reduce((m, rule) => {
          const schedule = String(rule.schedule);
          if (!/^cron\(\S+ \S+ (\?|\*) \* (\?|\*) \*\)$/.test(schedule))
            throw new Error(`no cost rule for the backup schedule ${schedule}: only daily ones are modelled`);
          const days = record(rule.lifecycle).deleteAfter;
          if (typeof days !== "number") throw new Error("no cost rule for a backup rule that keeps its recovery points forever");
          return m + days;
        }, 0),
    0,
  );
}

/** The inventory of one mock run. Throws on a resource type no rule covers, naming it. */
export function inventoryOf(resources: readonly CapturedResource[]): Inventory {
  const unknown = [...new Set(resources.map((r) => r.type))].filter((t) => billingOf(t) === undefined).sort();
  if (unknown.length > 0) throw new Error(`no cost rule for ${unknown.join(", ")}: add one to TYPE_BILLING in tools/cost/inventory.ts`);

  const service = only(resources, "aws:ecs/service:Service").inputs;
  const network = record(record(service.networkConfiguration));
  const cluster = only(resources, "aws:ecs/cluster:Cluster").inputs;
  const insights = list(cluster.settings)
    .map(record)
    .find((s) => s.name === "containerInsights")?.value;
  const vpcs = resources.filter((r) => r.type === "awsx:ec2:Vpc");
  return {
    task: taskOf(only(resources, "aws:ecs/taskDefinition:TaskDefinition").inputs),
    desiredCount: Number(service.desiredCount ?? 1),
    publicIp: network.assignPublicIp === true,
    spot: spotOnly(service.capacityProviderStrategies),
    natGateways: vpcs.reduce((n, v) => n + natGatewaysOf(v.inputs), 0),
    vpcEndpoints: count(resources, "aws:ec2/vpcEndpoint:VpcEndpoint"),
    containerInsights: insights === "enabled" || insights === "enhanced" ? insights : "disabled",
    services: count(resources, "aws:ecs/service:Service"),
    kmsKeys: count(resources, "aws:kms/key:Key"),
    secrets: count(resources, "aws:secretsmanager/secret:Secret"),
    logGroups: count(resources, "aws:cloudwatch/logGroup:LogGroup"),
    logRetentionDays: longestRetention(resources.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup").map((g) => g.inputs.retentionInDays)),
    ecrRepositories: count(resources, "aws:ecr/repository:Repository"),
    tables: resources
      .filter((r) => r.type === "aws:dynamodb/table:Table")
      .map((t) => ({
        globalSecondaryIndexes: list(t.inputs.globalSecondaryIndexes).map((index) => {
          const { hashKey, nonKeyAttributes } = record(index);
          return { hashKey: String(hashKey), projected: list(nonKeyAttributes).map(String) };
        }),
        pointInTimeRecovery: record(t.inputs.pointInTimeRecovery).enabled === true,
        backupRecoveryPoints: recoveryPointsOf(resources, t),
      })),
    alarmMetrics: resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").reduce((n, a) => n + alarmMetricsOf(a.inputs), 0),
    dashboards: count(resources, "aws:cloudwatch/dashboard:Dashboard"),
    usageOnly: [...new Set(resources.map((r) => r.type))].filter((t) => billingOf(t) === Billing.Usage).sort(),
  };
}
