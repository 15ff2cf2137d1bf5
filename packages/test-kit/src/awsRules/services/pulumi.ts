/**
 * The input rules of Pulumi's own types (the stack, the component) and the time provider's sleep, each with its
 * source (../README.md says how to add one).
 */
import { ResourceRules } from "../rules";

/** The input rules of Pulumi's own types and the time provider's sleep, by type token. */
export const PULUMI_RULES: Readonly<Record<string, ResourceRules>> = {
  "secure-fargate-task:index:SecureFargateTask": { rules: [], note: "the component itself: no AWS inputs" },

  "pulumi:pulumi:Stack": { rules: [], note: "the stack resource: no AWS inputs" },

  "time:index/sleep:Sleep": {
    rules: [
      {
        path: "createDuration",
        checks: [{ kind: "pattern", pattern: /[0-9]+(\.[0-9]+)?(ms|s|m|h)/, what: "a duration such as 15s" }],
        source: { code: "terraform-provider-time internal/provider/resource_time_sleep.go / create_duration stringvalidator.RegexMatches" },
      },
    ],
    note: "the IAM propagation wait (src/iam/iamPropagation.ts): the time provider sleeps, sends nothing to AWS",
  },
};
