import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";

/** A role and its one inline policy, named `<component>-<part>-role` and `<component>-<part>-policy`. */
export interface RoleWithPolicy {
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
}

/**
 * A role of one component part (the rotation function's, the schedule's) with its single inline policy: trust and
 * permissions as JSON documents, no managed policy.
 */
export function createRoleWithPolicy(
  ctx: ChildContext,
  part: string,
  args: { description: string; assumeRolePolicy: pulumi.Input<string>; policy: pulumi.Input<string> },
): RoleWithPolicy {
  const opts = { parent: ctx.parent };
  const role = new aws.iam.Role(
    `${ctx.name}-${part}-role`,
    { description: args.description, assumeRolePolicy: args.assumeRolePolicy, tags: ctx.tags },
    opts,
  );
  const policy = new aws.iam.RolePolicy(`${ctx.name}-${part}-policy`, { role: role.id, policy: args.policy }, opts);
  return { role, policy };
}
