import { expect } from "chai";
import { Backpressure, BoundedQueue } from "../src/queue";

describe("bounded queue", () => {
  it("is FIFO across wrap-around", () => {
    const q = new BoundedQueue<number>(4);
    q.push(1);
    q.push(2);
    q.push(3);
    expect(q.take(2)).to.deep.equal([1, 2]);
    q.push(4);
    q.push(5);
    expect(q.take(10)).to.deep.equal([3, 4, 5]);
    expect(q.length).to.equal(0);
  });

  it("reports full at capacity but never drops, and low water at half", () => {
    const q = new BoundedQueue<number>(4);
    expect([1, 2, 3, 4, 5, 6].map((n) => q.push(n))).to.deep.equal([true, true, true, false, false, false]);
    expect(q.length).to.equal(6);
    expect(q.belowLowWater).to.equal(false);
    expect(q.take(4)).to.deep.equal([1, 2, 3, 4]);
    expect(q.belowLowWater).to.equal(true);
    expect(q.take(4)).to.deep.equal([5, 6]);
  });
});

describe("back-pressure", () => {
  it("drops and counts items over capacity while shedding, and keeps them otherwise", async () => {
    const queue = new BoundedQueue<number>(4);
    const calls: string[] = [];
    const reports: Array<[number, number]> = [];
    const bp = new Backpressure(queue, 0, 60_000, {
      pause: () => calls.push("pause"),
      resume: () => calls.push("resume"),
      dropped: (count, total) => reports.push([count, total]),
    });
    for (let i = 0; i < 10; i += 1) if (!queue.push(i)) bp.full();
    expect(queue.length).to.equal(4);
    expect(queue.dropped).to.equal(6);
    expect(reports).to.deep.equal([[1, 1]]);
    queue.take(3);
    bp.took();
    expect(queue.isShedding).to.equal(false);
    expect(reports).to.deep.equal([
      [1, 1],
      [5, 6],
    ]);
    expect(calls).to.deep.equal([]);
    bp.stop();
  });

  it("pauses first, and sheds only after maxPauseMs", async () => {
    const queue = new BoundedQueue<number>(2);
    const calls: string[] = [];
    const bp = new Backpressure(queue, 50, 60_000, {
      pause: () => calls.push("pause"),
      resume: () => calls.push("resume"),
      dropped: () => undefined,
    });
    queue.push(1);
    if (!queue.push(2)) bp.full();
    expect(calls).to.deep.equal(["pause"]);
    expect(queue.push(3)).to.equal(false);
    expect(queue.dropped).to.equal(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).to.deep.equal(["pause", "resume"]);
    expect(queue.isShedding).to.equal(true);
    bp.stop();
  });
});
