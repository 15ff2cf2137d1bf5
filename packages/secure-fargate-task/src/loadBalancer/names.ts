import { fit, shortHash } from "../names";

/**
 * Names of the load balancer and its target group. Elastic Load Balancing allows 1 to 32 alphanumerics and hyphens, no
 * leading or trailing hyphen, and no load balancer name starting with `internal-` (terraform-provider-aws
 * internal/service/elbv2/validate.go validName, validTargetGroupName).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 */
export const ELB_NAME_MAX = 32;

/** `<project>-<stack>-<name>` in ELB's alphabet: runs of other characters become one hyphen, none at the ends. */
function elbBase(project: string, stack: string, name: string): string {
  const base = [project, stack, name]
    .join("-")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return base === "" ? "x" : base;
}

/**
 * The ALB's name: `<project>-<stack>-<name>`, shortened with a hash of the whole when longer than 32, so that stacks and
 * components sharing a region never collide. Nothing but the name replaces an ALB we configure (we never set
 * `internal` or change its type), so a fixed name is safe.
 */
export function loadBalancerName(project: string, stack: string, name: string): string {
  let base = elbBase(project, stack, name);
  if (/^internal-/i.test(base)) base = `lb-${base}`;
  return fit(base, ELB_NAME_MAX, /[^A-Za-z0-9]+$/);
}

/**
 * The target group's name: the base shortened to 23 characters, then `-` and a hash of `replacedBy`, the inputs whose
 * change replaces a target group (port, protocol, VPC, target type: terraform-provider-aws target_group.go, ForceNew).
 * The replacement, created before the old group is deleted, so gets a name of its own.
 */
export function targetGroupName(project: string, stack: string, name: string, replacedBy: string): string {
  const hash = shortHash(replacedBy);
  return `${fit(elbBase(project, stack, name), ELB_NAME_MAX - hash.length - 1, /[^A-Za-z0-9]+$/)}-${hash}`;
}
