/** One JSON object per line on stdout (CloudWatch reads them), scrubbed of every secret value. */
import type { Redactor } from "./redact";

/** Severity of a log line. */
export type Level = "info" | "warn" | "error";

/** Writes structured log lines. */
export class Logger {
  /**
   * @param redactor scrubs each line after it is serialised, so no field can leak a secret.
   * @param write receives each line with its newline. @default process.stdout.write
   */
  constructor(
    private readonly redactor: Redactor,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  /** Logs `event` with its fields. */
  log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    this.write(`${this.redactor.scrub(line)}\n`);
  }

  /** Logs at level info. */
  info(event: string, fields?: Record<string, unknown>): void {
    this.log("info", event, fields);
  }

  /** Logs at level warn. */
  warn(event: string, fields?: Record<string, unknown>): void {
    this.log("warn", event, fields);
  }

  /** Logs at level error. */
  error(event: string, fields?: Record<string, unknown>): void {
    this.log("error", event, fields);
  }
}

/**
 * The loggable facts of an error: message, name, code, HTTP status; the stack when asked. Never the error object
 * itself, whose request may carry an authorization header.
 */
export function errorFields(error: unknown, withStack = false): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: Record<string, unknown> = { error: error.message, errorName: error.name };
  const { code } = error as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") fields["code"] = code;
  const { $metadata } = error as { $metadata?: { httpStatusCode?: unknown } };
  if (typeof $metadata?.httpStatusCode === "number") fields["status"] = $metadata.httpStatusCode;
  if (withStack && error.stack !== undefined) fields["stack"] = error.stack;
  return fields;
}
