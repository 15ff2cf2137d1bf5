/** The cost arithmetic, item sizes and inventory rules, on inputs built here (no mock run). */
import { expect } from "chai";
import { attributeBytes, itemBytes, postWrite, writeUnits, type IndexShape } from "../dynamo";

const BY_ID: IndexShape = { hashKey: "id", projected: [] };
const BY_REF: IndexShape = { hashKey: "refId", projected: ["refType"] };
import { containerInsightsMetrics, monthlyLines, perMillionPosts, taskHourUsd, total } from "../estimate";
import { inventoryOf, natGatewaysOf, recoveryPointsOf, type Inventory } from "../inventory";
import { marginalCosts } from "../marginal";
import { PRICES, type Price } from "../prices";
import { POSTS, REQUESTS } from "../assumptions";

const INVENTORY: Inventory = {
  task: { cpu: 256, memoryMiB: 512, architecture: "X86_64", ephemeralStorageGiB: 20, containers: 1 },
  desiredCount: 1,
  publicIp: true,
  spot: false,
  natGateways: 0,
  vpcEndpoints: 0,
  containerInsights: "enabled",
  services: 1,
  kmsKeys: 1,
  secrets: 1,
  logGroups: 1,
  logRetentionDays: 30,
  ecrRepositories: 1,
  tables: [{ globalSecondaryIndexes: [{ hashKey: "id", projected: [] }], pointInTimeRecovery: true, backupRecoveryPoints: 0 }],
  alarmMetrics: 0,
  dashboards: 0,
  usageOnly: [],
};

const line = (lines: ReturnType<typeof monthlyLines>, item: RegExp) => {
  const found = lines.find((l) => item.test(l.item));
  if (!found) throw new Error(`no line ${String(item)}`);
  return found;
};

describe("cost: Fargate", () => {
  it("prices a task-hour as vCPU × the vCPU rate + GB × the GB rate, by architecture", () => {
    const x86 = taskHourUsd({ cpu: 256, memoryMiB: 512, ephemeralStorageGiB: 20 }, "X86_64", false);
    expect(x86).to.be.closeTo(0.25 * 0.04048 + 0.5 * 0.004445, 1e-12);
    const arm = taskHourUsd({ cpu: 1024, memoryMiB: 2048, ephemeralStorageGiB: 20 }, "ARM64", false);
    expect(arm).to.be.closeTo(0.03238 + 2 * 0.00356, 1e-12);
  });

  it("charges ephemeral storage above the free 20 GB only, and takes Spot at its largest discount", () => {
    const base = taskHourUsd({ cpu: 256, memoryMiB: 512, ephemeralStorageGiB: 20 }, "X86_64", false);
    expect(taskHourUsd({ cpu: 256, memoryMiB: 512, ephemeralStorageGiB: 30 }, "X86_64", false) - base).to.be.closeTo(10 * 0.000111, 1e-12);
    expect(taskHourUsd({ cpu: 256, memoryMiB: 512, ephemeralStorageGiB: 20 }, "X86_64", true)).to.be.closeTo(base * 0.3, 1e-12);
  });

  it("bills desiredCount tasks for 730 hours, and none when stopped", () => {
    const fargate = (inv: Inventory) => line(monthlyLines(inv, { spot: false }), /vCPU/).usd;
    expect(fargate(INVENTORY)).to.be.closeTo(730 * (0.25 * 0.04048 + 0.5 * 0.004445), 1e-9);
    expect(fargate({ ...INVENTORY, desiredCount: 0 })).to.equal(0);
  });
});

describe("cost: network", () => {
  it("counts a public IPv4 per running task with a public IP, and one per NAT gateway", () => {
    const ips = (inv: Inventory) => line(monthlyLines(inv, { spot: false }), /Public IPv4/).usd / (730 * 0.005);
    expect(ips(INVENTORY)).to.be.closeTo(1, 1e-9);
    expect(ips({ ...INVENTORY, publicIp: false, natGateways: 1 })).to.be.closeTo(1, 1e-9);
    expect(ips({ ...INVENTORY, publicIp: false, natGateways: 0 })).to.equal(0);
    expect(ips({ ...INVENTORY, desiredCount: 0 })).to.equal(0);
  });

  it("adds NAT gateway hours only with NAT gateways, and refuses to price VPC endpoints it has no price for", () => {
    expect(monthlyLines(INVENTORY, { spot: false }).some((l) => l.item === "NAT gateways")).to.equal(false);
    const nat = line(monthlyLines({ ...INVENTORY, natGateways: 2 }, { spot: false }), /^NAT gateways$/);
    expect(nat.usd).to.be.closeTo(2 * 730 * 0.045, 1e-9);
    expect(() => monthlyLines({ ...INVENTORY, vpcEndpoints: 1 }, { spot: false })).to.throw(/VPC endpoints/);
  });

  it("reads the NAT gateways of an awsx VPC from its strategy, or awsx's default (one per AZ with private and public subnets)", () => {
    const subnets = [{ type: "Private" }, { type: "Public" }];
    expect(natGatewaysOf({ natGateways: { strategy: "Single" }, numberOfAvailabilityZones: 2, subnetSpecs: subnets })).to.equal(1);
    expect(natGatewaysOf({ natGateways: { strategy: "OnePerAz" }, numberOfAvailabilityZones: 2 })).to.equal(2);
    expect(natGatewaysOf({ natGateways: { strategy: "None" } })).to.equal(0);
    expect(natGatewaysOf({ subnetSpecs: subnets })).to.equal(3);
    expect(natGatewaysOf({ subnetSpecs: [{ type: "Public" }] })).to.equal(0);
  });
});

describe("cost: CloudWatch", () => {
  it("counts Container Insights metrics from the metric table: 8 per cluster, service and family, 5 per service, 2 per cluster", () => {
    expect(containerInsightsMetrics(1, 1)).to.equal(31);
    expect(containerInsightsMetrics(2, 2)).to.equal(8 * 5 + 10 + 2);
  });

  it("prices Container Insights only when enabled and a task runs, and alarms and dashboards by count", () => {
    const insights = (inv: Inventory) => monthlyLines(inv, { spot: false }).some((l) => /Container Insights metrics/.test(l.item));
    expect(insights(INVENTORY)).to.equal(true);
    expect(insights({ ...INVENTORY, containerInsights: "disabled" })).to.equal(false);
    expect(insights({ ...INVENTORY, desiredCount: 0 })).to.equal(false);
    const lines = monthlyLines({ ...INVENTORY, alarmMetrics: 7, dashboards: 1 }, { spot: false });
    expect(line(lines, /^Alarms/).usd).to.be.closeTo(0.7, 1e-9);
    expect(line(lines, /^Dashboards/).usd).to.equal(3);
    expect(total(lines)).to.be.closeTo(total(monthlyLines(INVENTORY, { spot: false })) + 3.7, 1e-9);
  });
});

describe("cost: DynamoDB items", () => {
  it("sizes attributes as the DynamoDB guide says: UTF-8 name + value; a list adds 3 bytes and 1 per element", () => {
    expect(attributeBytes("id", "123")).to.equal(5);
    expect(attributeBytes("t", "語")).to.equal(4);
    expect(attributeBytes("l", ["ab", "c"])).to.equal(1 + 3 + 3 + 2);
    expect(itemBytes({ a: "b", c: undefined })).to.equal(2);
  });

  it("bills a write unit per started KB, at least one", () => {
    expect([writeUnits(1), writeUnits(1024), writeUnits(1025), writeUnits(4096)]).to.deep.equal([1, 1, 2, 4]);
  });

  it("writes the keys-only index with every put, and stores both with 100 bytes of overhead each", () => {
    const { item } = POSTS[0];
    const without = postWrite(item, []);
    const withIndex = postWrite(item, [BY_ID]);
    expect(withIndex.writeUnits).to.equal(without.writeUnits + 1);
    const entry = itemBytes({ id: item.id, user: item.user, date: item.date });
    expect(withIndex.storedBytes - without.storedBytes).to.equal(entry + 100);
  });

  it("writes the sparse byRef index only for an item that has its key, with the projected refType", () => {
    const plain = POSTS[0].item;
    expect(postWrite(plain, [BY_ID, BY_REF])).to.deep.equal(postWrite(plain, [BY_ID]));
    const quote = POSTS.find((p) => p.item.refId !== undefined)?.item;
    if (quote === undefined) throw new Error("no quote among the representative posts");
    const entry = itemBytes({ refId: quote.refId, refType: quote.refType, user: quote.user, date: quote.date });
    expect(postWrite(quote, [BY_ID, BY_REF]).storedBytes - postWrite(quote, [BY_ID]).storedBytes).to.equal(entry + 100);
    expect(postWrite(quote, [BY_ID, BY_REF]).writeUnits).to.equal(postWrite(quote, [BY_ID]).writeUnits + 1);
  });

  it("stores an item without the writer-only `replaces`", () => {
    const item = { ...POSTS[0].item, replaces: [{ user: "1", date: "d" }] };
    expect(postWrite(item, []).itemBytes).to.equal(postWrite(POSTS[0].item, []).itemBytes);
  });
});

describe("cost: inventory and prices", () => {
  it("fails on a resource type with no cost rule, naming it", () => {
    expect(() => inventoryOf([{ type: "aws:rds/instance:Instance", name: "db", inputs: {}, secretInputs: [] }])).to.throw(
      /aws:rds\/instance:Instance/,
    );
  });

  it("counts a daily backup rule's retention as recovery points of the table its selection names, and refuses other schedules", () => {
    const table = { type: "aws:dynamodb/table:Table", name: "posts", inputs: { name: "posts" }, secretInputs: [] };
    const plan = (schedule: string) => ({
      type: "aws:backup/plan:Plan",
      name: "plan",
      inputs: { rules: [{ ruleName: "daily", schedule, lifecycle: { deleteAfter: 35 } }] },
      secretInputs: [],
    });
    const selection = (arn: string) => ({
      type: "aws:backup/selection:Selection",
      name: "sel",
      inputs: { planId: "plan-id", resources: [arn] },
      secretInputs: [],
    });
    const ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/posts";
    expect(recoveryPointsOf([table, plan("cron(0 5 ? * * *)"), selection(ARN)], table)).to.equal(35);
    expect(recoveryPointsOf([table, plan("cron(0 5 ? * * *)"), selection(`${ARN}-other`)], table)).to.equal(0);
    expect(() => recoveryPointsOf([table, plan("cron(0 5 ? * MON *)"), selection(ARN)], table)).to.throw(/cron\(0 5 \? \* MON \*\)/);
  });

  it("bills each recovery point of a million posts as a full copy at the warm-storage price", () => {
    const backedUp = { ...INVENTORY, tables: [{ ...INVENTORY.tables[0], backupRecoveryPoints: 35 }] };
    const [plain] = perMillionPosts(INVENTORY);
    const [withBackup] = perMillionPosts(backedUp);
    expect(plain.backupUsdPerMonth).to.equal(0);
    expect(withBackup.backupUsdPerMonth).to.be.closeTo(35 * withBackup.storedGb * PRICES.backupDynamoWarmGbMonth.usd, 1e-9);
    expect(withBackup.keptUsdPerMonth).to.equal(plain.keptUsdPerMonth);
  });

  it("cites every price: an AWS pricing page, the stored pages stating it, and the date read", () => {
    for (const [id, price] of Object.entries(PRICES) as [string, Price][]) {
      expect(price.source, id).to.match(/^https:\/\/aws\.amazon\.com\//);
      expect(price.seenAt, id).to.not.be.empty;
      for (const url of price.seenAt) expect(url, id).to.match(/^https:\/\//);
      expect(price.read, id).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(price.usd, id).to.be.greaterThan(0);
    }
  });
});

describe("cost: what one more (or one less) changes", () => {
  const marginal = (what: RegExp, inv: Inventory = INVENTORY): number => {
    const found = marginalCosts(inv, { spot: false }).find((m) => what.test(m.what));
    if (!found) throw new Error(`no change ${String(what)}`);
    return found.usd;
  };

  it("prices a secret as its month plus its reads at task start, a key and an alarm metric at their monthly prices", () => {
    expect(marginal(/^One more secret/)).to.be.closeTo(
      PRICES.secretMonth.usd + (REQUESTS.taskStartsPerMonth * PRICES.secretApi10k.usd) / 10_000,
      1e-9,
    );
    expect(marginal(/^One more customer managed KMS key/)).to.be.closeTo(PRICES.kmsKeyMonth.usd, 1e-9);
    expect(marginal(/^One more alarm/)).to.be.closeTo(PRICES.alarmMetricMonth.usd, 1e-9);
  });

  it("prices a GB of logs as its ingest plus its storage for the retention, and a year's when the group never expires", () => {
    expect(marginal(/^One more GB of logs/)).to.be.closeTo(PRICES.logsIngestGb.usd + PRICES.logsStorageGbMonth.usd * (30 / (365 / 12)), 1e-9);
    expect(marginal(/^One more GB of logs/, { ...INVENTORY, logRetentionDays: undefined })).to.be.closeTo(
      PRICES.logsIngestGb.usd + PRICES.logsStorageGbMonth.usd * 12,
      1e-9,
    );
  });

  it("saves Container Insights' metrics, its log ingest and that log's storage when it is off, and offers it only when on", () => {
    const lines = monthlyLines(INVENTORY, { spot: false });
    const insights = line(lines, /^Container Insights metrics/).usd + line(lines, /^Container Insights performance log/).usd;
    const saving = -marginal(/^Container Insights off/);
    expect(saving).to.be.greaterThan(insights);
    expect(saving - insights).to.be.lessThan(0.01, "only the storage of the log it no longer writes");
    const offered = (inv: Inventory) => marginalCosts(inv, { spot: false }).some((m) => m.what.startsWith("Container Insights"));
    expect([offered(INVENTORY), offered({ ...INVENTORY, containerInsights: "disabled" })]).to.deep.equal([true, false]);
  });
});
