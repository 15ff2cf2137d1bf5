/**
 * A repository deleted outside Pulumi while the stack's state still holds it: ECR's ListImages answers
 * RepositoryNotFoundException (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImages.html), which
 * terraform-provider-aws' images data source reports as "reading ECR Images: couldn't find resource"
 * (internal/service/ecr/images_data_source.go `findImages`, a retry.NotFoundError). The update must stop with what to
 * run, not with the provider's text.
 */
import { expect } from "chai";
import { isRepositoryNotFound, listedImages } from "../src/image/listedImages";
import { SecretRefArgs } from "../src";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";

/** The invoke's error as the engine returns it to the program for the bridged data source. */
const NOT_FOUND = "invoking aws:ecr/getImages:getImages: 1 error occurred:\n\t* reading ECR Images: couldn't find resource\n\n";

describe("a repository deleted outside Pulumi", () => {
  it("recognises the provider's not-found answer, in today's text and by ECR's exception name, and nothing else", () => {
    expect(isRepositoryNotFound(new Error(NOT_FOUND))).to.equal(true);
    expect(isRepositoryNotFound(new Error("RepositoryNotFoundException: The repository with name 'r' does not exist in the registry"))).to.equal(
      true,
    );
    expect(isRepositoryNotFound(new Error("reading ECR Images: operation error ECR: ListImages, AccessDeniedException"))).to.equal(false);
    expect(isRepositoryNotFound("ThrottlingException")).to.equal(false);
  });

  it("lists the images of a repository that exists", async () => {
    const images = await listedImages(
      Promise.resolve({ imageIds: [{ imageTag: "src-1", imageDigest: "sha256:a" }, { imageDigest: "sha256:b" }] }),
      "r",
    );
    expect(images).to.deep.equal([
      { imageTag: "src-1", imageDigest: "sha256:a" },
      { imageTag: undefined, imageDigest: "sha256:b" },
    ]);
  });

  it("says what to run when the repository is gone, and passes any other failure through unchanged", async () => {
    const gone = await listedImages(Promise.reject(new Error(NOT_FOUND)), "proj/dev/app-1a2b3c4d").catch((e: unknown) => e);
    expect(String(gone)).to.match(/ECR repository "proj\/dev\/app-1a2b3c4d" is in the stack's state but ECR does not have it/);
    expect(String(gone)).to.include("Run `pulumi refresh`");
    expect(String(gone)).to.include("then `pulumi up --replace <URN>` with the URN of each docker:index/image:Image");
    const denied = new Error("AccessDeniedException");
    expect(await listedImages(Promise.reject(denied), "r").catch((e: unknown) => e)).to.equal(denied);
  });

  it("stops the component's update with the command to run", async () => {
    const { SecureFargateTask } = await import("../src");
    const context = makeContext();
    const secrets: Record<string, SecretRefArgs> = { TOKEN: { value: "t" } };
    // The failed lookup reaches every input that depends on it; under mocks the SDK reports each as a rejection that
    // nobody awaits (a real engine prints it and fails the update).
    const failures: unknown[] = [];
    const record = (e: unknown) => failures.push(e);
    process.on("unhandledRejection", record);
    try {
      await mockRun(() => new SecureFargateTask("app", { image: { context }, secrets }), {
        refusals: { "aws:ecr/getImages:getImages": NOT_FOUND },
      });
    } catch (e) {
      failures.push(e);
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(failures).to.not.deep.equal([]);
    for (const failure of failures) expect(String(failure)).to.include("Run `pulumi refresh`");
  });
});
