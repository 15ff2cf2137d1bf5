/**
 * Benchmark helper: the ceiling. Writes the benchmark's items straight into dynalite with BatchWriteCommand, 25 per
 * request, BENCH_CONCURRENCY requests in flight (unprocessed items resent), and prints the items and seconds taken.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { benchLoad, expectedItems } from "./benchLoad";

async function main(): Promise<void> {
  const table = process.env["BENCH_TABLE"] ?? "";
  const concurrency = Number(process.env["BENCH_CONCURRENCY"] ?? 8);
  const items = expectedItems(benchLoad(process.env));
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: process.env["BENCH_ENDPOINT"],
      region: "us-east-1",
      credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    }),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      let batch = items.slice(next, next + 25);
      next += 25;
      while (batch.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: batch.map((Item) => ({ PutRequest: { Item } })) } }));
        const left = new Set(
          (out.UnprocessedItems?.[table] ?? []).map((r) => `${String(r.PutRequest?.Item?.["user"])}#${String(r.PutRequest?.Item?.["date"])}`),
        );
        batch = batch.filter((i) => left.has(`${i.user}#${i.date}`));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  doc.destroy();
  process.stdout.write(`${JSON.stringify({ items: items.length, seconds })}\n`);
}

void main();
