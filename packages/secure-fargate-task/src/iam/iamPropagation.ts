import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";

/**
 * How long to let IAM propagate a new or changed role or policy before ECS relies on it. IAM has one control plane
 * and replicates each change to its data planes, "which can take some time"; AWS asks that changes be verified before
 * workflows depend on them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
 *
 * The AWS provider does not wait on the paths the task's roles take: terraform-provider-aws'
 * `resourceTaskDefinitionCreate` (internal/service/ecs/task_definition.go) calls `RegisterTaskDefinition` once, without
 * retry, and can fail with `iam:PassRole` AccessDenied on a role created in the same second
 * (terraform-aws-modules/terraform-aws-ecs#414); `retryServiceCreate` (internal/service/ecs/service.go) retries
 * `CreateService` only on the *service* role and service-linked role messages, not on the task's roles, and the first
 * task can fail with "ECS was unable to assume the role" (pulumi/pulumi-awsx#927). The schedule's path is covered for
 * the role's trust only: `retryWhenIAMNotPropagated` (internal/service/scheduler/schedule.go) retries `CreateSchedule`
 * and `UpdateSchedule` for 2 minutes while Scheduler cannot assume the role, but not its permissions policy.
 */
export const IAM_PROPAGATION_SECONDS = 15;

/**
 * The wait's length in the time provider's format: terraform-provider-time `resource_time_sleep.go` validates
 * `create_duration` against `^[0-9]+(\.[0-9]+)?(ms|s|m|h)$` and parses it with Go's `time.ParseDuration`.
 */
export function sleepDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`IAM propagation wait: ${seconds} seconds; use a positive whole number`);
  return `${seconds}s`;
}

/**
 * A wait between roles and policies and what AWS does with them (registering the task definition, starting tasks,
 * running a schedule): a `time:index/sleep:Sleep` of the time provider (pulumiverse/pulumi-time, a bridge of
 * terraform-provider-time), a plugin any Pulumi language loads from the plugin cache, unlike a dynamic resource, whose
 * provider runs from the program's own node_modules (pulumi/pulumi#5455). Its `triggers` (the roles' ARNs and policy
 * documents) force a replacement when one changes (`mapplanmodifier.RequiresReplace` in resource_time_sleep.go), and the
 * replacement sleeps again; when none changes it costs nothing.
 */
export function iamPropagation(name: string, triggers: Record<string, pulumi.Input<string>>, opts: pulumi.CustomResourceOptions): time.Sleep {
  return new time.Sleep(name, { createDuration: sleepDuration(IAM_PROPAGATION_SECONDS), triggers }, opts);
}
