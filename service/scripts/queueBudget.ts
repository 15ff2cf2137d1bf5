/**
 * `npm run queue-budget -w service`: what a queued post costs, measured, and how long a DynamoDB outage each of the
 * queue's budgets covers at X's pay-per-use stream rate. Builds BUDGET_POSTS matching items (default 20,000) the way
 * the service does (the stream line the X double renders, read by post.ts, made an item by item.ts), holds them in the
 * service's queue, and prints one JSON object: the heap they take (measured after a full GC; needs --expose-gc), the
 * memory estimate the queue's budget counts (itemSize.ts), the bytes each takes in the spill file, and the seconds of
 * posts each default budget holds.
 */
import { commandLine } from "../../scripts/cli";
import { itemBytes } from "../src/queue/itemSize";
import { toItem, type PostItem } from "../src/intake/item";
import { readLine } from "../src/intake/post";
import { SpillingQueue } from "../src/queue/queue";
import { renderPayload } from "../dev/fakePost";
import { generatePostStream } from "../dev/generator";

/** X's pay-per-use stream rate (service/README, "X plan and cost"). */
const POSTS_PER_SECOND = 250;
/** The service's defaults (config.ts): QUEUE_MEMORY_BYTES and SPILL_MAX_BYTES. */
const MEMORY_BUDGET = 64 * 1024 * 1024;
const SPILL_BUDGET = 4096 * 1024 * 1024;
const PATTERN = "climate change";

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error("run with node --expose-gc (npm run queue-budget does)");
  collect();
  collect();
}

function round(n: number, digits = 0): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

function main(): void {
  const count = Number(process.env["BUDGET_POSTS"] ?? 20_000);
  const fields = { expandAuthor: true, tweetFields: new Set(["created_at", "author_id"]) };
  const queue = new SpillingQueue<PostItem>(Number.MAX_SAFE_INTEGER, undefined, itemBytes);
  let estimate = 0;
  let disk = 0;
  let chars = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const p of generatePostStream({ count, matchRatio: 1, pattern: PATTERN, seed: 42 })) {
    const read = readLine(renderPayload(p, fields, [{ id: "1", tag: "twitterstream" }]));
    if (read.kind !== "post") throw new Error(`the double rendered a line the service skips: ${read.reason}`);
    const item = toItem(read.post, PATTERN);
    estimate += itemBytes(item);
    disk += Buffer.byteLength(`${JSON.stringify(item)}\n`);
    chars += item.text.length;
    queue.push(item);
  }
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  const held = queue.length;
  const perPost = { heapMeasured: round(heap / held), memoryEstimate: round(estimate / held), spillFile: round(disk / held) };
  const covers = (budget: number, bytes: number) => ({
    budgetBytes: budget,
    posts: Math.floor(budget / bytes),
    seconds: round(budget / bytes / POSTS_PER_SECOND),
  });
  const result = {
    posts: held,
    averageTextChars: round(chars / held, 1),
    bytesPerPost: perPost,
    estimateOverMeasured: round(perPost.memoryEstimate / perPost.heapMeasured, 2),
    atPostsPerSecond: POSTS_PER_SECOND,
    memoryBudgetCovers: covers(MEMORY_BUDGET, perPost.memoryEstimate),
    spillBudgetCovers: covers(SPILL_BUDGET, perPost.spillFile),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

commandLine(`Usage: [BUDGET_POSTS=20000] npm run -s queue-budget -w service

Prints, as one JSON object, what a queued post costs: the heap BUDGET_POSTS matching posts take in the service's queue
(measured after a full GC), the memory estimate the queue's budget counts, the bytes each takes in the spill file, and
how many seconds of X's pay-per-use stream rate each default budget holds.`);
main();
