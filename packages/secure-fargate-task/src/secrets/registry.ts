import type { SecretFileSource } from "../../init/src/spec";
import type { SecretDelivery } from "../args";
import type { SecretRefArgs } from "./args";
import type { ResolvedSecret, SecretLocation, SecretSource } from "./source";
import { s3Location, s3ObjectSource, type S3ObjectSpec } from "./sources/s3Object";
import { secretsManagerLocation, secretsManagerSource, type SecretsManagerSpec } from "./sources/secretsManager";
import { ssmLocation, ssmParameterSource, type SsmParameterSpec } from "./sources/ssmParameter";
import { valueSource, type ValueSpec } from "./sources/value";

/**
 * The registry of secret sources. A new source is a module in `sources/` (its spec, validation, resolution, and the
 * location it resolves to, if new) and a line here and in {@link SecretSpec}; nothing else names it.
 */

/** A secret source after validation: what kind it is and what it needs. */
export type SecretSpec = ValueSpec | SecretsManagerSpec | SsmParameterSpec | S3ObjectSpec;

/** Every source, in the order messages list them (and a reference's fields are checked). */
export const SOURCES: ReadonlyArray<SecretSource<SecretSpec>> = [valueSource, secretsManagerSource, ssmParameterSource, s3ObjectSource];

/** Every location a source resolves to, in the order grants list them. */
export const LOCATIONS: ReadonlyArray<SecretLocation<SecretFileSource["type"]>> = [secretsManagerLocation, ssmLocation, s3Location];

/** The sources a reference names (exactly one is valid). */
export function givenSources(ref: SecretRefArgs): Array<SecretSource<SecretSpec>> {
  return SOURCES.filter((source) => ref[source.kind] !== undefined && ref[source.kind] !== null);
}

/** The registered source of a spec. */
export function sourceOf(spec: SecretSpec): SecretSource<SecretSpec> {
  return SOURCES.find((source) => source.kind === spec.kind)!;
}

/** The registered location of a resolved secret. */
export function locationOf(source: SecretFileSource): SecretLocation<SecretFileSource["type"]> {
  return LOCATIONS.find((location) => location.type === source.type)!;
}

/**
 * Whether a secret of the app is delivered as a file, written by the init container: with file delivery every one,
 * otherwise those ECS cannot inject. The one place this is decided.
 */
export function deliveredAsFile(spec: SecretSpec, delivery: SecretDelivery): boolean {
  return delivery === "files" || !sourceOf(spec).injectable;
}

/**
 * Whether the init container reads this secret itself, with the task role, at run time: one whose source ECS cannot
 * inject (an S3 object), which is therefore a file whatever the delivery ({@link deliveredAsFile}). Every other file's
 * value ECS injects into the init container with the execution role.
 */
export function readByInitAtRunTime(spec: SecretSpec): boolean {
  return !sourceOf(spec).injectable;
}

/** Whether the init container reads any secret itself at run time ({@link readByInitAtRunTime}). */
export function initReadsAtRunTime(specs: readonly SecretSpec[]): boolean {
  return specs.some(readByInitAtRunTime);
}

/** Whether ECS can inject this secret (its location has a `valueFrom`). */
export function injectable(secret: ResolvedSecret): boolean {
  return locationOf(secret.source).valueFrom(secret.source) !== undefined;
}

/** Whether any of the app's secrets is delivered as a file (then the task has the init container and its volume). */
export function writesFiles(specs: readonly SecretSpec[], delivery: SecretDelivery): boolean {
  return specs.some((spec) => deliveredAsFile(spec, delivery));
}

/** The ECS `valueFrom` of a secret ECS injects. */
export function ecsValueFrom(secret: ResolvedSecret): string {
  const valueFrom = locationOf(secret.source).valueFrom(secret.source);
  if (valueFrom === undefined) throw new Error(`${secret.name}: ECS cannot inject a secret of ${secret.source.type}; it is delivered as a file`);
  return valueFrom;
}

/** How the sources that ECS can inject are named in messages: `a value, a Secrets Manager secret or an SSM parameter`. */
export function injectableNouns(): string {
  const nouns = SOURCES.filter((s) => s.injectable).map((s) => s.noun);
  return `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}
