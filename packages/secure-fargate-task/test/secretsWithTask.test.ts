/**
 * The secrets' checks against the rest of the task (secrets/validateWithTask.ts), each on its own: followRotation
 * against the run mode, and, when secrets are written to files, the user that owns them and the `_FILE` variables.
 */
import { expect } from "chai";
import type { RunMode } from "../src";
import type { Reject } from "../src/errors";
import type { SecretSpec } from "../src/secrets/registry";
import { validateSecretMap } from "../src/secrets/validateSecrets";
import { validateFollowRotation, validateSecretFilesUser, validateSecretFileVariables } from "../src/secrets/validateWithTask";

/** The problems a check reports, as the component's errors print them. */
function problems(check: (reject: Reject) => void): string[] {
  const found: string[] = [];
  check((field, problem) => found.push(`\`${field}\` ${problem}`));
  return found;
}

/** Specs as validateSecrets makes them from `secrets` (no problem expected in these). */
function specs(secrets: Parameters<typeof validateSecretMap>[1]): SecretSpec[] {
  const made = validateSecretMap("secrets", secrets, () => expect.fail("the test's secrets are valid"));
  expect(made).to.have.length(Object.keys(secrets).length);
  return made;
}

const FOLLOWED = specs({ API_KEY: { secretsManager: "api", followRotation: true }, DB_PASSWORD: { secretsManager: "db" } });

describe("the secrets' checks against the task (secrets/validateWithTask.ts)", () => {
  describe("validateFollowRotation", () => {
    it('refuses followRotation with runMode "task", naming each followed secret where it is', () => {
      expect(problems((reject) => validateFollowRotation("secrets", FOLLOWED, "task", reject))).to.deep.equal([
        '`secrets.API_KEY.followRotation` rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.',
      ]);
      expect(problems((reject) => validateFollowRotation("sidecars[1].secrets", FOLLOWED, "task", reject))).to.deep.equal([
        '`sidecars[1].secrets.API_KEY.followRotation` rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.',
      ]);
    });

    it('accepts followRotation with runMode "service", and secrets that do not follow rotation in either mode', () => {
      expect(problems((reject) => validateFollowRotation("secrets", FOLLOWED, "service", reject))).to.deep.equal([]);
      const unfollowed = FOLLOWED.filter((spec) => !spec.followRotation);
      for (const runMode of ["service", "task"] as RunMode[]) {
        expect(problems((reject) => validateFollowRotation("secrets", unfollowed, runMode, reject))).to.deep.equal([]);
      }
    });
  });

  describe("validateSecretFilesUser", () => {
    it('refuses a named user or a bare uid when secrets are written to files, with the value and a "uid:gid" to use', () => {
      for (const user of ["node", "1000", "node:node", "1000:staff"]) {
        expect(problems((reject) => validateSecretFilesUser(user, true, reject))).to.deep.equal([
          `\`user\` must be a numeric "uid:gid" when secrets are delivered as files (the init image makes the secrets volume theirs at build time): got ${JSON.stringify(user)}. Use e.g. "1000:1000".`,
        ]);
      }
    });

    it('accepts a numeric "uid:gid" with files, any user without them, and leaves a malformed user to validateUser', () => {
      expect(problems((reject) => validateSecretFilesUser("1000:1000", true, reject))).to.deep.equal([]);
      for (const user of ["node", "1000", "1000:1000"]) {
        expect(problems((reject) => validateSecretFilesUser(user, false, reject))).to.deep.equal([]);
      }
      expect(problems((reject) => validateSecretFilesUser("a b", true, reject))).to.deep.equal([]);
    });
  });

  describe("validateSecretFileVariables", () => {
    it("refuses an environment variable the component sets to a secret file's path, once per clash", () => {
      const environment = { API_KEY_FILE: "/x", DB_PASSWORD_FILE: "/y", OTHER_FILE: "/z", API_KEY_PATH: "/p" };
      expect(problems((reject) => validateSecretFileVariables(FOLLOWED, environment, true, reject))).to.deep.equal([
        "`environment.API_KEY_FILE` is set by the component to the path of the `API_KEY` secret file. Remove it from `environment`.",
        "`environment.DB_PASSWORD_FILE` is set by the component to the path of the `DB_PASSWORD` secret file. Remove it from `environment`.",
      ]);
    });

    it("accepts the same variables when no secret is written to a file", () => {
      const environment = { API_KEY_FILE: "/x", DB_PASSWORD_FILE: "/y" };
      expect(problems((reject) => validateSecretFileVariables(FOLLOWED, environment, false, reject))).to.deep.equal([]);
    });
  });
});
