/**
 * Splits the stream's bytes into lines. Works on bytes and decodes whole lines only, so a multi-byte UTF-8
 * character cut between two network chunks stays intact. Accepts `\r\n` (X's delimiter) and a bare `\n`.
 */

/** Receives what the splitter finds. */
export interface LineSink {
  /** A non-empty line, decoded as UTF-8, without its delimiter. */
  line(text: string): void;
  /** An empty line: X's keep-alive heartbeat. */
  heartbeat(): void;
  /** A line longer than the limit, dropped without being buffered; `bytes` is its length so far. */
  oversized(bytes: number): void;
}

const LF = 0x0a;
const CR = 0x0d;

/** A byte-level line splitter with a maximum line length. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private pending = 0;
  private discarding = false;

  /** @param maxLineBytes longest line kept, delimiter excluded. */
  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: LineSink,
  ) {}

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    let start = 0;
    let lf = chunk.indexOf(LF, start);
    while (lf !== -1) {
      this.finishLine(chunk, start, lf);
      start = lf + 1;
      lf = chunk.indexOf(LF, start);
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** Forgets a partial line (on reconnect: the new connection starts at a line boundary). */
  reset(): void {
    this.parts = [];
    this.pending = 0;
    this.discarding = false;
  }

  private keep(rest: Buffer): void {
    if (this.discarding) return;
    if (this.pending + rest.length > this.maxLineBytes + 1) {
      this.sink.oversized(this.pending + rest.length);
      this.reset();
      this.discarding = true;
      return;
    }
    this.parts.push(rest);
    this.pending += rest.length;
  }

  private finishLine(chunk: Buffer, start: number, lf: number): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    let whole: Buffer;
    let from = start;
    let to = lf;
    if (this.pending === 0) {
      whole = chunk;
    } else {
      this.parts.push(chunk.subarray(start, lf));
      whole = Buffer.concat(this.parts, this.pending + lf - start);
      from = 0;
      to = whole.length;
      this.parts = [];
      this.pending = 0;
    }
    if (to > from && whole[to - 1] === CR) to -= 1;
    const length = to - from;
    if (length === 0) this.sink.heartbeat();
    else if (length > this.maxLineBytes) this.sink.oversized(length);
    else this.sink.line(whole.toString("utf8", from, to));
  }
}
