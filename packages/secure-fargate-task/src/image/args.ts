import type * as pulumi from "@pulumi/pulumi";

/** A Docker platform the component builds for; the task's `runtimePlatform.cpuArchitecture` follows it. */
export const ImagePlatform = { LinuxAmd64: "linux/amd64", LinuxArm64: "linux/arm64" } as const;
export type ImagePlatform = (typeof ImagePlatform)[keyof typeof ImagePlatform];

/**
 * Credentials for a private registry outside ECR, as ECS reads them from Secrets Manager: `username` and `password`
 * (stored by the component), or `secretsManager`, an existing secret holding `{"username","password"}`.
 */
export interface RegistryCredentialsArgs {
  /** The registry user name, with `password`. */
  username?: pulumi.Input<string>;
  /** The registry password or token, with `username`. */
  password?: pulumi.Input<string>;
  /** ARN or name of an existing secret holding the credentials. */
  secretsManager?: pulumi.Input<string>;
  /** With `secretsManager`: the secret's customer-managed KMS key. @default - the key Secrets Manager reports */
  kmsKeyArn?: pulumi.Input<string>;
}

/**
 * The container image: give `context` to have the component build it and push it to its own ECR repository, or
 * `name` to pull an image built elsewhere.
 */
export interface ImageArgs {
  /**
   * Path of the Docker build context, relative to the Pulumi program's working directory: the folder `main` names in
   * `Pulumi.yaml` when it names one (compute it from `__dirname` to be independent of it). The image is tagged with a
   * hash of everything that can change it and pushed to an ECR repository (scan on push, immutable tags, KMS); a tag
   * the repository already holds is not pushed again, and the task runs the image by digest.
   */
  context?: string;
  /**
   * With `context`: path of the Dockerfile, relative to the Pulumi program's working directory.
   * @default `<context>/Dockerfile`
   */
  dockerfile?: string;
  /** With `context`: Docker build arguments. Not for secrets: they end up in the image history. @default - none */
  buildArgs?: Record<string, pulumi.Input<string>>;
  /**
   * With `context`: keep this many most recent images of each kind; the ECR lifecycle policy expires older ones, but
   * never the images the task definition runs. @default 10
   */
  keepImages?: number;
  /**
   * An image built elsewhere, e.g. `ghcr.io/org/app@sha256:...` (a digest is best). An ECR image
   * (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>...`) gets the execution role `ecr:GetAuthorizationToken` and the
   * pull on exactly that repository; a repository in another account must also allow the role in its policy.
   */
  name?: pulumi.Input<string>;
  /** With `name`: credentials for a private registry outside ECR (refused for an ECR image). @default - none */
  repositoryCredentials?: RegistryCredentialsArgs;
  /**
   * The platform to build for, or of the image pulled by name: the task's CPU architecture follows it, so an arm64
   * image built on a laptop never lands on x86 Fargate.
   * @default "linux/amd64"
   */
  platform?: ImagePlatform;
}
