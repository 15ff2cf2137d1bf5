/**
 * The two mocha suites split the test files between them: every *.test.ts of the repository is run by exactly one of
 * `npm test` (.mocharc.cjs), `npm run test:integration` (.mocharc.integration.cjs) and `npm run test:images`
 * (images/run.sh: images/test), and every integration entry of scripts/test-suites.cjs names a file. The files each
 * configuration runs are the ones mocha itself collects from it (its own option loading and file collection).
 * And no file of `npm test` reaches, through its relative imports, a module that starts processes or sockets.
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

/** Modules whose import means a child process, a socket or a server (npm test runs in one process, without them). */
const PROCESS_OR_SOCKET = ["node:child_process", "node:net", "node:http", "node:https", "node:dgram", "dynalite", "s3rver", "@grpc/grpc-js"];

/** The modules a file imports at run time (not `import type`), as written. */
function runtimeImports(text: string): string[] {
  const statics = [...text.matchAll(/\b(import|export)\s+(type\s+)?[^;"]*?\bfrom\s+"([^"]+)"/g)].filter((m) => !m[2]).map((m) => m[3]);
  const others = [...text.matchAll(/(?:\bimport\(\s*|\brequire\(\s*|^import\s+)"([^"]+)"/gm)].map((m) => m[1]);
  return [...statics, ...others];
}

/** The test kit's modules, imported by name: `@twitterstream/test-kit/<module>` is packages/test-kit/src/<module>.ts. */
const TEST_KIT = "@twitterstream/test-kit/";

/** The file a relative import (or one of the test kit's) names, or undefined for a package (or a file that is not source). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const kit = specifier.startsWith(TEST_KIT) ? path.join(ROOT, "packages", "test-kit", "src", specifier.slice(TEST_KIT.length)) : undefined;
  if (kit === undefined && !specifier.startsWith(".")) return undefined;
  const base = kit ?? path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, path.join(base, "index.ts"), base.replace(/\.js$/, ".ts")];
  return candidates.find((file) => /\.(ts|cts|cjs)$/.test(file) && fs.existsSync(file) && fs.statSync(file).isFile());
}

/** For `file` and everything it reaches through relative (and test kit) imports: each import of a PROCESS_OR_SOCKET module. */
function processOrSocketImports(file: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const pending = [path.join(ROOT, file)];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const specifier of runtimeImports(fs.readFileSync(next, "utf8"))) {
      if (PROCESS_OR_SOCKET.includes(specifier)) found.push(`${path.relative(ROOT, next)} imports ${specifier}`);
      const resolved = resolveRelative(next, specifier);
      if (resolved !== undefined) pending.push(resolved);
    }
  }
  return found;
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

  it("no file of npm test imports, directly or through its relative imports, child_process, a socket or a server", () => {
    const offending = suites["npm test"].flatMap((file) => processOrSocketImports(file).map((use) => `${file}: ${use}`));
    expect(offending).to.deep.equal([]);
  });

  it("the import check sees what the integration suite starts (it would flag a file moved to npm test)", () => {
    const unseen = suites["npm run test:integration"].filter((file) => processOrSocketImports(file).length === 0);
    expect(unseen).to.deep.equal([]);
  });
});
