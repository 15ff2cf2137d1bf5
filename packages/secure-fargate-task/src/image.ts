import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { contentTag } from "./buildContext";
import { lifecyclePolicy } from "./policies";
import type { Settings } from "./validate";

/** The component's repository and the image built from source and pushed to it. */
export interface BuiltImage {
  repository: aws.ecr.Repository;
  image: docker.Image;
  /** `<repository url>@sha256:<digest>`: what the task definition runs, so new code rolls out and unchanged code does not. */
  imageRef: pulumi.Output<string>;
}

/**
 * An ECR repository (scan on push, immutable tags, a lifecycle policy, KMS encryption) and the image, tagged by a hash
 * of its sources and pushed with a token from `aws.ecr.getAuthorizationTokenOutput`.
 */
export function buildImage(
  name: string,
  repositoryName: string,
  image: Settings["image"],
  kmsKeyArn: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): BuiltImage {
  const repository = new aws.ecr.Repository(
    `${name}-repo`,
    {
      name: repositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: kmsKeyArn }],
      forceDelete: true,
      tags,
    },
    { parent },
  );
  new aws.ecr.LifecyclePolicy(
    `${name}-repo-lifecycle`,
    { repository: repository.name, policy: JSON.stringify(lifecyclePolicy(image.keepImages)) },
    { parent },
  );
  const token = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent });
  const tag = pulumi
    .output(image.buildArgs)
    .apply((args) => contentTag(image.context, image.dockerfile, image.platform, args));
  const built = new docker.Image(
    `${name}-image`,
    {
      imageName: pulumi.interpolate`${repository.repositoryUrl}:${tag}`,
      build: { context: image.context, dockerfile: image.dockerfile, platform: image.platform, args: image.buildArgs },
      registry: { server: repository.repositoryUrl, username: token.userName, password: pulumi.secret(token.password) },
    },
    { parent },
  );
  return { repository, image: built, imageRef: built.repoDigest };
}
