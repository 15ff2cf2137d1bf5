import { AUTHORS, FRAGMENTS } from "./textCorpus";
import type { FakePost } from "./fakePost";
import { SnowflakeIds } from "./snowflake";

/** Options of {@link generatePosts}. */
export interface GeneratePostsOptions {
  /** Number of posts, an integer >= 0. */
  count: number;
  /** Share of posts that contain `pattern`, 0 to 1; exactly `Math.round(count * matchRatio)` of them do. */
  matchRatio: number;
  /**
   * The phrase the matching posts contain, verbatim but in varied case ("Climate Change", "climate change",
   * "CLIMATE CHANGE"), set off by spaces or punctuation. The other posts contain none of its words, in any case, not
   * even inside another word. So a post matches the X rule `"<pattern>"`, the rule `<word1> <word2>`, and a
   * case-insensitive search for the phrase, exactly when it was generated as a match.
   */
  pattern: string;
  /** Seed of the PRNG: the same options give the same posts. @default 1 */
  seed?: number;
  /** Creation time of the first post, epoch milliseconds. @default 2025-03-14T09:26:53.589Z */
  startMs?: number;
}

const DEFAULT_START_MS = Date.UTC(2025, 2, 14, 9, 26, 53, 589);
const HASHTAGS = ["#dev", "#news", "#café", "#日本", "#ĺéto", "#مرحبا"];
const PHRASE_FRAMES = ["{p}", "{p}!", "«{p}»", '"{p}"', "({p})", "{p}…"];

/**
 * Deterministic, realistic posts for the fake X server: increasing 19-digit snowflake ids, a pool of authors of
 * whom some post often and some several times within one second, `createdAt` with milliseconds, texts in a dozen
 * languages and scripts (accents, CJK, Hangul, Arabic and Hebrew, emoji) with `lang` set. See
 * {@link GeneratePostsOptions.pattern} for how matching posts differ from the others.
 *
 * @throws Error when an option is out of range, or the pattern's words occur in all the filler texts.
 */
export function generatePosts(opts: GeneratePostsOptions): FakePost[] {
  return Array.from(generatePostStream(opts));
}

/** The posts of {@link generatePosts}, one at a time, for loads too large to hold in memory at once. */
export function* generatePostStream(opts: GeneratePostsOptions): Generator<FakePost> {
  const { count, matchRatio, pattern } = validate(opts);
  const random = mulberry32(opts.seed ?? 1);
  const words = phraseWords(pattern);
  const languages = usableFragments(words);
  const hashtags = HASHTAGS.filter((tag) => !containsAny(tag, words));
  const authors = authorPool(Math.min(2000, Math.max(3, Math.ceil(count / 6))));
  const ids = new SnowflakeIds(Math.floor(random() * 1024));
  let matchesLeft = Math.round(count * matchRatio);
  let timeMs = opts.startMs ?? DEFAULT_START_MS;
  let author = authors[0];
  for (let i = 0; i < count; i += 1) {
    const burst = i > 0 && random() < 0.15;
    timeMs += burst ? Math.floor(random() * 300) : Math.floor(random() * 900);
    if (!burst) author = authors[Math.floor(authors.length * random() ** 2)];
    const isMatch = random() < matchesLeft / (count - i);
    if (isMatch) matchesLeft -= 1;
    const [lang, fragments] = languages[Math.floor(random() * languages.length)];
    const first = Math.floor(random() * fragments.length);
    const second = (first + 1 + Math.floor(random() * Math.max(1, fragments.length - 1))) % fragments.length;
    const [a, b] = [fragments[first], fragments[second]];
    let text = isMatch ? placePhrase(a, b, varyCase(pattern.trim(), random), random) : `${a} ${b}`;
    const mentioned = authors[Math.floor(random() * authors.length)].username;
    if (random() < 0.1 && !containsAny(mentioned, words)) text = `@${mentioned} ${text}`;
    if (hashtags.length > 0 && random() < 0.2) text = `${text} ${hashtags[Math.floor(random() * hashtags.length)]}`;
    yield {
      id: ids.next(timeMs),
      text,
      authorId: author.id,
      username: author.username,
      name: author.name,
      createdAt: new Date(timeMs).toISOString(),
      lang,
    };
  }
}

/**
 * Whether `text` contains `pattern` as {@link generatePosts} embeds it: case-insensitive, the phrase as a whole.
 * A generated post contains it exactly when it was generated as a match.
 */
export function containsPhrase(text: string, pattern: string): boolean {
  return text.toLowerCase().includes(pattern.trim().toLowerCase());
}

function validate(opts: GeneratePostsOptions): GeneratePostsOptions {
  if (!Number.isInteger(opts.count) || opts.count < 0) {
    throw new Error(`\`count\` must be an integer >= 0, got: ${opts.count}`);
  }
  if (!(opts.matchRatio >= 0 && opts.matchRatio <= 1)) {
    throw new Error(`\`matchRatio\` must be between 0 and 1, got: ${opts.matchRatio}`);
  }
  if (phraseWords(opts.pattern).length === 0) {
    throw new Error(`\`pattern\` must contain a word, got: ${JSON.stringify(opts.pattern)}`);
  }
  return opts;
}

function phraseWords(pattern: string): string[] {
  return pattern
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

function containsAny(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => lower.includes(word));
}

function usableFragments(words: readonly string[]): Array<[string, string[]]> {
  const languages = Object.entries(FRAGMENTS)
    .map(([lang, fragments]): [string, string[]] => [lang, fragments.filter((f) => !containsAny(f, words))])
    .filter(([, fragments]) => fragments.length > 0);
  if (languages.length === 0) {
    throw new Error(`\`pattern\` ${JSON.stringify(words.join(" "))} occurs in every filler text: choose a rarer phrase`);
  }
  return languages;
}

function authorPool(size: number): Array<{ id: string; name: string; username: string }> {
  return Array.from({ length: size }, (_, i) => {
    const base = AUTHORS[i % AUTHORS.length];
    const round = Math.floor(i / AUTHORS.length);
    const suffix = round === 0 ? "" : String(round);
    return {
      id: String(1_204_000_000 + i * 104_729),
      name: base.name,
      username: base.username.slice(0, 15 - suffix.length) + suffix,
    };
  });
}

function varyCase(phrase: string, random: () => number): string {
  const styles = [
    (p: string) => p,
    (p: string) => p.toLowerCase(),
    (p: string) => p.toUpperCase(),
    (p: string) => p.toLowerCase().replace(/(^|\s)(\S)/gu, (_m, space: string, c: string) => space + c.toUpperCase()),
  ];
  return styles[Math.floor(random() * styles.length)](phrase);
}

function placePhrase(before: string, after: string, phrase: string, random: () => number): string {
  const framed = PHRASE_FRAMES[Math.floor(random() * PHRASE_FRAMES.length)].replace("{p}", phrase);
  const layouts = [`${framed} ${before}`, `${before} — ${framed} ${after}`, `${before} ${framed}`];
  return layouts[Math.floor(random() * layouts.length)];
}

/** mulberry32: a small, fast, seedable PRNG with uniform output in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
