import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatementArgs } from "secure-fargate-task";
import { STATE_KEY } from "../service/src/compliance/state";
import type { StackConfig } from "./config";

/** The partition key of the compliance sweep's position item. */
const COMPLIANCE_STATE_USER = STATE_KEY.user;

/**
 * Key design, agreed with the service (`service/src/intake/item.ts`):
 * - hash key `user` (S): the author's X user id, as in the AWS blog;
 * - range key `date` (S): the post's `created_at` (ISO-8601) + "#" + the post id, e.g.
 *   `2024-05-01T12:00:00.000Z#1785412345678901234`.
 * The blog's range key was the date alone, at one-second resolution: two posts of one user in the same second
 * overwrote each other. With the post id appended every post has its own key, and a post the stream delivers twice is
 * written to the same key: stored once. Items still sort by time within a user. No TTL: posts are kept.
 *
 * The global secondary index `byId` (hash key `id`, keys only) finds a post by its id: the compliance command scans
 * it for every stored id (a keys-only page holds many more posts than a page of the table) and deletes the posts X
 * reports deleted. The sparse index `byRef` (hash key `refId`, keys and `refType`) holds only the retweets and quotes,
 * whose items keep the referenced post's text: the command checks those ids too, and finds the retweets to delete and
 * the quotes to redact when X reports the referenced post. Adding an index is an in-place update of the table, not a
 * replacement (DynamoDB builds it in the background; the compliance command fails until it is active).
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
        { name: "refId", type: "S" },
      ],
      globalSecondaryIndexes: [
        { name: BY_ID_INDEX, hashKey: "id", projectionType: "KEYS_ONLY" },
        { name: BY_REF_INDEX, hashKey: "refId", projectionType: "INCLUDE", nonKeyAttributes: ["refType"] },
      ],
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
/** The sparse index on `refId` (`service/src/compliance/store.ts` names it too). */
export const BY_REF_INDEX = "byRef";

/**
 * DynamoDB actions on the table itself, one per `@aws-sdk` command that sends them: `BatchWriteCommand`
 * (lib-dynamodb) is `dynamodb:BatchWriteItem`, sent by the service (puts, and deletes of an edited post's earlier
 * versions) and by the compliance command (deletes).
 */
export const TABLE_ACTIONS = ["dynamodb:BatchWriteItem"];

/**
 * The compliance command's `UpdateCommand` (a quote's quoted text removed when X reports the quoted post) is
 * `dynamodb:UpdateItem`; granted only with `dynamodb:ReturnValues` `NONE` (or absent), so that it cannot return an
 * item's text: the role writes posts, it does not read them.
 */
export const UPDATE_ACTIONS = ["dynamodb:UpdateItem"];

/**
 * The compliance command's `GetCommand` / `PutCommand` of the sweep's position (`service/src/compliance/state.ts`)
 * are `dynamodb:GetItem` / `dynamodb:PutItem`; granted on that one item only (`dynamodb:LeadingKeys`: its partition
 * key, never an X user id).
 */
export const STATE_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem"];

/**
 * DynamoDB actions on the `byId` and `byRef` indexes, both sent by the compliance command: `ScanCommand` (every
 * stored id) is `dynamodb:Scan`, `QueryCommand` (the items of a reported id) is `dynamodb:Query`. The indexes hold keys
 * and `refType`, no text.
 */
export const INDEX_ACTIONS = ["dynamodb:Scan", "dynamodb:Query"];

/** Every DynamoDB action the image's code calls. Add an action here only with the command that needs it. */
export const SERVICE_TABLE_ACTIONS = [...TABLE_ACTIONS, ...UPDATE_ACTIONS, ...STATE_ACTIONS, ...INDEX_ACTIONS];

/**
 * The task role's statements (the service and the compliance command run as the same task role): write and delete
 * posts in this table, remove a quote's quoted text, read and write the sweep's position item, and scan and query its
 * `byId` and `byRef` indexes; nothing else. IAM condition keys: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
export function tableWriteStatements(table: aws.dynamodb.Table): PolicyStatementArgs[] {
  return [
    { Sid: "WritePosts", Effect: "Allow", Action: TABLE_ACTIONS, Resource: [table.arn] },
    {
      Sid: "RedactQuotes",
      Effect: "Allow",
      Action: UPDATE_ACTIONS,
      Resource: [table.arn],
      Condition: { StringEqualsIfExists: { "dynamodb:ReturnValues": ["NONE"] } },
    },
    {
      Sid: "SweepPosition",
      Effect: "Allow",
      Action: STATE_ACTIONS,
      Resource: [table.arn],
      // ForAllValues holds for a request without the key too: Null false requires it.
      Condition: { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [COMPLIANCE_STATE_USER] }, Null: { "dynamodb:LeadingKeys": ["false"] } },
    },
    {
      Sid: "ScanPostIds",
      Effect: "Allow",
      Action: INDEX_ACTIONS,
      Resource: [BY_ID_INDEX, BY_REF_INDEX].map((index) => pulumi.interpolate`${table.arn}/index/${index}`),
    },
  ];
}
