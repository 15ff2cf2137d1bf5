import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { listEntries, readDockerignore } from "../src/image/buildContext";
import { dockerImageDiff } from "./lifecycle/dockerDiff";
import { planStep, type Step, type StepOptions } from "@twitterstream/test-kit/lifecycle/engine";

/**
 * ECR and @pulumi/docker's `Image` as they behave across `pulumi up`s, for the mocks (which, alone, register every
 * resource afresh on every run and push nothing). Modelled on their documented behaviour:
 *
 * - ECR, immutable tags: a push of a tag the repository already holds fails with `ImageTagAlreadyExistsException`,
 *   even when the digest is the same. https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-edit.html ;
 *   aws/containers-roadmap#2179 and #2380. `ListImages` (the `aws.ecr.getImages` data source) lists every tag and
 *   digest. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImages.html
 * - @pulumi/docker `Image` (pulumi/pulumi-docker `provider/provider.go`): `Check` adds `build.contextDigest`, a hash
 *   of every file of the context that its `.dockerignore` lets through, with its relative path, its mode, and its
 *   content (a symlink: the path it points to); `Diff` (`dockerImageDiff`) reports a change when any input differs from the recorded ones, except the
 *   registry's username and password; `Create` and `Update` build and then push `imageName` unless `skipPush`; the
 *   state records the inputs. The engine decides between same, update and replace from that diff and the resource's
 *   `ignoreChanges` and `replaceOnChanges` (`planStep`). An update interrupted after its push leaves the pushed tag in
 *   ECR and the state as it was before (`interrupt`).
 */
interface ImageState {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

export class FakeRegistry {
  /** `<repository url>:<tag>` → digest: what ECR holds. */
  readonly tags = new Map<string, string>();
  /** Every push that ECR accepted, in order, as `<repository url>:<tag>`. */
  readonly pushes: string[] = [];
  /** Every push that ECR refused, with its error. */
  readonly refused: string[] = [];
  /** Builds the provider ran (creates and updates), by logical name. */
  readonly builds: string[] = [];
  /** The step the engine took for each image on the last registration, by logical name. */
  readonly steps = new Map<string, Step>();
  /** The provider's recorded inputs of each image (the Pulumi state), by logical name. */
  private readonly state = new Map<string, ImageState>();
  /** The state each image had before its last build, for `interrupt`. */
  private readonly previous = new Map<string, ImageState>();
  /** Changes the provider's context hash, as an upgrade of @pulumi/docker that hashes differently would. */
  hashVersion = 1;

  /** What the engine and the provider make of an `Image` registration with these (unwrapped) inputs and options. */
  image(
    name: string,
    inputs: Record<string, unknown>,
    options: StepOptions = { ignoreChanges: [], replaceOnChanges: [] },
  ): Record<string, unknown> {
    const previous = this.state.get(name);
    const step = planStep(previous?.inputs, this.check(inputs), options, dockerImageDiff);
    this.steps.set(name, step);
    if (step.op === "same") return previous!.outputs;

    this.builds.push(name);
    const checked = step.inputs as {
      imageName: string;
      skipPush?: boolean;
      build: { contextDigest: string; platform?: string; args?: Record<string, string> };
    };
    const digest = `sha256:${createHash("sha256")
      .update(JSON.stringify([checked.build.contextDigest, checked.build.platform, checked.build.args ?? {}]))
      .digest("hex")}`;
    const imageName = String(checked.imageName);
    const repository = imageName.replace(/:[^:/]+$/, "");
    let repoDigest = "";
    if (checked.skipPush !== true) {
      if (this.tags.has(imageName)) {
        this.refused.push(
          `${imageName}: ImageTagAlreadyExistsException: The image tag '${imageName.split(":").pop()}' already exists in the repository and cannot be overwritten because the repository is immutable.`,
        );
        return previous?.outputs ?? {};
      }
      this.tags.set(imageName, digest);
      this.pushes.push(imageName);
      repoDigest = `${repository}@${digest}`;
    }
    const outputs = { ...step.inputs, repoDigest };
    if (previous) this.previous.set(name, previous);
    else this.previous.delete(name);
    this.state.set(name, { inputs: step.inputs, outputs });
    return outputs;
  }

  /** The provider's `Check`: the inputs with `build.contextDigest` added. */
  private check(inputs: Record<string, unknown>): Record<string, unknown> {
    const build = inputs.build as { context: string; dockerfile: string };
    return { ...inputs, build: { ...build, contextDigest: this.contextDigest(build.context, build.dockerfile) } };
  }

  /** The `aws.ecr.getImages` answer for a repository. */
  listImages(repositoryName: string): Record<string, unknown> {
    const imageIds = [...this.tags]
      .filter(([ref]) => ref.replace(/:[^:/]+$/, "").endsWith(`/${repositoryName}`))
      .map(([ref, imageDigest]) => ({ imageTag: ref.split(":").pop(), imageDigest }));
    return { repositoryName, imageIds, id: repositoryName };
  }

  /** The image resource is deleted (its provider's `Delete` removes nothing from ECR). */
  forget(name: string): void {
    this.state.delete(name);
    this.previous.delete(name);
  }

  /** The repository is deleted with its images (DeleteRepository with force). */
  deleteRepository(repositoryUrl: string): void {
    for (const ref of [...this.tags.keys()]) if (ref.startsWith(`${repositoryUrl}:`)) this.tags.delete(ref);
  }

  /** The last update of this image was interrupted after its push: ECR keeps the tag, the state what it held before. */
  interrupt(name: string): void {
    const before = this.previous.get(name);
    if (before) this.state.set(name, before);
    else this.state.delete(name);
  }

  /**
   * The provider's context hash (`hashContext`): the Dockerfile, then every file of the context that its ignore file
   * lets through, with its relative path, its mode and its content (a symlink: the path it points to). The ignore file
   * is `<context>/.dockerignore` for a Dockerfile named `Dockerfile` (`mapDockerignore`), matched as Docker matches
   * it, which `listEntries` implements.
   */
  private contextDigest(context: string, dockerfile: string): string {
    if (path.basename(dockerfile) !== "Dockerfile") throw new Error(`the fake reads only a Dockerfile's ignore file, not ${dockerfile}'s`);
    const hash = createHash("sha256").update(`v${this.hashVersion}\0`).update(fs.readFileSync(dockerfile));
    for (const entry of listEntries(context, readDockerignore(context))) {
      const full = path.join(context, entry.path);
      hash.update(`${entry.path}\0${entry.mode.toString(8)}\0`).update(entry.kind === "link" ? fs.readlinkSync(full) : fs.readFileSync(full));
    }
    return hash.digest("hex");
  }
}
