/**
 * How the Pulumi engine turns one registration into a step, given the resource's previous state: pure functions, read
 * from pulumi/pulumi `pkg/resource/deploy/step_generator.go` (`continueStepsFromImport`, `continueStepsFromDiff`,
 * `processIgnoreChanges`, `applyReplaceOnChanges`) and `sdk/go/common/resource/properties_path.go` (`Contains`).
 *
 * - No previous state: create, with the program's inputs.
 * - Else the inputs named by `ignoreChanges` take their previous values; the provider diffs the previous inputs
 *   against these; `replaceOnChanges` turns a change under one of its paths into a replacement.
 * - No change: same. A change the provider (or `replaceOnChanges`) says replaces: replace, and the new resource is
 *   checked from the program's own inputs, `ignoreChanges` not applied ("we need to recompute the default values"),
 *   delete-before-create if the option says so, else as the provider asks. Any other change: update, with the
 *   `ignoreChanges`-processed inputs.
 */

export type Inputs = Record<string, unknown>;

/** What a provider's `Diff` answers, as far as the engine uses it. */
export interface ProviderDiff {
  /** Top-level inputs that differ. */
  changed: string[];
  /** Those of them that the provider can only change by replacing the resource. */
  replaces: string[];
  /** The provider asks to delete the old resource before creating its replacement. */
  deleteBeforeReplace: boolean;
}

/** A provider's diff rule: previous inputs and new (checked) inputs in, the changed and replacing keys out. */
export type DiffRule = (olds: Inputs, news: Inputs) => ProviderDiff;

/** The resource options that shape a step. */
export interface StepOptions {
  ignoreChanges: readonly string[];
  replaceOnChanges: readonly string[];
  /** `deleteBeforeReplace` as the program set it; `undefined` leaves the choice to the provider. */
  deleteBeforeReplace?: boolean;
}

export type Op = "create" | "same" | "update" | "replace";

export interface Step {
  op: Op;
  /** The inputs that changed (empty for create and same). */
  changed: string[];
  /** For a replacement, the keys that caused it. */
  replaces: string[];
  /** For a replacement: the old resource is deleted first. */
  deleteBeforeReplace: boolean;
  /** The inputs the provider receives, and the state records. */
  inputs: Inputs;
}

/** The step options a registration carries: `deleteBeforeReplace` only where the program set it. */
export function stepOptions(r: {
  ignoreChanges: readonly string[];
  replaceOnChanges: readonly string[];
  deleteBeforeReplace: boolean;
  deleteBeforeReplaceDefined: boolean;
}): StepOptions {
  return {
    ignoreChanges: r.ignoreChanges,
    replaceOnChanges: r.replaceOnChanges,
    ...(r.deleteBeforeReplaceDefined ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
  };
}

/** The step the engine takes for a resource registered with `goal` inputs, whose previous inputs are `olds`. */
export function planStep(olds: Inputs | undefined, goal: Inputs, options: StepOptions, diff: DiffRule): Step {
  if (olds === undefined) return { op: "create", changed: [], replaces: [], deleteBeforeReplace: false, inputs: goal };
  const news = processIgnoreChanges(goal, olds, options.ignoreChanges);
  const result = diff(olds, news);
  if (result.changed.length === 0) return { op: "same", changed: [], replaces: [], deleteBeforeReplace: false, inputs: news };
  const replaces = [...new Set([...result.replaces, ...result.changed.filter((k) => matchesAny(options.replaceOnChanges, k))])].sort();
  if (replaces.length === 0) return { op: "update", changed: result.changed, replaces: [], deleteBeforeReplace: false, inputs: news };
  return {
    op: "replace",
    changed: result.changed,
    replaces,
    deleteBeforeReplace: options.deleteBeforeReplace ?? result.deleteBeforeReplace,
    inputs: goal,
  };
}

/**
 * The inputs with each `ignoreChanges` path set back to its previous value, or removed where it had none (the
 * engine's `PropertyPath.Reset`). Paths are dotted property names.
 */
export function processIgnoreChanges(goal: Inputs, olds: Inputs, ignoreChanges: readonly string[]): Inputs {
  const result = structuredClone(goal);
  for (const path of ignoreChanges) reset(path.split("."), olds, result);
  return result;
}

function reset(path: readonly string[], source: Inputs, dest: Inputs): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (head in source) dest[head] = structuredClone(source[head]);
    else delete dest[head];
    return;
  }
  const from = source[head];
  const to = dest[head];
  if (isRecord(from) && isRecord(to)) reset(rest, from, to);
}

/** Whether a `replaceOnChanges` path covers `key`: equal segments, or `*`, which matches any one (`Contains`). */
export function pathContains(pattern: string, key: string): boolean {
  const want = pattern.split(".");
  const have = key.split(".");
  return have.length >= want.length && want.every((segment, i) => segment === "*" || segment === have[i]);
}

function matchesAny(patterns: readonly string[], key: string): boolean {
  return patterns.some((p) => pathContains(p, key));
}

/** The top-level keys whose values differ between two input bags (absent and `undefined` are the same: no value). */
export function changedKeys(olds: Inputs, news: Inputs): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !deepEqual(olds[k], news[k])).sort();
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => deepEqual(a[k], b[k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
