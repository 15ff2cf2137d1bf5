/**
 * The task's ephemeral storage on Fargate: the task-scoped disk that holds the image layers, the root filesystem's
 * writable layer (read-only here) and the task-scoped volumes (`/tmp`, the secrets volume).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html
 */
import { type Reject, show } from "../errors";

/** What Fargate gives a task (platform version 1.4.0 or later) when the task definition names no size. */
export const FARGATE_DEFAULT_EPHEMERAL_GIB = 20;
/** The range of `EphemeralStorage.sizeInGiB` in a task definition. */
export const EPHEMERAL_GIB_MIN = 21;
export const EPHEMERAL_GIB_MAX = 200;

/**
 * Checks `ephemeralStorageGiB`: Fargate's default (20), or a whole number of GiB that ECS accepts in
 * `EphemeralStorage.sizeInGiB`. Returns the size, defaulted.
 */
export function validateEphemeralStorage(size: number | undefined, reject: Reject): number {
  const value = size ?? FARGATE_DEFAULT_EPHEMERAL_GIB;
  const ok = Number.isInteger(value) && (value === FARGATE_DEFAULT_EPHEMERAL_GIB || (value >= EPHEMERAL_GIB_MIN && value <= EPHEMERAL_GIB_MAX));
  if (!ok) {
    reject(
      "ephemeralStorageGiB",
      `must be a whole number of GiB from ${EPHEMERAL_GIB_MIN} to ${EPHEMERAL_GIB_MAX} (ECS EphemeralStorage.sizeInGiB), or ${FARGATE_DEFAULT_EPHEMERAL_GIB} for Fargate's default: got ${show(value)}. Leave it out for ${FARGATE_DEFAULT_EPHEMERAL_GIB} GiB.`,
    );
  }
  return value;
}

/**
 * The task definition's `ephemeralStorage`: none for Fargate's default of 20 GiB (ECS refuses 20 in the task
 * definition: its range starts at 21), else the size.
 */
export function ephemeralStorage(sizeGiB: number): { sizeInGib: number } | undefined {
  return sizeGiB === FARGATE_DEFAULT_EPHEMERAL_GIB ? undefined : { sizeInGib: sizeGiB };
}
