import { EXIT, type ExitCode } from "./exitCodes";
import type { ErrorFacts } from "./log";

/** The content of one file, or why there is none (codes only, never the value). */
export type Fetched =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly exitCode: ExitCode; readonly facts: ErrorFacts };

/** A failure with one of our own codes, for a value that was fetched but cannot be written as asked. */
export function unusable(errorCode: string): Fetched {
  return { ok: false, exitCode: EXIT.unusableValue, facts: { errorCode } };
}
