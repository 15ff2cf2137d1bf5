/**
 * The compliance sweep: the stored post ids go to X's batch compliance in jobs of at most `idsPerJob`, and the
 * posts X reports (deleted, protected, suspended...) are deleted from the table. One job at a time, as X allows.
 */
import type { ItemKey } from "../item";
import { readResults } from "./results";
import { deleteItems, storedPosts, type DocumentSender } from "./store";
import { runJob, type ComplianceApi, type JobTiming } from "./xJobs";

/** What the sweep did. */
export interface SweepTotals {
  /** Stored posts checked. */
  checked: number;
  /** Jobs run. */
  jobs: number;
  /** Items deleted. */
  deleted: number;
  /** Result lines by reason. */
  byReason: Record<string, number>;
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
}

/** Runs the sweep over the whole table. */
export async function sweep(deps: SweepDeps): Promise<SweepTotals> {
  const totals: SweepTotals = { checked: 0, jobs: 0, deleted: 0, byReason: {} };
  for await (const chunk of storedPosts(deps.doc, deps.table, deps.idsPerJob)) {
    const { jobId, results } = await runJob(
      deps.api,
      `twitterstream-${deps.timing.now()}`,
      chunk.map((p) => p.id),
      deps.timing,
    );
    const read = readResults(results);
    const remove = new Set(read.remove);
    const keys: ItemKey[] = chunk.filter((p) => remove.has(p.id));
    const deleted = await deleteItems(deps.doc, deps.table, keys);
    totals.checked += chunk.length;
    totals.jobs += 1;
    totals.deleted += deleted;
    for (const [reason, n] of Object.entries(read.byReason)) totals.byReason[reason] = (totals.byReason[reason] ?? 0) + n;
    deps.onJob({ jobId, checked: chunk.length, reported: read.byReason, malformed: read.malformed, deleted });
  }
  return totals;
}
