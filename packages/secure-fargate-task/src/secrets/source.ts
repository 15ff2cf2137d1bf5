import type * as pulumi from "@pulumi/pulumi";
import type { SecretFileSource } from "../../init/src/spec";
import type { SecretLayout } from "../args";
import type { SecretRefArgs } from "./args";
import type { ChildContext } from "../context";
import type { Statement } from "../iam/policyDocument";
import type { Reject } from "../errors";

/** What every validated secret reference has, whatever its source. */
export interface SpecBase {
  /** The environment variable (or log option) it is delivered as. */
  name: string;
  /** The source: the field of {@link SecretRefArgs} that names it, e.g. `ssmParameter`. */
  kind: string;
  /** Whether the service rolls when the secret changes outside Pulumi (only a Secrets Manager secret can). */
  followRotation: boolean;
}

/**
 * One secret, fully resolved: where it is (exact ARN, version), the KMS key a reader must decrypt with (none for an
 * AWS managed key), and whether the service follows its rotation. The same record feeds the ECS `valueFrom`, the
 * init container's spec and the grants, so that what is read and what is granted cannot drift apart.
 */
export interface ResolvedSecret {
  name: string;
  source: SecretFileSource;
  kmsKeyArn: string | undefined;
  followRotation: boolean;
}

/**
 * Who reads a secret: ECS's agent with the execution role (environment injection, the init container's too,
 * `secretOptions`, `repositoryCredentials`), or the init container itself with the task role (what ECS cannot inject:
 * S3 objects delivered as files). The agent reads SSM with `GetParameters`, the init program with `GetParameter`.
 */
export type SecretReader = "agent" | "init";

/**
 * How the children holding one group of values are named: `<name>-<single>` or `<name>-<each>-<VAR>`; and where the
 * values are in the arguments (`field`), for messages.
 */
export interface SecretStem {
  single: string;
  each: string;
  field: string;
}

/** Where the children that store values are named, and the key they are encrypted with. */
export interface SecretStore {
  layout: SecretLayout;
  stem: SecretStem;
  kmsKeyArn: pulumi.Output<string>;
}

/**
 * A source of secrets as the arguments name it (`value`, `secretsManager`, `ssmParameter`, `s3Object`): its checks,
 * how it resolves to exact ARNs and versions, and whether ECS can inject it. Registered in `registry.ts`.
 */
export interface SecretSource<S extends SpecBase> {
  /** The field of {@link SecretRefArgs} naming this source; also the `kind` of its specs. */
  readonly kind: S["kind"] & keyof SecretRefArgs;
  /** What to give, for messages: `(ARN or name)`. */
  readonly hint: string;
  /** What it is, for messages: `a Secrets Manager secret`. */
  readonly noun: string;
  /** The other fields of {@link SecretRefArgs} that go only with this source (and possibly others). */
  readonly options: ReadonlyArray<keyof SecretRefArgs>;
  /** Whether ECS can inject it (environment variable, `secretOptions`); if not, only the init container delivers it, as a file. */
  readonly injectable: boolean;
  /** Checks a reference naming this source; `false` drops it (nothing to resolve). */
  validate(field: string, ref: SecretRefArgs, reject: Reject): boolean;
  /** The spec of a reference that names this source and passed {@link validate}. */
  classify(name: string, ref: SecretRefArgs): S;
  /** Resolves these specs (all of this source) to exact ARNs and versions, creating what stores them. */
  resolve(ctx: ChildContext, specs: readonly S[], store: SecretStore): pulumi.Output<ResolvedSecret[]>;
}

/** The file source of one location type. */
export type SourceOfType<T extends SecretFileSource["type"]> = SecretFileSource & { readonly type: T };

/**
 * Where a resolved secret lives (Secrets Manager, Parameter Store, S3: the `type` of its {@link SecretFileSource}):
 * how ECS names it, and what a reader is granted to read it.
 */
export interface SecretLocation<T extends SecretFileSource["type"]> {
  readonly type: T;
  /** The service whose `kms:ViaService` a decrypt grant for it names, e.g. `secretsmanager`. */
  readonly service: string;
  /** The service in statement ids: `DecryptViaSecretsManager`. */
  readonly sid: string;
  /** The ECS `valueFrom` naming it; `undefined` when ECS cannot inject it. */
  valueFrom(source: SourceOfType<T>): string | undefined;
  /** The statements a reader needs to read these (all of this location), on their exact ARNs; none for none. */
  readStatements(sources: ReadonlyArray<SourceOfType<T>>, reader: SecretReader, partition: string): Statement[];
}
