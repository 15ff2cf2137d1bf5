import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import dynalite from "dynalite";

/** An in-memory dynalite on a loopback port chosen at run time, with a document client to it. */
export interface LocalDynamo {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly endpoint: string;
  /** A document client with dummy credentials. */
  readonly doc: DynamoDBDocumentClient;
  /** Destroys the client and stops the server. */
  close(): Promise<void>;
}

/** Starts dynalite in memory, tables active at once. */
export async function startLocalDynamo(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
  );
  return {
    endpoint,
    doc,
    async close() {
      doc.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Creates the posts table as infra/table.ts does: hash `user` (S), range `date` (S, `<created_at>#<id>`), and the
 * keys-only global secondary index `byId` on `id` (S), and the sparse index `byRef` on `refId` (S) with `refType`.
 */
export async function createPostsTable(doc: DynamoDBDocumentClient, table: string): Promise<void> {
  await doc.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "user", AttributeType: "S" },
        { AttributeName: "date", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "refId", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "user", KeyType: "HASH" },
        { AttributeName: "date", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: "byId", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } },
        {
          IndexName: "byRef",
          KeySchema: [{ AttributeName: "refId", KeyType: "HASH" }],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["refType"] },
        },
      ],
    }),
  );
}

/** Every item of `table`, page after page. */
export async function scanItems(doc: DynamoDBDocumentClient, table: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** The number of items in `table`. */
export async function countItems(doc: DynamoDBDocumentClient, table: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, Select: "COUNT", ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}
