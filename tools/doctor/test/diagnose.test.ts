/** The pure part of the doctor: what the service's log lines say, and findings from raw answers. */
import { expect } from "chai";
import { diagnose, shortTaskDefinition, type Observations } from "../diagnose";
import { readServiceLog, type LogEvent } from "../serviceLog";
import { parseArgs, resolveInputs } from "../inputs";
import { TABLE, stackOutputs } from "./scenarios";

const NOW = Date.parse("2025-06-01T12:00:00Z");

/** Events of one stream, one a second, the last at NOW. */
function stream(name: string, lines: ReadonlyArray<Record<string, unknown> | string>, endsAt = NOW): LogEvent[] {
  return lines.map((line, i) => ({
    logStreamName: name,
    timestamp: endsAt - (lines.length - 1 - i) * 1000,
    message: typeof line === "string" ? line : JSON.stringify(line),
  }));
}

describe("doctor: the service's log lines", () => {
  it("GIVEN start, rules, connected, stats THEN connected, with the last stats", () => {
    const reading = readServiceLog(
      stream("s/a", [
        { level: "info", event: "start" },
        { level: "info", event: "rules" },
        { level: "info", event: "connected" },
        { level: "info", event: "stats", received: 5, stored: 2 },
      ]),
    );
    expect(reading.state).to.equal("connected");
    expect(reading.stats?.fields["stored"]).to.equal(2);
  });

  it("GIVEN fatal then stopped exitCode 1 THEN fatal, showing the fatal line", () => {
    const reading = readServiceLog(
      stream("s/a", [
        { level: "info", event: "start" },
        { level: "error", event: "fatal", stage: "startup", errorName: "ApiResponseError", error: "Request failed with code 401" },
        { level: "info", event: "stopped", exitCode: 1 },
      ]),
    );
    expect(reading.state).to.equal("fatal");
    expect(reading.line?.event).to.equal("fatal");
  });

  it("GIVEN an old task that died and a newer one that connected THEN the newest stream decides", () => {
    const events = [
      ...stream("s/old", [{ level: "error", event: "fatal", stage: "write" }], NOW - 60_000),
      ...stream("s/new", [{ level: "info", event: "connected" }]),
    ];
    expect(readServiceLog(events).state).to.equal("connected");
  });

  it("GIVEN only stats lines THEN running; GIVEN nothing THEN silent; GIVEN config_error THEN fatal", () => {
    expect(readServiceLog(stream("s/a", [{ level: "info", event: "stats" }])).state).to.equal("running");
    expect(readServiceLog([]).state).to.equal("silent");
    expect(readServiceLog(stream("s/a", [{ level: "error", event: "config_error", variable: "FILTER" }])).state).to.equal("fatal");
  });

  it("prints only the fields worth reading, and a line that is not JSON cut short", () => {
    const reading = readServiceLog(
      stream("s/a", [
        { level: "warn", event: "reconnect", cause: "rate-limited", reason: "HTTP 429", status: 429, body: "x".repeat(500), delayMs: 60000 },
        `Error: boom ${"y".repeat(400)}`,
      ]),
    );
    expect(reading.state).to.equal("reconnecting");
    expect(reading.tail[0]).to.equal('2025-06-01T11:59:59.000Z warn reconnect status=429 cause="rate-limited" reason="HTTP 429" delayMs=60000');
    expect(reading.tail[1]).to.have.length(200);
    expect(reading.tail[1]).to.match(/^2025-06-01T12:00:00.000Z \(not JSON\) Error: boom y+…$/);
  });
});

describe("doctor: findings from raw answers", () => {
  const inputs = resolveInputs(parseArgs([]), JSON.stringify(stackOutputs()));

  it("GIVEN every call denied THEN each section says which permission the doctor needs", () => {
    const denied = (action: string) => ({
      ok: false as const,
      failure: {
        action,
        name: "AccessDeniedException",
        message: `User: arn:aws:iam::123456789012:user/me is not authorized to perform: ${action}`,
      },
    });
    const observed: Observations = {
      services: denied("DescribeServices"),
      stoppedTasks: denied("ListTasks"),
      logEvents: denied("FilterLogEvents"),
      table: denied("DescribeTable"),
    };
    const diagnosis = diagnose(inputs, observed, { now: new Date(NOW) });
    expect(diagnosis.problems).to.equal(4);
    expect(diagnosis.findings.map((f) => f.advice)).to.deep.equal([
      "the doctor needs ecs:DescribeServices (see tools/doctor/README.md)",
      "the doctor needs ecs:ListTasks (see tools/doctor/README.md)",
      "the doctor needs logs:FilterLogEvents (see tools/doctor/README.md)",
      "the doctor needs dynamodb:DescribeTable (see tools/doctor/README.md)",
    ]);
  });

  it("GIVEN a table being deleted THEN it is a problem; GIVEN a table being updated THEN a warning", () => {
    const observed = (status: string): Observations => ({
      services: { ok: true, value: { services: [], failures: [] } },
      stoppedTasks: { ok: true, value: [] },
      logEvents: { ok: true, value: [] },
      table: { ok: true, value: { TableName: TABLE, TableStatus: status as "DELETING", ItemCount: 3 } },
    });
    const table = (status: string) => diagnose(inputs, observed(status), { now: new Date(NOW) }).findings.find((f) => f.section === "table");
    expect(table("DELETING")).to.include({
      severity: "error",
      text: `table ${TABLE}: DELETING, about 3 items (DynamoDB refreshes ItemCount about every 6 hours)`,
    });
    expect(table("UPDATING")?.severity).to.equal("warn");
  });

  it("shortens a task definition ARN to family:revision", () => {
    expect(shortTaskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/twitterstream:12")).to.equal("twitterstream:12");
  });
});
