import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { IClientSettings, ITwitterApiClientPlugin } from "twitter-api-v2";

const X_API_HOSTS = new Set(["api.x.com", "api.twitter.com"]);

/**
 * twitter-api-v2 settings that send every X API request to `baseUrl` (an origin such as the fake server's
 * `http://127.0.0.1:1234`) instead of `https://api.x.com`. The library has no base-URL option: a plugin rewrites the
 * URL before each request and each stream connect, and an agent of the base URL's protocol lets the library's
 * `https.request` speak plain HTTP. Pass the result as the second argument of `new TwitterApi(...)`; `appLogin()`
 * hands the settings on to the bearer client it returns.
 */
export function xApiClientSettings(baseUrl: string): Partial<IClientSettings> {
  const base = new URL(baseUrl);
  const rewrite = ({ params }: { params: { url: string } }): void => {
    params.url = rewriteXApiUrl(params.url, base);
  };
  const plugin: ITwitterApiClientPlugin = { onBeforeRequestConfig: rewrite, onBeforeStreamRequestConfig: rewrite };
  const httpAgent = base.protocol === "http:" ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
  return { plugins: [plugin], httpAgent };
}

/** `url` with its origin replaced by `base`'s when it points at the X API; other URLs are returned unchanged. */
export function rewriteXApiUrl(url: string, base: URL): string {
  const target = new URL(url.startsWith("http") ? url : `https://${url}`);
  if (!X_API_HOSTS.has(target.hostname)) return url;
  const basePath = base.pathname.replace(/\/$/u, "");
  return `${base.origin}${basePath}${target.pathname}${target.search}`;
}
