import { expect } from "chai";
import type { BatchWriteCommand, BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { PostItem } from "../src/intake/item";
import { itemBytes } from "../src/queue/itemSize";
import { SpillingQueue } from "../src/queue/queue";
import { BatchWriter, type BatchSender, type WriterEvents } from "../src/store/writer";

const TABLE = "posts";

function item(n: number): PostItem {
  return {
    user: `u${n % 3}`,
    date: `2026-01-01T00:00:00.000Z#${n}`,
    id: String(n),
    createdAt: "2026-01-01T00:00:00.000Z",
    text: `t${n}`,
    rule: "r",
  };
}

type Answer = (items: PostItem[]) => BatchWriteCommandOutput | Error;

/** A sender that answers each call with the next scripted answer (then "all written"), recording what it got. */
class ScriptedSender implements BatchSender {
  readonly calls: PostItem[][] = [];
  constructor(private readonly answers: Answer[]) {}
  async send(command: BatchWriteCommand): Promise<BatchWriteCommandOutput> {
    const items = (command.input.RequestItems?.[TABLE] ?? []).map((r) => r.PutRequest?.Item as PostItem);
    this.calls.push(items);
    const answer = this.answers.shift()?.(items) ?? { $metadata: {} };
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

function named(name: string): Error {
  return Object.assign(new Error(name), { name });
}

function run(sender: BatchSender, items: PostItem[], concurrency = 2) {
  const queue = new SpillingQueue<PostItem>(1024 * 1024, undefined, itemBytes);
  const seen = { stored: 0, duplicates: 0, retries: [] as string[], fatal: [] as unknown[] };
  const events: WriterEvents = {
    stored: (n) => void (seen.stored += n),
    duplicates: (n) => void (seen.duplicates += n),
    retry: (reason) => void seen.retries.push(reason),
    fatal: (e) => void seen.fatal.push(e),
  };
  const writer = new BatchWriter(sender, queue, { table: TABLE, concurrency, retryBaseMs: 1, retryMaxMs: 2 }, events, () => Promise.resolve());
  for (const i of items) queue.push(i);
  writer.kick();
  return { writer, seen };
}

describe("batch writer", () => {
  it("writes batches of at most 25 items, several in flight", async () => {
    const sender = new ScriptedSender([]);
    const { writer, seen } = run(
      sender,
      Array.from({ length: 60 }, (_, i) => item(i)),
      3,
    );
    expect(writer.batchesInFlight).to.equal(3);
    await writer.idle();
    expect(sender.calls.map((c) => c.length)).to.deep.equal([25, 25, 10]);
    expect(seen.stored).to.equal(60);
  });

  it("resends exactly the unprocessed items until all are written", async () => {
    const unprocessed =
      (keep: number[]): Answer =>
      (items) => ({
        $metadata: {},
        UnprocessedItems: { [TABLE]: items.filter((i) => keep.includes(Number(i.id))).map((Item) => ({ PutRequest: { Item } })) },
      });
    const sender = new ScriptedSender([unprocessed([1, 3]), unprocessed([3])]);
    const { writer, seen } = run(sender, [0, 1, 2, 3].map(item));
    await writer.idle();
    expect(sender.calls.map((c) => c.map((i) => i.id))).to.deep.equal([["0", "1", "2", "3"], ["1", "3"], ["3"]]);
    expect(seen).to.deep.include({ stored: 4, retries: ["unprocessed", "unprocessed"] });
  });

  it("retries throttling and network errors with the same items", async () => {
    const sender = new ScriptedSender([
      () => named("ProvisionedThroughputExceededException"),
      () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    ]);
    const { writer, seen } = run(sender, [0, 1].map(item));
    await writer.idle();
    expect(sender.calls).to.have.length(3);
    expect(sender.calls[2]).to.deep.equal([item(0), item(1)]);
    expect(seen.retries).to.deep.equal(["ProvisionedThroughputExceededException", "Error"]);
    expect(seen.stored).to.equal(2);
  });

  it("writes a post delivered twice once per batch", async () => {
    const sender = new ScriptedSender([]);
    const { writer, seen } = run(sender, [item(1), item(2), item(1)]);
    await writer.idle();
    expect(sender.calls[0]?.map((i) => i.id)).to.deep.equal(["1", "2"]);
    expect(seen.duplicates).to.equal(1);
  });

  it("stops on an error no retry can cure", async () => {
    const sender = new ScriptedSender([() => named("ResourceNotFoundException")]);
    const { seen } = run(sender, [item(1)]);
    await new Promise((r) => setImmediate(r));
    expect(seen.fatal).to.have.length(1);
    expect(sender.calls).to.have.length(1);
    expect(seen.stored).to.equal(0);
  });
});

describe("batch writer, edited posts", () => {
  it("deletes the earlier versions in the same batch, a key both put and deleted only deleted, and strips replaces", async () => {
    const requests: unknown[][] = [];
    const sender: BatchSender = {
      async send(command: BatchWriteCommand) {
        requests.push(command.input.RequestItems?.[TABLE] ?? []);
        return { $metadata: {} };
      },
    };
    const v1 = item(1);
    const v2: PostItem = { ...item(2), user: v1.user, editOf: [v1.id], replaces: [{ user: v1.user, date: v1.date }] };
    const replaced: number[] = [];
    const queue = new SpillingQueue<PostItem>(1024 * 1024, undefined, itemBytes);
    const events: WriterEvents = {
      stored: () => undefined,
      duplicates: () => undefined,
      retry: () => undefined,
      fatal: () => undefined,
      replaced: (n) => void replaced.push(n),
    };
    const writer = new BatchWriter(sender, queue, { table: TABLE, concurrency: 1, retryBaseMs: 1, retryMaxMs: 2 }, events, () => Promise.resolve());
    queue.push(v1);
    queue.push(v2);
    writer.kick();
    await writer.idle();
    const { replaces: _r, ...storedV2 } = v2;
    expect(requests).to.deep.equal([[{ DeleteRequest: { Key: { user: v1.user, date: v1.date } } }, { PutRequest: { Item: storedV2 } }]]);
    expect(replaced).to.deep.equal([1]);
  });
});
