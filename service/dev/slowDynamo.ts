/**
 * A DynamoDB that is slow or failing, for tests and the benchmark: an HTTP proxy in front of dynalite that holds each
 * request for `delayMs` before forwarding it, or answers it with DynamoDB's 500 `InternalServerError`, which clients
 * retry (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html: 5xx errors are
 * transient, "the request can be retried"). Both can change while it runs.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** How the proxy answers now. */
export interface SlowDynamoMode {
  /** Each request waits this long before it is forwarded (or refused). @default 0 */
  delayMs?: number;
  /** Answer every request with HTTP 500 InternalServerError instead of forwarding it. @default false */
  failing?: boolean;
}

/** A running slow DynamoDB proxy. */
export interface SlowDynamo {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly endpoint: string;
  /** Changes how the next requests are answered. */
  set(mode: SlowDynamoMode): void;
  /** Requests answered with 500 so far. */
  failed(): number;
  close(): Promise<void>;
}

const INTERNAL_ERROR = JSON.stringify({
  __type: "com.amazonaws.dynamodb.v20120810#InternalServerError",
  message: "Internal server error (slow DynamoDB double)",
});

/** Starts the proxy to `target` (dynalite's http endpoint) on a free loopback port. */
export async function startSlowDynamo(target: string, initial: SlowDynamoMode = {}): Promise<SlowDynamo> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let mode: Required<SlowDynamoMode> = { delayMs: 0, failing: false, ...initial };
  let failures = 0;
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (chunk: Buffer) => parts.push(chunk));
    req.on("end", () => {
      const { delayMs, failing } = mode;
      setTimeout(() => {
        if (failing) {
          failures += 1;
          res.writeHead(500, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": `slow-${failures}` }).end(INTERNAL_ERROR);
          return;
        }
        const forward = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on("error", () => res.destroy());
        forward.end(Buffer.concat(parts));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next) {
      mode = { ...mode, ...next };
    },
    failed: () => failures,
    async close() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
