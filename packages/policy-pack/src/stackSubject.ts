/**
 * A `Subject` built from what the policy analyzer gives a stack policy, so the same findings run under
 * `pulumi preview --policy-pack` as in the tests.
 *
 * The engine calls AnalyzeStack "on the final outputs of each resource" (pulumi/pulumi
 * pkg/resource/deploy/deployment_executor.go), and a resource's outputs hold its inputs too, so `props` serves as
 * both. Nothing is copied: during a preview an output AWS has not computed yet is unknown, and @pulumi/policy's
 * `unknownCheckingProxy` throws when one is read, which turns only the policies that read it into an advisory
 * "can't run ... during preview".
 */
import type { PolicyResource } from "@pulumi/policy";
import { ofType, Resource, Subject, TYPES } from "./subject";

function resourceOf(r: PolicyResource): Resource {
  const props = r.props as Record<string, unknown>;
  return {
    type: r.type,
    name: r.name,
    get id() {
      return typeof props.id === "string" ? props.id : "";
    },
    inputs: props,
    state: props,
  };
}

/** The stack's resources as a subject; its secret values are those its secret versions store. */
export function stackSubject(resources: PolicyResource[], label = "stack"): Subject {
  const subject: Subject = {
    label,
    resources: resources.map(resourceOf),
    get secretValues() {
      return ofType(subject, TYPES.secretVersion).flatMap((v) => (typeof v.state.secretString === "string" ? [v.state.secretString] : []));
    },
  };
  return subject;
}
