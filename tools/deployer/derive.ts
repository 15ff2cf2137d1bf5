/**
 * From what the configurations registered to what the doc says: which rows apply to the stack, in which
 * configurations, and which only to the component's optional parts. Pure.
 */
import { rowFor } from "./permissions";
import { STACK_AXES, type Capture } from "./scenarios";
import type { PermissionRow } from "./types";

/** A row with the configurations that need it. */
export interface NeededRow {
  readonly row: PermissionRow;
  /** "always", one setting (`network: private`), or the list of configurations. */
  readonly when: string;
}

/** The rows of the stack, and the rows only the component's optional parts add. */
export interface Derived {
  readonly stack: readonly NeededRow[];
  readonly componentOnly: readonly NeededRow[];
}

/** Every token captured in any configuration that has no row: what test (a) reports. */
export function missingRows(captures: readonly Capture[]): string[] {
  return [...new Set(captures.flatMap((c) => c.tokens))].filter((t) => rowFor(t) === undefined).sort();
}

/** Whether a configuration needs a row: it registered the token, or an awsx component the row is inside. */
function needs(capture: Capture, row: PermissionRow): boolean {
  return capture.tokens.includes(row.token) || (row.inside ?? []).some((parent) => capture.tokens.includes(parent));
}

/** Sorts rows into the stack's and the component-only ones, each with when it is needed. */
export function derive(captures: readonly Capture[], rows: readonly PermissionRow[]): Derived {
  const stack = captures.filter((c) => c.configuration.scope === "stack");
  const component = captures.filter((c) => c.configuration.scope === "component");
  const stackRows: NeededRow[] = [];
  const componentRows: NeededRow[] = [];
  for (const row of rows) {
    const inStack = stack.filter((c) => needs(c, row));
    if (inStack.length > 0) {
      stackRows.push({ row, when: describeStack(inStack, stack) });
      continue;
    }
    const inComponent = component.filter((c) => needs(c, row));
    if (inComponent.length > 0) componentRows.push({ row, when: inComponent.map((c) => c.configuration.label).join("; ") });
  }
  return { stack: stackRows, componentOnly: componentRows };
}

/** "always" when every stack configuration needs it; else the one setting all of them share; else their labels. */
function describeStack(needing: readonly Capture[], all: readonly Capture[]): string {
  if (needing.length === all.length) return "always";
  for (const [key, values] of Object.entries(STACK_AXES)) {
    for (const value of values) {
      const withValue = all.filter((c) => c.configuration.scope === "stack" && c.configuration.settings[key as keyof typeof STACK_AXES] === value);
      if (withValue.length === needing.length && withValue.every((c) => needing.includes(c))) return `\`${key}: ${value}\``;
    }
  }
  return needing.map((c) => c.configuration.label).join("; ");
}
