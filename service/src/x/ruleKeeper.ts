/**
 * Keeps our rule on the stream while the service runs. X applies rule changes to an open stream without a reconnect
 * (https://docs.x.com/x-api/posts/filtered-stream/integrate/matching-returned-tweets), so a rule deleted behind the
 * service's back while another rule remains ends its posts with no 409: only reading the rules shows it. Checked every
 * period and after each 409, one check at a time; a missing rule is re-added and reported.
 */
import { RuleConflictError, RuleError, type RulePlan } from "./rules";

/** What the keeper reports. */
export interface RuleKeeperEvents {
  /** Our rule was missing (deleted behind our back) and has been added again. */
  readded(reason: string): void;
  /** Rules with our tag and a stale value were removed. */
  removed(ids: readonly string[], reason: string): void;
  /** A periodic check failed in a way the next one may not (a timeout, a 5xx, a 429). */
  failed(error: unknown): void;
  /** X refused our rule, or holds its value under another tag: no check can cure it. */
  fatal(error: RuleError | RuleConflictError): void;
}

/** Re-checks the rule every `periodMs` and on demand. */
export class RuleKeeper {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param sync lists the rules and puts ours back when missing (`syncRules`).
   * @param periodMs time between two periodic checks (`RULE_CHECK_INTERVAL_MS`).
   */
  constructor(
    private readonly sync: () => Promise<RulePlan>,
    private readonly periodMs: number,
    private readonly events: RuleKeeperEvents,
  ) {}

  /** Checks now, after the check in progress if any; rejects with the check's error. */
  check(reason: string): Promise<void> {
    const next = this.chain.then(async () => {
      const plan = await this.sync();
      if (plan.add !== null) this.events.readded(reason);
      if (plan.remove.length > 0) this.events.removed(plan.remove, reason);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Starts the periodic checks: each one `periodMs` after the previous one ended. */
  start(): void {
    const tick = (): void => {
      this.timer = setTimeout(() => {
        this.check(`periodic check (every ${this.periodMs} ms)`)
          .catch((error: unknown) => {
            if (error instanceof RuleError || error instanceof RuleConflictError) this.events.fatal(error);
            else this.events.failed(error);
          })
          .finally(() => {
            if (this.timer !== undefined) tick();
          });
      }, this.periodMs);
    };
    tick();
  }

  /** Stops the periodic checks. */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
