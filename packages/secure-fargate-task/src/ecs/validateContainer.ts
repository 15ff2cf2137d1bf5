/** The checks every container of the task shares (the app's, the sidecars'): its name, user and plaintext environment. */
import { type Reject, show } from "../errors";

/** An ECS container name: up to 255 letters, digits, hyphens and underscores (API_ContainerDefinition `name`). */
export const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** A Docker `user`: `user`, `uid`, `user:group` or `uid:gid`. */
export const USER = /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$/;

/** Checks a container's user: a valid Docker `user`, not root. */
export function validateUser(at: string, user: string, reject: Reject): void {
  if (!USER.test(user)) {
    reject(at, `must be "user", "uid", "user:group" or "uid:gid": got ${show(user)}.`);
  } else if (/^(root|0)(:|$)/.test(user)) {
    reject(at, `must not be root: got ${show(user)}. Use a non-root uid:gid such as "1000:1000" and make the image's files readable by it.`);
  }
}

/** A valid environment variable name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Variable names AWS Config's `ecs-no-environment-secrets` rule flags in plaintext environment. */
const CREDENTIAL_NAMES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];

/**
 * Checks a container's plaintext environment: valid names, no credential, no variable that is also a secret.
 * @param at where the map is, for messages: `environment`, `sidecars[0].environment`.
 * @param secrets the container's secrets map: where it is, and its variable names.
 */
export function validateEnvironment(
  at: string,
  environment: Record<string, unknown>,
  secrets: { field: string; names: readonly string[] },
  reject: Reject,
): void {
  for (const key of Object.keys(environment)) {
    if (!ENV_NAME.test(key)) {
      reject(
        `${at}.${key}`,
        `is not a valid environment variable name: got ${show(key)}. Use letters, digits and underscores, not starting with a digit.`,
      );
    }
    if (CREDENTIAL_NAMES.includes(key)) {
      reject(
        `${at}.${key}`,
        `is a credential, and plaintext environment variables are written into the task definition (AWS Config rule ecs-no-environment-secrets). Move it to \`${secrets.field}\`, or better, give the task role the permissions instead of keys.`,
      );
    }
    if (secrets.names.includes(key)) {
      reject(`${at}.${key}`, `is also in \`${secrets.field}\`: a variable is either secret or plaintext. Remove it from \`${at}\`.`);
    }
  }
}
