/**
 * The Markdown stays navigable: the root README is short (at most 150 lines: what it is, the two commands, a deploy,
 * links), and every relative link of every Markdown file of the repository, with its `#anchor`, resolves.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { anchorsOf, headingText, isRelative, linksOf, slug } from "./links";
import { markdownFiles, ROOT } from "./markdown";

const ROOT_README_MAX_LINES = 150;

/** What is wrong with one relative link of `file`, or undefined when its file (and anchor) exist. */
function problem(file: string, target: string, anchors: (file: string) => Set<string>): string | undefined {
  const [rawPath, anchor] = target.split("#", 2) as [string, string | undefined];
  const linked = rawPath === "" ? file : path.relative(ROOT, path.resolve(ROOT, path.dirname(file), decodeURI(rawPath)));
  if (linked.startsWith("..")) return `${target} leaves the repository`;
  if (!fs.existsSync(path.join(ROOT, linked))) return `${linked} does not exist`;
  if (anchor === undefined || !linked.endsWith(".md")) return undefined;
  return anchors(linked).has(decodeURIComponent(anchor)) ? undefined : `${linked} has no heading #${anchor}`;
}

describe("the repository's Markdown links", () => {
  const cache = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    if (!cache.has(file)) cache.set(file, anchorsOf(fs.readFileSync(path.join(ROOT, file), "utf8")));
    return cache.get(file)!;
  };

  it(`the root README has at most ${ROOT_README_MAX_LINES} lines`, () => {
    const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").trimEnd().split("\n").length;
    expect(lines, "README.md: move detail to the docs it links to").to.be.at.most(ROOT_README_MAX_LINES);
  });

  it("every relative link of every Markdown file resolves to a file, and its #anchor to a heading", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of markdownFiles()) {
      for (const link of linksOf(fs.readFileSync(path.join(ROOT, file), "utf8")).filter((l) => isRelative(l.target))) {
        checked++;
        const wrong = problem(file, link.target, anchors);
        if (wrong !== undefined) broken.push(`${file}:${link.line}: ${wrong}`);
      }
    }
    expect(broken).to.deep.equal([]);
    expect(checked, "links found").to.be.greaterThan(20);
  });

  describe("the checker", () => {
    it("makes GitHub's anchors: code kept, punctuation dropped, spaces to -, repeats numbered", () => {
      const text = [
        "# `service/`: the stream matcher",
        "## Is it really running? `npm run doctor`",
        "## Monitoring (`monitoring/`)",
        "### From Python, Go, C#, YAML: `pulumi package add`",
        "## Spec: `SECRET_FILES_SPEC` and _emphasis_ and [a link](x.md)",
        "## Notes",
        "## Notes",
        "```sh",
        "# a comment, not a heading",
        "```",
      ].join("\n");
      expect([...anchorsOf(text)]).to.deep.equal([
        "service-the-stream-matcher",
        "is-it-really-running-npm-run-doctor",
        "monitoring-monitoring",
        "from-python-go-c-yaml-pulumi-package-add",
        "spec-secret_files_spec-and-emphasis-and-a-link",
        "notes",
        "notes-1",
      ]);
    });

    it("finds inline links, reference definitions and HTML links, not those in code", () => {
      const text = [
        "See [a](docs/A.md#x) and ![b](img.png).",
        "[1]: ../B.md",
        '<a href="C.md">c</a> `[d](D.md)`',
        "```md",
        "[e](E.md)",
        "```",
      ].join("\n");
      expect(linksOf(text)).to.deep.equal([
        { target: "docs/A.md#x", line: 1 },
        { target: "img.png", line: 1 },
        { target: "../B.md", line: 2 },
        { target: "C.md", line: 3 },
      ]);
      expect(["https://x.org/a", "mailto:a@b.c", "#top", "a.md"].map(isRelative)).to.deep.equal([false, false, true, true]);
    });

    it("reports a missing file and a missing anchor", () => {
      const none = (): Set<string> => new Set();
      expect(problem("README.md", "docs/NOPE.md", none)).to.equal("docs/NOPE.md does not exist");
      expect(problem("README.md", "docs/COST.md#nope", none)).to.equal("docs/COST.md has no heading #nope");
      expect(problem("docs/COST.md", "../README.md", () => new Set())).to.equal(undefined);
      expect(slug(headingText("What *it* costs"))).to.equal("what-it-costs");
    });
  });
});
