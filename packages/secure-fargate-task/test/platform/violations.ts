import { checkAwsRules, type CheckedResource } from "../awsRules/check";
import { missingFiles, type Registration } from "./registration";

/**
 * What a real `pulumi up` would refuse that Pulumi's mocks let pass: files the registrations name that do not exist,
 * and inputs that break AWS's input rules. Every mock run, of the component and of the stack, holds itself to this.
 */
export function platformViolations(registrations: readonly Registration[], resources: ReadonlyArray<CheckedResource>): string[] {
  return [...missingFiles(registrations), ...checkAwsRules(resources)];
}
