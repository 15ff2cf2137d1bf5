/**
 * The deployer permission table: one row per resource type and invoke token the stack (or the component's optional
 * parts) can register. To add a row for a new type, append it to the file of its area in `rows/`, citing its source.
 */
import { BACKUP_ROWS } from "./rows/backup";
import { CORE_ROWS } from "./rows/core";
import { LOAD_BALANCING_ROWS } from "./rows/loadBalancing";
import { MONITORING_ROWS } from "./rows/monitoring";
import { NETWORK_ROWS } from "./rows/network";
import { OPTIONAL_ROWS } from "./rows/optional";
import type { PermissionRow } from "./types";

/** Every row, keyed by nothing: `rowFor` finds one by token. */
export const PERMISSIONS: readonly PermissionRow[] = [
  ...CORE_ROWS,
  ...NETWORK_ROWS,
  ...MONITORING_ROWS,
  ...BACKUP_ROWS,
  ...OPTIONAL_ROWS,
  ...LOAD_BALANCING_ROWS,
];

/** The row of a token, or undefined when the table has none. */
export function rowFor(token: string): PermissionRow | undefined {
  return PERMISSIONS.find((r) => r.token === token);
}

/** Every action a row needs, over its whole lifecycle, deduplicated and sorted. */
export function actionsOf(row: PermissionRow): string[] {
  return [...new Set([...row.create, ...row.read, ...row.update, ...row.delete])].sort();
}
