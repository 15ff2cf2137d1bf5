/**
 * What one more of a thing, or one thing less, changes in a stack's month: each figure re-prices the stack's inventory
 * with that one change through `estimate.ts`, so it follows the same prices and rules as the totals. The dimensions
 * the stack's config does not vary (secrets, keys, alarms, Container Insights, log volume) are priced here.
 */
import { logGbMonthUsd, monthlyLines, total, type Purchase } from "./estimate";
import type { Inventory } from "./inventory";

/** One change and its monthly cost in USD (negative: a saving). */
export interface Marginal {
  readonly what: string;
  readonly usd: number;
}

/** The monthly cost of each change to a stack, from its inventory. */
export function marginalCosts(inv: Inventory, purchase: Purchase): Marginal[] {
  const base = total(monthlyLines(inv, purchase));
  const delta = (changed: Inventory): number => total(monthlyLines(changed, purchase)) - base;
  const retention = inv.logRetentionDays === undefined ? "kept a year (the group never expires)" : `kept ${inv.logRetentionDays} days`;
  return [
    {
      what: 'One more secret, with its read at each task start (`secretLayout: "perVariable"` would make one per credential: 4, or 5 with `bearerToken`)',
      usd: delta({ ...inv, secrets: inv.secrets + 1 }),
    },
    { what: "One more customer managed KMS key", usd: delta({ ...inv, kmsKeys: inv.kmsKeys + 1 }) },
    {
      what: "One more alarm on one metric (a metric-math alarm: one per metric it reads)",
      usd: delta({ ...inv, alarmMetrics: inv.alarmMetrics + 1 }),
    },
    { what: `One more GB of logs a month (another container's output, a line per post), ${retention}`, usd: logGbMonthUsd(inv.logRetentionDays) },
    ...(inv.containerInsights === "enabled"
      ? [
          {
            what: "Container Insights off (only on a cluster of your own, `clusterArn`: the component's cluster has it on)",
            usd: delta({ ...inv, containerInsights: "disabled" }),
          },
        ]
      : []),
  ];
}
