import { expect } from "chai";
import { parseFilter } from "../src/filter";
import { intake } from "../src/intake";
import type { PostItem } from "../src/item";
import { BoundedQueue } from "../src/queue";
import { SkipLog, Stats } from "../src/stats";

function post(id: string, text: string): string {
  return JSON.stringify({
    data: { id, text, author_id: "42", created_at: "2026-11-22T01:02:03.000Z" },
    includes: { users: [{ id: "42", name: "Ada", username: "ada" }] },
    matching_rules: [],
  });
}

function setup(capacity = 10) {
  const queue = new BoundedQueue<PostItem>(capacity);
  const stats = new Stats();
  const logged: Array<Record<string, unknown>> = [];
  const calls = { full: 0, queued: 0 };
  const sink = intake(parseFilter("climate change"), {
    queue,
    stats,
    skipLog: new SkipLog(
      60_000,
      (f) => logged.push(f),
      () => 0,
    ),
    full: () => void (calls.full += 1),
    queued: () => void (calls.queued += 1),
  });
  return { sink, queue, stats, logged, calls };
}

describe("intake", () => {
  it("queues matching posts only, and counts the rest", () => {
    const { sink, queue, stats, calls } = setup();
    sink.line(post("1", "Climate change is here 🌍"));
    sink.line(post("2", "nothing to see"));
    sink.line("garbage");
    sink.heartbeat();
    sink.oversized(5_000_000);
    expect(queue.take(10).map((i) => [i.id, i.rule])).to.deep.equal([["1", "climate change"]]);
    expect(stats.snapshot(0, 0, "run")).to.deep.include({ received: 4, matched: 1, unmatched: 1, skipped: 2, heartbeats: 1 });
    expect(calls).to.deep.equal({ full: 0, queued: 1 });
  });

  it("asks for a pause when the queue reaches capacity, and keeps the item", () => {
    const { sink, queue, calls } = setup(2);
    sink.line(post("1", "climate change"));
    sink.line(post("2", "climate change"));
    expect(calls.full).to.equal(1);
    expect(queue.length).to.equal(2);
  });

  it("logs a skipped line with its reason and sample", () => {
    const { sink, logged } = setup();
    sink.line("garbage");
    sink.oversized(2_000_000);
    expect(logged).to.deep.equal([
      { reason: "not-json", sample: "garbage", count: 1 },
      { reason: "oversized", sample: "2000000 bytes", count: 1 },
    ]);
  });
});
