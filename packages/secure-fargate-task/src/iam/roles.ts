import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatementArgs } from "./args";
import type { ChildContext } from "../context";
import { secretReadStatements } from "./grants";
import { iamPropagation } from "./iamPropagation";
import { compactStatement, policyDocument } from "./policyDocument";
import { ecsTasksTrustPolicy, executionRolePolicy } from "./policies";
import { readBy, type SecretUse } from "../secrets/uses";
import { efsMountStatements, type ResolvedEfsVolume } from "../storage/efs";
import { execStatements } from "../ecs/exec";

/** What the roles are granted on. */
export interface RoleInputs {
  /** The ECR repositories ECS's agent pulls from (the component's, an ECR image pulled by name); may be empty. */
  repositoryArns: pulumi.Output<string[]>;
  logGroupArn: pulumi.Output<string>;
  /** Every secret of the task and who reads it: ECS's agent with the execution role, the init container with the task role. */
  secretUses: pulumi.Output<SecretUse[]>;
  /** What the application itself may do. */
  statements: PolicyStatementArgs[];
  /** Whether the init container reads any secret itself (an S3 object; then the task role is granted exactly that). */
  initReads: boolean;
  /** EFS volumes ECS mounts as the task role; none is an empty list. */
  efsVolumes: pulumi.Output<ResolvedEfsVolume[]>;
  /** Whether there are any (known before their ids are). */
  mountsEfs: boolean;
  /** With ECS Exec: the key that encrypts its sessions (their logs go to `logGroupArn`). */
  exec?: { kmsKeyArn: pulumi.Output<string> };
}

/** The task's two roles, and what a task definition must wait for: the roles and their policies, propagated. */
export interface TaskRoles {
  executionRole: aws.iam.Role;
  taskRole: aws.iam.Role;
  ready: pulumi.Resource;
}

/**
 * The execution role (ECS's agent: pull the image, write logs, read the injected secrets, the init container's too —
 * nothing more) and the task role (the application's own permissions, plus the init container's pinned reads of S3
 * objects, and the mount of EFS volumes through their access points). Both trust ECS tasks of this account only; neither has a managed policy.
 */
export function createRoles(ctx: ChildContext, inputs: RoleInputs): TaskRoles {
  const opts = { parent: ctx.parent };
  const trust = ctx.scope.apply((s) => JSON.stringify(ecsTasksTrustPolicy(s)));
  const executionRole = new aws.iam.Role(
    `${ctx.name}-execution-role`,
    { description: `ECS task execution role of ${ctx.names.label}`, assumeRolePolicy: trust, tags: ctx.tags },
    opts,
  );
  const executionPolicy = new aws.iam.RolePolicy(
    `${ctx.name}-execution-policy`,
    {
      role: executionRole.id,
      policy: pulumi
        .all([ctx.scope, inputs.repositoryArns, inputs.logGroupArn, inputs.secretUses])
        .apply(([s, repositoryArns, logGroupArn, uses]) =>
          JSON.stringify(
            executionRolePolicy({ repositoryArns, logGroupArn, secretStatements: secretReadStatements(readBy(uses, "agent"), "agent", s) }),
          ),
        ),
    },
    opts,
  );
  const taskRole = new aws.iam.Role(
    `${ctx.name}-task-role`,
    { description: `ECS task role of ${ctx.names.label}`, assumeRolePolicy: trust, tags: ctx.tags },
    opts,
  );
  const taskPolicy =
    inputs.statements.length > 0 || inputs.initReads || inputs.mountsEfs || inputs.exec
      ? new aws.iam.RolePolicy(
          `${ctx.name}-task-policy`,
          {
            role: taskRole.id,
            policy: pulumi
              .all([pulumi.output(inputs.statements), inputs.secretUses, inputs.efsVolumes, ctx.scope, inputs.logGroupArn, inputs.exec?.kmsKeyArn])
              .apply(([statements, uses, efs, s, logGroupArn, execKey]) =>
                JSON.stringify(
                  policyDocument([
                    ...statements.map(compactStatement),
                    ...secretReadStatements(readBy(uses, "init"), "init", s),
                    ...efsMountStatements(efs, s),
                    ...(execKey === undefined ? [] : execStatements(logGroupArn, execKey)),
                  ]),
                ),
              ),
          },
          opts,
        )
      : undefined;
  // ECS must not rely on a role or policy IAM has not propagated yet.
  const ready = iamPropagation(
    `${ctx.name}-iam-propagation`,
    {
      executionRole: executionRole.arn,
      taskRole: taskRole.arn,
      executionPolicy: executionPolicy.policy,
      ...(taskPolicy === undefined ? {} : { taskPolicy: taskPolicy.policy }),
    },
    { parent: ctx.parent, dependsOn: taskPolicy === undefined ? [executionPolicy] : [executionPolicy, taskPolicy] },
  );
  return { executionRole, taskRole, ready };
}
