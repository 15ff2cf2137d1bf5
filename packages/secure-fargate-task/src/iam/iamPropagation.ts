import * as pulumi from "@pulumi/pulumi";

/**
 * How long to let IAM propagate a new or changed role or policy before ECS relies on it. IAM has one control plane
 * and replicates each change to its data planes, "which can take some time"; AWS asks that changes be verified before
 * workflows depend on them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
 * Without the wait, the provider's `RegisterTaskDefinition` (which it does not retry) can fail with `iam:PassRole`
 * AccessDenied on a role created in the same second (terraform-aws-modules/terraform-aws-ecs#414), and the first
 * task can fail with "ECS was unable to assume the role" (pulumi/pulumi-awsx#927).
 */
export const IAM_PROPAGATION_SECONDS = 15;

/** The wait's inputs: what, when it changes, must propagate again, and for how long to wait. */
export interface PropagationState {
  /** The roles' ARNs and their policy documents. */
  triggers: string[];
  seconds: number;
}

/** Whether the wait must run again: a role or a policy changed, or the wait's length. */
export function mustWaitAgain(olds: Partial<PropagationState>, news: Partial<PropagationState>): boolean {
  return JSON.stringify(olds.triggers ?? []) !== JSON.stringify(news.triggers ?? []) || olds.seconds !== news.seconds;
}

/** Runs in the Pulumi engine's Node host at deployment: sleeps on create and on every change of the triggers. */
const waitProvider: pulumi.dynamic.ResourceProvider<PropagationState, PropagationState> = {
  async create(inputs) {
    await new Promise((resolve) => setTimeout(resolve, inputs.seconds * 1000));
    return { id: "iam-propagation", outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: mustWaitAgain(olds, news) };
  },
  async update(_id, _olds, news) {
    await new Promise((resolve) => setTimeout(resolve, news.seconds * 1000));
    return { outs: news };
  },
};

/**
 * A wait between the task's roles and policies and what ECS does with them (registering the task definition, starting
 * tasks): it runs when a role or a policy is created or changed, and costs nothing when neither changes.
 */
export class IamPropagation extends pulumi.dynamic.Resource {
  constructor(name: string, triggers: pulumi.Input<string>[], opts: pulumi.CustomResourceOptions) {
    super(waitProvider, name, { triggers, seconds: IAM_PROPAGATION_SECONDS }, opts);
  }
}
