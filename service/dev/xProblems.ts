/**
 * Error bodies exactly as X sends them. API v2 endpoints answer with RFC 7807-style problems
 * (`{"title", "detail", "type"}`, `application/problem+json`); the v1.1-era `POST /oauth2/token` and unknown paths
 * answer with `{"errors": [{"code", "message"}]}`.
 */

/** An HTTP error answer: status and JSON body. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: object;
  readonly contentType: "application/problem+json" | "application/json; charset=utf-8";
}

/**
 * Where X's problem types live as its docs now write them (https://docs.x.com/x-api/fundamentals/handling-disconnections);
 * older answers name `https://api.twitter.com/2/problems`, and clients match the path.
 */
const PROBLEMS = "https://api.x.com/2/problems";
const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function problem(status: number, body: object): ErrorAnswer {
  return { status, body, contentType: "application/problem+json" };
}

/** A generic problem (`type` `about:blank`), as X answers 401, 5xx and request-rate 429s. */
export function genericProblem(status: number): ErrorAnswer {
  const title = REASONS[status] ?? `HTTP ${status}`;
  return problem(status, { title, detail: title, type: "about:blank", status });
}

/**
 * 429 on the stream when the app already holds its one allowed connection; X writes the same object inside an open
 * stream too ({@link inStream}).
 */
export function tooManyConnections(): ErrorAnswer {
  return problem(429, {
    title: "ConnectionException",
    detail: "This stream is currently at the maximum allowed connection limit.",
    connection_issue: "TooManyConnections",
    type: `${PROBLEMS}/streaming-connection`,
  });
}

/**
 * 429 when the plan's post cap is spent (https://docs.x.com/x-api/fundamentals/response-codes-and-errors: 429 "Post
 * cap having been exhausted"; problem type `usage-capped`).
 */
export function usageCapped(): ErrorAnswer {
  return problem(429, {
    title: "UsageCapExceeded",
    detail: "Usage cap exceeded: Monthly product cap",
    type: `${PROBLEMS}/usage-capped`,
    period: "Monthly",
    scope: "Product",
  });
}

/** 409 on a stream connect when the stream has no rules (docs.x.com response codes: "Connection Exception"). */
export function noRules(): ErrorAnswer {
  return problem(409, {
    title: "ConnectionException",
    detail: "This stream has no rules: add at least one rule before connecting.",
    type: `${PROBLEMS}/streaming-connection`,
    status: 409,
  });
}

/** 403 for a v2 endpoint called with OAuth 1.0a user context where only app-only bearer tokens are accepted. */
export function unsupportedAuthentication(): ErrorAnswer {
  return problem(403, {
    title: "Unsupported Authentication",
    detail:
      "Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types " +
      "are [OAuth 2.0 Application-Only].",
    type: `${PROBLEMS}/unsupported-authentication`,
    status: 403,
  });
}

/** 403 of an app not enrolled for the endpoint, X's answer to a scripted 403. */
export function clientForbidden(): ErrorAnswer {
  return problem(403, {
    title: "Client Forbidden",
    detail:
      "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter " +
      "developer App that is attached to a Project.",
    reason: "client-not-enrolled",
    type: `${PROBLEMS}/client-forbidden`,
  });
}

/** 400 for a malformed request: each error names its parameter and what is wrong. */
export function invalidRequest(errors: Array<{ parameters: Record<string, string[]>; message: string }>): ErrorAnswer {
  return problem(400, {
    errors,
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: `${PROBLEMS}/invalid-request`,
  });
}

/** A scripted connect failure: an HTTP status, or one of X's two kinds of 429 by name. */
export type ConnectFailure = number | "usage-capped" | "rate-limited";

/** The problem X answers for a stream connect refused with `failure` (see `FakeXServer.failNextConnects`). */
export function connectFailure(failure: ConnectFailure): ErrorAnswer {
  if (failure === "usage-capped") return usageCapped();
  if (failure === "rate-limited") return genericProblem(429);
  const status = failure;
  if (status === 429) return tooManyConnections();
  if (status === 409) return noRules();
  if (status === 403) return clientForbidden();
  return genericProblem(status);
}

/** The v1.1 error of `POST /oauth2/token` (and of unknown paths): `{"errors": [{"code", "message", "label"?}]}`. */
export function v1Error(status: number, code: number, message: string, label?: string): ErrorAnswer {
  const error = label === undefined ? { code, message } : { code, message, label };
  return { status, body: { errors: [error] }, contentType: "application/json; charset=utf-8" };
}

/**
 * The in-stream object X sends before it closes a stream for operational reasons, as the handling-disconnections
 * page shows it.
 */
export function operationalDisconnect(disconnectType = "UpstreamOperationalDisconnect"): object {
  return {
    errors: [
      {
        title: "operational-disconnect",
        disconnect_type: disconnectType,
        detail: "This stream has been disconnected upstream for operational reasons.",
        type: `${PROBLEMS}/operational-disconnect`,
      },
    ],
  };
}

/** An error answer's problem as X writes it inside an open stream: `{"errors":[problem]}`. */
export function inStream(answer: ErrorAnswer): object {
  return { errors: [answer.body] };
}
