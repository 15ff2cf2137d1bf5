// Types of scripts/check-imports.cjs for its tests.

/** The folders whose files are checked, from the repository root. */
export const ROOTS: string[];
/** Production files that still import a test folder: "importer -> imported". */
export const ALLOWED: string[];
/** Every checked file under `dir` (absolute), relative to `root`. */
export function listFiles(root: string, dir: string): string[];
/** Whether a repository-relative path is in a test folder. */
export function isTest(file: string): boolean;
/** The import graph of `files` (relative to `root`): each file's imports among `files`, sorted. */
export function importGraph(root: string, files: string[], options: object): Map<string, string[]>;
/** The circles of a graph, each as one closed path of files. */
export function findCircles(graph: Map<string, string[]>): string[][];
/** The imports of a test folder from a file outside one: "importer -> imported", sorted. */
export function testImports(graph: Map<string, string[]>): string[];
/** What the check reports for the repository at `root`. */
export function check(
  root?: string,
  roots?: string[],
  allowed?: string[],
): { files: number; circles: string[][]; testImports: string[]; allowedTestImports: string[]; staleAllowances: string[] };
