/**
 * What X's errors on the stream mean (pure): an HTTP error on the connect, read from its status, X's problem body and
 * its rate-limit headers, and an error object X writes inside an open stream.
 * https://docs.x.com/x-api/fundamentals/response-codes-and-errors, https://docs.x.com/x-api/fundamentals/rate-limits,
 * https://docs.x.com/x-api/fundamentals/handling-disconnections ("Common disconnection errors")
 */
import type { Disconnect } from "./backoff";

/** How the service must react to a refused connect. */
export type ConnectRefusal =
  | {
      readonly action: "retry";
      readonly cause: Disconnect;
      readonly resetInMs?: number;
      /** What X called it: the problem's `connection_issue`, else its `title`. */
      readonly disconnectType?: string;
    }
  /** 401: obtain a new bearer token once, else stop. */
  | { readonly action: "reauthenticate" }
  /** 403 and other refusals no retry can cure: stop with this message. */
  | { readonly action: "fatal"; readonly message: string };

/**
 * The path of the problem `type` of a usage cap. X's answers name the type under `https://api.twitter.com/2/problems/`
 * and its docs now under `https://api.x.com/2/problems/`: types are compared by path, whatever the host.
 */
export const USAGE_CAPPED = "/2/problems/usage-capped";
/** The path of the problem `type` of an operational disconnect (an in-stream error). */
export const OPERATIONAL_DISCONNECT = "/2/problems/operational-disconnect";

interface Problem {
  readonly type?: unknown;
  readonly connection_issue?: unknown;
  readonly disconnect_type?: unknown;
  readonly title?: unknown;
  readonly detail?: unknown;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemOf(body: string): Problem {
  const parsed = parse(body);
  return typeof parsed === "object" && parsed !== null ? parsed : {};
}

/** The path of a problem `type` URL (`/2/problems/usage-capped`), or undefined when it is not a URL. */
export function problemPath(type: unknown): string | undefined {
  if (typeof type !== "string") return undefined;
  try {
    return new URL(type).pathname;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** An error object X wrote inside an open stream. */
export interface StreamProblem {
  /**
   * The disconnect it announces, waited for as its HTTP twin is: `operational-disconnect` (on the HTTP schedule),
   * `too-many-connections`, `usage-capped`; undefined for an error that announces none.
   */
  readonly cause?: Disconnect;
  /** X's name for it: `disconnect_type`, else `connection_issue`, else `title`, else the type's path. */
  readonly disconnectType: string;
  readonly title?: string;
  readonly detail?: string;
  readonly type?: string;
}

function causeOf(problem: Problem): Disconnect | undefined {
  const path = problemPath(problem.type);
  if (path === OPERATIONAL_DISCONNECT || problem.title === "operational-disconnect") return "operational-disconnect";
  if (problem.connection_issue === "TooManyConnections") return "too-many-connections";
  if (path === USAGE_CAPPED) return "usage-capped";
  return undefined;
}

/**
 * Reads an in-stream error line: a JSON object with `errors` and no `data` (a post with `errors` beside its `data`
 * only says that part of its expansions is missing). The first error that announces a disconnect wins, else the
 * first error. Undefined for any other line.
 */
export function streamProblem(line: string): StreamProblem | undefined {
  const message = parse(line);
  if (typeof message !== "object" || message === null || Array.isArray(message) || "data" in message) return undefined;
  const errors = (message as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const problems = errors.filter((e): e is Problem => typeof e === "object" && e !== null);
  const chosen = problems.find((p) => causeOf(p) !== undefined) ?? problems[0];
  if (chosen === undefined) return undefined;
  const cause = causeOf(chosen);
  const title = text(chosen.title);
  const detail = text(chosen.detail);
  const type = text(chosen.type);
  const disconnectType = text(chosen.disconnect_type) ?? text(chosen.connection_issue) ?? title ?? problemPath(type) ?? "unknown";
  return {
    ...(cause === undefined ? {} : { cause }),
    disconnectType,
    ...(title === undefined ? {} : { title }),
    ...(detail === undefined ? {} : { detail }),
    ...(type === undefined ? {} : { type }),
  };
}

function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Time until `x-rate-limit-reset` (epoch seconds) when `x-rate-limit-remaining` is 0, or when `always`; undefined
 * when X sent no usable reset.
 */
export function resetIn(headers: Readonly<Record<string, string | string[] | undefined>>, nowMs: number, always = false): number | undefined {
  const reset = Number(header(headers, "x-rate-limit-reset"));
  const remaining = header(headers, "x-rate-limit-remaining");
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  if (!always && remaining !== "0") return undefined;
  return Math.max(reset * 1000 - nowMs, 0);
}

/** Classifies a stream connect answered with `status` (not 200). */
export function classifyRefusal(
  status: number,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  nowMs: number,
): ConnectRefusal {
  const problem = problemOf(body);
  switch (status) {
    case 401:
      return { action: "reauthenticate" };
    case 403: {
      const detail = typeof problem.detail === "string" ? ` (${problem.detail})` : "";
      return {
        action: "fatal",
        message:
          `X refused the stream connect with HTTP 403${detail}: check that the X plan includes the filtered stream, ` +
          "that the app is attached to a Project with that access, and the app's permissions",
      };
    }
    case 409:
      return { action: "retry", cause: "no-rules" };
    case 429: {
      const named = disconnectTypeOf(problem);
      if (problemPath(problem.type) === USAGE_CAPPED) {
        return { action: "retry", cause: "usage-capped", ...defined(resetIn(headers, nowMs, true)), ...named };
      }
      if (problem.connection_issue === "TooManyConnections") {
        return { action: "retry", cause: "too-many-connections", ...defined(resetIn(headers, nowMs)), ...named };
      }
      return { action: "retry", cause: "rate-limited", ...defined(resetIn(headers, nowMs)), ...named };
    }
    default:
      return { action: "retry", cause: "http" };
  }
}

function disconnectTypeOf(problem: Problem): { disconnectType?: string } {
  const name = text(problem.connection_issue) ?? text(problem.title);
  return name === undefined ? {} : { disconnectType: name };
}

function defined(resetInMs: number | undefined): { resetInMs?: number } {
  return resetInMs === undefined ? {} : { resetInMs };
}
