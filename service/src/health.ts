/**
 * The container health check: `node dist/health.js` in the image (`["CMD", "node", "dist/health.js"]`, no shell).
 * Exits 0 while the service's heartbeat file is fresh, 1 when it is older than the reconnect policy allows (the bound
 * is computed from the same variables the service reads: heartbeat.ts), when the stream has delivered no line since the
 * service started, when the file is missing or unreadable, or when the configuration is invalid. Prints one line (ECS
 * shows the health check's output). Reads no credential.
 */
import fs from "node:fs";
import { ConfigError, liveness } from "./config";
import { judgeHeartbeat, staleAfterMs, startupBoundMs } from "./ops/heartbeat";

function check(): number {
  try {
    const settings = liveness(process.env);
    let content: string | undefined;
    try {
      content = fs.readFileSync(settings.heartbeatFile, "utf8");
    } catch {
      content = undefined;
    }
    const verdict = judgeHeartbeat(
      content,
      Date.now(),
      staleAfterMs(settings.backoff, settings.stallTimeoutMs),
      startupBoundMs(settings.backoff, settings.stallTimeoutMs),
    );
    process.stdout.write(`${verdict.healthy ? "healthy" : "unhealthy"}: ${verdict.message}\n`);
    return verdict.healthy ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stdout.write(`unhealthy: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = check();
