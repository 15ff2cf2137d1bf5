import * as pulumi from "@pulumi/pulumi";
import type { ResolvedSecret, SecretStore } from "./source";
import type { ChildContext } from "../context";
import { SecretSpec, SOURCES } from "./registry";

/**
 * Resolves every secret to its exact ARN and version, each by its source (values stored by the component, existing
 * secrets looked up so a name or partial ARN yields the full ARN AWS evaluates, parameters named by ARN). Sorted by name.
 */
export function resolveSecrets(ctx: ChildContext, specs: readonly SecretSpec[], store: SecretStore): pulumi.Output<ResolvedSecret[]> {
  const parts = SOURCES.map((source) => {
    const own = specs.filter((spec) => spec.kind === source.kind);
    return own.length === 0 ? pulumi.output([]) : source.resolve(ctx, own, store);
  });
  return pulumi.all(parts).apply((lists) => lists.flat().sort((a, b) => a.name.localeCompare(b.name)));
}
