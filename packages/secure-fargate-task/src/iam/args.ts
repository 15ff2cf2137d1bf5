import type * as pulumi from "@pulumi/pulumi";

/** The effect of an IAM policy statement. */
export const Effect = { Allow: "Allow", Deny: "Deny" } as const;
export type Effect = (typeof Effect)[keyof typeof Effect];

/** One IAM policy statement, with resources that may be outputs of other resources (a table's ARN, say). */
export interface PolicyStatementArgs {
  /** Statement id. @default - none */
  Sid?: string;
  /** `Allow` or `Deny`. */
  Effect: Effect;
  /** The actions; `*` alone is rejected. */
  Action: string[];
  /** The resource ARNs. */
  Resource: pulumi.Input<string>[];
  /** IAM condition block: operator -> key -> values. @default - none */
  Condition?: Record<string, Record<string, pulumi.Input<string>[]>>;
}
