import { expect } from "chai";
import { LineSplitter } from "../src/stream/lineSplitter";

function split(chunks: Buffer[], max = 64) {
  const seen: string[] = [];
  const splitter = new LineSplitter(max, {
    line: (t) => seen.push(`line:${t}`),
    heartbeat: () => seen.push("heartbeat"),
    oversized: (n) => seen.push(`oversized:${n}`),
  });
  for (const c of chunks) splitter.push(c);
  return seen;
}

describe("line splitter", () => {
  it("splits on \\r\\n and on a bare \\n, reporting heartbeats", () => {
    expect(split([Buffer.from("a\r\n\r\nb\nc\r\n")])).to.deep.equal(["line:a", "heartbeat", "line:b", "line:c"]);
  });

  it("keeps a multi-byte character cut between chunks intact, at every cut", () => {
    const bytes = Buffer.from("héllo 🌍 東京\r\n");
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(split([bytes.subarray(0, cut), bytes.subarray(cut)])).to.deep.equal(["line:héllo 🌍 東京"]);
    }
  });

  it("joins a line spread over many chunks, including a \\r\\n cut in two", () => {
    expect(split([Buffer.from("ab"), Buffer.from("cd"), Buffer.from("e\r"), Buffer.from("\nf\r\n")])).to.deep.equal(["line:abcde", "line:f"]);
  });

  it("drops an oversized line without buffering it and goes on with the next", () => {
    const long = "x".repeat(50);
    expect(split([Buffer.from(long), Buffer.from(long), Buffer.from(`${long}\r\nok\r\n`)], 64)).to.deep.equal(["oversized:100", "line:ok"]);
    expect(split([Buffer.from(`${"y".repeat(65)}\r\nok\r\n`)], 64)).to.deep.equal(["oversized:65", "line:ok"]);
  });

  it("keeps a line of exactly the limit", () => {
    const exact = "z".repeat(64);
    expect(split([Buffer.from(exact.slice(0, 30)), Buffer.from(`${exact.slice(30)}\r\n`)], 64)).to.deep.equal([`line:${exact}`]);
  });
});
