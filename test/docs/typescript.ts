/**
 * Compiles TypeScript blocks with the TypeScript compiler API, as a Pulumi program's files would be compiled: each
 * block a module of its own, beside its Markdown file (so a relative import means what it says there), with
 * `secure-fargate-task` resolved from a project where the packed package is installed.
 */
import * as path from "node:path";
import ts from "typescript";
import { Block, ROOT } from "./markdown";

/**
 * What a fragment (`<!-- doc-check: fragment -->`) is compiled after: the names every usage example takes as given.
 * Anything else it uses is declared in the marker, after a `;`.
 */
export const FRAGMENT_PREAMBLE = [
  'import * as pulumi from "@pulumi/pulumi";',
  'import * as aws from "@pulumi/aws";',
  'import { SecureFargateTask } from "secure-fargate-task";',
  "const cfg = new pulumi.Config();",
].join("\n");

/**
 * The compiler options of Pulumi's own TypeScript template (pulumi/templates aws-typescript/tsconfig.json: strict,
 * commonjs, `moduleResolution: node`), and the same with `node16` resolution, which honours package.json `exports`.
 * Both with the types of Node.js and of mocha, the test runner of Pulumi's unit-testing guide, for test examples.
 */
export const RESOLUTIONS: Record<string, ts.CompilerOptions> = {
  "Pulumi's template (moduleResolution node)": {
    strict: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node", "mocha"],
  },
  "node16 resolution (package.json exports)": {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    skipLibCheck: true,
    noEmit: true,
    types: ["node", "mocha"],
  },
};

/** The source a block is compiled as, and how many lines precede the block's own first line. */
export function blockSource(block: Block): { source: string; offset: number } {
  if (block.marker === "") return { source: `${block.code}\nexport {};\n`, offset: 0 };
  const [kind, ...given] = block.marker.split(";");
  if (kind.trim() !== "fragment") throw new Error(`unknown TypeScript doc-check marker "${block.marker}" (expected "fragment")`);
  const head = `${FRAGMENT_PREAMBLE}\n${given
    .map((g) => g.trim())
    .filter(Boolean)
    .join(";\n")}\n`;
  return { source: `${head}${block.code}\nexport {};\n`, offset: head.split("\n").length - 1 };
}

/** A block's virtual file: beside its Markdown file, named after it and the block's line. */
function fileOf(block: Block): string {
  return path.join(ROOT, `${block.file}.L${block.line}.ts`);
}

/**
 * Compiles the blocks in one program; returns each block's errors as `file.md:line: TSnnnn message` (an error in the
 * preamble or the marker's declarations is reported at the block's first line).
 */
export function compileBlocks(blocks: Block[], consumer: string, options: ts.CompilerOptions): { errors: Map<Block, string[]>; global: string[] } {
  const sources = new Map(blocks.map((b) => [fileOf(b), { block: b, ...blockSource(b) }]));
  const host = ts.createCompilerHost(options);
  const real = ts.createCompilerHost(options);
  host.fileExists = (f) => sources.has(f) || real.fileExists(f);
  host.readFile = (f) => sources.get(f)?.source ?? real.readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const virtual = sources.get(f);
    return virtual ? ts.createSourceFile(f, virtual.source, lang) : real.getSourceFile(f, lang, ...rest);
  };
  // The package by name from the consumer project, where `npm pack`'s tarball is unpacked; the rest as usual.
  const fromConsumer = path.join(consumer, "index.ts");
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
    literals.map((literal) => {
      const packaged = literal.text === "secure-fargate-task" || literal.text.startsWith("secure-fargate-task/");
      const from = packaged && sources.has(containingFile) ? fromConsumer : containingFile;
      return ts.resolveModuleName(literal.text, from, opts, host, undefined, redirected, ts.ModuleKind.CommonJS);
    });
  const program = ts.createProgram([...sources.keys()], options, host);
  const errors = new Map<Block, string[]>(blocks.map((b) => [b, []]));
  for (const [file, { block, offset }] of sources) {
    const sourceFile = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
      const line = d.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(d.start).line;
      const at = Math.max(0, line - offset);
      errors.get(block)!.push(`${block.file}:${block.line + at}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
  }
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  return { errors, global };
}
