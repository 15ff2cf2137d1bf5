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
