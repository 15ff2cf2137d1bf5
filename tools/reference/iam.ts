/**
 * The IAM the deploying identity needs for the component alone: the deployer report's rows (tools/deployer, each
 * from the provider's source or AWS's docs) for every resource type and invoke the component registered, and the
 * deployer report's policy of those rows. Pure.
 */
import { deployerPolicy, type PolicyDocument } from "../deployer/policy";
import { actionsOf, rowFor } from "../deployer/permissions";
import type { PermissionRow } from "../deployer/types";
import { COMPONENT_TYPE, type Capture } from "./capture";

/** The name the policy's scoped statements use for the program's project and the component: the reader's to replace. */
export const PROJECT_PLACEHOLDER = "PROJECT";

/** The rows some captures need, and the tokens the deployer table has no row for. */
export interface ComponentIam {
  readonly rows: readonly PermissionRow[];
  readonly missing: readonly string[];
  readonly policy: PolicyDocument;
}

/** Every token of these captures (resource types, invokes, the component itself), sorted. */
export function tokensOf(captures: readonly Capture[]): string[] {
  return [...new Set([COMPONENT_TYPE, ...captures.flatMap((c) => [...c.resources.map((r) => r.type), ...c.invokes])])].sort();
}

/** The rows, the missing tokens and the policy for these captures. */
export function componentIam(captures: readonly Capture[]): ComponentIam {
  const tokens = tokensOf(captures);
  const rows = tokens.flatMap((t) => rowFor(t) ?? []);
  const missing = tokens.filter((t) => rowFor(t) === undefined);
  return { rows, missing, policy: deployerPolicy(rows, PROJECT_PLACEHOLDER) };
}

/** One row's actions, for a table cell. */
export function actionsCell(row: PermissionRow): string {
  const actions = actionsOf(row);
  return actions.length > 0 ? actions.map((a) => `\`${a}\``).join(", ") : "none";
}
