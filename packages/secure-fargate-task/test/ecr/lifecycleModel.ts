/**
 * ECR's lifecycle policy evaluation, as the Amazon ECR User Guide documents it, for tests: which images one evaluation
 * expires. https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html ("How lifecycle policies
 * work", the evaluation rules) and lifecycle_policy_parameters.html (the selection fields):
 * - rules are applied in `rulePriority` order, lowest first;
 * - `tagStatus`: `tagged` selects images with a tag matching the rule's list, `untagged` images with no tag, `any` all;
 * - `tagPrefixList` / `tagPatternList`: with several entries, only images with all of them are selected (each entry
 *   matched by some tag: a prefix, or a pattern where `*` matches any characters);
 * - `imageCountMoreThan`: the selected images sorted youngest to oldest by push time, those past `countNumber`;
 *   `sinceImagePushed`: those pushed more than `countNumber` days before the evaluation;
 * - an image is expired by exactly one or zero rules; "an image that matches the tagging requirements of a rule cannot
 *   be expired by a rule with a lower priority", and lower rules "can still identify them as if they haven't been
 *   expired" (they still count them).
 */
import type { LifecycleRule } from "../../src/image/lifecycle";

/** One image of the repository: its digest, its tags, and when it was pushed (days on any clock). */
export interface StoredImage {
  digest: string;
  tags: string[];
  pushedAtDay: number;
}

function patternMatches(pattern: string, tag: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(tag);
}

/** Whether the rule's tag selection matches the image (its `tagStatus` and lists). */
export function selects(rule: LifecycleRule, image: StoredImage): boolean {
  const { tagStatus, tagPrefixList, tagPatternList } = rule.selection;
  if (tagStatus === "any") return true;
  if (tagStatus === "untagged") return image.tags.length === 0;
  if (tagPrefixList) return tagPrefixList.every((prefix) => image.tags.some((tag) => tag.startsWith(prefix)));
  if (tagPatternList) return tagPatternList.every((pattern) => image.tags.some((tag) => patternMatches(pattern, tag)));
  throw new Error(`rule ${rule.rulePriority}: tagStatus "tagged" needs a tagPrefixList or a tagPatternList`);
}

/** The digests one evaluation of `rules` expires, on day `today`. */
export function expiredImages(rules: readonly LifecycleRule[], images: readonly StoredImage[], today: number): Set<string> {
  const expired = new Set<string>();
  const claimed = new Set<string>();
  for (const rule of [...rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    const selected = images.filter((image) => selects(rule, image)).sort((a, b) => b.pushedAtDay - a.pushedAtDay);
    const { countType, countNumber } = rule.selection;
    const over =
      countType === "imageCountMoreThan" ? selected.slice(countNumber) : selected.filter((image) => today - image.pushedAtDay > countNumber);
    for (const image of over) if (!claimed.has(image.digest)) expired.add(image.digest);
    for (const image of selected) claimed.add(image.digest);
  }
  return expired;
}
