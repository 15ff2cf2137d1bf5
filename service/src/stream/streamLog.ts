/** What the stream's events other than lines do in a run: connections counted and logged, X's in-stream errors logged. */
import type { Logger } from "../ops/log";
import type { Stats } from "../ops/stats";
import type { Outcome, StreamEvents } from "./stream";

/** The `reconnect` log line's fields: the outcome without its classification object. */
function reconnectFields(outcome: Outcome, delayMs: number): Record<string, unknown> {
  const { refusal: _refusal, ...fields } = outcome;
  return { ...fields, delayMs };
}

/** The stream's `connected`, `disconnected` and `streamError` events; `streamUrl` is the stream's address now. */
export function streamLog(stats: Stats, log: Logger, streamUrl: () => URL): Pick<StreamEvents, "connected" | "disconnected" | "streamError"> {
  return {
    connected() {
      // An HTTP 200 alone is not a live stream: the first line (a post or X's keep-alive, within 20 s) beats.
      stats.connection(true);
      const url = streamUrl();
      log.info("connected", { url: `${url.origin}${url.pathname}` });
    },
    disconnected(outcome, delayMs) {
      stats.reconnects += 1;
      stats.connection(false);
      log.warn("reconnect", reconnectFields(outcome, delayMs));
      if (outcome.cause === "usage-capped") {
        stats.usageCapped += 1;
        log.error("usage_capped", { status: outcome.status, body: outcome.body, disconnectType: outcome.disconnectType, delayMs });
      }
    },
    streamError(problem) {
      log.warn("stream_error", { ...problem });
    },
  };
}
