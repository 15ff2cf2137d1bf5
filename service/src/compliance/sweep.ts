/**
 * The compliance sweep: every id whose text the table holds goes to X's batch compliance, in jobs of at most
 * `idsPerJob`: each post's own id (`byId`), then the retweeted and quoted posts' ids (`byRef`: a retweet's item holds
 * its original's text, a quote's item its quoted post's). For each id X reports (deleted, protected, suspended,
 * bounced, or edited: `rehydrate`) the items it concerns are found with a Query: a post's own item and a retweet of it
 * are deleted, a quote of it loses the quoted text. One job at a time, as X allows; the position is kept in the table
 * (`state.ts`), so a sweep stopped part-way resumes with its job; a job that ends `failed` or `expired` leaves its chunk
 * unchecked for this sweep, and the sweep goes on.
 */
import type { ItemKey } from "../intake/item";
import { readResults, type Reported } from "./results";
import { loadState, saveState, type SweepState } from "./state";
import { concerned, deleteItems, readChunk, removeQuotedText, SWEPT, type DocumentSender, type ScanKey } from "./store";
import { awaitJob, createJob, upload, type ComplianceApi, type ComplianceJob, type JobTiming } from "./xJobs";

/** What the sweep did. */
export interface SweepTotals {
  /** Ids checked by jobs that completed. */
  checked: number;
  /** Jobs run (or resumed). */
  jobs: number;
  /** Jobs that ended `failed` or `expired`: their ids are unchecked until the next sweep. */
  failedJobs: number;
  /** Items deleted: posts reported, and retweets of reported posts. */
  deleted: number;
  /** Quotes whose quoted post was reported, their quoted text removed. */
  redacted: number;
  /** Result lines by reason. */
  byReason: Record<string, number>;
  /** The job an earlier sweep left, resumed; absent when none. */
  resumedJob?: string;
}

/** What the sweep works with. */
export interface SweepDeps {
  readonly doc: DocumentSender;
  readonly table: string;
  readonly api: ComplianceApi;
  readonly idsPerJob: number;
  readonly timing: JobTiming;
  /** Hears each job's outcome. */
  readonly onJob: (fields: Record<string, unknown>) => void;
  /** Hears each active job waited for before a new one can be created. */
  readonly onWait: (fields: Record<string, unknown>) => void;
}

/** Runs the sweep over the whole table, from where an earlier sweep stopped if one did. */
export async function sweep(deps: SweepDeps): Promise<SweepTotals> {
  const totals: SweepTotals = { checked: 0, jobs: 0, failedJobs: 0, deleted: 0, redacted: 0, byReason: {} };
  let state: SweepState = (await loadState(deps.doc, deps.table)) ?? { index: SWEPT[0].index };
  if (state.jobId !== undefined) totals.resumedJob = state.jobId;
  for (;;) {
    const chunk = await readChunk(deps.doc, deps.table, state.index, state.start, deps.idsPerJob);
    if (chunk.ids.length > 0) await check(deps, state, chunk.ids, totals);
    const next = after(state, chunk.next);
    await saveState(deps.doc, deps.table, next, new Date(deps.timing.now()).toISOString());
    if (next === undefined) return totals;
    state = next;
  }
}

/** Where the sweep goes after the chunk at `state`: the rest of its index, the next index, or the end. */
function after(state: SweepState, next: ScanKey | undefined): SweepState | undefined {
  if (next !== undefined) return { index: state.index, start: next };
  const following = SWEPT[SWEPT.findIndex((s) => s.index === state.index) + 1];
  return following === undefined ? undefined : { index: following.index };
}

/** Checks one chunk: resumes its job or creates one, waits for it, and acts on its results. */
async function check(deps: SweepDeps, state: SweepState, ids: readonly string[], totals: SweepTotals): Promise<void> {
  const job = (await resumed(deps, state)) ?? (await started(deps, state, ids));
  const ended = await awaitJob(deps.api, job, deps.timing);
  totals.jobs += 1;
  if (ended.status !== "complete") {
    totals.failedJobs += 1;
    deps.onJob({ jobId: ended.id, index: state.index, status: ended.status, unchecked: ids.length });
    return;
  }
  const read = readResults(await deps.api.download(ended.download_url));
  const done = await act(deps, read.act);
  totals.checked += ids.length;
  totals.deleted += done.deleted;
  totals.redacted += done.redacted;
  for (const [reason, n] of Object.entries(read.byReason)) totals.byReason[reason] = (totals.byReason[reason] ?? 0) + n;
  deps.onJob({
    jobId: ended.id,
    index: state.index,
    status: ended.status,
    checked: ids.length,
    reported: read.byReason,
    malformed: read.malformed,
    ...done,
  });
}

/** The job an earlier sweep left for this chunk, when X still has it with its upload done (or results). */
async function resumed(deps: SweepDeps, state: SweepState): Promise<ComplianceJob | undefined> {
  if (state.jobId === undefined) return undefined;
  const job = await deps.api.job(state.jobId);
  // A job still `created` never got its ids (the run stopped before the upload): X expires it; a new one is made.
  return job.status === "created" ? undefined : job;
}

/** A new job for `ids`, recorded in the state before its upload, so that a stop after it resumes it. */
async function started(deps: SweepDeps, state: SweepState, ids: readonly string[]): Promise<ComplianceJob> {
  const name = `twitterstream-${deps.table}-${deps.timing.now()}`;
  const job = await createJob(deps.api, name, deps.timing, (active) => deps.onWait({ jobId: active.id, status: active.status, name: active.name }));
  await saveState(deps.doc, deps.table, { ...state, jobId: job.id }, new Date(deps.timing.now()).toISOString());
  await upload(deps.api, job, ids);
  return job;
}

/**
 * Acts on the reported ids: the items whose own id it is and the retweets of it are deleted (a retweet's item holds
 * the original's text), the quotes of it lose the quoted text.
 */
async function act(deps: SweepDeps, reported: readonly Reported[]): Promise<{ deleted: number; redacted: number }> {
  const deletes = new Map<string, ItemKey>();
  let redacted = 0;
  for (const { id, reason } of reported) {
    for (const item of await concerned(deps.doc, deps.table, id)) {
      if (item.refType === "quoted") {
        if (await removeQuotedText(deps.doc, deps.table, item, reason)) redacted += 1;
      } else {
        deletes.set(`${item.user}\u0000${item.date}`, { user: item.user, date: item.date });
      }
    }
  }
  return { deleted: await deleteItems(deps.doc, deps.table, [...deletes.values()]), redacted };
}
