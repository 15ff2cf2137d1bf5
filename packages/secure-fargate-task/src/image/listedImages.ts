/** One image of a repository, as ECR lists it (tag and digest; an untagged image has no tag). */
export interface ListedImage {
  imageTag?: string;
  imageDigest?: string;
}

/**
 * Whether an error of the `aws:ecr/getImages` invoke says the repository does not exist. terraform-provider-aws'
 * images data source (internal/service/ecr/images_data_source.go, `findImages`) turns ECR's
 * `RepositoryNotFoundException` into a `retry.NotFoundError`, whose text is "couldn't find resource", under the
 * summary "reading ECR Images"; older versions passed ECR's exception through by name.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImages.html#API_ListImages_Errors
 */
export function isRepositoryNotFound(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes("RepositoryNotFoundException") || /reading ECR Images[\s\S]*couldn't find resource/.test(text);
}

/**
 * The error for a repository that Pulumi's state still holds but ECR no longer has (deleted outside Pulumi). A plain
 * `pulumi up` cannot get past it: without a refresh the engine never learns that the repository is gone. A refresh
 * drops the repository from the state, but not the images: pulumi-docker's `Read` returns the image's state as it is
 * ("we do no reconciliation", provider/provider.go), so the image is pushed again only when it is replaced.
 */
export function repositoryGone(repositoryName: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `ECR repository "${repositoryName}" is in the stack's state but ECR does not have it (deleted outside Pulumi?). ` +
      "Run `pulumi refresh` (it drops the repository from the state), then `pulumi up --replace <URN>` with the URN of " +
      "each docker:index/image:Image of this component (`pulumi stack --show-urns` lists them): the update creates the " +
      `repository again, and builds and pushes the images into it. (${detail})`,
  );
}

/** The images a repository lists, or the error that says what to run when the repository is gone. */
export async function listedImages(listing: Promise<{ imageIds: ListedImage[] }>, repositoryName: string): Promise<ListedImage[]> {
  try {
    const { imageIds } = await listing;
    return imageIds.map((id) => ({ imageTag: id.imageTag, imageDigest: id.imageDigest }));
  } catch (e) {
    throw isRepositoryNotFound(e) ? repositoryGone(repositoryName, e) : e;
  }
}
