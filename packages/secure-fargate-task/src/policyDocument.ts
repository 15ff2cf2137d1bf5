/** IAM policy documents as plain JSON, built by pure functions from resolved ARNs. */

/** A principal in a resource-based or trust policy. */
export type Principal = { AWS: string | string[] } | { Service: string | string[] };

/** One IAM policy statement. */
export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Principal;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

/** A policy document with these statements. */
export function policyDocument(statements: Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}
