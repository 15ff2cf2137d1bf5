import * as pulumi from "@pulumi/pulumi";
import type { AwsScope } from "../../iam/policies";
import type { SecretLocation, SecretSource, SpecBase } from "../source";

/** An SSM parameter, by name or ARN, optionally `:version` or `:label`. */
export interface SsmParameterSpec extends SpecBase {
  kind: "ssmParameter";
  ref: pulumi.Input<string>;
  kmsKeyArn: pulumi.Input<string> | undefined;
}

/** `ssmParameter`: an existing parameter, named by ARN, read with decryption. */
export const ssmParameterSource: SecretSource<SsmParameterSpec> = {
  kind: "ssmParameter",
  hint: "name or ARN",
  noun: "an SSM parameter",
  options: ["kmsKeyArn"],
  injectable: true,
  validate(field, ref, reject) {
    if (ref.ssmParameter === "") reject(`${field}.ssmParameter`, `is empty. Give the parameter's name or ARN.`);
    return true;
  },
  classify: (name, ref) => ({ name, kind: "ssmParameter", ref: ref.ssmParameter!, kmsKeyArn: ref.kmsKeyArn, followRotation: false }),
  resolve: (ctx, specs) =>
    pulumi.all(
      specs.map((spec) =>
        pulumi.all([ctx.scope, spec.ref, spec.kmsKeyArn]).apply(([scope, ref, key]) => ({
          name: spec.name,
          source: { type: "ssm" as const, name: ssmParameterArn(ref, scope), withDecryption: true as const },
          kmsKeyArn: key,
          followRotation: false,
        })),
      ),
    ),
};

/**
 * A parameter in Parameter Store: ECS names it by ARN (a `:version` or `:label` selector kept for reading); a grant
 * names the ARN without the selector. ECS's agent reads with `GetParameters`, the init program with `GetParameter`.
 */
export const ssmLocation: SecretLocation<"ssm"> = {
  type: "ssm",
  service: "ssm",
  sid: "Ssm",
  valueFrom: (source) => source.name,
  readStatements(sources, reader) {
    const arns = [...new Set(sources.map((s) => s.name.replace(/(:parameter\/.*?)(:[^:/]+)?$/, "$1")))].sort();
    if (arns.length === 0) return [];
    return [{ Sid: "ReadParameters", Effect: "Allow", Action: reader === "agent" ? "ssm:GetParameters" : "ssm:GetParameter", Resource: arns }];
  },
};

/**
 * The ARN of an SSM parameter given by name or ARN. A name with a leading `/` maps to `parameter/<name without it>`;
 * a `:version` or `:label` selector is kept for reading and dropped for granting.
 */
export function ssmParameterArn(ref: string, scope: AwsScope): string {
  if (ref.startsWith("arn:")) return ref;
  return `arn:${scope.partition}:ssm:${scope.region}:${scope.accountId}:parameter/${ref.replace(/^\//, "")}`;
}
