/**
 * The FILTER pattern: one syntax that becomes both the X rule value and the local matcher.
 *
 * Syntax (the Twitter v1.1 `track` syntax the blog's app used, plus exact phrases and X's `OR`):
 * - terms are separated by commas, or by the word `OR` in capitals (as in an X rule); a post matches when ANY term
 *   matches;
 * - a term of several words separated by spaces matches when ALL its words occur, in any order;
 * - a term in double quotes (`"cloud computing"`) matches that exact phrase;
 * - a word is letters, digits and `_` (inner `-`, `.`, `'` allowed), optionally after `#`, `@` or `$`;
 * - matching is case-insensitive and on whole words: `aws` matches "AWS!" and "#aws", not "laws".
 *
 * In the X rule, a word with inner punctuation (`node.js`, `don't`, `covid-19`) is quoted, since X matches an
 * unquoted keyword against the post's tokens, which never hold punctuation
 * (https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule); a word `or` in any other case than `OR`
 * is quoted too, so that X reads it as a word, as the local matcher does.
 *
 * `Cloud Computing, "amazon web services", #aws` becomes the X rule
 * `(Cloud Computing) OR "amazon web services" OR #aws`.
 */

/** A parsed FILTER: the X rule value and the local predicate. */
export interface Filter {
  /** The FILTER as configured, stored with each item as its matched rule. */
  readonly source: string;
  /** The X filtered-stream rule value. */
  readonly ruleValue: string;
  /** True when `text` matches the pattern. */
  matches(text: string): boolean;
}

/** A FILTER that cannot be parsed; the message names the problem and the fix. */
export class FilterError extends Error {}

const WORD = /^[#@$]?[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_'.-]*[\p{L}\p{M}\p{N}_])?$/u;
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";
const PUNCTUATED = /['.-]/u;

interface Term {
  readonly rule: string;
  readonly patterns: readonly RegExp[];
}

/** Escapes RegExp syntax characters; `-` is left alone: outside a class it is literal, and `\-` is invalid with `u`. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wholeWords(words: readonly string[]): RegExp {
  const body = words.map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "iu");
}

/** A word as X must see it: quoted when X would split it (punctuation) or read it as its operator (`or`). */
export function ruleWord(word: string): string {
  return PUNCTUATED.test(word) || word.toLowerCase() === "or" ? `"${word}"` : word;
}

function parseWords(term: string, text: string): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) {
    throw new FilterError(`FILTER term ${JSON.stringify(term)} has no words: put at least one word between the quotes`);
  }
  for (const word of words) {
    if (!WORD.test(word)) {
      throw new FilterError(
        `FILTER word ${JSON.stringify(word)} is not allowed: use letters, digits and '_' (inner '-', '.', "'" allowed), optionally after '#', '@' or '$'`,
      );
    }
  }
  return words;
}

function parseTerm(term: string, many: boolean): Term {
  const quotes = (term.match(/"/g) ?? []).length;
  if (quotes === 2 && term.startsWith('"') && term.endsWith('"')) {
    const words = parseWords(term, term.slice(1, -1));
    return { rule: `"${words.join(" ")}"`, patterns: [wholeWords(words)] };
  }
  if (quotes > 0) {
    throw new FilterError(`FILTER term ${JSON.stringify(term)} has a stray double quote: quote a whole term, as in "cloud computing"`);
  }
  const words = parseWords(term, term);
  const joined = words.map(ruleWord).join(" ");
  return {
    rule: many && words.length > 1 ? `(${joined})` : joined,
    patterns: words.map((w) => wholeWords([w])),
  };
}

/**
 * Splits FILTER into its terms: at commas, and at the word `OR` (capitals, outside double quotes). An empty term
 * (two separators in a row, or one at either end) is an error.
 */
export function splitTerms(source: string): string[] {
  const terms: string[] = [];
  for (const part of source.split(",")) {
    let current: string[] = [];
    let quoted = false;
    for (const token of part.trim().split(/(\s+)/)) {
      if (!quoted && token === "OR") {
        terms.push(current.join("").trim());
        current = [];
        continue;
      }
      if (((token.match(/"/g) ?? []).length & 1) === 1) quoted = !quoted;
      current.push(token);
    }
    terms.push(current.join("").trim());
  }
  return terms;
}

/** Parses FILTER; throws {@link FilterError} with a one-line message when it is empty or malformed. */
export function parseFilter(source: string): Filter {
  if (source.trim().length === 0) {
    throw new FilterError('FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"');
  }
  const raw = splitTerms(source);
  if (raw.some((t) => t.length === 0)) {
    throw new FilterError(`FILTER has an empty term (${JSON.stringify(source)}): remove the extra comma or OR`);
  }
  const terms = raw.map((t) => parseTerm(t, raw.length > 1));
  return {
    source,
    ruleValue: terms.map((t) => t.rule).join(" OR "),
    matches(text: string): boolean {
      return terms.some((t) => t.patterns.every((p) => p.test(text)));
    },
  };
}
