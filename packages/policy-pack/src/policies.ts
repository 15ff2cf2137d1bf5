/**
 * The controls of `controls.ts` as CrossGuard stack policies: one policy per control, its findings reported as
 * violations. Stack policies, because several controls read more than one resource (a repository and its lifecycle
 * policy, a secret and the containers that read it).
 *
 * Enforcement: a control the component meets by default (or that is not applicable to it) is mandatory, so a stack
 * that breaks it fails `pulumi preview`/`up`. A control the component meets only with an option, or not at all, is
 * advisory: its default is a documented choice (docs/SECURITY.md), reported but not blocking. So is a control whose
 * `advisory` says why a supported configuration of the stack does not meet it, and how to. A stack that wants one
 * enforced sets it to mandatory in a policy config file (`pulumi up --policy-pack-config`, see the README).
 */
import type { EnforcementLevel, StackValidationPolicy } from "@pulumi/policy";
import { Control, CONTROLS } from "./controls";
import { stackSubject } from "./stackSubject";

export const PACK_NAME = "secure-fargate-task-controls";

/** The policy's name: the control id in lower case, dots as hyphens (`ECS.2` -> `ecs-2`). */
export function policyName(control: Control): string {
  return control.id.toLowerCase().replace(/\./g, "-");
}

export function enforcementLevel(control: Control): EnforcementLevel {
  if (control.advisory !== undefined) return "advisory";
  const { status } = control.verdict;
  return status === "met" || status === "not applicable" ? "mandatory" : "advisory";
}

export function policyOf(control: Control): StackValidationPolicy {
  const rule = control.rule === control.id ? "" : ` (AWS Config: ${control.rule})`;
  return {
    name: policyName(control),
    description: `${control.id}${rule}: ${control.checks}.`,
    enforcementLevel: enforcementLevel(control),
    validateStack: (args, reportViolation) => {
      for (const finding of control.findings(stackSubject(args.resources))) reportViolation(finding);
    },
  };
}

export const POLICIES: StackValidationPolicy[] = CONTROLS.map(policyOf);
