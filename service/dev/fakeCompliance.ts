/**
 * The fake of X's batch compliance endpoints (https://docs.x.com/x-api/compliance/batch-compliance/quickstart,
 * https://docs.x.com/x-api/compliance/batch-compliance/integrate): `POST /2/compliance/jobs` creates a job with an
 * `upload_url` and a `download_url` (on X's API host, requiring the app's bearer token, as the integrate guide's
 * "Signed URLs" says; here paths of the fake server under `/compliance-storage/`), or answers 409 while a job of the
 * type is `created` or `in_progress` ("One active job per type"); a `PUT` of newline-separated ids to the upload URL
 * starts it, `GET /2/compliance/jobs/:id` reports `created` → `in_progress` → `complete` (or `failed`/`expired` when
 * told), `GET /2/compliance/jobs?type=` lists the jobs (`status=` filters them), and the download URL answers one JSON
 * object per line for the uploaded ids that have a compliance event (`delete` with its reason, or `rehydrate` for an
 * edited post), none for the others.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { genericProblem, invalidRequest, type ErrorAnswer } from "./xProblems";

/**
 * Why X reports a post: the `reason` of a `delete` result line, or `rehydrate` (a line with that action: the post was
 * edited, the stored copy is stale).
 */
export type ComplianceReason = "deleted" | "bounced" | "protected" | "suspended" | "scrub_geo" | "rehydrate";

/** A job as the fake holds it. */
export interface FakeComplianceJob {
  readonly id: string;
  readonly type: "tweets" | "users";
  readonly name?: string;
  status: "created" | "in_progress" | "complete" | "failed" | "expired";
  /** The ids uploaded, in order. */
  uploaded: string[];
  /** Status polls left before an uploaded job completes. */
  pollsLeft: number;
  /** The status an uploaded job ends in. */
  ending: "complete" | "failed" | "expired";
  readonly createdAt: string;
}

/** The control side, for tests. */
export interface FakeCompliance {
  /** Posts X will report with this reason (default `deleted`, action `delete`) when a job checks them. */
  report(ids: Iterable<string>, reason?: ComplianceReason): void;
  /** The jobs created so far. */
  jobs(): readonly FakeComplianceJob[];
  /** The next jobs end with these statuses instead of `complete`, one each. */
  failNextJobs(...statuses: Array<"failed" | "expired">): void;
  /** Status polls that answer `in_progress` after the upload, for new jobs and for those in progress now. */
  setPollsUntilComplete(polls: number): void;
}

/** The server side: the paths it answers and how. */
export interface ComplianceRoutes {
  /** True for a path this fake answers. */
  handles(pathname: string): boolean;
  /**
   * Answers one request. `refusal` is the bearer check's answer (undefined when the bearer token is right): the job
   * URLs require the token too.
   */
  route(req: IncomingMessage, res: ServerResponse, url: URL, refusal: ErrorAnswer | undefined): Promise<void>;
}

const JOBS_PATH = "/2/compliance/jobs";
const STORAGE = "/compliance-storage/";
const DAY_MS = 86_400_000;

/** Options of {@link createFakeCompliance}. */
export interface FakeComplianceOptions {
  /** Status polls that answer `in_progress` after the upload, before `complete`. @default 1 */
  pollsUntilComplete?: number;
}

/** A fake of the batch compliance endpoints; mount it with {@link ComplianceRoutes.route}. */
export function createFakeCompliance(opts: FakeComplianceOptions = {}): FakeCompliance & ComplianceRoutes {
  const jobs = new Map<string, FakeComplianceJob>();
  const reported = new Map<string, ComplianceReason>();
  const endings: Array<"failed" | "expired"> = [];
  let polls = opts.pollsUntilComplete ?? 1;
  let next = 1_372_966_999_991_541_762n;

  const view = (job: FakeComplianceJob, host: string): object => {
    const created = Date.parse(job.createdAt);
    return {
      id: job.id,
      type: job.type,
      ...(job.name === undefined ? {} : { name: job.name }),
      resumable: false,
      status: job.status,
      created_at: job.createdAt,
      upload_url: `http://${host}${STORAGE}upload/${job.id}`,
      upload_expires_at: new Date(created + 15 * 60_000).toISOString(),
      download_url: `http://${host}${STORAGE}download/${job.id}`,
      download_expires_at: new Date(created + 7 * DAY_MS).toISOString(),
    };
  };

  const create = (body: unknown, host: string): Answer => {
    const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const type = fields["type"];
    if (type !== "tweets" && type !== "users") {
      return invalidRequest([{ parameters: { type: [String(type)] }, message: "The `type` body parameter must be one of [tweets,users]" }]);
    }
    if ([...jobs.values()].some((j) => j.type === type && (j.status === "created" || j.status === "in_progress"))) {
      return genericProblem(409);
    }
    next += 1n;
    const name = typeof fields["name"] === "string" ? fields["name"] : undefined;
    const job: FakeComplianceJob = {
      id: next.toString(),
      type,
      ...(name === undefined ? {} : { name }),
      status: "created",
      uploaded: [],
      pollsLeft: polls,
      ending: endings.shift() ?? "complete",
      createdAt: new Date().toISOString(),
    };
    jobs.set(job.id, job);
    return { status: 200, body: { data: view(job, host) } };
  };

  const poll = (id: string, host: string): Answer => {
    const job = jobs.get(id);
    if (job === undefined) return genericProblem(404);
    if (job.status === "in_progress") {
      if (job.pollsLeft > 0) job.pollsLeft -= 1;
      else job.status = job.ending;
    }
    return { status: 200, body: { data: view(job, host) } };
  };

  const line = (id: string, reason: ComplianceReason, at: string): string =>
    reason === "rehydrate"
      ? JSON.stringify({ id, action: "rehydrate", created_at: at })
      : JSON.stringify({ id, action: "delete", created_at: at, redacted_at: at, reason });
  const results = (job: FakeComplianceJob): string =>
    job.uploaded
      .flatMap((id) => {
        const reason = reported.get(id);
        return reason === undefined ? [] : [line(id, reason, job.createdAt)];
      })
      .join("\n");

  const storage = async (req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> => {
    const [kind, id] = rest.split("/");
    const job = jobs.get(id ?? "");
    if (job === undefined) return send(res, { status: 404, body: "NoSuchKey", contentType: "text/plain" });
    if (kind === "upload" && req.method === "PUT") {
      const text = await readText(req);
      job.uploaded = text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      job.status = "in_progress";
      return send(res, { status: 200, body: "", contentType: "text/plain" });
    }
    if (kind === "download" && req.method === "GET" && job.status === "complete") {
      return send(res, { status: 200, body: results(job), contentType: "text/plain" });
    }
    return send(res, { status: 404, body: "NoSuchKey", contentType: "text/plain" });
  };

  return {
    report(ids, reason = "deleted") {
      for (const id of ids) reported.set(id, reason);
    },
    jobs: () => [...jobs.values()],
    failNextJobs: (...statuses) => void endings.push(...statuses),
    setPollsUntilComplete(n) {
      polls = n;
      for (const job of jobs.values()) if (job.status === "in_progress") job.pollsLeft = n;
    },
    handles: (pathname) => pathname === JOBS_PATH || pathname.startsWith(`${JOBS_PATH}/`) || pathname.startsWith(STORAGE),
    async route(req, res, url, refusal) {
      const host = req.headers.host ?? "127.0.0.1";
      if (refusal !== undefined) return send(res, refusal);
      if (url.pathname.startsWith(STORAGE)) return storage(req, res, url.pathname.slice(STORAGE.length));
      if (req.method === "POST" && url.pathname === JOBS_PATH) {
        const body = parseJson(await readText(req));
        return send(res, create(body, host));
      }
      if (req.method === "GET" && url.pathname === JOBS_PATH) {
        const type = url.searchParams.get("type");
        const status = url.searchParams.get("status");
        const list = [...jobs.values()].filter((j) => j.type === type && (status === null || j.status === status)).map((j) => view(j, host));
        return send(res, {
          status: 200,
          body: list.length > 0 ? { data: list, meta: { result_count: list.length } } : { meta: { result_count: 0 } },
        });
      }
      if (req.method === "GET") return send(res, poll(url.pathname.slice(JOBS_PATH.length + 1), host));
      return send(res, genericProblem(405));
    },
  };
}

type Answer = { readonly status: number; readonly body: object | string; readonly contentType?: string };

function send(res: ServerResponse, answer: Answer): void {
  const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": answer.contentType ?? "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
