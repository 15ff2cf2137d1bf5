/**
 * The X API client: twitter-api-v2 for the token and the rules, pointed at X_API_BASE_URL when it is set.
 * twitter-api-v2 has no base-URL setting; a plugin rewrites its `https://api.x.com/` URLs and gives every request
 * a time limit, and an `http.Agent` lets it speak plain HTTP to a local server.
 */
import http from "node:http";
import https from "node:https";
import { TwitterApi, type ITwitterApiClientPlugin } from "twitter-api-v2";
import type { Credentials } from "../config";
import { STREAM_FIELDS } from "../intake/post";
import type { Redactor } from "../ops/redact";

const X_ROOT = "https://api.x.com/";

/** What the service needs from X: an app-only client and the stream's address. */
export interface XApi {
  /** Client authenticated with the app-only bearer token. */
  readonly client: TwitterApi;
  /** The app-only bearer token, for the stream request. */
  readonly bearerToken: string;
  /** The agent of every X request, the stream's included. */
  readonly agent: http.Agent;
  /** The filtered stream with the fields the items need. */
  readonly streamUrl: URL;
}

function root(base: URL): string {
  return base.href.endsWith("/") ? base.href : `${base.href}/`;
}

/**
 * A plugin that sends requests and stream connects to `base` instead of api.x.com, with a time limit on each request
 * (the library has no base-URL option).
 */
export function baseUrlPlugin(base: URL, timeoutMs: number): ITwitterApiClientPlugin {
  const target = root(base);
  const rewrite = (params: { url: string }): void => {
    if (params.url.startsWith(X_ROOT)) params.url = target + params.url.slice(X_ROOT.length);
  };
  return {
    onBeforeRequestConfig({ params }) {
      rewrite(params);
      params.timeout ??= timeoutMs;
    },
    onBeforeStreamRequestConfig({ params }) {
      rewrite(params);
    },
  };
}

/**
 * The filtered-stream URL: the post's author expanded, its date and full text requested; with `backfillMinutes`,
 * X re-sends the posts of that many minutes before each (re)connect (Enterprise only:
 * https://docs.x.com/x-api/fundamentals/recovery-and-redundancy).
 */
export function streamUrl(base: URL, backfillMinutes?: number): URL {
  const url = new URL("2/tweets/search/stream", root(base));
  url.searchParams.set("tweet.fields", STREAM_FIELDS.tweetFields);
  url.searchParams.set("expansions", STREAM_FIELDS.expansions);
  url.searchParams.set("user.fields", "username");
  if (backfillMinutes !== undefined) url.searchParams.set("backfill_minutes", String(backfillMinutes));
  return url;
}

/** Where and how to reach X. */
export interface XEndpoint {
  readonly base: URL;
  /** Time limit of a token or rules request. */
  readonly timeoutMs: number;
  /** `backfill_minutes` of every stream connect. @default - none */
  readonly backfillMinutes?: number;
}

/** True when a new bearer token can be obtained: the consumer key pair is set. */
export function canLogin(credentials: Credentials): boolean {
  return credentials.consumerKey !== undefined && credentials.consumerSecret !== undefined;
}

/**
 * Builds the client with BEARERTOKEN, or obtains an app-only token from the consumer key pair (POST /oauth2/token);
 * with `login`, from the key pair even when BEARERTOKEN is set (a new token after X answered 401).
 * The token, and the Basic header that carries the key pair, are added to the redactor before any use.
 */
export async function connectX(credentials: Credentials, endpoint: XEndpoint, redactor: Redactor, login = false): Promise<XApi> {
  const { base, timeoutMs } = endpoint;
  const agent = base.protocol === "http:" ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
  const settings = { httpAgent: agent, plugins: [baseUrlPlugin(base, timeoutMs)] };
  let bearerToken = login ? undefined : credentials.bearerToken;
  if (bearerToken === undefined) {
    const appKey = credentials.consumerKey ?? "";
    const appSecret = credentials.consumerSecret ?? "";
    redactor.addBasicAuth(appKey, appSecret);
    const app = await new TwitterApi({ appKey, appSecret }, settings).appLogin();
    const tokens = app.getActiveTokens();
    if (tokens.type !== "oauth2") throw new Error("X app-only login returned no bearer token");
    bearerToken = tokens.bearerToken;
  }
  redactor.add(bearerToken);
  return { client: new TwitterApi(bearerToken, settings), bearerToken, agent, streamUrl: streamUrl(base, endpoint.backfillMinutes) };
}
