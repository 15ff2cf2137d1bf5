/**
 * The doctor's AWS calls, all read-only: ecs:DescribeServices, ecs:ListTasks, ecs:DescribeTasks,
 * logs:FilterLogEvents, dynamodb:DescribeTable. Each call's answer or error is kept for `diagnose`; only a credentials
 * problem or an AWS it cannot reach stops the run (`CannotCheck`), because then every call would fail the same way.
 */
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, type Task } from "@aws-sdk/client-ecs";
import type { Answer, Observations } from "./diagnose";
import type { DoctorInputs } from "./inputs";
import type { LogEvent } from "./serviceLog";

/** The three clients the doctor uses. */
export interface DoctorClients {
  readonly ecs: ECSClient;
  readonly logs: CloudWatchLogsClient;
  readonly dynamodb: DynamoDBClient;
}

/** Settings of the clients; everything else comes from the SDK's defaults (credential chain, endpoints, retries). */
export interface ClientOptions {
  readonly region: string;
  /** Endpoints per service, for tests; @default the SDK's (which also reads `AWS_ENDPOINT_URL_<SERVICE>`). */
  readonly endpoints?: { readonly ecs?: string; readonly logs?: string; readonly dynamodb?: string };
  /** @default the SDK's default credential chain */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** @default the SDK's (3) */
  readonly maxAttempts?: number;
  /** Network timeouts of every call, so that an AWS the doctor cannot reach ends the run. @default DEFAULT_TIMEOUTS */
  readonly timeouts?: Timeouts;
}

/** How long one attempt of a call may take, in milliseconds. */
export interface Timeouts {
  /** To establish the connection (TCP and TLS). */
  readonly connectionMs: number;
  /** From sending the request to the end of the answer. */
  readonly requestMs: number;
}

/**
 * The SDK sets no timeout at all by default (NodeHttpHandlerOptions: `connectionTimeout` and `requestTimeout` "Defaults
 * to 0, which disables the timeout"), so a black-holed endpoint or a proxy that never answers would hang the doctor.
 * These bound each attempt; a call gives up after the SDK's attempts (`maxAttempts`) and its backoff between them.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { connectionMs: 5_000, requestMs: 15_000 };

/**
 * The clients' `requestHandler`, in the SDK v3 shorthand (NodeHttpHandler options, since v3.521.0:
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html). Since
 * @smithy/node-http-handler 4.4.0 an exceeded `requestTimeout` only logs a warning unless `throwOnRequestTimeout` is
 * set; with it the attempt fails with a `TimeoutError` (code ETIMEDOUT), which `unreachable` turns into exit 2.
 */
export function requestHandlerOptions(timeouts: Timeouts): { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true } {
  return { connectionTimeout: timeouts.connectionMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true };
}

/** Creates the clients. */
export function createClients(options: ClientOptions): DoctorClients {
  const common = {
    region: options.region,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    requestHandler: requestHandlerOptions(options.timeouts ?? DEFAULT_TIMEOUTS),
  };
  const endpoint = (url: string | undefined): { endpoint?: string } => (url === undefined ? {} : { endpoint: url });
  return {
    ecs: new ECSClient({ ...common, ...endpoint(options.endpoints?.ecs) }),
    logs: new CloudWatchLogsClient({ ...common, ...endpoint(options.endpoints?.logs) }),
    dynamodb: new DynamoDBClient({ ...common, ...endpoint(options.endpoints?.dynamodb) }),
  };
}

/** Closes the clients' connections. */
export function destroyClients(clients: DoctorClients): void {
  clients.ecs.destroy();
  clients.logs.destroy();
  clients.dynamodb.destroy();
}

/** Why the doctor could not check at all (exit 2): every call would fail the same way. One line, meant for the user. */
export class CannotCheck extends Error {
  override readonly name: string = "CannotCheck";
}

/** No usable AWS credentials: none found, or AWS rejected them. */
export class CredentialsProblem extends CannotCheck {
  override readonly name = "CredentialsProblem";
}

/**
 * The network errors that mean AWS was not reached at all: the endpoint's name does not resolve (ENOTFOUND; EAI_AGAIN,
 * a DNS server that did not answer), nothing listens or a firewall refuses (ECONNREFUSED), no route (EHOSTUNREACH,
 * ENETUNREACH), the connection dropped or timed out (ECONNRESET, ETIMEDOUT): Node's system errors,
 * https://nodejs.org/api/errors.html#common-system-errors.
 */
const UNREACHABLE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/;

/** Turns an SDK error that says AWS was not reached into a `CannotCheck`, or returns undefined. */
export function unreachable(error: unknown): CannotCheck | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const matched = UNREACHABLE.exec(typeof code === "string" ? code : error.message);
  // The SDK's own request and connection timeouts (NodeHttpHandler's requestTimeout / connectionTimeout).
  if (!matched && error.name !== "TimeoutError") return undefined;
  return new CannotCheck(
    `AWS could not be reached (${error.message}): check the network, a proxy, or the region and endpoint settings ` +
      "(AWS_REGION, AWS_ENDPOINT_URL_*), then run the doctor again",
  );
}

/** Turns an SDK error that is about credentials into a `CredentialsProblem`, or returns undefined. */
export function credentialsProblem(error: unknown): CredentialsProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === "CredentialsProviderError" || /Could not load credentials/i.test(error.message)) {
    return new CredentialsProblem(
      "no AWS credentials found (Could not load credentials from any providers): run `aws configure` or " +
        "`aws sso login`, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then run the doctor again",
    );
  }
  if (/^(ExpiredToken|ExpiredTokenException|UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(error.name)) {
    return new CredentialsProblem(
      `AWS rejected the credentials (${error.name}): refresh them (\`aws sso login\`, a new session) and run the doctor again`,
    );
  }
  return undefined;
}

/** Runs one call; keeps its error as an answer unless it is about credentials. */
async function answer<T>(action: string, call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const problem = credentialsProblem(error) ?? unreachable(error);
    if (problem !== undefined) throw problem;
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, failure: { action, name: e.name, message: e.message } };
  }
}

/** Reads the service's stopped tasks: ListTasks (desiredStatus STOPPED), then DescribeTasks of at most 100. */
async function stoppedTasks(clients: DoctorClients, inputs: DoctorInputs): Promise<Answer<readonly Task[]>> {
  const listed = await answer("ListTasks", () =>
    clients.ecs.send(new ListTasksCommand({ cluster: inputs.cluster, serviceName: inputs.service, desiredStatus: "STOPPED", maxResults: 100 })),
  );
  if (!listed.ok) return listed;
  const arns = listed.value.taskArns ?? [];
  if (arns.length === 0) return { ok: true, value: [] };
  const described = await answer("DescribeTasks", () => clients.ecs.send(new DescribeTasksCommand({ cluster: inputs.cluster, tasks: arns })));
  return described.ok ? { ok: true, value: described.value.tasks ?? [] } : described;
}

/** Reads the log group's events of the last `windowMinutes`, following at most `maxPages` pages. */
async function logEvents(
  clients: DoctorClients,
  inputs: DoctorInputs,
  now: Date,
  windowMinutes: number,
  maxPages = 10,
): Promise<Answer<readonly LogEvent[]>> {
  return answer("FilterLogEvents", async () => {
    const events: LogEvent[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const out = await clients.logs.send(
        new FilterLogEventsCommand({ logGroupName: inputs.logGroupName, startTime: now.getTime() - windowMinutes * 60_000, nextToken }),
      );
      events.push(...(out.events ?? []));
      nextToken = out.nextToken;
      if (nextToken === undefined) break;
    }
    return events;
  });
}

/**
 * Reads everything the diagnosis needs. DescribeServices goes first and alone, so that missing credentials end the run
 * after one attempt; the other reads run together.
 */
export async function observe(clients: DoctorClients, inputs: DoctorInputs, now: Date, logWindowMinutes: number): Promise<Observations> {
  const services = await answer("DescribeServices", () =>
    clients.ecs.send(new DescribeServicesCommand({ cluster: inputs.cluster, services: [inputs.service] })),
  );
  const [stopped, logs, table] = await Promise.all([
    stoppedTasks(clients, inputs),
    logEvents(clients, inputs, now, logWindowMinutes),
    // DescribeTable's ItemCount rather than a Scan with Select COUNT: it reads no items (no read capacity, no cost
    // growing with the table) and needs only dynamodb:DescribeTable; a bounded Scan would give only a lower bound.
    answer("DescribeTable", async () => (await clients.dynamodb.send(new DescribeTableCommand({ TableName: inputs.tableName }))).Table),
  ]);
  return { services, stoppedTasks: stopped, logEvents: logs, table };
}
