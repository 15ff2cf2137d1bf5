/**
 * The run's connection to X before and beside the stream: a bearer token and our rule in place at start, both
 * requested with X's retries (`recovery.ts`); a new token after a 401; the rules re-synced for the rule keeper.
 */
import type { Config } from "../config";
import { errorFields, type Logger } from "../ops/log";
import type { Redactor } from "../ops/redact";
import type { OwnRule } from "./ownRule";
import { retrying } from "./recovery";
import { RuleConflictError, syncRules, type RulePlan } from "./rules";
import { canLogin, connectX, type XApi, type XEndpoint } from "./xApi";

/** Runs an X request of start-up or recovery, retrying its transient failures (`recovery.ts`). */
export type Retry = <T>(stage: string, request: () => Promise<T>) => Promise<T>;

/** What the retries need of the run: whether, and when, it was told to stop. */
export interface StopSignal {
  readonly isStopped: boolean;
  /** Settles once the run is told to stop. */
  readonly stopped: Promise<string>;
}

function endpoint(config: Config): XEndpoint {
  const base = { base: config.xApiBaseUrl, timeoutMs: config.xRequestTimeoutMs };
  return config.backfillMinutes === undefined ? base : { ...base, backfillMinutes: config.backfillMinutes };
}

/** The {@link Retry} of a run: X's schedule, each retry logged, given up once the run stops. */
export function retryOf(config: Config, log: Logger, stop: StopSignal): Retry {
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void stop.stopped.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return (stage, request) =>
    retrying(request, {
      policy: config.backoff,
      sleep,
      stopped: () => stop.isStopped,
      onRetry: (error, attempt, delayMs) => log.warn("x_retry", { stage, attempt, delayMs, ...errorFields(error) }),
    });
}

/** The start's `rules` lines: what changed, and the rules of other tags, whose posts the app is billed for too. */
function logRules(log: Logger, plan: RulePlan): void {
  log.info("rules", { added: plan.add !== null, removed: plan.remove });
  if (plan.others.length === 0) return;
  log.warn("other_rules", {
    count: plan.others.length,
    rules: plan.others.map((r) => ({ id: r.id, tag: r.tag ?? null, value: r.value })),
    note: "X delivers and bills to this app every post these rules match; the service counts them (unmatched) and does not store them",
  });
}

/** The X client of a run, replaced by {@link reauthenticate}. */
export class XSession {
  constructor(
    private api: XApi,
    private readonly config: Config,
    private readonly redactor: Redactor,
    private readonly retry: Retry,
    private readonly log: Logger,
  ) {}

  /** The client and token in use. */
  get current(): XApi {
    return this.api;
  }

  /** A new bearer token after a 401, or undefined when none can be obtained (no consumer key pair). */
  async reauthenticate(): Promise<string | undefined> {
    if (!canLogin(this.config.credentials)) return undefined;
    this.api = await this.retry("token", () => connectX(this.config.credentials, endpoint(this.config), this.redactor, true));
    this.log.warn("reauthenticated", {});
    return this.api.bearerToken;
  }

  /** Lists the rules and puts ours back when missing, with the current token: the rule keeper's check. */
  syncRules(own: OwnRule): Promise<RulePlan> {
    return this.retry("rules", () => syncRules(this.api.client.v2, own));
  }
}

/**
 * X at start: a bearer token, then our rule in place (the `rules` lines). Resolves with the run's exit code instead
 * when the run is stopped first (0, a `stopped` line), another tag holds our rule (2, a `config_error` line naming
 * RULE_TAG) or start-up fails for good (1, a `fatal` line).
 */
export async function openX(
  config: Config,
  log: Logger,
  redactor: Redactor,
  retry: Retry,
  own: OwnRule,
  stop: StopSignal,
): Promise<XSession | number> {
  try {
    const connecting = (async () => {
      const api = await retry("token", () => connectX(config.credentials, endpoint(config), redactor));
      const plan = await retry("rules", () => syncRules(api.client.v2, own));
      return { api, plan };
    })();
    // Stopped first: the retries end with StoppedError, which nothing else awaits.
    connecting.catch(() => undefined);
    const first = await Promise.race([connecting, stop.stopped]);
    if (typeof first === "string") {
      log.info("stopped", { exitCode: 0, reason: first, received: 0 });
      return 0;
    }
    logRules(log, first.plan);
    return new XSession(first.api, config, redactor, retry, log);
  } catch (error) {
    if (error instanceof RuleConflictError) {
      log.error("config_error", { variable: "RULE_TAG", error: error.message });
      return 2;
    }
    log.error("fatal", { stage: "startup", ...errorFields(error) });
    return 1;
  }
}
