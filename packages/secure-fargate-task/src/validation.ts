/** What every argument check shares: how a problem is reported, and how a value is shown in a message. */

/** Records a problem with `field`: what is wrong, the value it got, and the fix. */
export type Reject = (field: string, problem: string) => void;

/** A valid environment variable name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value as a message shows it: JSON where it can. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
