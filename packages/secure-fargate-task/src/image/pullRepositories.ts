import * as pulumi from "@pulumi/pulumi";
import type { AwsScope } from "../iam/policies";
import { ecrRepositoryArn } from "./ecrImage";
import type { Registry } from "./image";
import type { ImageSettings } from "./settings";

/** What the pull grant is computed from: the app's image, and the images of the task's other containers. */
export interface PulledImages {
  image: ImageSettings;
  sidecars: ReadonlyArray<{ image: pulumi.Input<string> }>;
  logging: { router: { image: pulumi.Input<string> } | undefined } | undefined;
}

/**
 * The ECR repositories ECS's agent pulls from: the component's own (built images, the init image) and the repositories
 * of the prebuilt images (the app's, the sidecars', the log router's) that live in ECR, which the execution role must be granted too.
 */
export function pullRepositoryArns(
  registry: Registry | undefined,
  settings: PulledImages,
  scope: pulumi.Output<AwsScope>,
): pulumi.Output<string[]> {
  const image = settings.image;
  const prebuilt = [
    ...(image.kind === "prebuilt" ? [image.name] : []),
    ...settings.sidecars.map((s) => s.image),
    ...(settings.logging?.router ? [settings.logging.router.image] : []),
  ];
  return pulumi.all([registry ? registry.repository.arn : undefined, pulumi.all(prebuilt), scope]).apply(([own, names, s]) => {
    const arns = [own, ...names.map((name) => ecrRepositoryArn(name, s.partition))];
    return [...new Set(arns.filter((a): a is string => a !== undefined))].sort();
  });
}
