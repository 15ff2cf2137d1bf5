/**
 * What the service's own log lines say. Pure. The service writes one JSON object per line (service/src/ops/log.ts):
 * `{"time", "level": "info"|"warn"|"error", "event", ...fields}`, scrubbed of secret values before it is written.
 * The events that tell its state (service/src/service.ts and the stages it wires, service/src/main.ts):
 * - `start`, then `rules` (filter rules synced), then `connected` (HTTP 200 on the filtered stream);
 * - `stats` every STATS_INTERVAL_MS (30 s by default) while it runs;
 * - `reconnect` (the connection ended; `cause`, `reason`, `status`, `delayMs`);
 * - `fatal` (level error; `stage`: startup, stream, write or process) then exit 1; `config_error` (`variable`) then
 *   exit 2; `stop_timeout`; `stopping` and `stopped` (`exitCode`) after SIGTERM.
 */

/** One log event as FilterLogEvents returns it. */
export interface LogEvent {
  readonly logStreamName?: string | undefined;
  readonly timestamp?: number | undefined;
  readonly message?: string | undefined;
}

/** A parsed line of the service. */
export interface ServiceLine {
  readonly time: number;
  readonly stream: string;
  readonly level: string;
  readonly event: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The state the newest task's lines show. */
export type LogState = "connected" | "running" | "fatal" | "reconnecting" | "starting" | "stopped" | "silent";

/** What the lines say: the state, the line that shows it, the last stats, and the last lines to print. */
export interface LogReading {
  readonly state: LogState;
  /** The line the state comes from; absent for "silent" and for "running" (stats only). */
  readonly line?: ServiceLine | undefined;
  /** The newest `stats` line of the newest stream. */
  readonly stats?: ServiceLine | undefined;
  /** The newest lines of the newest stream, oldest first, each made safe to print. */
  readonly tail: readonly string[];
}

const FATAL = new Set(["fatal", "config_error", "stop_timeout"]);
const LIFECYCLE = new Set(["start", "rules", "connected", "reconnect", "fatal", "config_error", "stop_timeout", "stopping", "stopped"]);
/** The fields worth printing; others (a stack, a URL) are left out. */
const SHOWN_FIELDS = [
  "stage",
  "variable",
  "errorName",
  "error",
  "code",
  "status",
  "cause",
  "reason",
  "delayMs",
  "exitCode",
  "received",
  "matched",
  "stored",
  "retries",
];
const MAX_LINE = 200;

/** Parses a line of the service, or undefined when it is not one. */
export function parseLine(event: LogEvent): ServiceLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(event.message ?? "");
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  if (typeof fields["event"] !== "string" || typeof fields["level"] !== "string") return undefined;
  return { time: event.timestamp ?? 0, stream: event.logStreamName ?? "", level: fields["level"], event: fields["event"], fields };
}

/** A line as the report prints it: time, level, event and the fields worth reading, cut to 200 characters. */
export function showLine(line: ServiceLine): string {
  const parts = SHOWN_FIELDS.filter((k) => line.fields[k] !== undefined).map((k) => `${k}=${JSON.stringify(line.fields[k])}`);
  const text = `${new Date(line.time).toISOString()} ${line.level} ${line.event}${parts.length > 0 ? ` ${parts.join(" ")}` : ""}`;
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text;
}

/** A value of a field as text, for messages. */
export function field(line: ServiceLine, name: string): string | undefined {
  const value = line.fields[name];
  return value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Reads the events of the log group: the newest stream (the stream of the newest event, i.e. the newest task) tells
 * the state by its last lifecycle event.
 */
export function readServiceLog(events: readonly LogEvent[], tailLength = 5): LogReading {
  const newest = events.reduce<LogEvent | undefined>((a, e) => (a === undefined || (e.timestamp ?? 0) >= (a.timestamp ?? 0) ? e : a), undefined);
  if (newest === undefined) return { state: "silent", tail: [] };
  const stream = events
    .filter((e) => e.logStreamName === newest.logStreamName)
    .slice()
    .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
  const lines = stream.map(parseLine);
  const parsed = lines.filter((l): l is ServiceLine => l !== undefined);
  const tail = stream.slice(-tailLength).map((e, i, shown) => {
    const line = lines[stream.length - shown.length + i];
    if (line !== undefined) return showLine(line);
    const text = `${new Date(e.timestamp ?? 0).toISOString()} (not JSON) ${(e.message ?? "").trim()}`;
    return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text;
  });
  const stats = [...parsed].reverse().find((l) => l.event === "stats");
  const last = [...parsed].reverse().find((l) => LIFECYCLE.has(l.event));
  const state = stateOf(last, stats);
  // After a fatal error the service still logs "stopped" (exitCode 1): the line worth showing is the error.
  const line = state === "fatal" ? ([...parsed].reverse().find((l) => FATAL.has(l.event)) ?? last) : last;
  return { state, line, stats, tail };
}

function stateOf(last: ServiceLine | undefined, stats: ServiceLine | undefined): LogState {
  if (last === undefined) return stats === undefined ? "silent" : "running";
  if (FATAL.has(last.event)) return "fatal";
  switch (last.event) {
    case "connected":
      return "connected";
    case "reconnect":
      return "reconnecting";
    case "stopping":
    case "stopped":
      return last.fields["exitCode"] !== undefined && last.fields["exitCode"] !== 0 ? "fatal" : "stopped";
    default:
      return "starting";
  }
}
