/**
 * The ready-to-attach policy: every action the rows need, grouped by service. Actions that take a resource whose
 * name the stack fixes (roles, repository, secrets, log groups) are scoped to those names; `iam:PassRole` only to the
 * services the rows pass roles to; the rest is `*` (no resource-level permissions, or an ARN not known before it
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

/** Statement id of a service's `*` statement: `Ec2`, `Kms`, ... */
function serviceSid(service: string): string {
  return service.charAt(0).toUpperCase() + service.slice(1);
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
  if (actions.includes("iam:CreateServiceLinkedRole")) {
    statements.push({
      Sid: "EcsServiceLinkedRole",
      Effect: "Allow",
      Action: ["iam:CreateServiceLinkedRole"],
      Resource: "arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
      Condition: { StringEquals: { "iam:AWSServiceName": "ecs.amazonaws.com" } },
    });
  }
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
