import * as pulumi from "@pulumi/pulumi";
import { Effect, type PolicyStatementArgs } from "./args";
import { type Reject, show } from "../errors";

/** Checks `taskRolePolicyStatements`: each an Allow or Deny of named actions on a list of ARNs, never every action. */
export function validateStatements(statements: readonly PolicyStatementArgs[], reject: Reject): void {
  statements.forEach((s, i) => validateStatement(s, `taskRolePolicyStatements[${i}]`, reject));
}

function validateStatement(s: PolicyStatementArgs, field: string, reject: Reject): void {
  if (!(Object.values(Effect) as string[]).includes(s.Effect)) {
    reject(`${field}.Effect`, `must be "Allow" or "Deny": got ${show(s.Effect)}.`);
  }
  if (!Array.isArray(s.Action)) {
    reject(`${field}.Action`, `must be a list of actions: got ${show(s.Action)}. Write ["${String(s.Action)}"].`);
    return;
  }
  const actions = s.Action;
  if (actions.length === 0) reject(`${field}.Action`, `is empty. Name the actions the application calls.`);
  for (const action of actions) {
    if (action === "*" || action === "*:*") {
      reject(
        `${field}.Action`,
        `grants every action: got ${show(action)}. Name the actions the application calls, e.g. "dynamodb:BatchWriteItem".`,
      );
    }
  }
  if (!Array.isArray(s.Resource)) {
    reject(
      `${field}.Resource`,
      `must be a list of ARNs: got ${pulumi.Output.isInstance(s.Resource) ? "an Output" : show(s.Resource)}. Write [arn].`,
    );
  } else if (s.Resource.length === 0) {
    reject(`${field}.Resource`, `is empty. Name the ARNs the actions apply to.`);
  }
}
