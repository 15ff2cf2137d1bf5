import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { contentTag } from "./buildContext";
import type { ChildContext } from "./context";
import type { ImagePlatform } from "./fargate";
import { lifecyclePolicy } from "./policies";

/** Tag prefixes of the images the component pushes: the app's and the secrets init container's. */
export const TAG_PREFIXES = { app: "src-", init: "init-" } as const;

/** The component's ECR repository and the token to push to it. */
export interface Registry {
  repository: aws.ecr.Repository;
  token: pulumi.Output<aws.ecr.GetAuthorizationTokenResult>;
}

/**
 * An ECR repository (scan on push, immutable tags, KMS encryption) with a lifecycle policy that keeps the `keep` most
 * recent images of each kind.
 */
export function createRegistry(ctx: ChildContext, kmsKeyArn: pulumi.Input<string>, keep: number): Registry {
  const repository = new aws.ecr.Repository(
    `${ctx.name}-repo`,
    {
      name: ctx.names.repository,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: kmsKeyArn }],
      forceDelete: true,
      tags: ctx.tags,
    },
    { parent: ctx.parent },
  );
  new aws.ecr.LifecyclePolicy(
    `${ctx.name}-repo-lifecycle`,
    { repository: repository.name, policy: JSON.stringify(lifecyclePolicy(keep, Object.values(TAG_PREFIXES))) },
    { parent: ctx.parent },
  );
  const token = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent: ctx.parent });
  return { repository, token };
}

/** What to build. */
export interface BuildSpec {
  context: string;
  dockerfile: string;
  platform: ImagePlatform;
  buildArgs: Record<string, pulumi.Input<string>>;
}

/**
 * Builds an image and pushes it to the registry, tagged `<prefix><hash of its sources>`: the same sources give the same
 * tag (nothing to push, no diff), new sources a new tag. Returns `<repository url>@sha256:<digest>`, so that the task
 * definition changes exactly when the image does.
 */
export function buildAndPush(
  ctx: ChildContext,
  logicalName: string,
  registry: Registry,
  spec: BuildSpec,
  tagPrefix: string,
): pulumi.Output<string> {
  const tag = pulumi
    .output(spec.buildArgs)
    .apply((args) => tagPrefix + contentTag(spec.context, spec.dockerfile, spec.platform, args));
  const image = new docker.Image(
    logicalName,
    {
      imageName: pulumi.interpolate`${registry.repository.repositoryUrl}:${tag}`,
      build: { context: spec.context, dockerfile: spec.dockerfile, platform: spec.platform, args: spec.buildArgs },
      registry: {
        server: registry.repository.repositoryUrl,
        username: registry.token.userName,
        password: pulumi.secret(registry.token.password),
      },
    },
    { parent: ctx.parent },
  );
  return image.repoDigest;
}
