/** The secrets' enum arguments, `secretLayout` and `secretDelivery`, checked by the secrets concern with exact messages. */
import { expect } from "chai";
import type { SecretDelivery, SecretLayout } from "../src";
import type { Reject } from "../src/errors";
import { validateSecretDelivery, validateSecretLayout } from "../src/secrets/validateChoices";

function check<T>(validate: (value: T | undefined, reject: Reject) => T, value: T | undefined): { value: T; problems: string[] } {
  const problems: string[] = [];
  const got = validate(value, (field, problem) => problems.push(`\`${field}\` ${problem}`));
  return { value: got, problems };
}

describe("secretLayout and secretDelivery (secrets/validateChoices.ts)", () => {
  it('default to "single" and "environment"', () => {
    expect(check<SecretLayout>(validateSecretLayout, undefined)).to.deep.equal({ value: "single", problems: [] });
    expect(check<SecretDelivery>(validateSecretDelivery, undefined)).to.deep.equal({ value: "environment", problems: [] });
  });

  it("accept each of their values as given", () => {
    for (const layout of ["single", "perVariable"] as const) {
      expect(check<SecretLayout>(validateSecretLayout, layout)).to.deep.equal({ value: layout, problems: [] });
    }
    for (const delivery of ["environment", "files"] as const) {
      expect(check<SecretDelivery>(validateSecretDelivery, delivery)).to.deep.equal({ value: delivery, problems: [] });
    }
  });

  it("refuse any other value, naming the field, the choices and the value", () => {
    expect(check<SecretLayout>(validateSecretLayout, "many" as never).problems).to.deep.equal([
      '`secretLayout` must be "single" or "perVariable": got "many".',
    ]);
    expect(check<SecretDelivery>(validateSecretDelivery, "sidecar" as never).problems).to.deep.equal([
      '`secretDelivery` must be "environment" or "files": got "sidecar".',
    ]);
  });
});
