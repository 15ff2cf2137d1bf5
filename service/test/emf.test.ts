import { expect } from "chai";
import { emfMembers, PeriodMetrics } from "../src/metrics/emf";
import { METRIC, METRIC_NAMES, METRICS_NAMESPACE } from "../src/metrics/names";
import { Stats } from "../src/ops/stats";
import { validateEmfLine } from "./emfValidator";

const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);

/** The valid example of the EMF specification page. */
const SPEC_EXAMPLE = {
  _aws: {
    Timestamp: NOW,
    CloudWatchMetrics: [
      { Namespace: "lambda-function-metrics", Dimensions: [["functionVersion"]], Metrics: [{ Name: "time", Unit: "Milliseconds" }] },
    ],
  },
  functionVersion: "$LATEST",
  time: 100,
  requestId: "989ffbf8-9ace-4817-a57c-e4dd734019ee",
};

type Doc = typeof SPEC_EXAMPLE;

function directive(doc: Doc): Record<string, unknown> {
  return doc._aws.CloudWatchMetrics[0];
}

function broken(change: (doc: Doc) => void): string {
  const doc = structuredClone(SPEC_EXAMPLE);
  change(doc);
  return JSON.stringify(doc);
}

describe("EMF validator", () => {
  it("accepts the specification's example", () => {
    expect(validateEmfLine(JSON.stringify(SPEC_EXAMPLE), NOW)).to.deep.equal([]);
  });

  const cases: Array<[string, string, string]> = [
    ["not JSON", `${JSON.stringify(SPEC_EXAMPLE)} trailing`, "the line is not JSON (SPEC: a valid JSON object with no additional data)"],
    ["no _aws", JSON.stringify({ time: 1 }), "_aws is missing or not an object"],
    [
      "a string Timestamp",
      broken((d) => Object.assign(d._aws, { Timestamp: "2026-12-02" })),
      "_aws.Timestamp is not an integer of ms since the epoch",
    ],
    [
      "a Timestamp in seconds",
      broken((d) => Object.assign(d._aws, { Timestamp: NOW / 1000 })),
      `_aws.Timestamp ${NOW / 1000} is over 14 days old or over 2 hours ahead`,
    ],
    ["no Namespace", broken((d) => delete directive(d)["Namespace"]), "CloudWatchMetrics[0].Namespace is not a string of 1 to 255 characters"],
    [
      "no dimension sets",
      broken((d) => Object.assign(directive(d), { Dimensions: [] })),
      "CloudWatchMetrics[0].Dimensions is not a non-empty array of dimension sets",
    ],
    [
      "a missing dimension member",
      broken((d) => delete (d as Partial<Doc>).functionVersion),
      "dimension functionVersion has no string member at the root",
    ],
    ["a numeric dimension", broken((d) => Object.assign(d, { functionVersion: 7 })), "dimension functionVersion has no string member at the root"],
    [
      "a non-ASCII dimension value",
      broken((d) => Object.assign(d, { functionVersion: "zoë" })),
      "dimension functionVersion's value is not 1 to 1024 printable ASCII characters",
    ],
    [
      "31 dimension keys",
      broken((d) => Object.assign(directive(d), { Dimensions: [Array.from({ length: 31 }, () => "functionVersion")] })),
      "CloudWatchMetrics[0].Dimensions[0] has 31 keys, over 30",
    ],
    ["a string metric value", broken((d) => Object.assign(d, { time: "100" })), "metric time has no numeric member at the root"],
    ["a nested metric value", broken((d) => Object.assign(d, { time: { value: 100 } })), "metric time has no numeric member at the root"],
    ["101 metric values", broken((d) => Object.assign(d, { time: Array.from({ length: 101 }, () => 1) })), "metric time has 101 values, over 100"],
    ["a null in the values", broken((d) => Object.assign(d, { time: [1, null] })), "metric time has a value that is not a number"],
    [
      "101 metrics",
      broken((d) => Object.assign(directive(d), { Metrics: Array.from({ length: 101 }, () => ({ Name: "time" })) })),
      "CloudWatchMetrics[0].Metrics has 101 definitions, over 100",
    ],
    [
      "an unknown unit",
      broken((d) => Object.assign(directive(d), { Metrics: [{ Name: "time", Unit: "Millis" }] })),
      'CloudWatchMetrics[0].Metrics[0].Unit "Millis" is not a CloudWatch unit',
    ],
    [
      "an unknown directive member",
      broken((d) => Object.assign(directive(d), { Dimension: [] })),
      "CloudWatchMetrics[0] has an unknown member Dimension",
    ],
  ];
  for (const [what, line, problem] of cases) {
    it(`rejects ${what}`, () => {
      expect(validateEmfLine(line, NOW)).to.deep.equal([problem]);
    });
  }
});

describe("EMF stats documents", () => {
  it("lists every metric of the contract with its unit, in one directive of the namespace with dimension set [Service]", () => {
    const members = emfMembers(NOW, { Service: "twitterstream-dev" }, Object.fromEntries(METRIC_NAMES.map((n) => [n, 1])));
    expect(members["_aws"]).to.deep.equal({
      Timestamp: NOW,
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: [["Service"]], Metrics: METRIC_NAMES.map((Name) => ({ Name, Unit: METRIC[Name].unit })) },
      ],
    });
    expect(validateEmfLine(JSON.stringify(members), NOW)).to.deep.equal([]);
  });

  it("gives each period's differences, the gauges as they are, and a line per reason with skips in the period", () => {
    const stats = new Stats(undefined, () => NOW);
    const metrics = new PeriodMetrics("svc");
    stats.received = 10;
    stats.matched = 4;
    stats.stored = 3;
    stats.skip("not-json");
    stats.skip("oversized");
    stats.skip("oversized");
    stats.writeLatency(12.34);
    stats.connection(true);
    const first = stats.endPeriod(0, 0);
    expect(first.figures).to.deep.equal({ writeLatencies: [12.3], connectedThroughout: false });
    const one = metrics.next({ ...first.snapshot, dropped: 0 }, first.figures, 7, 9, NOW);
    expect(one.stats).to.deep.include({ Service: "svc", PostsReceived: 10, PostsMatched: 4, PostsStored: 3, PostsSkipped: 3, QueueDepth: 7 });
    expect(one.stats).to.deep.include({ WriteLatency: [12.3], PostsReadToday: 9, StreamConnected: 0, PostsDropped: 0 });
    expect(one.skippedByReason.map((m) => [m["Reason"], m["PostsSkipped"]])).to.deep.equal([
      ["not-json", 1],
      ["oversized", 2],
    ]);
    stats.received = 15;
    stats.reconnects = 1;
    stats.usageCapped = 1;
    const second = stats.endPeriod(0, 0);
    expect(second.figures).to.deep.equal({ writeLatencies: [], connectedThroughout: true });
    const two = metrics.next({ ...second.snapshot, dropped: 2 }, second.figures, 0, 9, NOW);
    expect(two.stats).to.deep.include({
      PostsReceived: 5,
      PostsStored: 0,
      PostsSkipped: 0,
      Reconnects: 1,
      UsageCapExceeded: 1,
      PostsDropped: 2,
      StreamConnected: 1,
    });
    expect(two.stats).to.not.have.property("WriteLatency");
    expect(two.skippedByReason).to.deep.equal([]);
    for (const members of [one.stats, two.stats, ...one.skippedByReason]) expect(validateEmfLine(JSON.stringify(members), NOW)).to.deep.equal([]);
  });

  it("gives the write latency as each round trip up to 100, then as 100 quantiles of the period", () => {
    const stats = new Stats();
    for (let i = 1; i <= 100; i += 1) stats.writeLatency(i);
    expect(stats.endPeriod(0, 0).figures.writeLatencies).to.deep.equal(Array.from({ length: 100 }, (_, i) => i + 1));
    for (let i = 1; i <= 1000; i += 1) stats.writeLatency(i);
    const values = stats.endPeriod(0, 0).figures.writeLatencies;
    expect(values).to.have.length(100);
    expect(values[0]).to.be.within(1, 1.05);
    expect(values[99]).to.be.within(1000, 1050);
    expect([...values].sort((a, b) => a - b)).to.deep.equal(values);
  });

  it("counts the stream as connected only for a period it was up from start to end", () => {
    const stats = new Stats();
    stats.connection(true);
    expect(stats.endPeriod(0, 0).figures.connectedThroughout).to.equal(false);
    expect(stats.endPeriod(0, 0).figures.connectedThroughout).to.equal(true);
    stats.connection(false);
    stats.connection(true);
    expect(stats.endPeriod(0, 0).figures.connectedThroughout).to.equal(false);
    stats.connection(false);
    expect(stats.endPeriod(0, 0).figures.connectedThroughout).to.equal(false);
    expect(stats.endPeriod(0, 0).figures.connectedThroughout).to.equal(false);
  });
});
