/** Makes the stream's rules match FILTER: adds ours, removes stale ones we tagged, leaves other rules alone. */
import type { TwitterApiv2 } from "twitter-api-v2";

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
}

/** Plans the changes; pure. */
export function planRules(existing: readonly Rule[], value: string, tag: string): RulePlan {
  const ours = existing.filter((r) => r.tag === tag);
  return {
    add: ours.some((r) => r.value === value) ? null : { value, tag },
    remove: ours.filter((r) => r.value !== value).map((r) => r.id),
  };
}

/** X refused the rule; the message carries X's words. */
export class RuleError extends Error {}

/**
 * Applies the plan: adds first, then removes, so the stream is never without our rule. A DuplicateRule answer
 * (another tag already has this value) is accepted: the rule is in place.
 */
export async function syncRules(v2: TwitterApiv2, value: string, tag: string): Promise<RulePlan> {
  const current = await v2.streamRules();
  const plan = planRules(current.data ?? [], value, tag);
  if (plan.add !== null) {
    const added = await v2.updateStreamRules({ add: [plan.add] });
    const refused = (added.errors ?? []).filter((e) => e.title !== "DuplicateRule");
    if (refused.length > 0) {
      const why = refused.map((e) => `${e.title}: ${e.detail ?? ""}`.trim()).join("; ");
      throw new RuleError(`X refused the rule ${JSON.stringify(value)} (${why}): fix FILTER`);
    }
  }
  if (plan.remove.length > 0) await v2.updateStreamRules({ delete: { ids: [...plan.remove] } });
  return plan;
}
