/**
 * AWS list prices for one region, us-east-1 (US East, N. Virginia), USD, each with where it comes from.
 *
 * AWS's own pricing pages render most rates into the page with a script: the stored text of those pages holds the
 * wording and the examples, not the rate tables. So each price names both the AWS page that is authoritative
 * (`source`) and the stored page whose text states the figure (`seenAt`, which may be the AWS page itself, a
 * transcription of it, or a third party quoting it for us-east-1), with the date that text was read here (`read`).
 * A price none of the stored pages states is not in this table: it is listed in {@link NOT_FOUND} instead.
 */

/** One price. */
export interface Price {
  /** USD per {@link unit}. */
  readonly usd: number;
  readonly unit: string;
  /** What it is charged for. */
  readonly what: string;
  /** The AWS page that sets the price. */
  readonly source: string;
  /** Stored pages whose text states the figure for us-east-1 (or for every region), first the closest to AWS. */
  readonly seenAt: readonly string[];
  /** ISO date the text of `seenAt` was read. */
  readonly read: string;
  /** What the reader should know: the free tier, a caveat on the figure. */
  readonly note?: string;
}

/** The region every price is for. */
export const REGION = "us-east-1";

/** The date the stored pages below were read. */
const READ = "2026-12-01";

const FARGATE = "https://aws.amazon.com/fargate/pricing/";
const VANTAGE_FARGATE = "https://www.vantage.sh/blog/fargate-pricing";
const ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/";

export const PRICES = {
  fargateVcpuHourX86: {
    usd: 0.04048,
    unit: "vCPU-hour",
    what: "Fargate on-demand, Linux/x86, per vCPU",
    source: FARGATE,
    seenAt: [
      VANTAGE_FARGATE,
      "https://www.wring.co/blog/aws-fargate-pricing-guide",
      // The ECS pricing page's own example: $0.000011244 per vCPU-second = $0.04048 per vCPU-hour.
      "https://raw.githubusercontent.com/api-evangelist/amazon-ecs/refs/heads/main/plans/amazon-ecs-plans-pricing.yml",
    ],
    read: READ,
  },
  fargateGbHourX86: {
    usd: 0.004445,
    unit: "GB-hour",
    what: "Fargate on-demand, Linux/x86, per GB of memory",
    source: FARGATE,
    seenAt: [VANTAGE_FARGATE, "https://www.wring.co/blog/aws-fargate-pricing-guide"],
    read: READ,
  },
  fargateVcpuHourArm: {
    usd: 0.03238,
    unit: "vCPU-hour",
    what: "Fargate on-demand, Linux/ARM (Graviton), per vCPU",
    source: FARGATE,
    seenAt: [VANTAGE_FARGATE, "https://fortem.dev/fargate-spot/"],
    read: READ,
  },
  fargateGbHourArm: {
    usd: 0.00356,
    unit: "GB-hour",
    what: "Fargate on-demand, Linux/ARM (Graviton), per GB of memory",
    source: FARGATE,
    seenAt: [VANTAGE_FARGATE, "https://fortem.dev/fargate-spot/"],
    read: READ,
  },
  fargateSpotMaxDiscount: {
    usd: 0.7,
    unit: "fraction off on-demand (at most)",
    what: 'Fargate Spot: "up to a 70% discount off the regular Fargate price"',
    source: FARGATE,
    seenAt: [FARGATE],
    read: READ,
    note: "The current Spot rate is published per region in a live table that no stored page holds: Spot rows here are a floor (the largest discount), not a quote.",
  },
  fargateEphemeralGbHour: {
    usd: 0.000111,
    unit: "GB-hour",
    what: "Fargate ephemeral storage above the 20 GB every task gets free",
    source: FARGATE,
    seenAt: [VANTAGE_FARGATE],
    read: READ,
  },
  natGatewayHour: {
    usd: 0.045,
    unit: "NAT gateway-hour",
    what: "NAT gateway, per gateway",
    source: "https://aws.amazon.com/vpc/pricing/",
    seenAt: [
      "https://raw.githubusercontent.com/api-evangelist/amazon-vpc/refs/heads/main/plans/amazon-vpc-plans-pricing.yml",
      "https://github.com/chime/terraform-aws-alternat",
    ],
    read: READ,
    note: "The stored AWS text gives this rate in a worked example for US East (Ohio); no stored page states the hourly rate for N. Virginia alone.",
  },
  natGatewayGb: {
    usd: 0.045,
    unit: "GB processed",
    what: "NAT gateway data processing",
    source: "https://aws.amazon.com/vpc/pricing/",
    seenAt: ["https://cloudburn.io/blog/amazon-ecr-pricing", "https://github.com/chime/terraform-aws-alternat"],
    read: READ,
  },
  albHour: {
    usd: 0.0225,
    unit: "ALB-hour",
    what: "Application Load Balancer, per load balancer (a partial hour is billed as a full one)",
    source: ELB,
    seenAt: ["https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/"],
    read: READ,
    note: "The stored text gives the rate without naming a region: the AWS page, whose rate tables a script renders, is the authority for us-east-1. Only the component's `loadBalancer` option creates one; the stack has none.",
  },
  albLcuHour: {
    usd: 0.008,
    unit: "LCU-hour",
    what: "Application Load Balancer capacity units (LCU: the largest of new connections, active connections, processed bytes and rule evaluations in the hour)",
    source: ELB,
    seenAt: ["https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/"],
    read: READ,
    note: "By use: an idle load balancer uses almost none.",
  },
  publicIpv4Hour: {
    usd: 0.005,
    unit: "IP-hour",
    what: "Public IPv4 address, in use or idle (since 2024-02-01)",
    source: "https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/",
    seenAt: [
      "https://www.doit.com/aws-public-ipv4-price-increase-the-complete-guide/",
      "https://vishalvyas.com/understand-aws-public-ipv4-address-usage-and-pricing/",
    ],
    read: READ,
    note: "Every region; the EC2 free tier's 750 free hours apply to EC2 instances, not to Fargate tasks or NAT gateways.",
  },
  secretMonth: {
    usd: 0.4,
    unit: "secret-month",
    what: "Secrets Manager secret",
    source: "https://aws.amazon.com/secrets-manager/pricing/",
    seenAt: [
      "https://raw.githubusercontent.com/api-evangelist/amazon-secrets-manager/refs/heads/main/plans/amazon-secrets-manager-plans-pricing.yml",
    ],
    read: READ,
    note: "The AWS page's examples, transcribed verbatim (read there 2026-09-20).",
  },
  secretApi10k: {
    usd: 0.05,
    unit: "10,000 API calls",
    what: "Secrets Manager API calls",
    source: "https://aws.amazon.com/secrets-manager/pricing/",
    seenAt: [
      "https://raw.githubusercontent.com/api-evangelist/amazon-secrets-manager/refs/heads/main/plans/amazon-secrets-manager-plans-pricing.yml",
    ],
    read: READ,
  },
  kmsKeyMonth: {
    usd: 1,
    unit: "key-month",
    what: "KMS customer managed key",
    source: "https://aws.amazon.com/kms/pricing/",
    seenAt: ["https://aws.amazon.com/kms/pricing/"],
    read: READ,
    note: "With automatic rotation on (the component's key), each rotated backing key adds $1/month: the key costs $1/month in its first year, more after its first yearly rotation.",
  },
  kmsRequests10k: {
    usd: 0.03,
    unit: "10,000 requests",
    what: "KMS requests (symmetric keys), after 20,000 free a month per account",
    source: "https://aws.amazon.com/kms/pricing/",
    seenAt: ["https://www.wring.co/blog/aws-kms-pricing-guide", "https://cloudburn.io/blog/aws-kms-pricing"],
    read: READ,
  },
  logsIngestGb: {
    usd: 0.5,
    unit: "GB ingested",
    what: "CloudWatch Logs ingestion, Standard class",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    seenAt: [
      "https://c3x.dev/blog/cloudwatch-logs-cost-optimization",
      "https://hykell.com/kb/platform-specific-guides/aws-cloudwatch-logs-pricing",
    ],
    read: READ,
    note: "CloudWatch's free tier: 5 GB of logs a month per account.",
  },
  logsStorageGbMonth: {
    usd: 0.03,
    unit: "GB-month stored",
    what: "CloudWatch Logs storage (archive)",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    seenAt: [
      "https://c3x.dev/blog/cloudwatch-logs-cost-optimization",
      "https://hykell.com/kb/platform-specific-guides/aws-cloudwatch-logs-pricing",
    ],
    read: READ,
  },
  customMetricMonth: {
    usd: 0.3,
    unit: "metric-month",
    what: "CloudWatch custom metric (first 10,000), which is how Container Insights and EMF metrics are billed",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    seenAt: ["https://cal53.calculator.city/cloudwatch-custom-metrics-calculator/"],
    read: READ,
    note: "CloudWatch's free tier: 10 custom metrics a month per account.",
  },
  alarmMetricMonth: {
    usd: 0.1,
    unit: "alarm metric-month",
    what: "CloudWatch standard-resolution alarm, per metric it evaluates",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    seenAt: ["https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm", "https://github.com/vreutova/infracost-idem-support/pull/2"],
    read: READ,
    note: "CloudWatch's free tier: 10 alarm metrics a month per account.",
  },
  dashboardMonth: {
    usd: 3,
    unit: "dashboard-month",
    what: "CloudWatch custom dashboard",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    seenAt: ["https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards.md"],
    read: READ,
    note: "CloudWatch's free tier: 3 custom dashboards (up to 50 metrics each) a month per account.",
  },
  ecrGbMonth: {
    usd: 0.1,
    unit: "GB-month",
    what: "ECR private repository storage",
    source: "https://aws.amazon.com/ecr/pricing/",
    seenAt: ["https://cloudburn.io/blog/amazon-ecr-pricing", "https://www.wring.co/blog/aws-ecr-pricing-guide"],
    read: READ,
    note: "Pulls by Fargate in the same region transfer for free.",
  },
  dynamoWriteMillion: {
    usd: 0.625,
    unit: "million write request units",
    what: "DynamoDB on-demand writes, Standard table class",
    source: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    seenAt: ["https://airbyte.com/data-engineering-resources/dynamodb-pricing"],
    read: READ,
    note: "Halved in November 2024; older pages show $1.25.",
  },
  dynamoStorageGbMonth: {
    usd: 0.25,
    unit: "GB-month",
    what: "DynamoDB storage, Standard table class",
    source: "https://aws.amazon.com/dynamodb/pricing/",
    seenAt: ["https://aws.amazon.com/dynamodb/pricing/"],
    read: READ,
    note: "The first 25 GB a month per account are free.",
  },
  dynamoPitrGbMonth: {
    usd: 0.2,
    unit: "GB-month",
    what: "DynamoDB point-in-time recovery (continuous backups), per GB of table",
    source: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    seenAt: ["https://finops.com.py/services/dynamodb/backups"],
    read: READ,
  },
  backupDynamoWarmGbMonth: {
    usd: 0.1,
    unit: "GB-month",
    what: "AWS Backup of DynamoDB, warm storage, per GB of each recovery point",
    source: "https://aws.amazon.com/backup/pricing/",
    seenAt: [
      "https://finops.com.py/services/dynamodb/backups",
      "https://www.factualminds.com/blog/aws-backup-pricing-vaults-cross-region-restores/",
    ],
    read: READ,
    note: "Each DynamoDB recovery point is a full copy of the table, not an increment (https://whitebirch.io/posts/aws-backup-with-dynamodb); AWS: no difference in warm storage pricing with advanced DynamoDB backup.",
  },
} as const satisfies Record<string, Price>;

/** A price's key. */
export type PriceId = keyof typeof PRICES;

/** Figures the report would use but that no stored page states for us-east-1: not invented, left out. */
export const NOT_FOUND: readonly string[] = [
  "The current Fargate Spot rates for us-east-1 (a live table on https://aws.amazon.com/fargate/pricing/): Spot is shown at AWS's largest stated discount, 70 %.",
  "SNS prices (https://aws.amazon.com/sns/pricing/): a topic has no monthly charge; the few alarm notifications a month are left at $0.",
  "SQS prices (https://aws.amazon.com/sqs/pricing/): an idle dead-letter queue makes no requests; left at $0.",
  "VPC interface endpoint prices (https://aws.amazon.com/privatelink/pricing/): the stack creates none; the report fails if one appears.",
];
