/**
 * A loopback stand-in for the AWS JSON APIs the doctor calls, answering from a scenario. It speaks the wire protocol
 * the real SDK clients speak: POST /, the action in the `x-amz-target` header, JSON in and out with content-type
 * `application/x-amz-json-1.1` (ECS, CloudWatch Logs) or `application/x-amz-json-1.0` (DynamoDB); an error is a 400
 * with `{"__type": "<ErrorName>", "message": "..."}`. Timestamps are on the wire as the APIs send them: epoch seconds
 * for ECS and DynamoDB, epoch milliseconds for CloudWatch Logs.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A deployment as DescribeServices sends it. */
export interface WireDeployment {
  id: string;
  status: "PRIMARY" | "ACTIVE" | "INACTIVE";
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  rolloutState?: "COMPLETED" | "FAILED" | "IN_PROGRESS";
  rolloutStateReason?: string;
  createdAt: number;
  updatedAt: number;
}

/** A service as DescribeServices sends it. */
export interface WireService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  taskDefinition: string;
  deployments: WireDeployment[];
  events: Array<{ id: string; createdAt: number; message: string }>;
}

/** A task as DescribeTasks sends it. */
export interface WireTask {
  taskArn: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: number;
  containers: Array<{ name: string; lastStatus: string; reason?: string; exitCode?: number }>;
}

/** A log event as FilterLogEvents sends it. */
export interface WireLogEvent {
  logStreamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
  eventId: string;
}

/** A table as DescribeTable sends it. */
export interface WireTable {
  TableName: string;
  TableStatus: string;
  ItemCount: number;
  TableSizeBytes: number;
  CreationDateTime: number;
}

/** An error the fake answers an action with. */
export interface WireError {
  type: string;
  message: string;
}

/** What the fake AWS holds. */
export interface FakeScenario {
  /** The service; absent: DescribeServices reports it in `failures` as MISSING. */
  service?: WireService;
  stoppedTasks: WireTask[];
  logEvents: WireLogEvent[];
  /** Events per FilterLogEvents page; @default all in one page */
  logPageSize?: number;
  /** The table; absent: DescribeTable answers ResourceNotFoundException. */
  table?: WireTable;
  /** Errors by action name (`DescribeServices`, `FilterLogEvents`, ...), answered instead of the scenario. */
  errors?: Record<string, WireError>;
}

/** One request the fake received. */
export interface FakeCall {
  readonly target: string;
  readonly contentType: string;
  readonly body: { [key: string]: Json };
}

/** A running fake. */
export interface FakeAws {
  readonly url: string;
  readonly calls: FakeCall[];
  close(): Promise<void>;
}

type Reply = { status: number; body: Json };

const ok = (body: Json): Reply => ({ status: 200, body });
const error = (type: string, message: string): Reply => ({ status: 400, body: { __type: type, message } });

function str(value: Json | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The answer to one action, with the response shape of its API reference page. */
function answer(scenario: FakeScenario, action: string, body: { [key: string]: Json }): Reply {
  const failure = scenario.errors?.[action];
  if (failure !== undefined) return error(failure.type, failure.message);
  switch (action) {
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html
    case "AmazonEC2ContainerServiceV20141113.DescribeServices": {
      const names = Array.isArray(body["services"]) ? body["services"] : [];
      const service = scenario.service;
      if (service !== undefined && names.includes(service.serviceName)) return ok({ services: [service as unknown as Json], failures: [] });
      return ok({
        services: [],
        failures: names.map((n) => ({
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- echoes whatever the client sent as a service name, as ECS does
          arn: `arn:aws:ecs:us-east-1:123456789012:service/${str(body["cluster"]) ?? "default"}/${String(n)}`,
          reason: "MISSING",
        })),
      });
    }
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
    case "AmazonEC2ContainerServiceV20141113.ListTasks": {
      const tasks = body["desiredStatus"] === "STOPPED" ? scenario.stoppedTasks : [];
      return ok({ taskArns: tasks.map((t) => t.taskArn) });
    }
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
    case "AmazonEC2ContainerServiceV20141113.DescribeTasks": {
      const wanted = Array.isArray(body["tasks"]) ? body["tasks"] : [];
      const tasks = scenario.stoppedTasks.filter((t) => wanted.includes(t.taskArn));
      const missing = wanted.filter((arn) => !tasks.some((t) => t.taskArn === arn));
      return ok({ tasks: tasks as unknown as Json[], failures: missing.map((arn) => ({ arn, reason: "MISSING" })) });
    }
    // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
    case "Logs_20140328.FilterLogEvents": {
      const start = typeof body["startTime"] === "number" ? body["startTime"] : 0;
      const events = scenario.logEvents.filter((e) => e.timestamp >= start).sort((a, b) => a.timestamp - b.timestamp);
      const from = Number(str(body["nextToken"]) ?? "0");
      const size = scenario.logPageSize ?? events.length;
      const page = events.slice(from, from + size);
      const reply: { [key: string]: Json } = { events: page as unknown as Json[], searchedLogStreams: [] };
      if (from + size < events.length) reply["nextToken"] = String(from + size);
      return ok(reply);
    }
    // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
    case "DynamoDB_20120810.DescribeTable": {
      const table = scenario.table;
      if (table === undefined || table.TableName !== body["TableName"]) {
        return error(
          "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
          `Requested resource not found: Table: ${str(body["TableName"]) ?? ""} not found`,
        );
      }
      return ok({ Table: table as unknown as Json });
    }
    default:
      return error("UnknownOperationException", `the fake does not answer ${action}`);
  }
}

/** Starts the fake on 127.0.0.1, on a port of its own; the scenario may be changed between runs. */
export async function startFakeAws(scenario: FakeScenario): Promise<FakeAws> {
  const calls: FakeCall[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const contentType = String(req.headers["content-type"] ?? "");
      const body = (text === "" ? {} : JSON.parse(text)) as { [key: string]: Json };
      calls.push({ target, contentType, body });
      const reply = answer(scenario, target, body);
      res.statusCode = reply.status;
      res.setHeader("content-type", target.startsWith("DynamoDB_") ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1");
      res.setHeader("x-amzn-requestid", `fake-${calls.length}`);
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
