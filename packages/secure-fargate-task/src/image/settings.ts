import type * as pulumi from "@pulumi/pulumi";
import type { ImagePlatform, RegistryCredentialsArgs } from "./args";

/** An image the component builds from source. */
export interface BuildImageSettings {
  kind: "build";
  context: string;
  dockerfile: string;
  platform: ImagePlatform;
  buildArgs: Record<string, pulumi.Input<string>>;
  keepImages: number;
}

/** An image pulled by name. */
export interface PrebuiltImageSettings {
  kind: "prebuilt";
  name: pulumi.Input<string>;
  platform: ImagePlatform;
  repositoryCredentials: RegistryCredentialsArgs | undefined;
  keepImages: number;
}

/** The app's image after validation, defaults filled in. */
export type ImageSettings = BuildImageSettings | PrebuiltImageSettings;

/** What the secrets init image is built from: the task's user (a numeric "uid:gid" by then) and the app's platform. */
export interface InitImageSettings {
  user: string;
  image: { platform: ImagePlatform };
}
