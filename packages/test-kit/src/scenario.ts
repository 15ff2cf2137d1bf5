/**
 * What a run of the stack program under mocks hands back from its own process (the stack's test harness, the deployer
 * and the cost report all read it): one JSON line after RESULT_PREFIX.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isSecretWrapped, unwrapSecrets } from "./awsFakes";

/** One `newResource` call, secret inputs unwrapped. */
export interface CapturedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Top-level input names whose value arrived as a secret. */
  secretInputs: string[];
}

/** One stack output, resolved. */
export interface CapturedOutput {
  value: unknown;
  secret: boolean;
}

/** What one run of the program under mocks produced; JSON, so that a child process can hand it back. */
export interface ScenarioResult {
  resources: CapturedResource[];
  invokes: string[];
  outputs: Record<string, CapturedOutput>;
  /** The message of the error the program failed with, if it did. */
  error?: string;
}

/** The account and region of the stack program's runs under mocks (the ARNs and prices they produce are in it). */
export const SCENARIO_ACCOUNT = "123456789012";
export const SCENARIO_REGION = "us-east-1";

/** Marks the result line of `scenario.ts` among anything else the program prints. */
export const RESULT_PREFIX = "SCENARIO_RESULT ";

/** A resource registration as the mocks record it. */
export function capture(args: pulumi.runtime.MockResourceArgs): CapturedResource {
  const raw = args.inputs as Record<string, unknown>;
  const secretInputs = Object.keys(raw).filter((k) => isSecretWrapped(raw[k]));
  return { type: args.type, name: args.name, inputs: unwrapSecrets(raw) as Record<string, unknown>, secretInputs };
}
