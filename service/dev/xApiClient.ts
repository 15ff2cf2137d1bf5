import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { IClientSettings } from "twitter-api-v2";
import { baseUrlPlugin } from "../src/x/xApi";

/** Time limit of one request of a test client. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * twitter-api-v2 settings that send every X API request and stream connect to `baseUrl` (an origin such as the fake
 * server's `http://127.0.0.1:1234`) instead of `https://api.x.com`, through the service's own base-URL plugin, and an
 * agent of the base URL's protocol, so that the library's `https.request` may speak plain HTTP. Pass the result as the
 * second argument of `new TwitterApi(...)`; `appLogin()` hands the settings on to the bearer client it returns.
 */
export function xApiClientSettings(baseUrl: string): Partial<IClientSettings> {
  const base = new URL(baseUrl);
  const httpAgent = base.protocol === "http:" ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
  return { plugins: [baseUrlPlugin(base, REQUEST_TIMEOUT_MS)], httpAgent };
}
