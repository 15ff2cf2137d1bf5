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

/**
 * An object in S3, which ECS cannot inject: the init container reads it with the task role at run time. Each grant is
 * pinned to the object version the task uses: `s3:GetObjectVersion` on the object's ARN with `s3:versionid` equal to
 * that version (S3 authorises a read of a given version with `s3:GetObjectVersion`, and `s3:versionid` names it:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html), never `s3:GetObject` (the latest).
 */
export const s3Location: SecretLocation<"s3"> = {
  type: "s3",
  service: "s3",
  sid: "S3",
  valueFrom: () => undefined,
  readStatements(sources, _reader, partition) {
    const pins = sources.map((s) => {
      const arn = `arn:${partition}:s3:::${s.bucket}/${s.key}`;
      if (s.versionId === undefined) throw new Error(`the S3 secret ${arn} is not pinned to a version; its read cannot be granted on one`);
      return { arn, versionId: s.versionId };
    });
    const unique = [...new Map(pins.map((p) => [`${p.arn}?versionId=${p.versionId}`, p])).entries()].sort(([a], [b]) => a.localeCompare(b));
    return unique.map(([, pin], i) => ({
      Sid: `ReadObjectVersion${i + 1}`,
      Effect: "Allow" as const,
      Action: "s3:GetObjectVersion",
      Resource: pin.arn,
      Condition: { StringEquals: { "s3:versionid": pin.versionId } },
    }));
  },
};
