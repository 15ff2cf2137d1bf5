/**
 * The component's CloudWatch log groups: the app's (every container of the task, and ECS Exec's sessions, write to it)
 * and, when the service follows a secret's rotation, the restart function's. Each is named by the component's derived
 * names, keeps events for `logRetentionInDays` (retention.ts) and is encrypted with the component's key. The key policy
 * lets CloudWatch Logs use the key for exactly {@link logGroupNames} (iam/policies.ts `keyPolicy`); whoever writes to a
 * group is granted that group alone, by its ARN (the execution role, iam/policies.ts; the restart function's role,
 * secrets/rotation.ts).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { DerivedNames } from "../names";

/** Each log group: the suffix of its logical name (after the component's) and its name among the derived names. */
export const LOG_GROUPS = {
  app: { suffix: "logs", name: (names: DerivedNames): string => names.logGroup },
  rotation: { suffix: "rotation-logs", name: (names: DerivedNames): string => names.rotationLogGroup },
} as const;

/** Which of the component's log groups: the app's, or the rotation restart function's. */
export type LogGroupKind = keyof typeof LOG_GROUPS;

/** What every log group shares: how long it keeps events, and the key that encrypts them. */
export interface LogGroupSettings {
  logRetentionInDays: number;
  kmsKeyArn: pulumi.Input<string>;
}

/** The names of the log groups the component creates: the app's, and the rotation function's when it follows rotation. */
export function logGroupNames(names: DerivedNames, followsRotation: boolean): string[] {
  const kinds: LogGroupKind[] = followsRotation ? ["app", "rotation"] : ["app"];
  return kinds.map((kind) => LOG_GROUPS[kind].name(names));
}

/** Creates one of the component's log groups, a child of the component. */
export function createLogGroup(ctx: ChildContext, kind: LogGroupKind, settings: LogGroupSettings): aws.cloudwatch.LogGroup {
  const group = LOG_GROUPS[kind];
  return new aws.cloudwatch.LogGroup(
    `${ctx.name}-${group.suffix}`,
    { name: group.name(ctx.names), retentionInDays: settings.logRetentionInDays, kmsKeyId: settings.kmsKeyArn, tags: ctx.tags },
    { parent: ctx.parent },
  );
}
