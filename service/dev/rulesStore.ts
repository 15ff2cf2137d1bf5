import type { FakePost, MatchingRule } from "./fakePost";
import { matchesRule, parseRule, type RuleExpression } from "./ruleExpression";
import { SnowflakeIds } from "./snowflake";
import { invalidRequest, type ErrorAnswer } from "./xProblems";

/** A rule as X lists it. */
export interface StreamRule {
  id: string;
  value: string;
  tag?: string;
}

/** A successful rules-endpoint answer. */
export interface RulesAnswer {
  readonly status: number;
  readonly body: object;
}

/** Limits of the product tier the fake plays; X's Pro tier allows 1,000 rules of up to 1,024 characters. */
export interface RuleLimits {
  readonly maxRules: number;
  readonly maxRuleLength: number;
}

interface InlineError {
  value?: string;
  id?: string;
  title: string;
  detail?: string;
  details?: string[];
  type: string;
  [key: string]: unknown;
}

const PROBLEMS = "https://api.twitter.com/2/problems";

/**
 * The app's filtered-stream rules, with X's `GET` and `POST /2/tweets/search/stream/rules` semantics: ids are
 * strings; an add request with any invalid or duplicate rule creates none of its rules (X validates the request as
 * a whole) and reports each faulty one in `errors`; `dry_run` validates without changing anything; deletes go by
 * `ids` or `values`, or all at once with `delete_all`.
 */
export class RulesStore {
  private readonly rules = new Map<string, StreamRule & { expression: RuleExpression }>();
  private readonly ids = new SnowflakeIds(7);

  constructor(private readonly limits: RuleLimits) {}

  /** The current rules, oldest first. */
  list(): StreamRule[] {
    return [...this.rules.values()].map(({ id, value, tag }) => (tag === undefined ? { id, value } : { id, value, tag }));
  }

  /** `matching_rules` of `post`: every current rule it matches. */
  matching(post: FakePost): MatchingRule[] {
    const matched: MatchingRule[] = [];
    for (const rule of this.rules.values()) {
      if (matchesRule(rule.expression, post)) matched.push(rule.tag === undefined ? { id: rule.id } : { id: rule.id, tag: rule.tag });
    }
    return matched;
  }

  /** `GET /2/tweets/search/stream/rules[?ids=1,2]`. */
  lookup(ids: string[] | undefined): RulesAnswer {
    const data = this.list().filter((rule) => ids === undefined || ids.includes(rule.id));
    const meta = { sent: new Date().toISOString(), result_count: data.length };
    return { status: 200, body: data.length > 0 ? { data, meta } : { meta } };
  }

  /** `POST /2/tweets/search/stream/rules` with its parsed JSON body and query flags. */
  update(body: unknown, dryRun: boolean, deleteAll: boolean): RulesAnswer | ErrorAnswer {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return invalidRequest([{ parameters: {}, message: "Request body must be a JSON object" }]);
    }
    const keys = Object.keys(body);
    if (deleteAll) {
      if (keys.length > 0) {
        return invalidRequest([{ parameters: { delete_all: ["true"] }, message: "delete_all must be sent with an empty body" }]);
      }
      return this.remove([...this.rules.keys()], [], dryRun);
    }
    if (keys.length !== 1 || (keys[0] !== "add" && keys[0] !== "delete")) {
      return invalidRequest([
        { parameters: {}, message: `Request body must contain exactly one of \`add\` or \`delete\`, got: [${keys.join(", ")}]` },
      ]);
    }
    const record = body as Record<string, unknown>;
    return keys[0] === "add" ? this.addFrom(record.add, dryRun) : this.deleteFrom(record.delete, dryRun);
  }

  private addFrom(add: unknown, dryRun: boolean): RulesAnswer | ErrorAnswer {
    if (!Array.isArray(add) || add.length === 0) {
      return invalidRequest([{ parameters: { add: [] }, message: "`add` must be a non-empty array of {value, tag}" }]);
    }
    const items: Array<{ value: string; tag?: string }> = [];
    for (const item of add) {
      const entry = item as Record<string, unknown>;
      if (typeof item !== "object" || item === null || typeof entry.value !== "string" || !["string", "undefined"].includes(typeof entry.tag)) {
        return invalidRequest([
          { parameters: { add: [JSON.stringify(item)] }, message: "Each rule must have a string `value` and an optional string `tag`" },
        ]);
      }
      items.push(typeof entry.tag === "string" ? { value: entry.value, tag: entry.tag } : { value: entry.value });
    }
    const errors: InlineError[] = [];
    const parsed: Array<{ value: string; tag?: string; expression: RuleExpression }> = [];
    const existing = new Map([...this.rules.values()].map((rule) => [rule.value, rule.id]));
    const inRequest = new Set<string>();
    for (const item of items) {
      const result = parseRule(item.value, this.limits.maxRuleLength);
      const existingId = existing.get(item.value);
      if (!result.ok) {
        errors.push({ value: item.value, details: [result.detail], title: "UnprocessableEntity", type: `${PROBLEMS}/invalid-rules` });
      } else if (existingId !== undefined || inRequest.has(item.value)) {
        const duplicate: InlineError = { value: item.value, title: "DuplicateRule", type: `${PROBLEMS}/duplicate-rules` };
        if (existingId !== undefined) duplicate.id = existingId;
        errors.push(duplicate);
      } else {
        inRequest.add(item.value);
        parsed.push({ ...item, expression: result.expression });
      }
    }
    if (errors.length === 0 && this.rules.size + parsed.length > this.limits.maxRules) {
      errors.push({
        title: "RulesCapProblem",
        detail: `You have exceeded the maximum number of rules (${this.limits.maxRules}).`,
        type: `${PROBLEMS}/rule-cap`,
      });
    }
    const sent = new Date().toISOString();
    if (errors.length > 0) {
      const invalid = items.length - parsed.length;
      const summary = { created: 0, not_created: items.length, valid: items.length - invalid, invalid };
      return { status: 200, body: { meta: { sent, summary }, errors } };
    }
    const created = parsed.map(({ value, tag, expression }) => {
      const rule = { id: this.ids.next(Date.now()), value, ...(tag === undefined ? {} : { tag }), expression };
      if (!dryRun) this.rules.set(rule.id, rule);
      return tag === undefined ? { value, id: rule.id } : { value, tag, id: rule.id };
    });
    const summary = { created: dryRun ? 0 : created.length, not_created: dryRun ? created.length : 0, valid: created.length, invalid: 0 };
    return { status: dryRun ? 200 : 201, body: { data: created, meta: { sent, summary } } };
  }

  private deleteFrom(del: unknown, dryRun: boolean): RulesAnswer | ErrorAnswer {
    const spec = (typeof del === "object" && del !== null ? del : {}) as Record<string, unknown>;
    const ids = spec.ids ?? [];
    const values = spec.values ?? [];
    const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((x) => typeof x === "string");
    if (!strings(ids) || !strings(values) || ids.length + values.length === 0) {
      return invalidRequest([
        {
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- echoes the malformed `ids` back as X does, whatever was sent
          parameters: { "delete.ids": Array.isArray(ids) ? ids.map(String) : [String(ids)] },
          message: "`delete` must hold `ids` or `values`, arrays of strings (IDs must be submitted as strings)",
        },
      ]);
    }
    return this.remove(ids, values, dryRun);
  }

  private remove(ids: string[], values: string[], dryRun: boolean): RulesAnswer {
    const errors: InlineError[] = [];
    const found: string[] = [];
    for (const id of ids) {
      if (this.rules.has(id)) found.push(id);
      else errors.push(notFound("delete.ids", id));
    }
    for (const value of values) {
      const rule = [...this.rules.values()].find((r) => r.value === value);
      if (rule !== undefined) found.push(rule.id);
      else errors.push(notFound("delete.values", value));
    }
    if (!dryRun) for (const id of found) this.rules.delete(id);
    const summary = { deleted: dryRun ? 0 : found.length, not_deleted: errors.length + (dryRun ? found.length : 0) };
    const meta = { sent: new Date().toISOString(), summary };
    return { status: 200, body: errors.length > 0 ? { meta, errors } : { meta } };
  }
}

function notFound(parameter: string, value: string): InlineError {
  return {
    parameter,
    value,
    resource_id: value,
    resource_type: "rule",
    title: "Not Found Error",
    detail: `Could not find rule with ${parameter === "delete.ids" ? "id" : "value"}: [${value}].`,
    type: `${PROBLEMS}/resource-not-found`,
  };
}
