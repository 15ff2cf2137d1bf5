/** Which of X's `matching_rules` is ours: the rule this deployment added, known by its tag and by the ids X gave it. */
import type { MatchingRule } from "../intake/post";

/** The rule the service owns. The ids are those of the rules with our tag, as last listed or added. */
export class OwnRule {
  private ids: ReadonlySet<string> = new Set();

  /**
   * @param tag `RULE_TAG`, unique per stack: X's `matching_rules` carries each matching rule's id and tag
   *   (https://docs.x.com/x-api/posts/filtered-stream/integrate/matching-returned-tweets).
   * @param value the rule value (FILTER as X reads it).
   */
  constructor(
    readonly tag: string,
    readonly value: string,
  ) {}

  /** Records the ids of the rules we hold now. */
  held(ids: Iterable<string>): void {
    this.ids = new Set(ids);
  }

  /** True when X's `matching_rules` of a post names our rule, by id or by tag. */
  matched(rules: readonly MatchingRule[]): boolean {
    return rules.some((rule) => rule.tag === this.tag || this.ids.has(rule.id));
  }
}
