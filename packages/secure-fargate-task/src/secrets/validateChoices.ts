/** The secrets' two enum arguments: how the component lays out the secrets it stores, and how they reach the app. */
import { SecretDelivery, SecretLayout } from "../args";
import { checkOneOf, type Reject } from "../errors";

/** Checks `secretLayout` against {@link SecretLayout}. Returns it, defaulted to `"single"`. */
export function validateSecretLayout(layout: SecretLayout | undefined, reject: Reject): SecretLayout {
  return checkOneOf("secretLayout", layout ?? SecretLayout.Single, SecretLayout, reject);
}

/** Checks `secretDelivery` against {@link SecretDelivery}. Returns it, defaulted to `"environment"`. */
export function validateSecretDelivery(delivery: SecretDelivery | undefined, reject: Reject): SecretDelivery {
  return checkOneOf("secretDelivery", delivery ?? SecretDelivery.Environment, SecretDelivery, reject);
}
