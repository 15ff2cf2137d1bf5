/** Benchmark helper: dynalite in its own process, so it does not share a thread with the fake X server. */
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
