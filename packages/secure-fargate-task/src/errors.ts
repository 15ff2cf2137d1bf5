/** How argument checks report a problem, and the errors the component throws with them. */

/** Records a problem with `field`: what is wrong, the value it got, and the fix. */
export type Reject = (field: string, problem: string) => void;

/** A value as a message shows it: JSON where it can. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A rejected argument: the field, the value it had, what is wrong and how to fix it. */
export class ArgumentError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`\`${field}\` ${problem}`);
  }
}

/** Thrown with every {@link ArgumentError} found, so that one run reports them all. */
export class InvalidArgumentsError extends Error {
  constructor(readonly errors: ArgumentError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}
