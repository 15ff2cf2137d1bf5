/** The health check's heartbeat file as a run writes it: `started` at start, then at each sign of a live stream. */
import fs from "node:fs";
import type { Config } from "../config";
import type { LineSink } from "../stream/lineSplitter";
import { beatIntervalMs, Heartbeat, staleAfterMs } from "./heartbeat";
import { errorFields, type Logger } from "./log";

/** Replaces a file's content atomically (a temporary file renamed over it), so that no reader sees half of it. */
function replaceFile(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/** The heartbeat of the health check, started: `started` written now (HEARTBEAT_FILE). */
export function startHeartbeat(config: Config, log: Logger): Heartbeat {
  const heartbeat = new Heartbeat(
    beatIntervalMs(staleAfterMs(config.backoff, config.stallTimeoutMs)),
    (content) => replaceFile(config.heartbeatFile, content),
    (error) => log.error("heartbeat_error", { file: config.heartbeatFile, ...errorFields(error) }),
  );
  heartbeat.start();
  return heartbeat;
}

/** The line sink with each sign of a live stream (a line, a keep-alive, even an oversized line) told to `heartbeat`. */
export function beating(sink: LineSink, heartbeat: Heartbeat): LineSink {
  return {
    line(text) {
      heartbeat.beat();
      sink.line(text);
    },
    heartbeat() {
      heartbeat.beat();
      sink.heartbeat();
    },
    oversized(bytes) {
      heartbeat.beat();
      sink.oversized(bytes);
    },
  };
}
