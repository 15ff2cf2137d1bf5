/**
 * One request evaluated the way AWS evaluates it, by @cloud-copilot/iam-simulate: identity policies of the caller,
 * the resource's policy (a KMS key policy, a role's trust policy) where it has one. Strict: a policy the simulator
 * rejects, or a context key it would drop as not applying to the action, fails loudly instead of deciding quietly.
 */
import { runSimulation, type EvaluationResult } from "@cloud-copilot/iam-simulate";

/**
 * An IAM policy document as JSON: the simulator reads the grammar itself
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), so any document of that shape.
 */
export interface PolicyDocument {
  Version: string;
  Statement: readonly object[];
}

export type Decision = EvaluationResult;

export interface SimulatedRequest {
  /** ARN of the calling role or user, or a service principal such as `ecs-tasks.amazonaws.com`. */
  principal: string;
  action: string;
  resource: string;
  /** Account that owns the resource. */
  resourceAccount: string;
  context: Record<string, string>;
  identityPolicies: PolicyDocument[];
  resourcePolicy?: PolicyDocument;
}

export async function decide(request: SimulatedRequest): Promise<Decision> {
  const response = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: request.context,
      },
      identityPolicies: request.identityPolicies.map((policy, i) => ({ name: `policy-${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: request.resourcePolicy,
    },
    {},
  );
  const where = `${request.principal} ${request.action} ${request.resource}`;
  if (response.resultType === "error") throw new Error(`${where}: ${response.errors.message}`);
  const ignored = response.resultType === "single" ? (response.result.ignoredContextKeys ?? []) : [];
  if (ignored.length > 0) throw new Error(`${where}: the simulator ignores context keys ${ignored.join(", ")}`);
  return response.overallResult;
}
