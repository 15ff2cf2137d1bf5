// `npm run lint`'s import check: reads every TypeScript and JavaScript file of the repository (ROOTS), resolves each
// import (`import`, `export ... from`, `import()`, `require()`, type-only imports too) with the TypeScript compiler's
// own module resolution and the root tsconfig's options, and fails when
//   - files import each other in a circle (each circle printed as a path), or
//   - a file outside a test folder imports a file inside one (a `test` folder anywhere in its path), unless the pair
//     is in ALLOWED below; a pair in ALLOWED that no longer occurs fails too, so that the list only shrinks.
// It reads imports with ts.preProcessFile (no type-check), so it takes about a second. `--json` prints the graph's
// findings as JSON instead.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const REPO = path.resolve(path.dirname(module.filename), "..");

/**
 * The folders whose files are checked, from the repository root: all of it (every workspace, the tools, examples,
 * scripts, the root tests and images/test), so that a new folder is checked without a change here.
 */
const ROOTS = ["."];

/** Folders never read: git's, installed packages, build output, Pulumi's state. */
const SKIPPED_DIRS = new Set([".git", "node_modules", "dist", ".pulumi", "bin"]);

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".cjs", ".mjs"];

/**
 * Production files allowed to import a test folder: "importer -> imported", repository-relative. None: what they
 * imported moved to the test kit (packages/test-kit) and the component's report code (scripts/security/). A line added
 * here must say why; one whose import is gone fails the check, so the list cannot outlive the imports.
 */
const ALLOWED = [];

/** Whether a repository-relative path is in a test folder. */
function isTest(file) {
  return file.split("/").includes("test");
}

/** `file` (absolute) relative to `root`, with forward slashes. */
function relative(root, file) {
  return path.relative(root, file).split(path.sep).join("/");
}

/** Every checked file under `dir` (absolute), relative to `root`. */
function listFiles(root, dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...listFiles(root, path.join(dir, entry.name)));
    } else if (entry.isFile() && EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith(".d.ts")) {
      out.push(relative(root, path.join(dir, entry.name)));
    }
  }
  return out;
}

/** The root tsconfig's compiler options, as tsc reads them (extends followed). */
function compilerOptions(root) {
  const configPath = path.join(root, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath).options;
}

/**
 * The import graph of `files` (repository-relative): for each file, the checked files it imports, sorted. Imports that
 * resolve outside `files` (packages in node_modules, Node's modules, JSON) are left out; a workspace package imported
 * by name resolves through its node_modules link to its real path, which counts when that path is a checked file.
 */
function importGraph(root, files, options) {
  const known = new Set(files);
  const host = { ...ts.sys, realpath: (p) => fs.realpathSync(p) };
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const graph = new Map();
  for (const file of files) {
    const absolute = path.join(root, file);
    const info = ts.preProcessFile(fs.readFileSync(absolute, "utf8"), true, true);
    const targets = new Set();
    for (const imported of info.importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, absolute, options, host, cache).resolvedModule;
      if (!resolved) continue;
      const target = relative(root, fs.realpathSync(resolved.resolvedFileName));
      if (known.has(target) && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The circles of `graph`: its strongly connected components of two or more files (Tarjan), each as one closed path. */
function findCircles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (start) => {
    // Iterative, so that a long chain of imports cannot overflow the call stack.
    const work = [{ node: start, next: 0 }];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!indices.has(to)) {
          indices.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), indices.get(to)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return components.map((component) => circlePath(graph, new Set(component), component[0]));
}

/** One shortest closed path from `start` back to itself inside `members` (breadth-first). */
function circlePath(graph, members, start) {
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const loop = [node];
        while (loop[0] !== start) loop.unshift(previous.get(loop[0]));
        return [...loop, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** The imports of a test folder from a file outside one: "importer -> imported", sorted. */
function testImports(graph) {
  const found = [];
  for (const [file, targets] of graph) {
    if (isTest(file)) continue;
    for (const target of targets) if (isTest(target)) found.push(`${file} -> ${target}`);
  }
  return found.sort();
}

/** Everything the check reports for the repository at `root`: circles, test imports (allowed or not), stale allowances. */
function check(root = REPO, roots = ROOTS, allowed = ALLOWED) {
  const files = roots.flatMap((r) => listFiles(root, path.join(root, r)));
  const graph = importGraph(root, [...new Set(files)].sort(), compilerOptions(root));
  const imports = testImports(graph);
  return {
    files: graph.size,
    circles: findCircles(graph),
    testImports: imports.filter((i) => !allowed.includes(i)),
    allowedTestImports: imports.filter((i) => allowed.includes(i)),
    staleAllowances: allowed.filter((a) => !imports.includes(a)),
  };
}

function main() {
  const started = process.hrtime.bigint();
  const result = check();
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const circle of result.circles) process.stderr.write(`import circle: ${circle.join(" -> ")}\n`);
    for (const i of result.testImports) {
      process.stderr.write(`test folder imported outside a test: ${i} (move what it needs out of the test folder)\n`);
    }
    for (const a of result.staleAllowances) {
      process.stderr.write(`allowed test import no longer occurs: ${a} (remove it from ALLOWED in scripts/check-imports.cjs)\n`);
    }
    const allowedNote = result.allowedTestImports.length > 0 ? `, ${result.allowedTestImports.length} allowed test-folder imports left` : "";
    process.stdout.write(
      `check-imports: ${result.files} files, ${result.circles.length} circles, ${result.testImports.length} test-folder imports${allowedNote}, in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s\n`,
    );
  }
  const failed = result.circles.length + result.testImports.length + result.staleAllowances.length > 0;
  process.exitCode = failed ? 1 : 0;
}

module.exports = { ROOTS, ALLOWED, isTest, listFiles, importGraph, findCircles, testImports, check };

if (require.main === module) main();
