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

/**
 * Checks that `value` is one of an enum's values (`choices`, as `as const` objects like `RunMode` hold them); rejects
 * `field` otherwise with `must be "a" or "b": got …`. Returns the value, typed.
 */
export function checkOneOf<T extends string>(field: string, value: T, choices: Readonly<Record<string, T>>, reject: Reject): T {
  const values: readonly string[] = Object.values(choices);
  if (!values.includes(value)) {
    const listed = values.map(show);
    const either = listed.length > 1 ? `${listed.slice(0, -1).join(", ")} or ${listed[listed.length - 1]}` : listed.join("");
    reject(field, `must be ${either}: got ${show(value)}.`);
  }
  return value;
}
