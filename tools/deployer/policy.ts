/**
 * The ready-to-attach policy: every action the rows need, grouped by service. Actions that take a resource whose
 * name the stack fixes (roles, repository, secrets, log groups) are scoped to those names; `iam:PassRole` only to the
 * services the rows pass roles to; `iam:CreateServiceLinkedRole` only for the service-linked role of each service the
 * rows name (`serviceLinkedRoleOf`); the rest is `*` (no resource-level permissions, or an ARN not known before it
 * exists). Deterministic: statements and actions sorted.
 */
import { actionsOf } from "./permissions";
import type { PermissionRow } from "./types";

/** A statement of an IAM identity policy. */
export interface Statement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM identity policy document. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

/** A set of actions scoped to the resources the stack names, for project (and component) `project`. */
interface Scope {
  readonly sid: string;
  readonly matches: (action: string) => boolean;
  readonly resource: (project: string) => string[];
  readonly condition?: Record<string, Record<string, string>>;
}

/** The one managed policy the stack attaches (the backup role's, `infra/backup.ts`). */
export const ATTACHABLE_POLICY = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup";

/**
 * Narrowed scopes, first match wins. Names as the component derives them (`names.ts`): repository
 * `<project>/<stack>/<name>`, secrets `<project>/<stack>/<name>/…`, log groups `/ecs/<project>/…`; roles are
 * auto-named `<name>-<role>-<random>`. Resource types per action: Service Authorization Reference.
 */
const SCOPES: readonly Scope[] = [
  {
    sid: "AttachOnlyTheBackupPolicyToOwnRoles",
    matches: (a) => a === "iam:AttachRolePolicy" || a === "iam:DetachRolePolicy",
    resource: (p) => [`arn:aws:iam::*:role/${p}-*`],
    condition: { ArnEquals: { "iam:PolicyARN": ATTACHABLE_POLICY } },
  },
  {
    sid: "OwnRoles",
    matches: (a) => a.startsWith("iam:") && a !== "iam:PassRole" && a !== "iam:CreateServiceLinkedRole",
    resource: (p) => [`arn:aws:iam::*:role/${p}-*`],
  },
  {
    sid: "OwnRepository",
    matches: (a) => a.startsWith("ecr:") && a !== "ecr:GetAuthorizationToken",
    resource: (p) => [`arn:aws:ecr:*:*:repository/${p}/*`],
  },
  { sid: "OwnSecrets", matches: (a) => a.startsWith("secretsmanager:"), resource: (p) => [`arn:aws:secretsmanager:*:*:secret:${p}/*`] },
  {
    sid: "OwnLogGroups",
    matches: (a) => a.startsWith("logs:") && a !== "logs:DescribeLogGroups",
    resource: (p) => [`arn:aws:logs:*:*:log-group:/ecs/${p}/*`],
  },
];

/**
 * The service-linked roles rows may create, by the service principal that `iam:AWSServiceName` names: the statement id
 * and the role's name (its path is `aws-service-role/<service>/`). ECS:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html; Elastic Load Balancing:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html; Application Auto
 * Scaling for ECS: https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html
 */
const SERVICE_LINKED_ROLES: Readonly<Record<string, { readonly sid: string; readonly role: string }>> = {
  "ecs.amazonaws.com": { sid: "EcsServiceLinkedRole", role: "AWSServiceRoleForECS" },
  "ecs.application-autoscaling.amazonaws.com": {
    sid: "EcsScalingServiceLinkedRole",
    role: "AWSServiceRoleForApplicationAutoScaling_ECSService",
  },
  "elasticloadbalancing.amazonaws.com": { sid: "ElbServiceLinkedRole", role: "AWSServiceRoleForElasticLoadBalancing" },
};

/**
 * One statement per service whose service-linked role the rows may create: `iam:CreateServiceLinkedRole` on that role
 * alone, with `iam:AWSServiceName` naming that service. Throws for a row with the action and no known service.
 */
export function serviceLinkedRoleStatements(rows: readonly PermissionRow[]): Statement[] {
  const services = new Set<string>();
  for (const row of rows.filter((r) => actionsOf(r).includes("iam:CreateServiceLinkedRole"))) {
    const service = row.serviceLinkedRoleOf;
    if (service === undefined || SERVICE_LINKED_ROLES[service] === undefined) {
      throw new Error(
        `${row.token}: iam:CreateServiceLinkedRole needs serviceLinkedRoleOf, one of ${Object.keys(SERVICE_LINKED_ROLES).join(", ")} (got ${String(service)}); add the service's role to SERVICE_LINKED_ROLES in tools/deployer/policy.ts`,
      );
    }
    services.add(service);
  }
  return [...services].sort().map((service) => ({
    Sid: SERVICE_LINKED_ROLES[service].sid,
    Effect: "Allow",
    Action: ["iam:CreateServiceLinkedRole"],
    Resource: `arn:aws:iam::*:role/aws-service-role/${service}/${SERVICE_LINKED_ROLES[service].role}`,
    Condition: { StringEquals: { "iam:AWSServiceName": service } },
  }));
}

/**
 * Statement id of a service's `*` statement: `Ec2`, `Kms`, `ApplicationAutoscaling`. IAM allows only letters and
 * digits in a `Sid` (IAM User Guide, IAM JSON policy elements: Sid).
 */
export function serviceSid(service: string): string {
  return service
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** Builds the policy for these rows. `project`: the Pulumi project (and component name) the names start with. */
export function deployerPolicy(rows: readonly PermissionRow[], project: string): PolicyDocument {
  const actions = [...new Set(rows.flatMap(actionsOf))].sort();
  const statements: Statement[] = [];
  const passTo = [...new Set(rows.flatMap((r) => (r.passRoleTo ? [r.passRoleTo] : [])))].sort();
  if (actions.includes("iam:PassRole")) {
    statements.push({
      Sid: "PassOwnRolesToTheirServices",
      Effect: "Allow",
      Action: ["iam:PassRole"],
      Resource: `arn:aws:iam::*:role/${project}-*`,
      Condition: { StringEquals: { "iam:PassedToService": passTo.length === 1 ? passTo[0] : passTo } },
    });
  }
  statements.push(...serviceLinkedRoleStatements(rows));
  const rest = actions.filter((a) => a !== "iam:PassRole" && a !== "iam:CreateServiceLinkedRole");
  const scoped = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  for (const action of rest) {
    const scope = SCOPES.find((s) => s.matches(action));
    const key = scope ? scope.sid : action.split(":")[0];
    const bucket = scope ? scoped : byService;
    bucket.set(key, [...(bucket.get(key) ?? []), action]);
  }
  for (const scope of SCOPES) {
    const list = scoped.get(scope.sid);
    if (list) {
      const condition = scope.condition ? { Condition: scope.condition } : {};
      statements.push({ Sid: scope.sid, Effect: "Allow", Action: list, Resource: scope.resource(project), ...condition });
    }
  }
  for (const [service, list] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    statements.push({ Sid: serviceSid(service), Effect: "Allow", Action: list, Resource: "*" });
  }
  return { Version: "2012-10-17", Statement: statements };
}
