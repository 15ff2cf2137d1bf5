/**
 * The relative links of the repository's Markdown and the anchors they may point at. Anchors are made as GitHub makes
 * them from a heading (github-slugger, which github.com uses): the heading's text as rendered, lower-cased, with every
 * character removed that is not a letter, a mark, a digit, `_`, `-` or a space, spaces turned into `-`, and `-1`,
 * `-2`... appended to a repeated one. Fenced code blocks and inline code are not Markdown, so neither holds headings
 * nor links.
 */

/** One link of a Markdown file: the target as written and the 1-based line it is on. */
export interface Link {
  target: string;
  line: number;
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/** The lines of a Markdown text outside fenced code blocks, each with its 1-based number. */
function proseLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, i) => {
    const open = FENCE.exec(line);
    if (fence === undefined && open) fence = open[1];
    else if (fence !== undefined && open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = undefined;
    else if (fence === undefined) out.push({ text: line, line: i + 1 });
  });
  return out;
}

/** A line with its code spans (`` `x` ``, ``` ``x`` ```) emptied, so that what they hold is neither link nor markup. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, "");
}

/** Markdown markup of prose as GitHub renders it: links keep their text; HTML tags and emphasis markers go. */
function renderedProse(prose: string): string {
  return prose
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\*+/g, "")
    .replace(/(^|[^\p{L}\p{N}_])_+|_+(?=[^\p{L}\p{N}_]|$)/gu, "$1");
}

/** The text of a heading as GitHub renders it: code spans keep their content as it is, the prose loses its markup. */
export function headingText(raw: string): string {
  const parts = raw.replace(/\s+#+\s*$/, "").split(/((`+)(?:(?!\2)[\s\S])*?\2)/);
  let text = "";
  for (let i = 0; i < parts.length; i += 3) {
    text += renderedProse(parts[i]);
    if (i + 1 < parts.length) text += parts[i + 1].slice(parts[i + 2].length, -parts[i + 2].length);
  }
  return text.trim();
}

/** github-slugger's slug of a heading's rendered text, before the `-N` of repeats. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown text defines: its ATX headings' slugs (repeats numbered) and `<a id|name="...">` targets. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: line } of proseLines(text)) {
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const base = slug(headingText(heading[1]));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const html of line.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(html[1]);
  }
  return anchors;
}

/** Every link target of a Markdown text: inline links and images, reference definitions, and HTML `href`/`src`. */
export function linksOf(text: string): Link[] {
  const links: Link[] = [];
  for (const { text: raw, line } of proseLines(text)) {
    const prose = withoutCodeSpans(raw);
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(prose);
    if (definition) links.push({ target: definition[1], line });
    for (const inline of prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: inline[1], line });
    for (const html of prose.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push({ target: html[1], line });
  }
  return links;
}

/** Whether a target is relative to the file (or an anchor in it), as opposed to a URL with a scheme. */
export function isRelative(target: string): boolean {
  return target !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//");
}
