import { expect } from "chai";
import { BoundedQueue } from "../src/queue";

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
