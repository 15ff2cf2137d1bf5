/**
 * The secrets' checks against the rest of the task: the run mode (following rotation rolls a service), and, when the
 * init container writes the secrets to files, the user that must own them and the `_FILE` variables that point at
 * them. Whether files are written is decided once (`writesFiles` of registry.ts); these checks take it as given.
 */
import type { RunMode } from "../args";
import { type Reject, show } from "../errors";
import { USER } from "../ecs/validateContainer";
import type { SecretSpec } from "./registry";

/**
 * Rejects `followRotation` on each of `specs` when `runMode` is `"task"`: there is no service to roll, and every
 * run-task reads the current value anyway.
 * @param at where the specs are, for messages: `secrets`, `sidecars[0].secrets`.
 */
export function validateFollowRotation(at: string, specs: readonly SecretSpec[], runMode: RunMode, reject: Reject): void {
  if (runMode !== "task") return;
  for (const spec of specs) {
    if (spec.followRotation) {
      reject(
        `${at}.${spec.name}.followRotation`,
        `rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.`,
      );
    }
  }
}

/**
 * When the secrets are written to files, the app's `user` must be a numeric `uid:gid`: the init image makes the
 * secrets volume that owner's at build time, when no name can be looked up. A `user` Docker would refuse is
 * validateUser's to report, not this.
 */
export function validateSecretFilesUser(user: string, writesFiles: boolean, reject: Reject): void {
  if (writesFiles && USER.test(user) && !/^\d+:\d+$/.test(user)) {
    reject(
      "user",
      `must be a numeric "uid:gid" when secrets are delivered as files (the init image makes the secrets volume theirs at build time): got ${show(user)}. Use e.g. "1000:1000".`,
    );
  }
}

/**
 * When the secrets are written to files, the component sets `<NAME>_FILE` to each secret's path; the app's
 * `environment` must not set it too.
 */
export function validateSecretFileVariables(
  secrets: readonly SecretSpec[],
  environment: Readonly<Record<string, unknown>>,
  writesFiles: boolean,
  reject: Reject,
): void {
  for (const spec of writesFiles ? secrets : []) {
    if (`${spec.name}_FILE` in environment) {
      reject(
        `environment.${spec.name}_FILE`,
        `is set by the component to the path of the \`${spec.name}\` secret file. Remove it from \`environment\`.`,
      );
    }
  }
}
