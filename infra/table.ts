import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
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
 *
 * The global secondary index `byId` (hash key `id`, keys only) finds a post by its id: the compliance command scans
 * it for every stored id (a keys-only page holds many more posts than a page of the table) and deletes the posts X
 * reports deleted. Adding it is an in-place update of the table, not a replacement.
 */
export function createTable(config: Pick<StackConfig, "tableName" | "deletionProtection">): aws.dynamodb.Table {
  // The posts the service keeps.
  return new aws.dynamodb.Table(
    "twitterStream",
    {
      name: config.tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: "user",
      rangeKey: "date",
      attributes: [
        { name: "user", type: "S" },
        { name: "date", type: "S" },
        { name: "id", type: "S" },
      ],
      globalSecondaryIndexes: [{ name: BY_ID_INDEX, hashKey: "id", projectionType: "KEYS_ONLY" }],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true },
      deletionProtectionEnabled: config.deletionProtection,
    },
    // A change of the key schema replaces the table. With a name the program sets, the AWS provider asks to delete the
    // old table first (pulumi-terraform-bridge, nameRequiresDeleteBeforeReplace), which would lose the posts when
    // deletion protection is off. Create-before-delete instead stops on the taken name, the old table untouched.
    { deleteBeforeReplace: false },
  );
}

/** The index on `id` (`service/src/compliance/store.ts` names it too). */
export const BY_ID_INDEX = "byId";

/**
 * DynamoDB actions on the table itself, one per `@aws-sdk` command that sends them: `BatchWriteCommand`
 * (lib-dynamodb) is `dynamodb:BatchWriteItem`, sent by the service (puts, and deletes of an edited post's earlier
 * versions) and by the compliance command (deletes).
 */
export const TABLE_ACTIONS = ["dynamodb:BatchWriteItem"];

/** DynamoDB actions on the `byId` index: `ScanCommand` (the compliance command reads every stored id) is `dynamodb:Scan`. */
export const INDEX_ACTIONS = ["dynamodb:Scan"];

/** Every DynamoDB action the image's code calls. Add an action here only with the command that needs it. */
export const SERVICE_TABLE_ACTIONS = [...TABLE_ACTIONS, ...INDEX_ACTIONS];

/**
 * The task role's statements (the service and the compliance command run as the same task role): write and delete
 * posts in this table, and scan the keys of its `byId` index; nothing else.
 */
export function tableWriteStatements(table: aws.dynamodb.Table): PolicyStatementArgs[] {
  return [
    { Sid: "WritePosts", Effect: "Allow", Action: TABLE_ACTIONS, Resource: [table.arn] },
    { Sid: "ScanPostIds", Effect: "Allow", Action: INDEX_ACTIONS, Resource: [pulumi.interpolate`${table.arn}/index/${BY_ID_INDEX}`] },
  ];
}
