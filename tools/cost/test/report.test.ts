/**
 * docs/COST.md: the committed doc is what the generator writes now from the stack's mock runs; the README's headline
 * is the generated one; the inventory follows the stack's settings; the log assumptions hold for the service's code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { LOGS } from "../assumptions";
import { captureAll, CONFIGURATIONS } from "../configurations";
import { perMillionPosts } from "../estimate";
import { costReport, headline, priceAll, REGENERATE, type Priced } from "../render";
import { loadConfig } from "../../../service/src/config";
import { Logger } from "../../../service/src/ops/log";
import { PeriodMetrics } from "../../../service/src/metrics/emf";
import { Redactor } from "../../../service/src/ops/redact";
import { Stats } from "../../../service/src/ops/stats";

const REPO = path.resolve(__dirname, "..", "..", "..");

describe("cost report (docs/COST.md)", function () {
  this.timeout(180_000);

  let priced: Priced[];
  before(async () => {
    priced = priceAll(CONFIGURATIONS, await captureAll());
  });

  const byLabel = (label: RegExp): Priced => {
    const found = priced.find((p) => label.test(p.configuration.label));
    if (!found) throw new Error(`no configuration ${String(label)}`);
    return found;
  };

  it("docs/COST.md is what the generator writes now", () => {
    expect(fs.readFileSync(path.join(REPO, "docs", "COST.md"), "utf8"), `docs/COST.md is stale: run ${REGENERATE}`).to.equal(costReport(priced));
  });

  it("the README states the generated headline", () => {
    const [base] = priced;
    const sentence = headline(base.usd, perMillionPosts(base.inventory)[0].writesUsd);
    expect(fs.readFileSync(path.join(REPO, "README.md"), "utf8"), `README.md must contain: ${sentence}`).to.include(sentence);
  });

  it("reads each configuration's resources from its mock run: public IP or NAT, architecture, task count", () => {
    const base = byLabel(/^Default/).inventory;
    expect([base.publicIp, base.natGateways, base.desiredCount, base.task.architecture]).to.deep.equal([true, 0, 1, "X86_64"]);
    // Two keys: the component's, and the alarm topic's (infra/monitoring/monitoring.ts).
    expect([base.secrets, base.kmsKeys, base.containerInsights]).to.deep.equal([1, 2, "enabled"]);
    const privateNet = byLabel(/^Private/).inventory;
    expect([privateNet.publicIp, privateNet.natGateways]).to.deep.equal([false, 1]);
    expect(byLabel(/^arm64 \(/).inventory.task.architecture).to.equal("ARM64");
    expect(byLabel(/^Stopped/).inventory.desiredCount).to.equal(0);
  });

  it("costs less on arm64 and on Spot, more with NAT, least stopped", () => {
    const usd = (label: RegExp) => byLabel(label).usd;
    expect(usd(/^arm64 \(/)).to.be.lessThan(usd(/^Default/));
    expect(usd(/^Fargate Spot/)).to.be.lessThan(usd(/^Default/));
    expect(usd(/^Private/)).to.be.greaterThan(usd(/^Default/) + 30);
    expect(usd(/^Stopped/)).to.be.lessThan(usd(/^Fargate Spot/));
  });
});

describe("cost assumptions hold for the service's code", () => {
  it("the stats period and the skip-log period are the service's defaults", () => {
    const config = loadConfig(
      { DYNAMODBTABLE: "twitterStream", AWSREGION: "us-east-1", FILTER: "cloud", CONSUMERKEY: "ck", CONSUMERSECRETKEY: "cs" },
      (file) => {
        throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT" });
      },
    );
    expect(config.statsIntervalMs).to.equal(LOGS.statsIntervalSeconds * 1000);
    expect(config.skipLogIntervalMs).to.equal(LOGS.skipLogIntervalSeconds * 1000);
  });

  it("a stats line with every counter at ten digits and 100 latency values, with its EMF members, fits the assumed size", () => {
    const lines: string[] = [];
    const log = new Logger(new Redactor(), (line) => lines.push(line));
    const stats = new Stats();
    const big = 9_999_999_999;
    Object.assign(stats, {
      received: big,
      matched: big,
      unmatched: big,
      stored: big,
      duplicates: big,
      retries: big,
      reconnects: big,
      heartbeats: big,
    });
    for (let i = 0; i < 1000; i++) stats.writeLatency(i * 37);
    const { snapshot, figures } = stats.endPeriod(big, 64);
    const emf = new PeriodMetrics("twitterstream-production").next({ ...snapshot, dropped: big }, figures, big, big, Date.now());
    log.info("stats", { ...snapshot, queueInMemory: big, queueMemoryBytes: big, spilled: big, spillBytes: big, dropped: big, ...emf.stats });
    expect(lines).to.have.length(1);
    expect(Buffer.byteLength(lines[0], "utf8")).to.be.within(200, LOGS.statsLineBytes);
  });
});
