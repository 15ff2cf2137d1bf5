import { injectableNouns, readByInitAtRunTime, type SecretSpec, sourceOf } from "./registry";

/** The other containers of the task, which run with its task role too. */
export interface OtherContainers {
  /** The sidecars' names. */
  sidecars: readonly string[];
  /** Whether the FireLens log router (root) is there. */
  logRouter: boolean;
}

/**
 * Warnings for the secrets the init container reads itself at run time (those ECS cannot inject: S3 objects) when
 * other containers share the task role: ECS has one task role per task, so a sidecar or the log router may read the
 * same object version. Not an error: the grant is pinned to that version of that object, and the user may accept it.
 */
export function runtimeReadWarnings(specs: readonly SecretSpec[], others: OtherContainers): string[] {
  const sharing = [
    ...(others.sidecars.length > 0 ? [`the sidecars (${others.sidecars.join(", ")})`] : []),
    ...(others.logRouter ? ["the FireLens log router"] : []),
  ];
  if (sharing.length === 0) return [];
  return specs
    .filter(readByInitAtRunTime)
    .map(
      (spec) =>
        `\`secrets.${spec.name}\` is ${sourceOf(spec).noun}: the secrets init container reads it at run time with the task role, which ${sharing.join(" and ")} run with too, so they can read that version of it. To keep it from them, give it as ${injectableNouns()}: ECS then injects it into the init container alone.`,
    );
}
