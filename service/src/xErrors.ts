/**
 * What an HTTP error on the stream connect means, read from its status, X's problem body and its rate-limit
 * headers (pure). https://docs.x.com/x-api/fundamentals/response-codes-and-errors,
 * https://docs.x.com/x-api/fundamentals/rate-limits
 */
import type { Disconnect } from "./backoff";

/** How the service must react to a refused connect. */
export type ConnectRefusal =
  | { readonly action: "retry"; readonly cause: Disconnect; readonly resetInMs?: number }
  /** 401: obtain a new bearer token once, else stop. */
  | { readonly action: "reauthenticate" }
  /** 403 and other refusals no retry can cure: stop with this message. */
  | { readonly action: "fatal"; readonly message: string };

/** The problem `type` of a usage cap. */
export const USAGE_CAPPED = "https://api.twitter.com/2/problems/usage-capped";

interface Problem {
  readonly type?: unknown;
  readonly connection_issue?: unknown;
  readonly title?: unknown;
  readonly detail?: unknown;
}

function problemOf(body: string): Problem {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
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
      if (problem.type === USAGE_CAPPED) return { action: "retry", cause: "usage-capped", ...defined(resetIn(headers, nowMs, true)) };
      if (problem.connection_issue === "TooManyConnections") {
        return { action: "retry", cause: "too-many-connections", ...defined(resetIn(headers, nowMs)) };
      }
      return { action: "retry", cause: "rate-limited", ...defined(resetIn(headers, nowMs)) };
    }
    default:
      return { action: "retry", cause: "http" };
  }
}

function defined(resetInMs: number | undefined): { resetInMs?: number } {
  return resetInMs === undefined ? {} : { resetInMs };
}
