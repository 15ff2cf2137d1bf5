/**
 * Holds captured resource inputs to AWS's input rules (table.ts): what AWS (or pulumi-aws' auto-naming) would refuse
 * on `pulumi up`, found offline. Pure: feed it the `newResource` calls a mock run captured.
 */
import { isUnknown } from "@pulumi/pulumi";
import { AUTO_NAME_SUFFIX, Check, ResourceRules, Rule, Source } from "./rules";
import { AWS_RULES } from "./table";

/** One resource as the mocks capture it (secrets unwrapped). */
export interface CheckedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/**
 * Every violation of the table's rules among these resources, one human-readable line each:
 * `<type> <logical name> <field path> <value>: <problem> (source <where the rule comes from>)`.
 * A resource whose type is not in the table is itself a violation, so that a new child cannot go unchecked.
 * Fields the program leaves to Pulumi's auto-naming are checked as `<logical name>-abcdefg`.
 */
export function checkAwsRules(resources: ReadonlyArray<CheckedResource>, table: Readonly<Record<string, ResourceRules>> = AWS_RULES): string[] {
  const violations: string[] = [];
  for (const resource of resources) {
    const entry = table[resource.type];
    if (entry === undefined) {
      violations.push(
        `${resource.type} ${resource.name}: resource type not in the AWS rules table (add it to its AWS service's file in packages/test-kit/src/awsRules/services/, with an empty entry if it has no rules)`,
      );
      continue;
    }
    violations.push(...checkResource(resource, entry));
  }
  return violations;
}

/** The violations of one resource against its table entry. */
export function checkResource(resource: CheckedResource, entry: ResourceRules): string[] {
  const out: string[] = [];
  const where = `${resource.type} ${resource.name}`;
  let inputs = resource.inputs;
  const auto = entry.autoName;
  if (auto && inputs[auto.field] === undefined && !(auto.suppressedBy ?? []).some((f) => inputs[f] !== undefined)) {
    const generated = `${resource.name}${AUTO_NAME_SUFFIX}`;
    if (generated.length > auto.maxLength) {
      out.push(
        `${where} ${auto.field} (auto-named) ${quote(generated)}: ${generated.length} characters, pulumi-aws allows ${auto.maxLength}: ` +
          `logical name ${quote(resource.name)} is ${resource.name.length - (auto.maxLength - AUTO_NAME_SUFFIX.length)} too long (source ${describe(auto.source)})`,
      );
    }
    inputs = { ...inputs, [auto.field]: generated };
  }
  const unparsable = new Set<string>();
  for (const rule of entry.rules) {
    for (const found of resolve(inputs, rule.path)) {
      const label = auto && rule.path === auto.field && resource.inputs[auto.field] === undefined ? `${found.path} (auto-named)` : found.path;
      if ("error" in found) {
        // One report per unparsable field, however many rules look inside it.
        if (!unparsable.has(found.path)) out.push(`${where} ${label}: ${found.error}`);
        unparsable.add(found.path);
        continue;
      }
      for (const check of rule.checks) {
        const problem = apply(check, found.value);
        if (problem === undefined) continue;
        // A rule on the whole inputs names its fields in its problem; the inputs themselves would say nothing.
        const subject = rule.path === "" ? where : `${where} ${label} ${quote(found.value)}`;
        out.push(`${subject}: ${problem} (source ${describe(rule.source)})`);
      }
    }
  }
  return out;
}

/** A value found at a path, or why the path could not be followed (a JSON field that does not parse). */
type Found = { path: string; value: unknown } | { path: string; error: string };

/** Every value the path reaches in `root`, with its concrete path (`egress[0].description`). Missing values yield none. */
export function resolve(root: unknown, path: string): Found[] {
  if (path === "") return [{ path: "", value: root }];
  let current: Found[] = [{ path: "", value: root }];
  for (const step of path.split(".")) {
    const next: Found[] = [];
    for (const found of current) {
      if ("error" in found) {
        next.push(found);
        continue;
      }
      next.push(...walk(found, step));
    }
    current = next;
  }
  return current.filter((f) => "error" in f || (f.value !== undefined && f.value !== null && !isUnknown(f.value)));
}

function join(path: string, step: string): string {
  return path === "" ? step : step.startsWith("[") ? `${path}${step}` : `${path}.${step}`;
}

/** Follows one step: `field`, `field[]`, `field[]?`, `field@json`, `field@json[]`, `*`, `{key}`. */
function walk(found: { path: string; value: unknown }, step: string): Found[] {
  const { path, value } = found;
  if (value === undefined || value === null) return [];
  if (step === "*" || step === "{key}") {
    if (typeof value !== "object" || Array.isArray(value)) return [];
    return Object.entries(value as Record<string, unknown>).map(([k, v]) =>
      step === "*" ? { path: `${path}.${k}`, value: v } : { path: `${path} key ${quote(k)}`, value: k },
    );
  }
  const m = /^([^@[\]]+)(@json)?(\[\]\??)?$/.exec(step);
  if (!m) throw new Error(`bad rule path step ${JSON.stringify(step)}`);
  const [, field, json, each] = m;
  if (typeof value !== "object" || Array.isArray(value)) return [];
  let child: unknown = (value as Record<string, unknown>)[field];
  let childPath = join(path, field);
  // A value a preview does not know yet (Pulumi's `unknown`) is checked on the update that knows it.
  if (child === undefined || child === null || isUnknown(child)) return [];
  if (json) {
    if (typeof child !== "string") return [{ path: childPath, error: `expected a JSON string, got ${typeof child}` }];
    try {
      child = JSON.parse(child) as unknown;
    } catch (e) {
      return [{ path: childPath, error: `not valid JSON: ${(e as Error).message}` }];
    }
    childPath = `${childPath}(json)`;
  }
  if (each === undefined) return [{ path: childPath, value: child }];
  if (!Array.isArray(child)) return each === "[]?" ? [{ path: childPath, value: child }] : [{ path: childPath, error: "expected an array" }];
  return (child as unknown[]).map((v, i) => ({ path: `${childPath}[${i}]`, value: v }));
}

/** The problem with `value` under `check`, or undefined. */
function apply(check: Check, value: unknown): string | undefined {
  switch (check.kind) {
    case "pattern": {
      if (typeof value !== "string") return `expected a string, got ${typeof value}`;
      if (check.pattern.test(value)) return undefined;
      if (check.chars) {
        const bad = [...new Set([...value].filter((c) => !check.chars!.test(c)))];
        if (bad.length > 0)
          return `character${bad.length > 1 ? "s" : ""} ${bad.map((c) => quote(c)).join(", ")} not allowed (allowed: ${check.what})`;
      }
      return `does not match ${check.what}`;
    }
    case "length": {
      if (typeof value !== "string") return `expected a string, got ${typeof value}`;
      if (value.length < check.min) return `${value.length} characters, at least ${check.min} required`;
      if (value.length > check.max) return `${value.length} characters, at most ${check.max} allowed`;
      return undefined;
    }
    case "oneOf":
      return check.values.includes(value as string | number) ? undefined : `not one of ${check.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "intRange": {
      const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== "number" || !Number.isInteger(n)) return `expected an integer, got ${JSON.stringify(value)}`;
      return n < check.min || n > check.max ? `${n} is outside ${check.min}..${check.max}` : undefined;
    }
    case "custom":
      return check.test(value);
  }
}

function quote(value: unknown): string {
  const s = typeof value === "string" ? value : JSON.stringify(value);
  const short = s.length > 120 ? `${s.slice(0, 117)}...` : s;
  return typeof value === "string" ? `"${short}"` : short;
}

function describe(source: Source): string {
  const unverified = source.unverified === undefined ? undefined : `unverified: ${source.unverified}`;
  return [source.tf, source.doc, source.code, source.model, unverified].filter((s) => s !== undefined).join("; ");
}

/** For tests and the README: every rule of the table with its resource type. */
export function allRules(table: Readonly<Record<string, ResourceRules>> = AWS_RULES): Array<{ type: string; rule: Rule }> {
  return Object.entries(table).flatMap(([type, entry]) => entry.rules.map((rule) => ({ type, rule })));
}
