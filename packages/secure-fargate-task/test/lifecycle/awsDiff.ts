import { REPLACEMENT } from "@twitterstream/test-kit/platform/replacement";
import { changedKeys, deepEqual, type DiffRule, type Inputs } from "@twitterstream/test-kit/lifecycle/engine";

/** The inputs of a resource type whose change makes terraform-provider-aws replace it (`ForceNew: true`). */
export interface ForceNew {
  type: string;
  /** Top-level Pulumi inputs; a nested `ForceNew` attribute is listed by its top-level block. */
  inputs: readonly string[];
  /** terraform-provider-aws file and function holding the schema. */
  source: string;
}

/**
 * Every AWS type whose replacement rules the lifecycle harness has read: the named children of
 * `test/platform/replacement.ts`, and the types that change in a lifecycle sequence. A change to a type not listed
 * fails the harness, which names the file to read.
 */
export const FORCE_NEW: readonly ForceNew[] = [
  ...REPLACEMENT.map((e) => ({ type: e.type, inputs: e.replacedBy, source: e.source })),
  {
    type: "aws:secretsmanager/secretVersion:SecretVersion",
    // `versionStages` is updated in place (UpdateSecretVersionStage).
    inputs: ["secretId", "secretBinary", "secretString", "secretStringWoVersion"],
    source: "internal/service/secretsmanager/secret_version.go (resourceSecretVersion)",
  },
  {
    type: "aws:ecs/service:Service",
    // `taskDefinition`, `desiredCount`, the network and deployment settings are updated in place (UpdateService).
    inputs: ["cluster", "deploymentController", "iamRole", "launchType", "name", "schedulingStrategy"],
    source: "internal/service/ecs/service.go (ResourceService)",
  },
  {
    type: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    // No update: every change is a new PutLifecyclePolicy.
    inputs: ["repository", "policy"],
    source: "internal/service/ecr/lifecycle_policy.go (resourceLifecyclePolicy)",
  },
  {
    type: "aws:iam/rolePolicy:RolePolicy",
    // `policy` is updated in place (PutRolePolicy).
    inputs: ["name", "namePrefix", "role"],
    source: "internal/service/iam/role_policy.go (resourceRolePolicy)",
  },
  {
    // Not AWS: the time provider's Sleep (the IAM propagation wait), bridged from terraform-provider-time the same way.
    type: "time:index/sleep:Sleep",
    // `create_duration` and `destroy_duration` are updated in place ("Updating this value by itself will not trigger a delay").
    inputs: ["triggers"],
    source: "terraform-provider-time internal/provider/resource_time_sleep.go (triggers: mapplanmodifier.RequiresReplace)",
  },
];

/**
 * The diff of a resource of the AWS provider, bridged from terraform-provider-aws (pulumi/pulumi-terraform-bridge,
 * `Diff`): the inputs that differ; those marked `ForceNew` replace the resource. The bridge asks for delete-before-create
 * when the program set the resource's `name` itself and kept it (`nameRequiresDeleteBeforeReplace`): a replacement
 * under the same name could not be created beside the old one.
 */
export function awsDiff(type: string): DiffRule {
  return (olds: Inputs, news: Inputs) => {
    const changed = changedKeys(olds, news);
    if (changed.length === 0) return { changed, replaces: [], deleteBeforeReplace: false };
    const rule = FORCE_NEW.find((e) => e.type === type);
    if (rule === undefined) {
      throw new Error(
        `${type} changed (${changed.join(", ")}) and the harness has not read its ForceNew inputs: add them to test/lifecycle/awsDiff.ts from terraform-provider-aws`,
      );
    }
    const replaces = changed.filter((k) => rule.inputs.includes(k));
    const namedAndKept = news.name !== undefined && deepEqual(olds.name, news.name);
    return { changed, replaces, deleteBeforeReplace: replaces.length > 0 && namedAndKept };
  };
}
