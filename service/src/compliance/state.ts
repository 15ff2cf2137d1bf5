/**
 * Where a sweep stands, kept in one item of the posts table so that a sweep stopped part-way (a timed-out job, a
 * stopped task) resumes where it was: the index and the position of the chunk being checked, and its job at X.
 * X says correlating submissions to results is the client's job ("Store job IDs with your submissions",
 * https://docs.x.com/x-api/compliance/batch-compliance/integrate), and keeps results about 7 days; the table is the
 * one store the command has (its task is ephemeral). The item has no `id` nor `refId`, so it is in neither index:
 * the service and the sweep's own scans never see it.
 */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { DocumentSender, ScanKey, SweptIndex } from "./store";

/** The key of the state item: `user` is an X user id everywhere else, never this. */
export const STATE_KEY = { user: "#compliance", date: "sweep" } as const;

/** A sweep's position. */
export interface SweepState {
  /** The index of the chunk being checked. */
  readonly index: SweptIndex;
  /** Where that chunk starts (undefined: the index's start). */
  readonly start?: ScanKey;
  /** The job at X that checks it, once created. */
  readonly jobId?: string;
}

/** The state a previous sweep left, or undefined when the last sweep finished (or none ran). */
export async function loadState(doc: DocumentSender, table: string): Promise<SweepState | undefined> {
  const out = await doc.send(new GetCommand({ TableName: table, Key: { ...STATE_KEY }, ConsistentRead: true }));
  const item = out.Item as Record<string, unknown> | undefined;
  if (item === undefined || item["done"] === true) return undefined;
  const index = item["index"];
  if (index !== "byId" && index !== "byRef") return undefined;
  const start = typeof item["start"] === "string" ? (JSON.parse(item["start"]) as ScanKey) : undefined;
  const jobId = typeof item["jobId"] === "string" ? item["jobId"] : undefined;
  return { index, ...(start === undefined ? {} : { start }), ...(jobId === undefined ? {} : { jobId }) };
}

/** Records the position (or, with undefined, a finished sweep: the next one starts from the beginning). */
export async function saveState(doc: DocumentSender, table: string, state: SweepState | undefined, nowIso: string): Promise<void> {
  const fields =
    state === undefined
      ? { done: true }
      : {
          done: false,
          index: state.index,
          ...(state.start === undefined ? {} : { start: JSON.stringify(state.start) }),
          ...(state.jobId === undefined ? {} : { jobId: state.jobId }),
        };
  await doc.send(new PutCommand({ TableName: table, Item: { ...STATE_KEY, ...fields, updatedAt: nowIso } }));
}
