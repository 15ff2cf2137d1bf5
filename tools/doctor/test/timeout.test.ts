/**
 * An AWS endpoint that accepts the connection and never answers (a proxy or firewall that swallows the request) must
 * end the run as "could not check" (exit 2), not hang: the clients' request timeout fails the attempt with the SDK's
 * TimeoutError. The timeout is the test's own, short; the server never answers, so the outcome does not depend on how
 * fast the machine is.
 */
import { expect } from "chai";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { DEFAULT_TIMEOUTS, createClients, destroyClients } from "../aws";
import { EXIT, runDoctor } from "../run";
import { stackFlags } from "./scenarios";

/** The configuration a client's resolved HTTP handler reports (smithy's `HttpHandler.httpHandlerConfigs()`). */
function handlerConfig(handler: unknown): unknown {
  if (typeof handler !== "object" || handler === null || !("httpHandlerConfigs" in handler) || typeof handler.httpHandlerConfigs !== "function") {
    throw new Error(`not an HTTP handler with httpHandlerConfigs(): ${String(handler)}`);
  }
  return (handler as { httpHandlerConfigs(): unknown }).httpHandlerConfigs();
}

describe("doctor: an AWS that never answers", () => {
  let server: net.Server;
  let url: string;
  const sockets = new Set<net.Socket>();
  let accepted = 0;

  before(async () => {
    server = net.createServer((socket) => {
      accepted += 1;
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // Reads the request and never writes a byte back.
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("GIVEN an endpoint that accepts and never answers THEN exit 2 after the request timeout, naming the timeout", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runDoctor({
      argv: stackFlags(),
      readStdin: () => Promise.resolve(undefined),
      out: (text) => (stdout += text),
      err: (text) => (stderr += text),
      clients: (inputs) =>
        createClients({
          region: inputs.region,
          endpoints: { ecs: url, logs: url, dynamodb: url },
          credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "fake-secret" },
          maxAttempts: 1,
          // The connection is local and immediate; only the request timeout can end this call.
          timeouts: { connectionMs: 30_000, requestMs: 300 },
        }),
    });
    expect(accepted).to.be.greaterThan(0);
    expect(code).to.equal(EXIT.cannotCheck);
    expect(stdout).to.equal("");
    expect(stderr).to.match(/^doctor: AWS could not be reached \(.*300 ms requestTimeout.*\): check the network/);
  });

  it("GIVEN no timeouts asked THEN every client's handler has the doctor's connection and request timeouts, which throw", async () => {
    // A port nothing listens on: each call is refused at once, after the handler has resolved its configuration.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const clients = createClients({
      region: "eu-west-1",
      endpoints: { ecs: refused, logs: refused, dynamodb: refused },
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "fake-secret" },
      maxAttempts: 1,
    });
    try {
      await Promise.all([
        clients.ecs.send(new DescribeServicesCommand({ cluster: "c", services: ["s"] })).catch(() => undefined),
        clients.logs.send(new FilterLogEventsCommand({ logGroupName: "g" })).catch(() => undefined),
        clients.dynamodb.send(new DescribeTableCommand({ TableName: "t" })).catch(() => undefined),
      ]);
      for (const client of [clients.ecs, clients.logs, clients.dynamodb]) {
        expect(handlerConfig(client.config.requestHandler)).to.include({
          connectionTimeout: DEFAULT_TIMEOUTS.connectionMs,
          requestTimeout: DEFAULT_TIMEOUTS.requestMs,
          throwOnRequestTimeout: true,
        });
      }
    } finally {
      destroyClients(clients);
    }
  });
});
