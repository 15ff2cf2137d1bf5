/**
 * One batch compliance job at X (https://docs.x.com/x-api/compliance/batch-compliance/quickstart): create it
 * (`POST /2/compliance/jobs`, type `tweets`), upload the ids, one per line, to its presigned `upload_url` (`PUT`,
 * `text/plain`, no bearer token), poll `GET /2/compliance/jobs/:id` until `complete`, download the results from the
 * presigned `download_url`. X runs one job per type at a time; the upload URL expires after 15 minutes.
 */
import type { TwitterApi } from "twitter-api-v2";

/** A job's fields the command reads. */
export interface ComplianceJob {
  readonly id: string;
  readonly status: "created" | "in_progress" | "complete" | "failed" | "expired";
  readonly upload_url: string;
  readonly download_url: string;
}

/** What a job needs of X: the API (bearer token) and the presigned URLs (none). */
export interface ComplianceApi {
  createJob(name: string): Promise<ComplianceJob>;
  job(id: string): Promise<ComplianceJob>;
  upload(url: string, body: string): Promise<void>;
  download(url: string): Promise<string>;
}

/** A job that ended without results. */
export class ComplianceJobError extends Error {
  override readonly name = "ComplianceJobError";
}

/**
 * The API through twitter-api-v2 (its base-URL plugin and bearer token), the presigned URLs through `fetch`, with
 * no credentials: they carry their own signature.
 */
export function complianceApi(client: TwitterApi, timeoutMs: number): ComplianceApi {
  const presigned = async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new ComplianceJobError(`${init.method ?? "GET"} of the job's presigned URL answered HTTP ${response.status}`);
    return response;
  };
  return {
    async createJob(name) {
      return (await client.v2.post<{ data: ComplianceJob }>("compliance/jobs", { type: "tweets", name })).data;
    },
    async job(id) {
      return (await client.v2.complianceJob(id)).data;
    },
    async upload(url, body) {
      await presigned(url, { method: "PUT", headers: { "content-type": "text/plain" }, body });
    },
    async download(url) {
      return (await presigned(url, { method: "GET" })).text();
    },
  };
}

/** How long to wait for a job. */
export interface JobTiming {
  /** Between two status polls. */
  readonly pollMs: number;
  /** Whole job, from creation to results. */
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** Runs one job over `ids` and returns the results file's text. */
export async function runJob(
  api: ComplianceApi,
  name: string,
  ids: readonly string[],
  timing: JobTiming,
): Promise<{ jobId: string; results: string }> {
  const started = timing.now();
  const created = await api.createJob(name);
  await api.upload(created.upload_url, `${ids.join("\n")}\n`);
  let job = created;
  while (job.status !== "complete") {
    if (job.status === "failed" || job.status === "expired") throw new ComplianceJobError(`compliance job ${job.id} ended ${job.status}`);
    if (timing.now() - started > timing.timeoutMs) {
      throw new ComplianceJobError(
        `compliance job ${job.id} not complete after ${timing.timeoutMs} ms (status ${job.status}): raise COMPLIANCE_TIMEOUT_MS`,
      );
    }
    await timing.sleep(timing.pollMs);
    job = await api.job(created.id);
  }
  return { jobId: job.id, results: await api.download(job.download_url) };
}
