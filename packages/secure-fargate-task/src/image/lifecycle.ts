import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";

/** One rule of an ECR lifecycle policy, as PutLifecyclePolicy takes it. */
export interface LifecycleRule {
  rulePriority: number;
  description: string;
  selection: {
    tagStatus: "tagged" | "untagged" | "any";
    tagPrefixList?: string[];
    tagPatternList?: string[];
    countType: "imageCountMoreThan" | "sinceImagePushed";
    countUnit?: "days";
    countNumber: number;
  };
  action: { type: "expire" };
}

/**
 * The repository's lifecycle policy: first one rule per image the task definition runs, which selects exactly that
 * image (a `tagPatternList` of its tag, no wildcard) and never expires it (a count of 1 it cannot exceed); then, for each
 * tag prefix (one per kind of image), keep the `keep` most recent images and expire the rest.
 *
 * The first rules are what keeps a reused image: ECR ranks `imageCountMoreThan` by push time, and an image reused by
 * digest after a revert keeps its old push time, so after `keep` newer builds the count rule alone would expire the
 * image the service runs. ECR documents that "an image that matches the tagging requirements of a rule cannot be
 * expired by a rule with a lower priority", so an image a protecting rule selects is counted by the prefix rule but
 * never expired by it. https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
 */
export function lifecyclePolicy(keep: number, tagPrefixes: readonly string[], runningTags: readonly string[]): { rules: LifecycleRule[] } {
  const running = [...new Set(runningTags)];
  return {
    rules: [
      ...running.map((tag, i): LifecycleRule => ({
        rulePriority: i + 1,
        description: `Keep ${tag}: the task definition runs it`,
        selection: { tagStatus: "tagged", tagPatternList: [tag], countType: "imageCountMoreThan", countNumber: 1 },
        action: { type: "expire" },
      })),
      ...tagPrefixes.map((prefix, i): LifecycleRule => ({
        rulePriority: running.length + i + 1,
        description: `Keep the ${keep} most recent ${prefix}* images`,
        selection: { tagStatus: "tagged", tagPrefixList: [prefix], countType: "imageCountMoreThan", countNumber: keep },
        action: { type: "expire" },
      })),
    ],
  };
}

/**
 * The lifecycle policy of the component's repository, protecting the tags of the images the task definition runs. It
 * is put after `after` (the service, which waits for steady state, or the task definition): a deployment that fails
 * leaves the policy protecting the images of the revision ECS rolls back to. A new image changes the policy, which
 * terraform-provider-aws replaces (`policy` is `ForceNew`, internal/service/ecr/lifecycle_policy.go), and a repository
 * has one policy: created before the old one's delete (`DeleteLifecyclePolicy` on the same repository), the new policy
 * would be deleted with it, so the old one goes first.
 */
export function createLifecyclePolicy(
  ctx: ChildContext,
  repository: aws.ecr.Repository,
  keep: number,
  tagPrefixes: readonly string[],
  runningTags: pulumi.Output<string>[],
  after: pulumi.Resource[],
): aws.ecr.LifecyclePolicy {
  return new aws.ecr.LifecyclePolicy(
    `${ctx.name}-repo-lifecycle`,
    { repository: repository.name, policy: pulumi.all(runningTags).apply((tags) => JSON.stringify(lifecyclePolicy(keep, tagPrefixes, tags))) },
    { parent: ctx.parent, dependsOn: after, deleteBeforeReplace: true },
  );
}
