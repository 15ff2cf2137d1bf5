/**
 * The two mocha suites split the test files between them: every *.test.ts of the repository is run by exactly one of
 * `npm test` (.mocharc.cjs), `npm run test:integration` (.mocharc.integration.cjs) and `npm run test:images`
 * (images/run.sh: images/test), and every integration entry of scripts/test-suites.cjs names a file. The files each
 * configuration runs are the ones mocha itself collects from it (its own option loading and file collection).
 */
import { expect } from "chai";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const load = createRequire(__filename);
const { loadOptions } = load("mocha/lib/cli/options.cjs") as { loadOptions: (argv: string[]) => MochaOptions };
const collectFiles = load("mocha/lib/cli/collect-files.cjs") as (options: CollectOptions) => { files: string[] };
/** The glob matcher mocha compares `ignore` with (its own dependency, so the same version). */
const { minimatch } = createRequire(load.resolve("mocha"))("minimatch") as { minimatch: (file: string, glob: string) => boolean };
const { INTEGRATION } = load(path.join(ROOT, "scripts", "test-suites.cjs")) as { INTEGRATION: { glob: string }[] };

/** The options mocha reads from a configuration file (the ones its file collection takes). */
interface MochaOptions {
  _: string[];
  ignore?: string[];
  extension: string[];
  recursive?: boolean;
}
/** What mocha's file collection (lib/cli/collect-files.cjs) takes. */
interface CollectOptions {
  spec: string[];
  ignore: string[];
  extension: string[];
  recursive: boolean;
  file: string[];
  sort: boolean;
  allowEmpty: boolean;
}

/** The test files mocha runs with `--config <file>`, from the repository root, relative to it. */
function collected(config: string): string[] {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const options = loadOptions(["--config", path.join(ROOT, config)]);
    const { files } = collectFiles({
      spec: options._,
      ignore: options.ignore ?? [],
      extension: options.extension,
      recursive: options.recursive ?? false,
      file: [],
      sort: false,
      allowEmpty: true,
    });
    return files.map((file) => path.relative(ROOT, file));
  } finally {
    process.chdir(cwd);
  }
}

/** Every *.test.ts of the repository outside node_modules and build output, relative to the root. */
function testFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "dist", ".git"].includes(entry.name) ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [path.relative(ROOT, full)] : [];
  });
}

describe("npm test, test:integration and test:images run every test file exactly once between them", () => {
  const suites: Record<string, string[]> = {
    "npm test": collected(".mocharc.cjs"),
    "npm run test:integration": collected(".mocharc.integration.cjs"),
    "npm run test:images": testFiles(path.join(ROOT, "images", "test")),
  };

  it("each *.test.ts is in exactly one suite", () => {
    const misplaced = testFiles()
      .map((file) => ({ file, suites: Object.keys(suites).filter((suite) => suites[suite].includes(file)) }))
      .filter((entry) => entry.suites.length !== 1)
      .map((entry) => `${entry.file}: ${entry.suites.length === 0 ? "in no suite" : `in ${entry.suites.join(" and ")}`}`);
    expect(misplaced).to.deep.equal([]);
  });

  it("each suite runs only the repository's test files, each once", () => {
    const all = new Set(testFiles());
    for (const [suite, files] of Object.entries(suites)) {
      expect(
        files.filter((file) => !all.has(file)),
        suite,
      ).to.deep.equal([]);
      expect(new Set(files).size, `${suite} runs a file twice`).to.equal(files.length);
    }
  });

  it("both suites have files, and every integration entry names one", () => {
    expect(suites["npm test"]).to.not.be.empty;
    const integration = suites["npm run test:integration"];
    const stale = INTEGRATION.map((entry) => entry.glob).filter((glob) => !integration.some((file) => minimatch(file, glob)));
    expect(stale).to.deep.equal([]);
  });
});
