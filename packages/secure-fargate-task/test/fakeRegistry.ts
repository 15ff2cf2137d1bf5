import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * ECR and @pulumi/docker's `Image` as they behave across `pulumi up`s, for the mocks (which, alone, register every
 * resource afresh on every run and push nothing). Modelled on their documented behaviour:
 *
 * - ECR, immutable tags: a push of a tag the repository already holds fails with `ImageTagAlreadyExistsException`,
 *   even when the digest is the same. https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-edit.html ;
 *   aws/containers-roadmap#2179 and #2380. `ListImages` (the `aws.ecr.getImages` data source) lists every tag and
 *   digest. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImages.html
 * - @pulumi/docker `Image` (pulumi/pulumi-docker `provider/provider.go`): `Check` adds `build.contextDigest`, a hash
 *   of every file of the context with its relative path, its mode, and its content (a symlink: the path it points
 *   to); `Diff` reports a change when any input differs from the recorded ones, except the registry's username and
 *   password; `Create` and `Update` build and then push `imageName` unless `skipPush`; the state records the inputs.
 *   An update interrupted after its push leaves the pushed tag in ECR and no new state (`loseState`).
 */
export class FakeRegistry {
  /** `<repository url>:<tag>` → digest: what ECR holds. */
  readonly tags = new Map<string, string>();
  /** Every push that ECR accepted, in order, as `<repository url>:<tag>`. */
  readonly pushes: string[] = [];
  /** Every push that ECR refused, with its error. */
  readonly refused: string[] = [];
  /** Builds the provider ran (creates and updates), by logical name. */
  readonly builds: string[] = [];
  /** The provider's recorded inputs of each image (the Pulumi state), by logical name. */
  private readonly state = new Map<string, { inputs: string; outputs: Record<string, unknown> }>();
  /** Changes the provider's context hash, as an upgrade of @pulumi/docker that hashes differently would. */
  hashVersion = 1;

  /** What the provider returns for an `Image` registration with these (unwrapped) inputs. */
  image(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const build = inputs.build as { context: string; dockerfile: string; platform?: string; args?: Record<string, string> };
    const checked = { ...inputs, build: { ...build, contextDigest: this.contextDigest(build.context, build.dockerfile) } };
    const comparable = JSON.stringify(withoutCredentials(checked));
    const previous = this.state.get(name);
    if (previous && previous.inputs === comparable) return previous.outputs;

    this.builds.push(name);
    const imageName = String(inputs.imageName);
    const digest = `sha256:${createHash("sha256")
      .update(JSON.stringify([checked.build.contextDigest, build.platform, build.args ?? {}]))
      .digest("hex")}`;
    const repository = imageName.replace(/:[^:/]+$/, "");
    let repoDigest = "";
    if (inputs.skipPush !== true) {
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
    const outputs = { ...checked, repoDigest };
    this.state.set(name, { inputs: comparable, outputs });
    return outputs;
  }

  /** The `aws.ecr.getImages` answer for a repository. */
  listImages(repositoryName: string): Record<string, unknown> {
    const imageIds = [...this.tags]
      .filter(([ref]) => ref.replace(/:[^:/]+$/, "").endsWith(`/${repositoryName}`))
      .map(([ref, imageDigest]) => ({ imageTag: ref.split(":").pop(), imageDigest }));
    return { repositoryName, imageIds, id: repositoryName };
  }

  /** An update interrupted after its push: the tag stays in ECR, the state never records the image. */
  loseState(name: string): void {
    this.state.delete(name);
  }

  /** The provider's context hash: relative path, mode and content (a symlink's target path) of every file. */
  private contextDigest(context: string, dockerfile: string): string {
    const hash = createHash("sha256").update(`v${this.hashVersion}\0`).update(fs.readFileSync(dockerfile));
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(path.join(context, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const relative = path.posix.join(dir, entry.name);
        const full = path.join(context, relative);
        if (entry.isDirectory()) {
          walk(relative);
          continue;
        }
        const mode = fs.lstatSync(full).mode;
        hash.update(`${relative}\0${mode.toString(8)}\0`).update(entry.isSymbolicLink() ? fs.readlinkSync(full) : fs.readFileSync(full));
      }
    };
    walk("");
    return hash.digest("hex");
  }
}

/** The inputs the provider's diff compares: the registry's username and password are left out. */
function withoutCredentials(inputs: Record<string, unknown>): Record<string, unknown> {
  const registry = inputs.registry as Record<string, unknown> | undefined;
  return registry ? { ...inputs, registry: { server: registry.server } } : inputs;
}
