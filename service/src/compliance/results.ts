/** Reading a batch compliance job's results. Pure. */

/** What X reports for one post id: one line of the results file. */
export interface ComplianceEvent {
  readonly id: string;
  readonly action: string;
  readonly reason: string;
}

/** A reported id the sweep acts on, and X's reason. */
export interface Reported {
  readonly id: string;
  /** X's `reason` (`deleted`, `protected`, ...), or the action when X gave none (`rehydrate`). */
  readonly reason: string;
}

/** The results file, read. */
export interface ComplianceResults {
  /**
   * Ids whose stored text must go: every `delete` action except `scrub_geo` (the items hold no geo data), and every
   * `rehydrate` (the post was edited on X: the stored copy is stale).
   */
  readonly act: readonly Reported[];
  /** Result lines by reason (the action when X gave none), acted on or not (for the log). */
  readonly byReason: Readonly<Record<string, number>>;
  /** Lines that are not a result object (X's `{"id","error":"invalid_id"}` records included). */
  readonly malformed: number;
}

/**
 * Reads the downloaded results: one JSON object per line (`{"id","action","created_at","redacted_at","reason"}`);
 * only ids with a compliance event appear, the others are still valid; the actions are `delete`, `rehydrate` and
 * `scrub_geo`, one event per id (https://docs.x.com/x-api/compliance/batch-compliance/quickstart, "Download results";
 * https://docs.x.com/x-api/compliance/batch-compliance/integrate, "Interpreting results").
 */
export function readResults(text: string): ComplianceResults {
  const act: Reported[] = [];
  const byReason: Record<string, number> = {};
  let malformed = 0;
  for (const line of text.split("\n")) {
    if (line.trim().length === 0) continue;
    const event = parseEvent(line);
    if (event === undefined) {
      malformed += 1;
      continue;
    }
    byReason[event.reason] = (byReason[event.reason] ?? 0) + 1;
    if ((event.action === "delete" && event.reason !== "scrub_geo") || event.action === "rehydrate")
      act.push({ id: event.id, reason: event.reason });
  }
  return { act, byReason, malformed };
}

function parseEvent(line: string): ComplianceEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { id, action, reason } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof action !== "string") return undefined;
  return { id, action, reason: typeof reason === "string" ? reason : action };
}
