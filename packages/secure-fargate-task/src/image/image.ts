import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { contentTag } from "./buildContext";
import type { ChildContext } from "../context";
import type { ImagePlatform } from "./args";
import { keyedRepositoryName } from "../names";
import { listedImages } from "./listedImages";

/** Tag prefixes of the images the component pushes: the app's and the secrets init container's. */
export const TAG_PREFIXES = { app: "src-", init: "init-" } as const;

/** The component's ECR repository, the token to push to it, and the images it already holds. */
export interface Registry {
  repository: aws.ecr.Repository;
  token: pulumi.Output<aws.ecr.GetAuthorizationTokenResult>;
  /** Tag and digest of every image in the repository when this update began (ECR ListImages). */
  images: pulumi.Output<ImageId[]>;
}

/** One image of a repository, as ECR lists it: untagged images have no tag. */
export interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

/**
 * An ECR repository (scan on push, immutable tags, KMS encryption); its lifecycle policy comes once the images the task
 * definition runs are known (createLifecyclePolicy).
 */
export function createRegistry(ctx: ChildContext, kmsKeyArn: pulumi.Input<string>): Registry {
  const repository = new aws.ecr.Repository(
    `${ctx.name}-repo`,
    {
      // Named from the key, which only a replacement changes: see keyedRepositoryName.
      name: pulumi.output(kmsKeyArn).apply((key) => keyedRepositoryName(ctx.names.repository, key)),
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: kmsKeyArn }],
      forceDelete: true,
      tags: ctx.tags,
    },
    { parent: ctx.parent },
  );
  const token = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent: ctx.parent });
  // Looked up once the repository exists (its name is an output), so a new repository is never looked up before it is
  // made. A repository deleted outside Pulumi fails with what to run (listedImages).
  const images = pulumi
    .all([repository.name, repository.registryId])
    .apply(([repositoryName, registryId]) =>
      listedImages(aws.ecr.getImages({ repositoryName, registryId }, { parent: ctx.parent }), repositoryName),
    );
  return { repository, token, images };
}

/** An image the component built: what the task definition runs (`<repository url>@sha256:<digest>`) and its tag. */
export interface BuiltImage {
  reference: pulumi.Output<string>;
  tag: pulumi.Output<string>;
}

/** What to build. */
export interface BuildSpec {
  context: string;
  dockerfile: string;
  platform: ImagePlatform;
  buildArgs: Record<string, pulumi.Input<string>>;
}

/**
 * The digest the repository already holds under `tag`, if any. ECR refuses to push a tag that exists in a repository
 * with immutable tags, even with the same digest, so an image whose tag is there must not be pushed again.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-edit.html
 */
export function existingDigest(images: readonly ImageId[], tag: string): string | undefined {
  return images.find((image) => image.imageTag === tag && image.imageDigest)?.imageDigest;
}

/** What the task runs: the image already in the repository under the tag, by digest, or else the one just pushed. */
export function imageReference(repositoryUrl: string, existing: string | undefined, pushedRepoDigest: string): string {
  return existing === undefined ? pushedRepoDigest : `${repositoryUrl}@${existing}`;
}

/**
 * How the image resource settles in one `pulumi up` and never pushes a tag twice.
 *
 * `skipPush` says whether the repository held the tag when this update began, so it flips from false (the up that
 * pushes) to true (every up after). pulumi-docker's `Diff` compares every input but the registry credentials and its
 * `Update` builds again (pulumi/pulumi-docker provider/provider.go), so the flip alone would rebuild the image on the
 * next up. Hence:
 * - `ignoreChanges: ["skipPush"]`: the engine diffs with the value in the state, so an up that changes nothing else
 *   is a no-op.
 * - `replaceOnChanges: ["*"]`: any other change (a new tag, a new context hash) replaces the resource, and the engine
 *   checks a replacement from the program's own inputs, `ignoreChanges` not applied (pulumi/pulumi
 *   pkg/resource/deploy/step_generator.go: "we need to recompute the default values"; `*` matches any property,
 *   sdk/go/common/resource/properties_path.go `Contains`). So the replacement sees this update's `skipPush`: a tag
 *   the repository holds (a revert, an interrupted update, a provider upgrade) is not pushed again. The replaced
 *   resource's delete removes nothing (the provider's `Delete` is a no-op).
 */
const IMAGE_OPTIONS = { ignoreChanges: ["skipPush"], replaceOnChanges: ["*"] };

/**
 * Builds an image and pushes it to the registry, tagged `<prefix><hash of its sources>`, unless the repository holds
 * that tag already. A tag names one content (see `contentTag`), so the image there is this image: reverting the sources
 * to an earlier state, a rebuild that only @pulumi/docker sees as new (its own context hash, a provider upgrade), or an
 * update interrupted after its push all reuse the image by digest instead of pushing a tag ECR would refuse. Returns
 * `<repository url>@sha256:<digest>` (and the tag, which the lifecycle policy protects), so that the task definition changes exactly when the image does. The up after a
 * push changes nothing (see `IMAGE_OPTIONS`).
 */
export function buildAndPush(ctx: ChildContext, logicalName: string, registry: Registry, spec: BuildSpec, tagPrefix: string): BuiltImage {
  const tag = pulumi.output(spec.buildArgs).apply((args) => tagPrefix + contentTag(spec.context, spec.dockerfile, spec.platform, args));
  const existing = pulumi.all([registry.images, tag]).apply(([images, t]) => existingDigest(images, t));
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
      skipPush: existing.apply((digest) => digest !== undefined),
    },
    { parent: ctx.parent, ...IMAGE_OPTIONS },
  );
  const reference = pulumi
    .all([registry.repository.repositoryUrl, existing, image.repoDigest])
    .apply(([url, digest, pushed]) => imageReference(url, digest, pushed));
  return { reference, tag };
}
