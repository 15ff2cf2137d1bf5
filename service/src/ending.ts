/**
 * How a run ends: told to stop (SIGTERM, SIGINT), or a stage failing in a way no retry cures. Declared before every
 * stage, so that each one reports here and none needs one declared after it; `run` handles the reports (service.ts).
 */
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
