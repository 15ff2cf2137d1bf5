import * as fs from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { RegistryCredentialsArgs } from "./args";
import type { SecureFargateTaskArgs } from "../args";
import { type Reject, show } from "../errors";
import { ENV_NAME } from "../ecs/validateContainer";
import { PLATFORM_ARCHITECTURE } from "../ecs/fargate";
import { ecrImageLocation } from "./ecrImage";
import type { ImageSettings } from "./settings";

/**
 * Checks `image`: a build context with its Dockerfile, or a prebuilt image's name (with registry credentials that name
 * one source), on a platform Fargate runs; fills in the defaults.
 */
export function validateImage(image: SecureFargateTaskArgs["image"] | undefined, reject: Reject): ImageSettings {
  const platform = image?.platform ?? "linux/amd64";
  if (!(platform in PLATFORM_ARCHITECTURE)) {
    reject(
      "image.platform",
      `is not a platform Fargate runs: got ${show(platform)}. Use ${Object.keys(PLATFORM_ARCHITECTURE).map(show).join(" or ")}.`,
    );
  }
  const hasName = image?.name !== undefined;
  if (hasName && image?.context !== undefined) {
    reject("image", `gives both \`context\` (build here) and \`name\` (pull a built image). Give one.`);
  }
  if (hasName) {
    for (const option of ["dockerfile", "buildArgs", "keepImages"] as const) {
      if (image[option] !== undefined)
        reject(`image.${option}`, `goes only with \`image.context\` (an image the component builds), not with \`image.name\`. Remove it.`);
    }
    if (image.name === "") reject("image.name", `is empty. Give an image reference such as "ghcr.io/org/app@sha256:...".`);
    const credentials = image.repositoryCredentials;
    if (credentials !== undefined) validateCredentials(credentials, image.name!, reject);
    return { kind: "prebuilt", name: image.name!, platform, repositoryCredentials: credentials, keepImages: 10 };
  }
  if (image?.repositoryCredentials !== undefined) {
    reject("image.repositoryCredentials", `goes only with \`image.name\` (an image pulled from a private registry). Remove it.`);
  }
  const context = image?.context ?? "";
  const dockerfile = image?.dockerfile ?? path.join(context, "Dockerfile");
  const keepImages = image?.keepImages ?? 10;
  if (!context) {
    reject("image.context", `is required: the directory to build the image from, e.g. "./service", or give \`image.name\` to pull a built image.`);
  } else if (!isDirectory(context)) {
    reject(
      "image.context",
      `is not a directory: got ${show(context)} (resolved from ${show(process.cwd())}). Give the build context's path relative to the Pulumi program's working directory.`,
    );
  } else if (!isFile(dockerfile)) {
    reject(
      image?.dockerfile === undefined ? "image.context" : "image.dockerfile",
      `has no Dockerfile at ${show(dockerfile)}. Add one, or set \`image.dockerfile\` to its path.`,
    );
  }
  if (!Number.isInteger(keepImages) || keepImages < 1) {
    reject("image.keepImages", `must be a whole number of images, 1 or more: got ${show(keepImages)}.`);
  }
  for (const key of Object.keys(image?.buildArgs ?? {})) {
    if (!ENV_NAME.test(key)) reject(`image.buildArgs.${key}`, `is not a valid build argument name: got ${show(key)}.`);
  }
  return { kind: "build", context, dockerfile, platform, buildArgs: image?.buildArgs ?? {}, keepImages };
}

/** Registry credentials name one source: a username and a password, or an existing secret; never for ECR. */
function validateCredentials(credentials: RegistryCredentialsArgs, name: pulumi.Input<string>, reject: Reject): void {
  const field = "image.repositoryCredentials";
  if (typeof name === "string" && ecrImageLocation(name) !== undefined) {
    reject(
      field,
      `do not apply to an ECR image (${show(name)}): ECS pulls from ECR with the execution role, which the component grants on that repository. Remove \`repositoryCredentials\`.`,
    );
  }
  const pair = credentials.username !== undefined || credentials.password !== undefined;
  if (pair && credentials.secretsManager !== undefined) {
    reject(field, `gives both \`username\`/\`password\` and \`secretsManager\`. Give one.`);
  } else if (!pair && credentials.secretsManager === undefined) {
    reject(field, `names no credentials. Give \`username\` and \`password\`, or \`secretsManager\` (a secret holding {"username","password"}).`);
  } else if (pair && (!credentials.username || !credentials.password)) {
    reject(field, `needs a username and a password, or { secretsManager: <secret ARN> }.`);
  }
  if (pair && credentials.kmsKeyArn !== undefined) {
    reject(`${field}.kmsKeyArn`, `goes only with \`secretsManager\`: credentials the component stores use its own key. Remove it.`);
  }
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
