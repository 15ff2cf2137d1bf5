/**
 * Batch compliance jobs at X (https://docs.x.com/x-api/compliance/batch-compliance/quickstart and
 * https://docs.x.com/x-api/compliance/batch-compliance/integrate): create one (`POST /2/compliance/jobs`, type
 * `tweets`), upload the ids, one per line, to its `upload_url` (`PUT`, `text/plain`), poll `GET /2/compliance/jobs/:id`
 * until it ends, download the results from its `download_url`. X allows one active (`created` or `in_progress`) job per
 * type and answers a second one with 409; the upload URL lasts about 15 minutes, the download URL about 7 days.
 */
import { ApiResponseError, type TwitterApi } from "twitter-api-v2";

/** A job's status (quickstart, "Job statuses"). */
export type JobStatus = "created" | "in_progress" | "complete" | "failed" | "expired";

/** A job's fields the command reads. */
export interface ComplianceJob {
  readonly id: string;
  readonly status: JobStatus;
  readonly upload_url: string;
  readonly download_url: string;
  readonly name?: string;
}

/** What a job needs of X. */
export interface ComplianceApi {
  /** Creates a job; throws {@link JobConflictError} when X already runs one of the type. */
  createJob(name: string): Promise<ComplianceJob>;
  job(id: string): Promise<ComplianceJob>;
  /** The app's recent `tweets` jobs (`GET /2/compliance/jobs?type=tweets`). */
  jobs(): Promise<readonly ComplianceJob[]>;
  upload(url: string, body: string): Promise<void>;
  download(url: string): Promise<string>;
}

/** A job that ended without results, or did not end in time. */
export class ComplianceJobError extends Error {
  override readonly name = "ComplianceJobError";
}

/** X already runs a job of this type (HTTP 409). */
export class JobConflictError extends Error {
  override readonly name = "JobConflictError";
}

/** True while a job holds X's one slot of its type. */
export function isActive(job: ComplianceJob): boolean {
  return job.status === "created" || job.status === "in_progress";
}

/**
 * The API through twitter-api-v2 (its base-URL plugin and bearer token); the upload and download URLs through
 * `fetch`. X's current URLs are on its API host and require the app's bearer token (integrate guide, "Signed URLs");
 * earlier ones were presigned storage URLs elsewhere, which take none: the token goes only to the API's own origin.
 */
export function complianceApi(client: TwitterApi, apiBase: URL, bearerToken: string, timeoutMs: number): ComplianceApi {
  const transfer = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (new URL(url).origin === apiBase.origin) headers.set("authorization", `Bearer ${bearerToken}`);
    const response = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok)
      throw new ComplianceJobError(
        `${init.method ?? "GET"} of the job's ${init.method === "PUT" ? "upload" : "download"} URL answered HTTP ${response.status}`,
      );
    return response;
  };
  return {
    async createJob(name) {
      try {
        return (await client.v2.post<{ data: ComplianceJob }>("compliance/jobs", { type: "tweets", name })).data;
      } catch (error) {
        if (error instanceof ApiResponseError && error.code === 409) throw new JobConflictError("X already runs a tweets compliance job");
        throw error;
      }
    },
    async job(id) {
      return (await client.v2.complianceJob(id)).data;
    },
    async jobs() {
      return (await client.v2.get<{ data?: ComplianceJob[] }>("compliance/jobs", { type: "tweets" })).data ?? [];
    },
    async upload(url, body) {
      await transfer(url, { method: "PUT", headers: { "content-type": "text/plain" }, body });
    },
    async download(url) {
      return (await transfer(url, { method: "GET" })).text();
    },
  };
}

/** How long to wait for a job. */
export interface JobTiming {
  /** Between two status polls. */
  readonly pollMs: number;
  /** Longest wait for one job to end. */
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** Polls `job` until it is no longer active; throws {@link ComplianceJobError} past the timeout. */
export async function awaitJob(api: ComplianceApi, job: ComplianceJob, timing: JobTiming): Promise<ComplianceJob> {
  const started = timing.now();
  let current = job;
  while (isActive(current)) {
    if (timing.now() - started > timing.timeoutMs) {
      throw new ComplianceJobError(
        `compliance job ${current.id} not complete after ${timing.timeoutMs} ms (status ${current.status}): it is resumed by the next run; raise COMPLIANCE_TIMEOUT_MS to wait longer`,
      );
    }
    await timing.sleep(timing.pollMs);
    current = await api.job(current.id);
  }
  return current;
}

/**
 * Creates a job once X's slot for the type is free: a job still active (left by an earlier run, or anyone's on this
 * app) is waited for first, and so is the one a 409 reveals. `waiting` hears each job waited for.
 */
export async function createJob(
  api: ComplianceApi,
  name: string,
  timing: JobTiming,
  waiting: (job: ComplianceJob) => void,
): Promise<ComplianceJob> {
  const started = timing.now();
  for (;;) {
    if (timing.now() - started > timing.timeoutMs) {
      throw new ComplianceJobError(`X kept another tweets compliance job active for ${timing.timeoutMs} ms: raise COMPLIANCE_TIMEOUT_MS`);
    }
    const active = (await api.jobs()).filter(isActive);
    for (const job of active) {
      waiting(job);
      await awaitJob(api, job, timing);
    }
    try {
      return await api.createJob(name);
    } catch (error) {
      if (!(error instanceof JobConflictError)) throw error;
      await timing.sleep(timing.pollMs);
    }
  }
}

/** Uploads `ids`, one per line, and starts the job. */
export async function upload(api: ComplianceApi, job: ComplianceJob, ids: readonly string[]): Promise<void> {
  await api.upload(job.upload_url, `${ids.join("\n")}\n`);
}

/** The API with each X API request run through `retry` (the upload and download are transfers, not API requests). */
export function withRetries(api: ComplianceApi, retry: <T>(request: () => Promise<T>) => Promise<T>): ComplianceApi {
  return {
    createJob: (name) => retry(() => api.createJob(name)),
    job: (id) => retry(() => api.job(id)),
    jobs: () => retry(() => api.jobs()),
    upload: (url, body) => api.upload(url, body),
    download: (url) => api.download(url),
  };
}
