import * as pulumi from "@pulumi/pulumi";
import type { SecretLocation, SecretSource, SpecBase } from "../source";
import { storeObjects } from "../bucket";

/** Content the component stores as an object of its own bucket and the init container delivers as a file. */
export interface S3ObjectSpec extends SpecBase {
  kind: "s3Object";
  content: pulumi.Output<string>;
}

/** `s3Object`: stored by the component in its versioned bucket, pinned to the object version; ECS cannot inject it. */
export const s3ObjectSource: SecretSource<S3ObjectSpec> = {
  kind: "s3Object",
  hint: "content",
  noun: "an S3 object",
  options: [],
  injectable: false,
  validate(field, ref, reject) {
    if (ref.s3Object !== "") return true;
    reject(`${field}.s3Object`, `is an empty string. Set it with \`pulumi config set --secret <key> <value>\`.`);
    return false;
  },
  classify: (name, ref) => ({ name, kind: "s3Object", content: pulumi.secret(ref.s3Object!), followRotation: false }),
  resolve: (ctx, specs, store) =>
    storeObjects(
      ctx,
      specs.map((s) => ({ name: s.name, value: s.content })),
      store.kmsKeyArn,
    ),
};

/** An object in S3: S3 authorises a read of a pinned version with `s3:GetObjectVersion`, of the latest with `s3:GetObject`. */
export const s3Location: SecretLocation<"s3"> = {
  type: "s3",
  service: "s3",
  sid: "S3",
  valueFrom: () => undefined,
  readStatements(sources, _reader, partition) {
    return (
      [
        ["ReadObjectVersions", "s3:GetObjectVersion", true],
        ["ReadObjects", "s3:GetObject", false],
      ] as const
    ).flatMap(([Sid, Action, pinned]) => {
      const arns = [
        ...new Set(sources.filter((s) => (s.versionId !== undefined) === pinned).map((s) => `arn:${partition}:s3:::${s.bucket}/${s.key}`)),
      ].sort();
      return arns.length === 0 ? [] : [{ Sid, Effect: "Allow" as const, Action, Resource: arns }];
    });
  },
};
