import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DropLog, SpillingQueue } from "../src/queue/queue";
import { DiskSpill, segmentBytesFor } from "../src/queue/spill";

interface Item {
  readonly n: number;
  readonly text: string;
}

/** Each item counts 100 bytes in memory. */
const SIZE = 100;

function item(n: number): Item {
  return { n, text: `post ${n} 東京 🌍` };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "spill-test-"));
}

function spillIn(dir: string, maxBytes: number, segmentBytes = 256, failures: unknown[] = []): DiskSpill<Item> {
  const spill = new DiskSpill<Item>({ dir, maxBytes, segmentBytes }, { failed: (error, lost) => void failures.push([error, lost]) });
  spill.open();
  return spill;
}

function drain(queue: SpillingQueue<Item>, max = 3): number[] {
  const out: number[] = [];
  for (let batch = queue.take(max); batch.length > 0; batch = queue.take(max)) out.push(...batch.map((i) => i.n));
  return out;
}

describe("spilling queue", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps items in memory up to the byte budget, then spills, and gives everything back in order", () => {
    const queue = new SpillingQueue<Item>(5 * SIZE, spillIn(dir, 1024 * 1024), () => SIZE);
    const placed = Array.from({ length: 40 }, (_, n) => queue.push(item(n)));
    expect(placed.slice(0, 5)).to.deep.equal(Array(5).fill("memory"));
    expect(placed.slice(5)).to.deep.equal(Array(35).fill("disk"));
    expect(queue.inMemory).to.equal(5);
    expect(queue.memoryBytes).to.equal(5 * SIZE);
    expect(queue.length).to.equal(40);
    // More arrive while the backlog is read back: still behind it.
    const first = queue.take(4).map((i) => i.n);
    for (let n = 40; n < 50; n += 1) expect(queue.push(item(n))).to.equal("disk");
    expect([...first, ...drain(queue)]).to.deep.equal(Array.from({ length: 50 }, (_, n) => n));
    expect(queue.length).to.equal(0);
    expect(queue.dropped).to.equal(0);
  });

  it("deletes each segment file once read back, and holds no bytes when drained", () => {
    const spill = spillIn(dir, 1024 * 1024, 200);
    const queue = new SpillingQueue<Item>(2 * SIZE, spill, () => SIZE);
    for (let n = 0; n < 5000; n += 1) queue.push(item(n));
    queue.take(1);
    expect(fs.readdirSync(dir).length).to.be.greaterThan(1);
    drain(queue, 25);
    expect(fs.readdirSync(dir)).to.deep.equal([]);
    expect(spill.bytes).to.equal(0);
    expect(spill.peakBytes).to.be.greaterThan(64 * 1024);
  });

  it("drops, and counts, only when both budgets are spent; memory takes an item ahead of the disk rather than drop it", () => {
    const line = Buffer.byteLength(`${JSON.stringify(item(10))}\n`);
    const queue = new SpillingQueue<Item>(2 * SIZE, spillIn(dir, 3 * line), () => SIZE);
    const placed = Array.from({ length: 8 }, (_, n) => queue.push(item(10 + n)));
    expect(placed).to.deep.equal(["memory", "memory", "disk", "disk", "disk", "dropped", "dropped", "dropped"]);
    expect(queue.dropped).to.equal(3);
    expect(queue.take(1).map((i) => i.n)).to.deep.equal([10]);
    expect(queue.push(item(99))).to.equal("memory");
    expect(drain(queue)).to.deep.equal([11, 99, 12, 13, 14]);
  });

  it("without a spill, drops what the memory budget cannot hold, but always takes one item into an empty memory", () => {
    const queue = new SpillingQueue<Item>(SIZE, undefined, () => 10 * SIZE);
    expect([queue.push(item(1)), queue.push(item(2))]).to.deep.equal(["memory", "dropped"]);
    expect(queue.dropped).to.equal(1);
  });

  it("counts what was on a disk that fails as dropped, and spills no more", () => {
    const failures: unknown[] = [];
    const spill = spillIn(dir, 1024 * 1024, 64, failures);
    const queue = new SpillingQueue<Item>(SIZE, spill, () => SIZE);
    for (let n = 0; n < 20; n += 1) queue.push(item(n));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, "not a directory");
    for (let n = 20; n < 5000; n += 1) queue.push(item(n));
    expect(failures).to.have.length(1);
    expect(queue.take(100).map((i) => i.n)).to.deep.equal([0]);
    expect(queue.length).to.equal(0);
    expect(queue.dropped).to.equal(4999);
  });
});

describe("disk spill", () => {
  it("refuses a directory it cannot write", () => {
    const dir = tempDir();
    const file = path.join(dir, "file");
    fs.writeFileSync(file, "");
    const spill = new DiskSpill({ dir: path.join(file, "spill"), maxBytes: 1024, segmentBytes: 256 }, { failed: () => undefined });
    expect(() => spill.open()).to.throw();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads back a line longer than the read size, Unicode intact", () => {
    const dir = tempDir();
    const spill = spillIn(dir, 1024 * 1024);
    const long = { n: 1, text: "東京🌍".repeat(500) };
    spill.append(long);
    spill.append(item(2));
    const first = spill.read(10);
    expect(first[0]).to.deep.equal(long);
    expect([...first, ...spill.read(10)]).to.deep.equal([long, item(2)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("treats a segment cut inside a line as a failed disk: reported once, what waited counted as lost", () => {
    const dir = tempDir();
    const failures: unknown[] = [];
    const spill = spillIn(dir, 1024 * 1024, 1024 * 1024, failures);
    for (let n = 0; n < 3000; n += 1) spill.append(item(n));
    const [file] = fs.readdirSync(dir);
    const size = fs.statSync(path.join(dir, String(file))).size;
    fs.truncateSync(path.join(dir, String(file)), size - 5);
    const read: Item[] = [];
    for (let batch = spill.read(4096); batch.length > 0; batch = spill.read(4096)) read.push(...batch);
    expect(read.map((i) => i.n)).to.deep.equal(Array.from({ length: read.length }, (_, n) => n));
    expect(failures).to.have.length(1);
    expect(spill.lost).to.equal(3000 - read.length);
    expect([spill.length, spill.bytes]).to.deep.equal([0, 0]);
    expect(fs.readdirSync(dir)).to.deep.equal([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sizes segments at a quarter of the budget, between 64 KiB and 16 MiB", () => {
    expect([segmentBytesFor(1024), segmentBytesFor(4 * 1024 * 1024), segmentBytesFor(4 * 1024 ** 3)]).to.deep.equal([
      64 * 1024,
      1024 * 1024,
      16 * 1024 * 1024,
    ]);
  });
});

describe("drop log", () => {
  it("reports the first drop at once, then at most every interval, and the rest on flush", () => {
    let now = 0;
    const reports: Array<[number, number]> = [];
    const log = new DropLog(
      1000,
      (count, total) => void reports.push([count, total]),
      () => now,
    );
    log.dropped(1);
    log.dropped(2);
    log.dropped(3);
    now = 1500;
    log.dropped(4);
    log.dropped(5);
    log.flush(5);
    log.flush(5);
    expect(reports).to.deep.equal([
      [1, 1],
      [3, 4],
      [1, 5],
    ]);
  });
});
