import type { FakePost } from "./fakePost";

/**
 * The subset of X's filtered-stream rule language the fake understands (X: "Build a rule"):
 * keywords, `"exact phrases"`, `#hashtags`, `@mentions` and `$cashtags` (matched as keywords, symbol included),
 * AND by juxtaposition, `OR` (AND binds tighter), `-` negation, parentheses, and the operators `from:`, `lang:`,
 * `is:` and `has:`. Other X operators (`to:`, `url:`, `place:`, `sample:`...) are accepted as valid but never match
 * (`sample:` always does), since fake posts carry no such data; an unknown operator makes the rule invalid.
 */
export type RuleExpression =
  | { readonly kind: "and" | "or"; readonly items: readonly RuleExpression[] }
  | { readonly kind: "not"; readonly item: RuleExpression }
  | { readonly kind: "text"; readonly value: string; readonly quoted: boolean }
  | { readonly kind: "operator"; readonly name: string; readonly value: string };

/** The outcome of {@link parseRule}: an expression, or the reason X would give for refusing the rule. */
export type ParsedRule = { ok: true; expression: RuleExpression } | { ok: false; detail: string };

const IS_VALUES = new Set(["retweet", "reply", "quote", "verified", "nullcast"]);
const HAS_VALUES = new Set(["hashtags", "cashtags", "links", "mentions", "media", "images", "videos", "video_link", "geo"]);
/** Operators X requires to be joined with a standalone term; a rule of these alone is invalid. */
const CONJUNCTION_REQUIRED = new Set(["is", "has", "lang", "sample"]);
const OTHER_OPERATORS = new Set([
  "to",
  "url",
  "retweets_of",
  "context",
  "entity",
  "conversation_id",
  "bio",
  "bio_name",
  "bio_location",
  "place",
  "place_country",
  "point_radius",
  "bounding_box",
  "in_reply_to_tweet_id",
  "retweets_of_tweet_id",
  "quotes_of_tweet_id",
  "followers_count",
  "tweets_count",
  "following_count",
  "listed_count",
  "url_title",
  "url_description",
  "source",
]);

type Token =
  | { type: "(" | ")" | "OR" | "-"; at: number }
  | { type: "text"; value: string; quoted: boolean; at: number }
  | { type: "operator"; name: string; value: string; at: number };

/** Parses and validates a rule value the way X does for the supported subset; positions in messages are 1-based. */
export function parseRule(value: string, maxLength: number): ParsedRule {
  if (value.trim().length === 0) return { ok: false, detail: "Rule value must not be empty" };
  if (value.length > maxLength) {
    return { ok: false, detail: `Rule length exceeds the maximum of ${maxLength} characters (got ${value.length})` };
  }
  try {
    const parser = new Parser(tokenize(value));
    const expression = parser.parseAll();
    if (!standsAlone(expression)) {
      return { ok: false, detail: "Rules must contain a non-negation term that can stand alone (at position 1)" };
    }
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, detail: error.message };
    throw error;
  }
}

/**
 * Whether `post` matches: terms compare case-insensitively (Unicode lower case, NFC); a keyword or phrase must not
 * be glued to letters, marks or digits on either side, except in scripts written without spaces (Han, kana, Thai),
 * where plain containment counts.
 */
export function matchesRule(expression: RuleExpression, post: FakePost): boolean {
  switch (expression.kind) {
    case "and":
      return expression.items.every((item) => matchesRule(item, post));
    case "or":
      return expression.items.some((item) => matchesRule(item, post));
    case "not":
      return !matchesRule(expression.item, post);
    case "text":
      return (expression.quoted || tokenLike(expression.value)) && containsTerm(fold(matchedText(post)), expression.value);
    case "operator":
      return matchesOperator(expression.name, expression.value, post);
  }
}

/**
 * The text a rule is matched on: the post's own `text` and, for a quote, the quoted post's ("operators match on both
 * the Quote Tweet's content and the content from the original Post that was quoted",
 * https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule, Quote Tweet matching). A retweet is matched
 * on its own text (`RT @user: ` and the original's start) and on the original's whole text, which is its content (X's
 * pages say no more; the service does not depend on it: it trusts `matching_rules`).
 */
function matchedText(post: FakePost): string {
  const referred = (post.references ?? []).filter((r) => r.type !== "replied_to").map((r) => r.post.noteText ?? r.post.text);
  return [post.text, ...referred].join("\n");
}

class RuleSyntaxError extends Error {}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    const at = i + 1;
    if (/\s/u.test(c)) {
      i += 1;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c, at });
      i += 1;
    } else if (c === '"') {
      const end = value.indexOf('"', i + 1);
      if (end < 0) throw new RuleSyntaxError(`Unterminated quoted phrase (at position ${at})`);
      const phrase = value.slice(i + 1, end).trim();
      if (phrase.length === 0) throw new RuleSyntaxError(`Empty quoted phrase (at position ${at})`);
      tokens.push({ type: "text", value: fold(phrase), quoted: true, at });
      i = end + 1;
    } else if (c === "-" && i + 1 < value.length && !/[\s)]/u.test(value[i + 1])) {
      tokens.push({ type: "-", at });
      i += 1;
    } else {
      const match = /^[^\s()"]+/u.exec(value.slice(i));
      const word = match === null ? c : match[0];
      tokens.push(wordToken(word, at));
      i += word.length;
    }
  }
  return tokens;
}

function wordToken(word: string, at: number): Token {
  if (word === "OR") return { type: "OR", at };
  const operator = /^([a-z_]+):(.+)$/u.exec(word);
  if (operator === null) return { type: "text", value: fold(word), quoted: false, at };
  const [, name, value] = operator;
  const known = name === "from" || CONJUNCTION_REQUIRED.has(name) || OTHER_OPERATORS.has(name);
  if (!known) throw new RuleSyntaxError(`Reference to invalid operator '${name}' (at position ${at})`);
  if ((name === "is" && !IS_VALUES.has(value)) || (name === "has" && !HAS_VALUES.has(value))) {
    throw new RuleSyntaxError(`Reference to invalid field '${value}' of operator '${name}' (at position ${at})`);
  }
  return { type: "operator", name, value: name === "from" ? fold(value.replace(/^@/u, "")) : value, at };
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): RuleExpression {
    const expression = this.parseOr();
    const rest = this.tokens[this.index];
    if (rest !== undefined) throw new RuleSyntaxError(`Unexpected '${rest.type}' (at position ${rest.at})`);
    return expression;
  }

  private parseOr(): RuleExpression {
    const items = [this.parseAnd()];
    while (this.tokens[this.index]?.type === "OR") {
      this.index += 1;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: "or", items };
  }

  private parseAnd(): RuleExpression {
    const items: RuleExpression[] = [];
    for (let next = this.tokens[this.index]; next !== undefined && next.type !== "OR" && next.type !== ")";) {
      items.push(this.parseUnary());
      next = this.tokens[this.index];
    }
    if (items.length === 0) {
      const at = this.tokens[this.index]?.at ?? this.tokens[this.tokens.length - 1]?.at ?? 1;
      throw new RuleSyntaxError(`Expected a term (at position ${at})`);
    }
    return items.length === 1 ? items[0] : { kind: "and", items };
  }

  private parseUnary(): RuleExpression {
    if (this.tokens[this.index]?.type === "-") {
      this.index += 1;
      return { kind: "not", item: this.parsePrimary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RuleExpression {
    const token = this.tokens[this.index];
    if (token === undefined) throw new RuleSyntaxError("Expected a term after '-' (at the end)");
    this.index += 1;
    switch (token.type) {
      case "(": {
        const inner = this.parseOr();
        if (this.tokens[this.index]?.type !== ")") {
          throw new RuleSyntaxError(`Missing closing parenthesis (at position ${token.at})`);
        }
        this.index += 1;
        return inner;
      }
      case "text":
        return { kind: "text", value: token.value, quoted: token.quoted };
      case "operator":
        return { kind: "operator", name: token.name, value: token.value };
      default:
        throw new RuleSyntaxError(`Unexpected '${token.type}' (at position ${token.at})`);
    }
  }
}

/** X's rule that every clause needs a positive term that may stand alone (not only `-x`, `is:`, `has:`, `lang:`). */
function standsAlone(expression: RuleExpression): boolean {
  switch (expression.kind) {
    case "and":
      return expression.items.some(standsAlone);
    case "or":
      return expression.items.every(standsAlone);
    case "not":
      return false;
    case "text":
      return true;
    case "operator":
      return !CONJUNCTION_REQUIRED.has(expression.name);
  }
}

/** The `is:` values a post's `referenced_tweets` decide (`verified` and `nullcast` never match: fake posts carry neither). */
const IS_REFERENCE: Readonly<Record<string, string>> = { retweet: "retweeted", reply: "replied_to", quote: "quoted" };

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const TOKEN = /^[#@$]?[\p{L}\p{M}\p{N}_]+$/u;

/**
 * X matches an unquoted keyword against the post's tokens, split at punctuation, symbols and separators: `coca-cola`
 * is the tokens `coca` and `cola`, so an unquoted keyword with punctuation matches nothing; "To match strings
 * containing punctuation (for example coca-cola), symbol, or separator characters, you must wrap your keyword in
 * double-quotes" (https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule, keyword operator).
 */
function tokenLike(keyword: string): boolean {
  return TOKEN.test(keyword);
}
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function containsTerm(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (separated(text[at - 1], term[0]) && separated(text[at + term.length], term[term.length - 1])) return true;
  }
  return false;
}

function separated(neighbour: string | undefined, edge: string): boolean {
  return (
    neighbour === undefined || !WORD_CHAR.test(neighbour) || !WORD_CHAR.test(edge) || UNSPACED_SCRIPT.test(neighbour) || UNSPACED_SCRIPT.test(edge)
  );
}

function matchesOperator(name: string, value: string, post: FakePost): boolean {
  switch (name) {
    case "from":
      return post.username.toLowerCase() === value;
    case "lang":
      return post.lang === value;
    case "sample":
      return true;
    case "is":
      return (post.references ?? []).some((r) => IS_REFERENCE[value] === r.type);
    case "has":
      return (
        (value === "hashtags" && /#[\p{L}\p{N}_]/u.test(matchedText(post))) ||
        (value === "mentions" && /@\w/u.test(matchedText(post))) ||
        (value === "links" && /https?:\/\//u.test(matchedText(post)))
      );
    default:
      return false;
  }
}
