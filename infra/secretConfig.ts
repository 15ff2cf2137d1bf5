/**
 * Whether a config value reached the program as a secret (`pulumi config set --secret`, or a secret of an ESC
 * environment) rather than in plaintext.
 *
 * `Config.getSecret` cannot tell: it wraps whatever value it reads in a secret. The engine passes the list of secret
 * keys to the program in `PULUMI_CONFIG_SECRET_KEYS` (pulumi/pulumi#6896, "[sdk/nodejs] Warn when a secret config is
 * read as a non-secret"), and the Node SDK reads it back with `runtime.isConfigSecret(fullKey)`
 * (sdk/nodejs/runtime/config.ts), from the runtime's store, which `runtime.setAllConfig(config, secretKeys)` also
 * fills (Automation API inline programs, mocks). That function is marked `@internal`, so its type is not published;
 * it is looked up here and its absence is an error rather than a silent "not secret" or "secret".
 */
import * as pulumi from "@pulumi/pulumi";

type IsConfigSecret = (fullKey: string) => boolean;

function isConfigSecretOfSdk(): IsConfigSecret {
  const found = (pulumi.runtime as unknown as { isConfigSecret?: unknown }).isConfigSecret;
  if (typeof found !== "function") {
    throw new Error("@pulumi/pulumi no longer has runtime.isConfigSecret: infra/secretConfig.ts cannot tell a secret config value from plaintext");
  }
  return found as IsConfigSecret;
}

/** Whether `key` of this config (`<namespace>:<key>`) was given as a secret. */
export function isSecretConfig(config: pulumi.Config, key: string): boolean {
  return isConfigSecretOfSdk()(`${config.name}:${key}`);
}
