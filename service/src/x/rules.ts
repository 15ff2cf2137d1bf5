/**
 * Keeps our rule on the stream: adds it when missing, removes our stale ones, and never touches a rule of another tag
 * (another stack, or another app's tool, on the same X app). Rules are per app; every post any of them matches is
 * billed to the app (https://docs.x.com/x-api/posts/filtered-stream/integrate/matching-returned-tweets).
 */
import type { TwitterApiv2 } from "twitter-api-v2";
import type { OwnRule } from "./ownRule";

/** A rule of the filtered stream. */
export interface Rule {
  readonly id: string;
  readonly value: string;
  readonly tag?: string;
}

/** What to change. */
export interface RulePlan {
  /** Our rule, when no rule with our tag has its value yet. */
  readonly add: { readonly value: string; readonly tag: string } | null;
  /** Ids of rules with our tag and another value. */
  readonly remove: readonly string[];
  /** Ids of our rule as it stands (our tag, our value). */
  readonly ours: readonly string[];
  /** Rules of other tags (or of none): left alone, reported. */
  readonly others: readonly Rule[];
}

/** Plans the changes; pure. Only rules tagged `tag` are ours to add or remove. */
export function planRules(existing: readonly Rule[], value: string, tag: string): RulePlan {
  const ours = existing.filter((r) => r.tag === tag);
  const current = ours.filter((r) => r.value === value).map((r) => r.id);
  return {
    add: current.length > 0 ? null : { value, tag },
    remove: ours.filter((r) => r.value !== value).map((r) => r.id),
    ours: current,
    others: existing.filter((r) => r.tag !== tag),
  };
}

/** X refused the rule; the message carries X's words. */
export class RuleError extends Error {}

/** Another tag holds our rule's value, which X allows once per app (DuplicateRule): a configuration problem. */
export class RuleConflictError extends Error {}

/** What X answers to an add, in the parts read here. */
interface AddErrors {
  readonly errors?: ReadonlyArray<{ readonly title: string; readonly detail?: string; readonly id?: string; readonly value?: string }>;
}

/** The one-line message of a DuplicateRule: who holds the value, and what to do. */
export function conflictMessage(value: string, tag: string, holder: Rule | undefined): string {
  const who =
    holder === undefined
      ? "another rule"
      : holder.tag === undefined
        ? `a rule with no tag (id ${holder.id})`
        : `the rule tagged "${holder.tag}" (id ${holder.id})`;
  return (
    `X already has the rule ${JSON.stringify(value)} as ${who}, and allows a rule value once per app (DuplicateRule), so RULE_TAG ` +
    `"${tag}" cannot own it: if that rule is another stack's, give this stack another FILTER (each stack's posts are then ` +
    "billed once); if it is this stack's under an old tag, delete it (the service never deletes a rule it does not own)"
  );
}

/**
 * Lists the rules and applies the plan: adds first, then removes, so the stream is never without our rule; records
 * the ids of our rule in `own`. X answering DuplicateRule (our value under another tag) is a {@link RuleConflictError};
 * any other refusal is a {@link RuleError}.
 */
export async function syncRules(v2: TwitterApiv2, own: OwnRule): Promise<RulePlan> {
  const current = (await v2.streamRules()).data ?? [];
  const plan = planRules(current, own.value, own.tag);
  let added: string[] = [];
  if (plan.add !== null) {
    const answer = await v2.updateStreamRules({ add: [plan.add] });
    const errors = (answer as AddErrors).errors ?? [];
    const duplicate = errors.find((e) => e.title === "DuplicateRule");
    if (duplicate !== undefined) {
      throw new RuleConflictError(
        conflictMessage(
          own.value,
          own.tag,
          current.find((r) => r.id === duplicate.id || r.value === own.value),
        ),
      );
    }
    if (errors.length > 0) {
      const why = errors.map((e) => `${e.title}: ${e.detail ?? ""}`.trim()).join("; ");
      throw new RuleError(`X refused the rule ${JSON.stringify(own.value)} (${why}): fix FILTER`);
    }
    added = (answer.data ?? []).map((r) => r.id);
  }
  own.held([...plan.ours, ...added]);
  if (plan.remove.length > 0) await v2.updateStreamRules({ delete: { ids: [...plan.remove] } });
  return plan;
}
