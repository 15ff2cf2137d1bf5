/**
 * What each resource the component registered costs a month at list price, from the cost report's own price table
 * and arithmetic (tools/cost: prices.ts, estimate.ts, inventory.ts's billing rules), so that the reference and
 * docs/COST.md cannot disagree on a rate. Pure.
 *
 * Priced: the service's tasks (Fargate, and a public IPv4 address each when they get one), Container Insights'
 * metrics, KMS keys, secrets, alarms, an Application Load Balancer's hours. Charged by use only (log ingest and storage, image storage, S3, Lambda, SQS,
 * schedules): named, not priced, since they depend on the app. Free: the rest (IAM, task definitions, security groups...).
 */
import { containerInsightsMetrics, taskHourUsd } from "../cost/estimate";
import { Billing, billingOf, type Architecture } from "../cost/inventory";
import { PRICES } from "../cost/prices";
import type { ChildResource } from "./capture";

const HOURS_PER_MONTH = 730;

/**
 * Billing of the types only the component's options register (the stack never does, so tools/cost has no rule):
 * listeners, target groups, security group rules, scaling targets and policies have no charge of their own; a
 * schedule is charged per invocation (https://aws.amazon.com/eventbridge/pricing/, Scheduler). An Application Load
 * Balancer is charged by the hour, priced here, and by LCU-hour, which depends on its traffic
 * (https://aws.amazon.com/elasticloadbalancing/pricing/).
 */
const COMPONENT_BILLING: Readonly<Record<string, Billing>> = {
  "aws:lb/loadBalancer:LoadBalancer": Billing.Priced,
  "aws:lb/listener:Listener": Billing.Free,
  "aws:lb/targetGroup:TargetGroup": Billing.Free,
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": Billing.Free,
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": Billing.Free,
  "aws:appautoscaling/target:Target": Billing.Free,
  "aws:appautoscaling/policy:Policy": Billing.Free,
  "aws:appautoscaling/scheduledAction:ScheduledAction": Billing.Free,
  "aws:scheduler/schedule:Schedule": Billing.Usage,
};

/**
 * Types tools/cost prices from the stack's own assumptions (the service's log lines, its image's size): for a
 * component whose app is yours they are charged by use, at the rates of docs/COST.md's price table.
 */
const BY_THE_APPS_USE: ReadonlySet<string> = new Set(["aws:cloudwatch/logGroup:LogGroup", "aws:ecr/repository:Repository"]);

/** One resource type of a configuration: how many, how it is billed, and the month's list price when it has one. */
export interface PricedType {
  readonly type: string;
  readonly count: number;
  readonly billing: Billing;
  /** USD a month; undefined unless `billing` is priced. */
  readonly usd?: number;
  /** What the figure counts, e.g. `1 task × 730 h, 0.25 vCPU, 0.5 GB, x86`. */
  readonly basis?: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The billing of a type: tools/cost's rule, else the component-only one above. Throws when neither has one. */
export function billingOfType(type: string): Billing {
  if (BY_THE_APPS_USE.has(type)) return Billing.Usage;
  const billing = billingOf(type) ?? COMPONENT_BILLING[type];
  if (billing === undefined) throw new Error(`no billing rule for ${type}: add one to COMPONENT_BILLING in tools/reference/price.ts`);
  return billing;
}

/** Whether the service's capacity provider strategy puts every task on FARGATE_SPOT. */
function spotOnly(strategy: unknown): boolean {
  const used = list(strategy)
    .map(record)
    .filter((i) => Number(i.weight ?? 0) > 0 || Number(i.base ?? 0) > 0);
  return used.length > 0 && used.every((i) => i.capacityProvider === "FARGATE_SPOT");
}

/** The service's tasks for a month: Fargate at the task definition's size, and their public IPv4 addresses. */
function serviceUsd(service: ChildResource, definition: ChildResource | undefined): { usd: number; basis: string } {
  if (definition === undefined) throw new Error("a service without a task definition");
  const tasks = Number(service.inputs.desiredCount ?? 1);
  const architecture: Architecture = record(definition.inputs.runtimePlatform).cpuArchitecture === "ARM64" ? "ARM64" : "X86_64";
  const storage = record(definition.inputs.ephemeralStorage).sizeInGib;
  const task = {
    cpu: Number(definition.inputs.cpu),
    memoryMiB: Number(definition.inputs.memory),
    ephemeralStorageGiB: typeof storage === "number" ? storage : 20,
  };
  const spot = spotOnly(service.inputs.capacityProviderStrategies);
  const publicIp = record(service.inputs.networkConfiguration).assignPublicIp === true;
  const fargate = tasks * HOURS_PER_MONTH * taskHourUsd(task, architecture, spot);
  const ips = publicIp ? tasks * HOURS_PER_MONTH * PRICES.publicIpv4Hour.usd : 0;
  const size = `${task.cpu / 1024} vCPU, ${task.memoryMiB / 1024} GB, ${architecture === "ARM64" ? "arm64" : "x86"}${spot ? ", Spot at its largest discount" : ""}`;
  return {
    usd: fargate + ips,
    basis: `${tasks} task${tasks === 1 ? "" : "s"} × ${HOURS_PER_MONTH} h (${size})${publicIp ? ", a public IPv4 address each" : ""}`,
  };
}

/** Whether a cluster has Container Insights on. */
function insightsOn(cluster: ChildResource): boolean {
  return (
    list(cluster.inputs.settings)
      .map(record)
      .find((s) => s.name === "containerInsights")?.value === "enabled"
  );
}

/** Container Insights' custom metrics for the services of a cluster that has it on. */
function clusterUsd(services: number): { usd: number; basis: string } {
  const metrics = containerInsightsMetrics(services, services);
  return { usd: metrics * PRICES.customMetricMonth.usd, basis: `Container Insights: ${metrics} metrics` };
}

/** Metrics one alarm evaluates: one, or each metric of its metric-math queries (as tools/cost counts them). */
function alarmMetrics(alarm: ChildResource): number {
  const queries = list(alarm.inputs.metricQueries).filter((q) => record(q).metric !== undefined);
  return queries.length > 0 ? queries.length : 1;
}

/** The priced figure of every resource of a type, when the type has one. */
function priceOf(type: string, of: readonly ChildResource[], all: readonly ChildResource[]): { usd: number; basis: string } {
  const definition = all.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition");
  const services = all.filter((r) => r.type === "aws:ecs/service:Service").length;
  switch (type) {
    case "aws:ecs/service:Service":
      return of.map((s) => serviceUsd(s, definition)).reduce((a, b) => ({ usd: a.usd + b.usd, basis: `${a.basis}; ${b.basis}` }));
    case "aws:ecs/cluster:Cluster":
      return clusterUsd(services);
    case "aws:kms/key:Key":
      return { usd: of.length * PRICES.kmsKeyMonth.usd, basis: `${of.length} key${of.length === 1 ? "" : "s"}` };
    case "aws:secretsmanager/secret:Secret":
      return { usd: of.length * PRICES.secretMonth.usd, basis: `${of.length} secret${of.length === 1 ? "" : "s"}` };
    case "aws:cloudwatch/metricAlarm:MetricAlarm": {
      const metrics = of.reduce((n, a) => n + alarmMetrics(a), 0);
      return { usd: metrics * PRICES.alarmMetricMonth.usd, basis: `${metrics} alarm metric${metrics === 1 ? "" : "s"}` };
    }
    case "aws:lb/loadBalancer:LoadBalancer":
      return {
        usd: of.length * HOURS_PER_MONTH * PRICES.albHour.usd,
        basis: `${of.length} load balancer${of.length === 1 ? "" : "s"} × ${HOURS_PER_MONTH} h; its LCU-hours ($${PRICES.albLcuHour.usd} each) by use`,
      };
    case "aws:cloudwatch/dashboard:Dashboard":
      return { usd: of.length * PRICES.dashboardMonth.usd, basis: `${of.length} dashboard${of.length === 1 ? "" : "s"}` };
    default:
      throw new Error(`${type} is billed as priced in tools/cost but tools/reference/price.ts has no figure for it`);
  }
}

/** Every resource type of one configuration, in order of first registration, with its month's price where it has one. */
export function priceResources(resources: readonly ChildResource[]): PricedType[] {
  const types = [...new Set(resources.map((r) => r.type))];
  return types.map((type): PricedType => {
    const of = resources.filter((r) => r.type === type);
    const billing = billingOfType(type);
    if (billing !== Billing.Priced) return { type, count: of.length, billing };
    if (type === "aws:ecs/cluster:Cluster" && !(insightsOn(of[0]) && resources.some((r) => r.type === "aws:ecs/service:Service"))) {
      // Without Container Insights a cluster costs nothing; with it but no service, its metrics come and go with the tasks run.
      return { type, count: of.length, billing: insightsOn(of[0]) ? Billing.Usage : Billing.Free };
    }
    return { type, count: of.length, billing, ...priceOf(type, of, resources) };
  });
}

/** The month's total of the priced rows. */
export function monthlyUsd(rows: readonly PricedType[]): number {
  return rows.reduce((sum, r) => sum + (r.usd ?? 0), 0);
}
