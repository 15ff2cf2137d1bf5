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

/**
 * A caller's statement (lists everywhere, as every Pulumi language can express them) in IAM's usual compact form: a
 * list of one action or resource, or of one condition value, is written as that one string.
 */
export function compactStatement(statement: {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}): Statement {
  const one = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);
  const condition =
    statement.Condition &&
    Object.fromEntries(
      Object.entries(statement.Condition).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, one(v)]))]),
    );
  return {
    ...(statement.Sid === undefined ? {} : { Sid: statement.Sid }),
    Effect: statement.Effect,
    Action: one(statement.Action),
    Resource: one(statement.Resource),
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}

/**
 * A resource policy's statement refusing every request not made over TLS (`aws:SecureTransport` false), AWS's
 * documented form for S3 buckets and SQS queues.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html
 * @param action the service's every action: `s3:*`, `sqs:*`.
 */
export function denyInsecureTransport(action: string, resource: string | string[]): Statement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** A policy document with these statements. */
export function policyDocument(statements: Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}
