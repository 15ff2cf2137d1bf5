import * as aws from "@pulumi/aws";
import type { PolicyStatementArgs } from "secure-fargate-task";
import type { StackConfig } from "./config";

/**
 * Key design, agreed with the service (`service/src/item.ts`):
 * - hash key `user` (S): the author's X user id, as in the AWS blog;
 * - range key `date` (S): the post's `created_at` (ISO-8601) + "#" + the post id, e.g.
 *   `2024-05-01T12:00:00.000Z#1785412345678901234`.
 * The blog's range key was the date alone, at one-second resolution: two posts of one user in the same second
 * overwrote each other. With the post id appended every post has its own key, and a post the stream delivers twice is
 * written to the same key: stored once. Items still sort by time within a user. No TTL: posts are kept.
 */
export function createTable(config: Pick<StackConfig, "tableName" | "deletionProtection">): aws.dynamodb.Table {
  // The posts the service keeps.
  return new aws.dynamodb.Table("twitterStream", {
    name: config.tableName,
    billingMode: "PAY_PER_REQUEST",
    hashKey: "user",
    rangeKey: "date",
    attributes: [
      { name: "user", type: "S" },
      { name: "date", type: "S" },
    ],
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: config.deletionProtection,
  });
}

/**
 * DynamoDB actions the service calls, one per `@aws-sdk` command it sends: `BatchWriteCommand` (lib-dynamodb) is
 * `dynamodb:BatchWriteItem`. Add an action here only with the command that needs it.
 */
export const SERVICE_TABLE_ACTIONS = ["dynamodb:BatchWriteItem"];

/** The task role's only statement: the service may write posts to this table, nothing else. */
export function tableWriteStatements(table: aws.dynamodb.Table): PolicyStatementArgs[] {
  return [{ Sid: "WritePosts", Effect: "Allow", Action: SERVICE_TABLE_ACTIONS, Resource: table.arn }];
}
