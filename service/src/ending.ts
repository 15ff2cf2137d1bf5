/**
 * How a run ends: told to stop (SIGTERM, SIGINT), or a stage failing in a way no retry cures. Declared before every
 * stage, so that each one reports here and none needs one declared after it; {@link untilEnded} handles the reports.
 */
import { errorFields, type Logger } from "./ops/log";
import type { WriteQueue } from "./queue/openQueue";
import type { BatchWriter } from "./store/writer";
import type { FilteredStream } from "./stream/stream";
import { StoppedError } from "./x/recovery";
import { RuleConflictError } from "./x/rules";

/** What the run does with each ending, in the order they come. */
export interface EndingHandler {
  /** Told to stop: write what waits, then exit. */
  stop(reason: string): void;
  /** A stage (`stage` names it in the log) failed for good. */
  fatal(stage: string, error: unknown): void;
  /** Another tag holds our rule's value (DuplicateRule), found by whichever stage. */
  conflict(error: RuleConflictError): void;
}

type Report =
  | { readonly kind: "stop"; readonly reason: string }
  | { readonly kind: "fatal"; readonly stage: string; readonly error: unknown }
  | { readonly kind: "conflict"; readonly error: RuleConflictError };

/** The endings of one run: reported by the stages and by {@link stop}, handled by one {@link EndingHandler}. */
export class RunEnd {
  private reason: string | undefined;
  private handler: EndingHandler | undefined;
  private readonly waiting: Report[] = [];
  private resolveStopped: (reason: string) => void = () => undefined;
  /** Settles with the reason once told to stop. */
  readonly stopped: Promise<string> = new Promise((resolve) => (this.resolveStopped = resolve));

  /** True once told to stop. */
  get isStopped(): boolean {
    return this.reason !== undefined;
  }

  /** Told to stop; only the first call counts. */
  stop(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.resolveStopped(reason);
    this.report({ kind: "stop", reason });
  }

  /** `stage` failed for good: a {@link RuleConflictError} is a conflict, whichever stage met it. */
  fatal(stage: string, error: unknown): void {
    this.report(error instanceof RuleConflictError ? { kind: "conflict", error } : { kind: "fatal", stage, error });
  }

  /** Hands the reports to `handler`: those made before, in order, then each as it comes. */
  handle(handler: EndingHandler): void {
    this.handler = handler;
    for (const report of this.waiting.splice(0)) this.deliver(report);
  }

  private report(report: Report): void {
    if (this.handler === undefined) this.waiting.push(report);
    else this.deliver(report);
  }

  private deliver(report: Report): void {
    const handler = this.handler;
    if (handler === undefined) return;
    if (report.kind === "stop") handler.stop(report.reason);
    else if (report.kind === "fatal") handler.fatal(report.stage, report.error);
    else handler.conflict(report.error);
  }
}

/** What the endings act on: the stream to stop, the writers to wait for, the queue whose backlog is reported. */
export interface Ended {
  readonly stream: Pick<FilteredStream, "run" | "stop">;
  readonly writer: Pick<BatchWriter, "idle" | "batchesInFlight" | "unwrittenInFlight">;
  readonly queue: { readonly items: { readonly length: number } } & Pick<WriteQueue, "fields">;
}

/**
 * Runs the stream until the run's first ending; resolves with the exit code. A stop (a `stopping` line) closes the
 * stream and waits for the writers: 0 once everything is written, 1 after `shutdownTimeoutMs` (a `stop_timeout`
 * line). A fatal error (a `fatal` line, the stream's own included) is 1, a rule conflict (a `config_error` line naming
 * RULE_TAG) 2; both close the stream at once. Each line counts what was left unwritten.
 */
export function untilEnded(end: RunEnd, { stream, writer, queue }: Ended, shutdownTimeoutMs: number, log: Logger): Promise<number> {
  const unwritten = (): number => queue.items.length + writer.unwrittenInFlight;
  return new Promise<number>((resolve) => {
    end.handle({
      fatal(stage, error) {
        stream.stop();
        log.error("fatal", { stage, unwritten: unwritten(), ...errorFields(error) });
        resolve(1);
      },
      conflict(error) {
        stream.stop();
        log.error("config_error", { variable: "RULE_TAG", error: error.message, unwritten: unwritten() });
        resolve(2);
      },
      stop(reason) {
        log.info("stopping", {
          reason,
          queueDepth: queue.items.length,
          ...queue.fields(),
          batchesInFlight: writer.batchesInFlight,
          itemsInFlight: writer.unwrittenInFlight,
        });
        stream.stop();
        const deadline = setTimeout(() => {
          log.error("stop_timeout", { timeoutMs: shutdownTimeoutMs, unwritten: unwritten(), ...queue.fields() });
          resolve(1);
        }, shutdownTimeoutMs);
        void writer.idle().then(() => {
          clearTimeout(deadline);
          resolve(0);
        });
      },
    });
    stream.run().catch((error: unknown) => {
      if (!(error instanceof StoppedError)) end.fatal("stream", error);
    });
  });
}
