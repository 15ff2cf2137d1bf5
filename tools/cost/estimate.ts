/**
 * The arithmetic: an inventory (what the stack creates), the assumptions and the prices in, a month's cost lines out.
 * Pure. Every line names the prices it uses, so the report can cite them.
 */
import { METRIC_NAMES, SKIP_REASONS } from "../../service/src/metrics/names";
import { CONTAINER_INSIGHTS, HOURS_PER_MONTH, IMAGE, LOGS, POSTS, REQUESTS, SECONDS_PER_MONTH } from "./assumptions";
import { postWrite } from "./dynamo";
import type { Architecture, Inventory, TaskInventory } from "./inventory";
import { PRICES, type PriceId } from "./prices";

/** One line of a month's bill. */
export interface CostLine {
  /** The AWS service billed. */
  readonly service: string;
  readonly item: string;
  /** How much of it, in words with the unit. */
  readonly quantity: string;
  /** USD a month. */
  readonly usd: number;
  readonly prices: readonly PriceId[];
}

/** How the tasks are bought: the inventory's own (on-demand unless the stack uses FARGATE_SPOT), or Spot. */
export interface Purchase {
  readonly spot: boolean;
}

const GB = 1024 ** 3;
const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
const KMS_FREE_REQUESTS = 20_000;

/** Fargate's price of one task for one hour: vCPU, memory and ephemeral storage above the free 20 GB. */
export function taskHourUsd(
  task: Pick<TaskInventory, "cpu" | "memoryMiB" | "ephemeralStorageGiB">,
  architecture: Architecture,
  spot: boolean,
): number {
  const [vcpu, gb] =
    architecture === "ARM64"
      ? [PRICES.fargateVcpuHourArm.usd, PRICES.fargateGbHourArm.usd]
      : [PRICES.fargateVcpuHourX86.usd, PRICES.fargateGbHourX86.usd];
  const compute = (task.cpu / 1024) * vcpu + (task.memoryMiB / 1024) * gb;
  const storage = Math.max(0, task.ephemeralStorageGiB - 20) * PRICES.fargateEphemeralGbHour.usd;
  return (compute + storage) * (spot ? 1 - PRICES.fargateSpotMaxDiscount.usd : 1);
}

/**
 * Custom metrics of Container Insights (`enabled`, not `enhanced`) for one cluster: per the metric table of
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html ("charged as
 * custom metrics"), 8 resource metrics (CpuUtilized, CpuReserved, MemoryUtilized, MemoryReserved, NetworkRxBytes,
 * NetworkTxBytes, StorageReadBytes, StorageWriteBytes) for the cluster, each service and each task family; 5 per
 * service (DeploymentCount, DesiredTaskCount, PendingTaskCount, RunningTaskCount, TaskSetCount); 2 per cluster
 * (ServiceCount, TaskCount). ContainerInstanceCount counts EC2 instances: none on Fargate.
 */
export function containerInsightsMetrics(services: number, taskFamilies: number): number {
  return 8 * (1 + services + taskFamilies) + 5 * services + 2;
}

/** Custom metrics the service's EMF `stats` lines make: every metric with [Service], `PostsSkipped` also per reason. */
export const EMF_METRICS = { always: METRIC_NAMES.length, perSkipReason: SKIP_REASONS.length } as const;

const usd = (quantity: number, price: PriceId): number => quantity * PRICES[price].usd;
const round = (n: number, digits = 2): string => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/** The log bytes a month the service writes while running: its `stats` lines (no line per post). */
export function serviceLogBytesPerTaskMonth(): number {
  return (SECONDS_PER_MONTH / LOGS.statsIntervalSeconds) * LOGS.statsLineBytes;
}

/** Container Insights' performance log bytes a month per running task. */
export function containerInsightsLogBytesPerTaskMonth(containers: number): number {
  return (CONTAINER_INSIGHTS.eventsPerMinuteBesidesContainers + containers) * CONTAINER_INSIGHTS.eventBytes * MINUTES_PER_MONTH;
}

/** GB stored on average when a month's ingest is kept `retentionDays` (a year when it never expires). */
function storedGb(ingestGbPerMonth: number, retentionDays: number | undefined): number {
  return ingestGbPerMonth * ((retentionDays ?? 365) / (365 / 12));
}

/** What one more GB of logs a month costs: its ingest, and its storage for the log group's retention. */
export function logGbMonthUsd(retentionDays: number | undefined): number {
  return usd(1, "logsIngestGb") + usd(storedGb(1, retentionDays), "logsStorageGbMonth");
}

function computeLines(inv: Inventory, purchase: Purchase): CostLine[] {
  const { task } = inv;
  const spot = purchase.spot || inv.spot;
  const arch = task.architecture === "ARM64" ? "arm64" : "x86";
  const hour = taskHourUsd(task, task.architecture, spot);
  const prices: PriceId[] = task.architecture === "ARM64" ? ["fargateVcpuHourArm", "fargateGbHourArm"] : ["fargateVcpuHourX86", "fargateGbHourX86"];
  if (task.ephemeralStorageGiB > 20) prices.push("fargateEphemeralGbHour");
  if (spot) prices.push("fargateSpotMaxDiscount");
  return [
    {
      service: "Fargate",
      item: `${task.cpu / 1024} vCPU, ${task.memoryMiB / 1024} GB, Linux/${arch}${spot ? ", Spot (at the largest discount)" : ", on-demand"}`,
      quantity: `${inv.desiredCount} task${inv.desiredCount === 1 ? "" : "s"} × ${HOURS_PER_MONTH} h`,
      usd: inv.desiredCount * HOURS_PER_MONTH * hour,
      prices,
    },
  ];
}

function networkLines(inv: Inventory): CostLine[] {
  const taskIps = inv.publicIp ? inv.desiredCount : 0;
  const ips = taskIps + inv.natGateways;
  const lines: CostLine[] = [
    {
      service: "VPC",
      item: `Public IPv4 addresses: ${taskIps} on tasks, ${inv.natGateways} on NAT gateways`,
      quantity: `${ips} × ${HOURS_PER_MONTH} h`,
      usd: usd(ips * HOURS_PER_MONTH, "publicIpv4Hour"),
      prices: ["publicIpv4Hour"],
    },
  ];
  if (inv.natGateways > 0) {
    const pulls = REQUESTS.taskStartsPerMonth * IMAGE.compressedGB;
    lines.push(
      {
        service: "VPC",
        item: "NAT gateways",
        quantity: `${inv.natGateways} × ${HOURS_PER_MONTH} h`,
        usd: usd(inv.natGateways * HOURS_PER_MONTH, "natGatewayHour"),
        prices: ["natGatewayHour"],
      },
      {
        service: "VPC",
        item: "NAT data processing: image pulls (the stream and the DynamoDB writes: per million posts, below)",
        quantity: `${REQUESTS.taskStartsPerMonth} starts × ${IMAGE.compressedGB} GB`,
        usd: usd(pulls, "natGatewayGb"),
        prices: ["natGatewayGb"],
      },
    );
  }
  if (inv.vpcEndpoints > 0) throw new Error(`${inv.vpcEndpoints} VPC endpoints: no price in tools/cost/prices.ts (see NOT_FOUND)`);
  return lines;
}

function securityLines(inv: Inventory): CostLine[] {
  const secretCalls = REQUESTS.taskStartsPerMonth * inv.secrets;
  const billableKms = Math.max(0, REQUESTS.kmsRequestsPerMonth - KMS_FREE_REQUESTS);
  return [
    { service: "Secrets Manager", item: "Secrets", quantity: `${inv.secrets}`, usd: usd(inv.secrets, "secretMonth"), prices: ["secretMonth"] },
    {
      service: "Secrets Manager",
      item: "GetSecretValue at task start",
      quantity: `${secretCalls} calls`,
      usd: usd(secretCalls / 10_000, "secretApi10k"),
      prices: ["secretApi10k"],
    },
    { service: "KMS", item: "Customer managed keys", quantity: `${inv.kmsKeys}`, usd: usd(inv.kmsKeys, "kmsKeyMonth"), prices: ["kmsKeyMonth"] },
    {
      service: "KMS",
      item: `Requests (${round(KMS_FREE_REQUESTS, 0)} a month are free per account)`,
      quantity: `${round(REQUESTS.kmsRequestsPerMonth, 0)} requests`,
      usd: usd(billableKms / 10_000, "kmsRequests10k"),
      prices: ["kmsRequests10k"],
    },
  ];
}

function observabilityLines(inv: Inventory): CostLine[] {
  const running = inv.desiredCount;
  const appIngest = (running * serviceLogBytesPerTaskMonth()) / GB;
  const lines: CostLine[] = [
    {
      service: "CloudWatch Logs",
      item: `Service log ingest: one stats line (≤ ${round(LOGS.statsLineBytes, 0)} B) per ${LOGS.statsIntervalSeconds} s, nothing per post`,
      quantity: `${round(appIngest, 3)} GB`,
      usd: usd(appIngest, "logsIngestGb"),
      prices: ["logsIngestGb"],
    },
  ];
  let ingest = appIngest;
  if (inv.containerInsights === "enhanced") throw new Error("Container Insights `enhanced` is billed per observation: not priced in tools/cost");
  if (inv.containerInsights === "enabled" && running > 0) {
    const metrics = containerInsightsMetrics(inv.services, inv.services);
    const perfIngest = (running * containerInsightsLogBytesPerTaskMonth(inv.task.containers)) / GB;
    ingest += perfIngest;
    lines.push(
      {
        service: "CloudWatch",
        item: "Container Insights metrics (billed as custom metrics)",
        quantity: `${metrics} metrics`,
        usd: usd(metrics, "customMetricMonth"),
        prices: ["customMetricMonth"],
      },
      {
        service: "CloudWatch Logs",
        item: "Container Insights performance log ingest",
        quantity: `${round(perfIngest, 3)} GB`,
        usd: usd(perfIngest, "logsIngestGb"),
        prices: ["logsIngestGb"],
      },
    );
  }
  const stored = storedGb(ingest, inv.logRetentionDays);
  lines.push({
    service: "CloudWatch Logs",
    item: `Log storage (retention ${inv.logRetentionDays === undefined ? "never expires: a year's ingest shown" : `${inv.logRetentionDays} days`})`,
    quantity: `${round(stored, 3)} GB`,
    usd: usd(stored, "logsStorageGbMonth"),
    prices: ["logsStorageGbMonth"],
  });
  if (running > 0) {
    lines.push({
      service: "CloudWatch",
      item: `Service metrics from the EMF stats lines (service/src/metrics/names.ts; ${EMF_METRICS.perSkipReason} more in a month with skipped lines)`,
      quantity: `${EMF_METRICS.always} metrics`,
      usd: usd(EMF_METRICS.always, "customMetricMonth"),
      prices: ["customMetricMonth"],
    });
  }
  lines.push(
    {
      service: "CloudWatch",
      item: "Alarms (standard resolution)",
      quantity: `${inv.alarmMetrics} alarm metrics`,
      usd: usd(inv.alarmMetrics, "alarmMetricMonth"),
      prices: ["alarmMetricMonth"],
    },
    {
      service: "CloudWatch",
      item: "Dashboards",
      quantity: `${inv.dashboards}`,
      usd: usd(inv.dashboards, "dashboardMonth"),
      prices: ["dashboardMonth"],
    },
  );
  return lines;
}

function storageLines(inv: Inventory): CostLine[] {
  const gb = inv.ecrRepositories * (IMAGE.compressedGB + (IMAGE.keptImages - 1) * IMAGE.changedLayerGB);
  return [
    {
      service: "ECR",
      item: `Image storage (${IMAGE.keptImages} images kept, shared base layers)`,
      quantity: `${round(gb, 3)} GB`,
      usd: usd(gb, "ecrGbMonth"),
      prices: ["ecrGbMonth"],
    },
  ];
}

/** A month's fixed cost lines of a stack: everything but what grows with posts (DynamoDB, NAT data per post). */
export function monthlyLines(inv: Inventory, purchase: Purchase): CostLine[] {
  return [...computeLines(inv, purchase), ...networkLines(inv), ...securityLines(inv), ...observabilityLines(inv), ...storageLines(inv)];
}

/** The sum of lines, USD. */
export function total(lines: readonly CostLine[]): number {
  return lines.reduce((n, l) => n + l.usd, 0);
}

/** What a million stored posts cost, for one representative post. */
export interface PerMillion {
  readonly label: string;
  readonly itemBytes: number;
  readonly writeUnits: number;
  /** Writes, USD. */
  readonly writesUsd: number;
  /** GB added to the table (items and index entries). */
  readonly storedGb: number;
  /** USD a month for each month the posts are kept: storage and, with point-in-time recovery on, its backup. */
  readonly keptUsdPerMonth: number;
  /** USD a month more for each month the posts are kept, with the AWS Backup plan: every recovery point holds them. */
  readonly backupUsdPerMonth: number;
}

/** The cost of a million stored posts in the stack's table, for each representative post. */
export function perMillionPosts(inv: Inventory): PerMillion[] {
  const [table] = inv.tables;
  return POSTS.map(({ label, item }) => {
    const w = postWrite(item, table.globalSecondaryIndexes);
    const gb = (w.storedBytes * 1e6) / GB;
    return {
      label,
      itemBytes: w.itemBytes,
      writeUnits: w.writeUnits,
      writesUsd: usd(w.writeUnits, "dynamoWriteMillion"),
      storedGb: gb,
      keptUsdPerMonth: usd(gb, "dynamoStorageGbMonth") + (table.pointInTimeRecovery ? usd(gb, "dynamoPitrGbMonth") : 0),
      backupUsdPerMonth: usd(gb * table.backupRecoveryPoints, "backupDynamoWarmGbMonth"),
    };
  });
}

/**
 * NAT data a million posts make in the private network: the stream's bytes in (assumed 5 KB a post: the JSON X sends
 * with its expansions) and the item out to DynamoDB (no VPC endpoint in the stack).
 */
export function natUsdPerMillionPosts(itemBytes: number): number {
  const bytes = 1e6 * (5 * 1024 + itemBytes);
  return usd(bytes / GB, "natGatewayGb");
}
