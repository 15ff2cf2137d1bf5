/**
 * Exit codes of the init program, from sysexits.h so they never collide with Node's own (1 to 14). ECS starts the
 * app only on 0, because the app depends on this container with the condition `SUCCESS`.
 */
export const EXIT = {
  /** Every file was written. */
  ok: 0,
  /** `SECRET_FILES_SPEC` or `AWS_REGION` is missing or invalid (EX_USAGE). */
  badConfig: 64,
  /** A value was fetched but cannot be written as asked, e.g. a missing JSON key (EX_DATAERR). */
  unusableValue: 65,
  /** An AWS call failed: not found, access denied, throttled after retries, network (EX_UNAVAILABLE). */
  fetchFailed: 69,
  /** A bug: an error nothing else accounts for (EX_SOFTWARE). */
  internal: 70,
  /** A file could not be written to the target directory (EX_CANTCREAT). */
  writeFailed: 73,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
