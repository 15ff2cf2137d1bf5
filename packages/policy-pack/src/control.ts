/**
 * What a control is: its id, what it checks, how the component stands against it, and what it flags. The lists are
 * `controls.ts` (the first list) and `peerControls.ts` (the checks peers run).
 */
import type { SecureFargateTaskArgs } from "../../secure-fargate-task/src";
import type { Subject } from "./subject";

/** How the component's default deployment stands against a control. */
export type Verdict =
  | { status: "met" }
  /** Not by default; `args` meets it, and the tests prove that. */
  | { status: "met with an option"; reason: string; option: string; args: Partial<SecureFargateTaskArgs> }
  /** Not met, for the reason given; `option` says what would meet it. */
  | { status: "not met"; reason: string; option: string }
  /** The control evaluates nothing the component makes. */
  | { status: "not applicable"; reason: string };

export interface Control {
  /** Security Hub control id, or the Config rule name for a rule Security Hub has no control for. */
  id: string;
  /** The AWS Config rule(s) that implement it, comma-separated (the conformance pack's, then Security Hub's). */
  rule: string;
  /** What it checks, in a line. */
  checks: string;
  verdict: Verdict;
  /** A caveat that holds whatever the verdict. */
  note?: string;
  /** What the control would flag in a subject; none = compliant. */
  findings: (subject: Subject) => string[];
  /**
   * When the component's defaults make nothing the control evaluates: the arguments with which it does (`what`, for
   * the docs). The verdict is then the component's with these arguments, and an option's `args` are added to them.
   */
  evaluatedWith?: { args: Partial<SecureFargateTaskArgs>; what: string };
  /**
   * Why the control is advisory although the component meets it (or it does not apply to the component): a supported
   * configuration of the stack does not meet it by default. Says why, and how to meet it.
   */
  advisory?: string;
}

/** The component with the ALB it creates: a certificate is all `loadBalancer` needs (and a port to send traffic to). */
export const ALB_CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";
export const WITH_ALB: Control["evaluatedWith"] = {
  args: { portMappings: [{ containerPort: 8080 }], loadBalancer: { certificateArn: ALB_CERTIFICATE } },
  what: "the ALB `loadBalancer: { certificateArn }` creates, other options at their defaults (without `loadBalancer`, or with `targetGroupArn`, the component makes no load balancer)",
};
