/**
 * FILTER: the value of the X rule the service owns, checked at start against X's rule grammar. X, not the service,
 * decides what matches (each post carries the rules it matched, `matching_rules`); this file only writes the rule.
 *
 * Syntax: X's rule language (https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule and its
 * operator list, https://docs.x.com/x-api/posts/filtered-stream/integrate/operators), plus the comma form the blog's
 * app used:
 * - a **comma** is X's `OR` (outside double quotes), so `Cloud Computing, #aws` is `(Cloud Computing) OR #aws`;
 * - words separated by spaces must all occur (X's AND), `"exact phrases"` (with `~N` proximity, N ≤ 6), `#`, `@`,
 *   `$`, emoji, parentheses, `-` negation, and X's operators (`from:`, `to:`, `lang:`, `is:`, `has:`, `url:`...);
 * - a keyword with punctuation (`node.js`, `don't`, `covid-19`) is quoted in the rule, since X matches an unquoted
 *   keyword against the post's tokens, which never hold punctuation ("To match strings containing punctuation ...
 *   you must wrap your keyword in double-quotes", operators page, keyword); `or` in any case but `OR` is quoted too,
 *   so that X reads it as a word.
 *
 * Checked as X checks a rule: operators and their values, a rule (and each OR branch) needs a positive standalone
 * term ("Conjunction-required operators cannot be used by themselves", "Negated operators cannot be used alone"),
 * `sample:` is never negated, `is:nullcast` always is, and grouped operators are not negated ("Do not negate grouped
 * operators"). The plan's length limit is checked by the configuration (config.ts).
 */

/** A parsed FILTER. */
export interface Filter {
  /** The FILTER as configured, stored with each item as its rule. */
  readonly source: string;
  /** The X filtered-stream rule value. */
  readonly ruleValue: string;
}

/** A FILTER that X would refuse; the message names the problem, where, and the fix. */
export class FilterError extends Error {}

type Node =
  | { readonly kind: "or" | "and"; readonly items: readonly Node[] }
  | { readonly kind: "not"; readonly item: Node; readonly at: number }
  | { readonly kind: "term"; readonly text: string; readonly standalone: boolean; readonly operator?: string; readonly at: number };

type Token =
  | { readonly type: "(" | ")" | "OR" | "-"; readonly at: number }
  | { readonly type: "term"; readonly node: Node & { kind: "term" }; readonly at: number };

/** The values `lang:` accepts: the BCP 47 codes of X's operator page. */
const LANGUAGES = new Set(
  (
    "am ar hy eu bn bg ca hr cs da nl en et fi fr de ka el gu iw hi hu in it ja kn ko lv lt ml mr no fa pl pt ro ru sr " +
    "zh-CN sk sl es sv ta te th zh-TW tr uk ur vi"
  ).split(" "),
);

const USER = /^@?(?:\w{1,15}|\d{1,20})$/u;
const NOT_EMPTY = /^\S+$/u;
const USER_HINT = "a username (1 to 15 of letters, digits, '_') or a user id";

interface OperatorSpec {
  /** X's type: standalone, or conjunction-required (also for the operators X's list gives no type). */
  readonly standalone: boolean;
  readonly value: RegExp | ReadonlySet<string>;
  readonly hint: string;
}

function spec(standalone: boolean, value: RegExp | ReadonlySet<string>, hint: string): OperatorSpec {
  return { standalone, value, hint };
}

/** X's filtered-stream operators (operators page), by name. */
const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  from: spec(true, USER, USER_HINT),
  to: spec(true, USER, USER_HINT),
  retweets_of: spec(true, USER, USER_HINT),
  from_affiliate_of: spec(true, USER, USER_HINT),
  to_affiliate_of: spec(true, USER, USER_HINT),
  url: spec(true, NOT_EMPTY, 'a URL or part of one, quoted when it has punctuation: url:"https://developer.x.com"'),
  context: spec(true, /^\d+\.(?:\d+|\*)$/u, "a domain.entity pair such as 10.799022225751871488 or 47.*"),
  entity: spec(true, NOT_EMPTY, 'an entity name, quoted: entity:"Michael Jordan"'),
  conversation_id: spec(true, /^\d{1,20}$/u, "a post id"),
  bio: spec(true, NOT_EMPTY, "a keyword or a quoted phrase"),
  bio_name: spec(true, NOT_EMPTY, "a keyword or a quoted phrase"),
  bio_location: spec(true, NOT_EMPTY, "a keyword or a quoted phrase"),
  place: spec(true, NOT_EMPTY, "a place name, quoted when it has spaces"),
  place_country: spec(true, /^[A-Za-z]{2}$/u, "an ISO 3166-1 alpha-2 country code such as US"),
  point_radius: spec(true, /^\[.+\]$/u, "[longitude latitude radius], e.g. [2.355128 48.861118 16km]"),
  bounding_box: spec(true, /^\[.+\]$/u, "[west_long south_lat east_long north_lat]"),
  is: spec(false, new Set(["retweet", "reply", "quote", "verified", "nullcast"]), "retweet, reply, quote, verified or nullcast"),
  has: spec(
    false,
    new Set(["hashtags", "cashtags", "links", "mentions", "media", "images", "video_link", "geo"]),
    "hashtags, cashtags, links, mentions, media, images, video_link or geo",
  ),
  lang: spec(false, LANGUAGES, "one of X's BCP 47 codes, e.g. en, ja, th, zh-CN"),
  sample: spec(false, /^(?:[1-9]\d?|100)$/u, "a percentage from 1 to 100"),
  url_title: spec(false, NOT_EMPTY, "a keyword"),
  url_description: spec(false, NOT_EMPTY, "a keyword"),
  url_contains: spec(false, NOT_EMPTY, "part of a URL"),
  min_followers: spec(false, /^\d+$/u, "a number"),
  followers_count: spec(false, /^\d+(?:\.\.\d+)?$/u, "a number or a range such as 1000..10000"),
  tweets_count: spec(false, /^\d+(?:\.\.\d+)?$/u, "a number or a range such as 1000..10000"),
  following_count: spec(false, /^\d+(?:\.\.\d+)?$/u, "a number or a range such as 1000..10000"),
  listed_count: spec(false, /^\d+(?:\.\.\d+)?$/u, "a number or a range such as 10..100"),
  in_reply_to_tweet_id: spec(false, /^\d{1,20}$/u, "a post id"),
  retweets_of_tweet_id: spec(false, /^\d{1,20}$/u, "a post id"),
  source: spec(false, NOT_EMPTY, 'an application name, quoted when it has spaces: source:"X for iPhone"'),
};

/** A keyword X reads as one token: letters, marks, digits and `_`, optionally after `#`, `@` or `$`. */
const TOKEN = /^[#@$]?[\p{L}\p{M}\p{N}_]+$/u;
/** Emoji (with their modifiers, joiners and variation selectors): a keyword of their own on X. */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3)+$/u;
const SEPARATOR = /[\s(),"]/u;

function fail(message: string): never {
  throw new FilterError(message);
}

/** A keyword as X must see it: quoted when X would split it (punctuation) or read it as its operator (`or`). */
export function ruleWord(word: string): string {
  return TOKEN.test(word) || EMOJI.test(word) ? (word.toLowerCase() === "or" ? `"${word}"` : word) : `"${word}"`;
}

/** The end of a quoted string that starts at `start` (a `"`), or a FilterError. */
function closingQuote(source: string, start: number): number {
  const end = source.indexOf('"', start + 1);
  if (end < 0) fail(`FILTER has an unterminated double quote at position ${start + 1}: close it, as in "cloud computing"`);
  return end;
}

function operatorTerm(name: string, value: string, at: number): Node & { kind: "term" } {
  const operator =
    OPERATORS[name] ??
    fail(`FILTER has an unknown operator '${name}:' at position ${at}: use one of X's (${Object.keys(OPERATORS).join(", ")}:), or quote the word`);
  const bare = value.replace(/^"(.*)"$/su, "$1");
  const ok = operator.value instanceof RegExp ? operator.value.test(bare) : operator.value.has(bare);
  if (!ok || bare.trim() === "") fail(`FILTER has '${name}:${value}' at position ${at}: the value of ${name}: must be ${operator.hint}`);
  return { kind: "term", text: `${name}:${value}`, standalone: operator.standalone, operator: `${name}:${bare}`, at };
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const at = i + 1;
    if (/\s/u.test(c)) {
      i += 1;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c, at });
      i += 1;
    } else if (c === ",") {
      tokens.push({ type: "OR", at });
      i += 1;
    } else if (c === '"') {
      const end = closingQuote(source, i);
      const phrase = source
        .slice(i + 1, end)
        .trim()
        .replace(/\s+/gu, " ");
      if (phrase === "") fail(`FILTER has an empty phrase at position ${at}: put at least one word between the quotes`);
      const proximity = /^~(\d+)/u.exec(source.slice(end + 1));
      if (proximity !== null && !(Number(proximity[1]) >= 1 && Number(proximity[1]) <= 6)) {
        fail(`FILTER has a proximity ~${proximity[1]} at position ${end + 2}: X allows ~1 to ~6`);
      }
      i = end + 1 + (proximity?.[0].length ?? 0);
      if (i < source.length && !SEPARATOR.test(source[i])) {
        fail(`FILTER has text glued to a closing quote at position ${i + 1}: put a space after the phrase`);
      }
      tokens.push({ type: "term", node: { kind: "term", text: `"${phrase}"${proximity?.[0] ?? ""}`, standalone: true, at }, at });
    } else if (c === "-") {
      if (i + 1 >= source.length || /[\s),]/u.test(source[i + 1])) {
        fail(`FILTER has a '-' with nothing after it at position ${at}: put the term to exclude right after it, as in -spam`);
      }
      tokens.push({ type: "-", at });
      i += 1;
    } else {
      let end = i;
      while (end < source.length && !SEPARATOR.test(source[end])) end += 1;
      const word = source.slice(i, end);
      const operator = /^([a-z_]+):(.*)$/su.exec(word);
      if (word === "OR") {
        tokens.push({ type: "OR", at });
      } else if (operator !== null) {
        let value = operator[2];
        if (value === "" && source[end] === '"') {
          const close = closingQuote(source, end);
          value = source.slice(end, close + 1);
          end = close + 1;
        } else if (value.startsWith("[") && !value.endsWith("]")) {
          const close = source.indexOf("]", i);
          if (close < 0) fail(`FILTER has an unclosed '[' at position ${at}: close it with ']'`);
          value = source.slice(i + operator[1].length + 1, close + 1);
          end = close + 1;
        }
        tokens.push({ type: "term", node: operatorTerm(operator[1], value, at), at });
      } else {
        tokens.push({ type: "term", node: { kind: "term", text: ruleWord(word), standalone: true, at }, at });
      }
      i = end;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  parseAll(): Node {
    const node = this.parseOr();
    const rest = this.tokens[this.index];
    if (rest !== undefined) fail(`FILTER has an unmatched ')' at position ${rest.at}: remove it or add its '('`);
    return node;
  }

  private emptyTerm(): never {
    return fail(`FILTER has an empty term (${JSON.stringify(this.source)}): remove the extra comma or OR, or put a term in the parentheses`);
  }

  private parseOr(): Node {
    const items = [this.parseAnd()];
    while (this.tokens[this.index]?.type === "OR") {
      this.index += 1;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: "or", items: items.flatMap((n) => (n.kind === "or" ? n.items : [n])) };
  }

  private parseAnd(): Node {
    const items: Node[] = [];
    for (let next = this.tokens[this.index]; next !== undefined && next.type !== "OR" && next.type !== ")"; next = this.tokens[this.index]) {
      items.push(this.parseUnary());
    }
    if (items.length === 0) this.emptyTerm();
    return items.length === 1 ? items[0] : { kind: "and", items: items.flatMap((n) => (n.kind === "and" ? n.items : [n])) };
  }

  private parseUnary(): Node {
    const token = this.tokens[this.index];
    if (token?.type !== "-") return this.parsePrimary();
    this.index += 1;
    const item = this.parsePrimary();
    if (item.kind !== "term") {
      fail(
        `FILTER negates a group at position ${token.at}: X asks not to negate grouped operators; negate each term instead, as in skiing -snow -day`,
      );
    }
    if (item.operator?.startsWith("sample:") === true) fail(`FILTER negates sample: at position ${token.at}: X does not allow it; remove the '-'`);
    return { kind: "not", item, at: token.at };
  }

  private parsePrimary(): Node {
    const token = this.tokens[this.index];
    if (token === undefined) return this.emptyTerm();
    this.index += 1;
    if (token.type === "term") {
      if (token.node.operator === "is:nullcast" && this.tokens[this.index - 2]?.type !== "-") {
        fail(`FILTER has is:nullcast at position ${token.at}: X only allows it negated, -is:nullcast`);
      }
      return token.node;
    }
    if (token.type !== "(") return this.emptyTerm();
    const inner = this.parseOr();
    if (this.tokens[this.index]?.type !== ")") fail(`FILTER has an unmatched '(' at position ${token.at}: close it with ')'`);
    this.index += 1;
    return inner;
  }
}

/** True when a branch has a positive standalone term (X's rule for a rule, applied to each OR branch). */
function standsAlone(node: Node): boolean {
  switch (node.kind) {
    case "and":
      return node.items.some(standsAlone);
    case "or":
      return node.items.every(standsAlone);
    case "not":
      return false;
    case "term":
      return node.standalone;
  }
}

/** The first OR branch with no positive standalone term, for the message. */
function lonelyBranch(node: Node): Node | undefined {
  if (node.kind === "or") return node.items.map(lonelyBranch).find((n) => n !== undefined);
  return standsAlone(node) ? undefined : node;
}

function render(node: Node, parent: Node["kind"] | undefined): string {
  switch (node.kind) {
    case "or": {
      const text = node.items.map((n) => render(n, "or")).join(" OR ");
      return parent === undefined || parent === "or" ? text : `(${text})`;
    }
    case "and": {
      const text = node.items.map((n) => render(n, "and")).join(" ");
      return parent === "or" ? `(${text})` : text;
    }
    case "not":
      return `-${render(node.item, "not")}`;
    case "term":
      return node.text;
  }
}

/** Parses FILTER; throws {@link FilterError} with a one-line message when X would refuse the rule it makes. */
export function parseFilter(source: string): Filter {
  if (source.trim().length === 0) fail('FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"');
  const tree = new Parser(tokenize(source), source).parseAll();
  const lonely = lonelyBranch(tree);
  if (lonely !== undefined) {
    fail(
      `FILTER has a term of only negations or conjunction-required operators (${render(lonely, undefined)}): X needs a keyword, phrase, ` +
        "#, @, $, emoji, from:, to: or another standalone operator in each rule and OR branch, as in cats has:links -is:retweet",
    );
  }
  return { source, ruleValue: render(tree, undefined) };
}
