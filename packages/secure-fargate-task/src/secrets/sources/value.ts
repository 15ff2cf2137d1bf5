import * as pulumi from "@pulumi/pulumi";
import type { SecretSource, SpecBase } from "../source";
import { storeValues } from "../secrets";

/** A value the component stores in Secrets Manager (its location is then `secretsmanager`). */
export interface ValueSpec extends SpecBase {
  kind: "value";
  value: pulumi.Output<string>;
}

/** `value`: stored by the component in Secrets Manager under its key, pinned to the version holding it. */
export const valueSource: SecretSource<ValueSpec> = {
  kind: "value",
  hint: `e.g. config.requireSecret("key")`,
  noun: "a value",
  options: [],
  injectable: true,
  validate(field, ref, reject) {
    if (ref.value !== "") return true;
    reject(`${field}.value`, `is an empty string. Set it with \`pulumi config set --secret <key> <value>\`.`);
    return false;
  },
  classify: (name, ref) => ({ name, kind: "value", value: pulumi.secret(ref.value!), followRotation: false }),
  resolve: (ctx, specs, store) =>
    storeValues(
      ctx,
      specs.map((s) => ({ name: s.name, value: s.value })),
      store.layout,
      store.stem,
      store.kmsKeyArn,
    ),
};
