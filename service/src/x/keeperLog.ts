/** What the rule keeper's events do in a run: a re-added rule counted and logged as an error, failures logged. */
import { errorFields, type Logger } from "../ops/log";
import type { Stats } from "../ops/stats";
import type { OwnRule } from "./ownRule";
import { StoppedError } from "./recovery";
import type { RuleKeeperEvents } from "./ruleKeeper";

/** The keeper's events; `fatal` hears what no check can cure (the run ends). */
export function keeperEvents(stats: Stats, log: Logger, own: OwnRule, fatal: (error: Error) => void): RuleKeeperEvents {
  return {
    readded(reason) {
      stats.rulesReadded += 1;
      log.error("rule_readded", {
        rule: own.value,
        ruleTag: own.tag,
        reason,
        note: "our rule was missing: posts published meanwhile were not delivered",
      });
    },
    removed(ids, reason) {
      log.warn("rules", { added: false, removed: ids, reason });
    },
    failed(error) {
      if (!(error instanceof StoppedError)) log.warn("rule_check_failed", errorFields(error));
    },
    fatal,
  };
}
