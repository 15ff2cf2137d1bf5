import * as pulumi from "@pulumi/pulumi";

/** The secret values the component's, the images' and the deployer's runs use: none may appear outside a secret's own input. */
export const SECRETS = { CONSUMERKEY: "ck-value-1", CONSUMERSECRETKEY: "cs-value-2", ACCESSTOKEN: "at-value-3" };

/** Each value as a secret reference the component stores: `{ value: pulumi.secret(v) }`. */
export function secretValues(values: Record<string, string>): Record<string, { value: pulumi.Output<string> }> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: pulumi.secret(v) }]));
}
