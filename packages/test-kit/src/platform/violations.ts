import { checkAwsRules, type CheckedResource } from "../awsRules/check";
import { nodeOnlyResources } from "./everyLanguage";
import { missingFiles, type Registration } from "./registration";

/**
 * What a real `pulumi up` would refuse that Pulumi's mocks let pass: files the registrations name that do not exist,
 * inputs that break AWS's input rules, and resources a program in another language than Node.js could neither deploy
 * nor destroy. Every mock run, of the component, the stack and the examples, holds itself to this.
 */
export function platformViolations(registrations: readonly Registration[], resources: ReadonlyArray<CheckedResource>): string[] {
  return [...missingFiles(registrations), ...checkAwsRules(resources), ...nodeOnlyResources(resources)];
}
