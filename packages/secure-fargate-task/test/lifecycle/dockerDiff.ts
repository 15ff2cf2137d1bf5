import { changedKeys, type ProviderDiff, type Inputs } from "@twitterstream/test-kit/lifecycle/engine";

/**
 * pulumi-docker's `Diff` for `docker:index/image:Image` (pulumi/pulumi-docker `provider/provider.go`, `Diff` and
 * `diffUpdates`): every input is compared with the inputs recorded in the state, except that `registry` counts as
 * changed only when its `server` does (username and password "can change frequently and should not trigger a
 * rebuild"). Every change is an update (`PropertyDiff_UPDATE`): the provider never asks for a replacement, and its
 * `Update` builds the image again and pushes it unless `skipPush`.
 */
export function dockerImageDiff(olds: Inputs, news: Inputs): ProviderDiff {
  const changed = changedKeys(olds, news).filter((key) => key !== "registry" || registryServer(olds) !== registryServer(news));
  return { changed, replaces: [], deleteBeforeReplace: false };
}

function registryServer(inputs: Inputs): unknown {
  const registry = inputs.registry as Record<string, unknown> | undefined;
  return registry?.server;
}
