import { expect } from "chai";
import { intake } from "../src/intake/intake";
import type { PostItem } from "../src/intake/item";
import { itemBytes } from "../src/queue/itemSize";
import { OwnRule } from "../src/x/ownRule";
import type { MatchingRule } from "../src/intake/post";
import { SpillingQueue } from "../src/queue/queue";
import { SkipLog, Stats } from "../src/ops/stats";

const OURS: MatchingRule = { id: "100", tag: "twitterstream-dev" };
const OTHER: MatchingRule = { id: "200", tag: "someone-else" };

function post(id: string, text: string, matching: MatchingRule[]): string {
  return JSON.stringify({
    data: { id, text, author_id: "42", created_at: "2026-11-22T01:02:03.000Z" },
    includes: { users: [{ id: "42", name: "Ada", username: "ada" }] },
    matching_rules: matching,
  });
}

function setup(memoryBudget = 1024 * 1024) {
  const queue = new SpillingQueue<PostItem>(memoryBudget, undefined, itemBytes);
  const stats = new Stats();
  const logged: Array<Record<string, unknown>> = [];
  const calls = { dropped: 0, queued: 0 };
  const own = new OwnRule(OURS.tag ?? "", "climate change");
  const sink = intake(own, "climate change", {
    queue,
    stats,
    skipLog: new SkipLog(
      60_000,
      (f) => logged.push(f),
      () => 0,
    ),
    dropped: () => void (calls.dropped += 1),
    queued: () => void (calls.queued += 1),
  });
  return { sink, queue, stats, logged, calls, own };
}

describe("intake", () => {
  it("queues the posts X attributes to our rule, whatever their text, and counts the rest with their cost", () => {
    const { sink, queue, stats, calls } = setup();
    sink.line(post("1", "今日は東京に行きました", [OURS]));
    sink.line(post("2", "climate change, but only the other rule's", [OTHER]));
    sink.line(post("3", "both rules", [OTHER, OURS]));
    sink.line("garbage");
    sink.heartbeat();
    sink.oversized(5_000_000);
    expect(queue.take(10).map((i) => [i.id, i.rule])).to.deep.equal([
      ["1", "climate change"],
      ["3", "climate change"],
    ]);
    expect(stats.snapshot(0, 0, "run")).to.deep.include({ received: 5, matched: 2, unmatched: 1, unmatchedUsd: 0.005, skipped: 2, heartbeats: 1 });
    expect(calls).to.deep.equal({ dropped: 0, queued: 2 });
  });

  it("knows our rule by its id too, once held, and a post without matching_rules as not ours", () => {
    const { sink, queue, own } = setup();
    own.held(["300"]);
    sink.line(post("1", "x", [{ id: "300" }]));
    sink.line(post("2", "x", []));
    expect(queue.take(10).map((i) => i.id)).to.deep.equal(["1"]);
  });

  it("reports a post the queue could not take (memory full, no spill), and queues the next once there is room", () => {
    const { sink, queue, calls } = setup(1);
    sink.line(post("1", "climate change", [OURS]));
    sink.line(post("2", "climate change", [OURS]));
    expect(calls).to.deep.equal({ dropped: 1, queued: 1 });
    expect(queue.take(10).map((i) => i.id)).to.deep.equal(["1"]);
    sink.line(post("3", "climate change", [OURS]));
    expect(calls).to.deep.equal({ dropped: 1, queued: 2 });
    expect(queue.dropped).to.equal(1);
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
