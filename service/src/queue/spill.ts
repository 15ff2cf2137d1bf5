/**
 * The write queue's overflow on the task's ephemeral storage: items appended as JSON lines to segment files in one
 * directory, read back oldest first, each segment deleted once read. Bounded by a byte budget (what the files hold).
 *
 * **No fsync.** The spill only has to outlive a slow or failing DynamoDB while the process lives: a crash of the
 * process keeps what it wrote (the kernel holds it), and what only a crash of the machine would lose is on Fargate's
 * ephemeral storage, which is deleted with the task anyway (a new task never reads an old task's files). An fsync per
 * write would cost a disk round trip per 64 KiB for no case it could save.
 */
import fs from "node:fs";
import path from "node:path";

/** Lines are buffered up to this many bytes, then written with one `write`. */
const WRITE_CHUNK = 64 * 1024;
const LF = 0x0a;

/** One append-only file: what was written to it, and how far it has been read. */
interface Segment {
  readonly file: string;
  readonly fd: number;
  /** Bytes written to the file. */
  size: number;
  /** Bytes read back. */
  readAt: number;
}

/** What the spill reports. */
export interface SpillEvents {
  /** The disk failed (a write or a read): the spill is off from now on; `lost` items that were on it are gone. */
  failed(error: unknown, lost: number): void;
}

/** Settings of a {@link DiskSpill}. */
export interface SpillOptions {
  /** The directory of the segment files (created when missing). */
  readonly dir: string;
  /** The most bytes the segment files may hold at once (buffered lines included). */
  readonly maxBytes: number;
  /** A segment is closed, and a new one started, once it holds this many bytes. */
  readonly segmentBytes: number;
}

/** The segment size for a budget: a quarter of it, between 64 KiB and 16 MiB, so that reading frees space early. */
export function segmentBytesFor(maxBytes: number): number {
  return Math.min(16 * 1024 * 1024, Math.max(64 * 1024, Math.floor(maxBytes / 4)));
}

/** A FIFO of JSON-serialisable items on disk. Synchronous: a call never yields to the event loop half-way. */
export class DiskSpill<T> {
  private readonly segments: Segment[] = [];
  private pending: string[] = [];
  private pendingBytes = 0;
  private pendingItems = 0;
  private held = 0;
  private heldPeak = 0;
  private waiting = 0;
  private sequence = 0;
  private broken = false;
  /** Items that were on disk when it failed, since the start: gone. */
  lost = 0;
  private readonly prefix = `spill-${Date.now()}-${process.pid}-`;

  constructor(
    private readonly options: SpillOptions,
    private readonly events: SpillEvents,
  ) {}

  /** Creates the directory; throws a Node error when it cannot be created or written. */
  open(): void {
    fs.mkdirSync(this.options.dir, { recursive: true });
    fs.accessSync(this.options.dir, fs.constants.W_OK);
  }

  /** Items on disk (or buffered for it) not yet read back. */
  get length(): number {
    return this.waiting;
  }

  /** Bytes the segment files hold now, buffered lines included. */
  get bytes(): number {
    return this.held;
  }

  /** The most bytes held at once since the start. */
  get peakBytes(): number {
    return this.heldPeak;
  }

  /** Appends an item; false (and nothing written) when it would take the spill over its budget, or the disk failed. */
  append(item: T): boolean {
    if (this.broken) return false;
    const line = `${JSON.stringify(item)}\n`;
    const size = Buffer.byteLength(line);
    if (this.held + size > this.options.maxBytes) return false;
    this.pending.push(line);
    this.pendingBytes += size;
    this.pendingItems += 1;
    this.held += size;
    this.waiting += 1;
    if (this.held > this.heldPeak) this.heldPeak = this.held;
    if (this.pendingBytes >= WRITE_CHUNK) this.flush();
    return true;
  }

  /**
   * Reads back the oldest items: the lines of about `maxBytes` of the oldest segment (at least one line), parsed.
   * Deletes a segment once it is read to its end. Empty when nothing waits, or the disk failed.
   */
  read(maxBytes: number): T[] {
    if (this.waiting === 0 || this.broken) return [];
    try {
      if (this.waiting === this.pendingItems) this.flush();
      this.dropReadSegments();
      const head = this.segments[0];
      if (head === undefined) return [];
      const items = this.readLines(head, maxBytes);
      this.dropReadSegments();
      return items;
    } catch (error) {
      this.fail(error);
      return [];
    }
  }

  /** Deletes every segment (at shutdown, once all is read, or after a failure). */
  close(): void {
    for (const segment of [...this.segments]) this.remove(segment);
  }

  /** Deletes the oldest segments that are read to their end: their space is free again. */
  private dropReadSegments(): void {
    for (let head = this.segments[0]; head !== undefined && head.readAt === head.size; head = this.segments[0]) this.remove(head);
  }

  private readLines(segment: Segment, maxBytes: number): T[] {
    let want = Math.max(1, Math.min(maxBytes, segment.size - segment.readAt));
    for (;;) {
      const buffer = Buffer.allocUnsafe(want);
      const got = fs.readSync(segment.fd, buffer, 0, want, segment.readAt);
      const end = got === 0 ? -1 : buffer.lastIndexOf(LF, got - 1);
      if (end !== -1) {
        const lines = buffer.toString("utf8", 0, end).split("\n");
        segment.readAt += end + 1;
        this.waiting -= lines.length;
        return lines.map((line) => JSON.parse(line) as T);
      }
      if (segment.readAt + got >= segment.size) throw new Error(`spill segment ${segment.file} ends inside a line`);
      want *= 2;
    }
  }

  /** Writes the buffered lines to the newest segment, starting a new one when it is full. */
  private flush(): void {
    if (this.pendingItems === 0 || this.broken) return;
    const data = this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingItems = 0;
    try {
      let tail = this.segments[this.segments.length - 1];
      if (tail === undefined || tail.size >= this.options.segmentBytes) tail = this.startSegment();
      const bytes = Buffer.from(data);
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(tail.fd, bytes, written, bytes.length - written, tail.size + written);
      tail.size += bytes.length;
    } catch (error) {
      // The lines that were only buffered are lost with the disk, as are those already written.
      this.fail(error);
    }
  }

  private startSegment(): Segment {
    this.sequence += 1;
    const file = path.join(this.options.dir, `${this.prefix}${String(this.sequence).padStart(6, "0")}.jsonl`);
    const segment: Segment = { file, fd: fs.openSync(file, "wx+", 0o600), size: 0, readAt: 0 };
    this.segments.push(segment);
    return segment;
  }

  private remove(segment: Segment): void {
    const at = this.segments.indexOf(segment);
    if (at !== -1) this.segments.splice(at, 1);
    this.held -= segment.size;
    try {
      fs.closeSync(segment.fd);
      fs.unlinkSync(segment.file);
    } catch {
      // Already gone; the space is the task's either way.
    }
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    const lost = this.waiting;
    this.lost += lost;
    this.waiting = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingItems = 0;
    this.close();
    this.held = 0;
    this.events.failed(error, lost);
  }
}
