import type { ImagePlatform } from "../image/args";
import type { RunMode } from "../args";
import { type Reject, show } from "../errors";
import { CapacityProvider, type CapacityProviderStrategyItemArgs } from "./args";

/** A strategy entry after validation, defaults written out. */
export interface CapacityProviderStrategyItem {
  capacityProvider: CapacityProvider;
  weight: number;
  base: number;
}

/** What the strategy needs from the other arguments. */
export interface CapacityContext {
  runMode: RunMode;
  platform: ImagePlatform;
}

/** The weight and base ranges of API_CapacityProviderStrategyItem. */
const MAX_WEIGHT = 1000;
const MAX_BASE = 100000;

/**
 * The capacity provider strategy, checked: a service only; known, distinct providers; weights 0-1000 with one above 0;
 * bases 0-100000 on at most one entry (ECS: "Only one capacity provider in a capacity provider strategy can have a base
 * defined"); no Fargate Spot for arm64 ("Linux tasks with the ARM64 architecture don't support the Fargate Spot
 * capacity provider", fargate-capacity-providers.html).
 */
export function validateCapacityProviderStrategy(
  items: CapacityProviderStrategyItemArgs[],
  ctx: CapacityContext,
  reject: Reject,
): CapacityProviderStrategyItem[] {
  const field = "capacityProviderStrategy";
  if (ctx.runMode !== "service") {
    reject(field, `places a service's tasks, but runMode is ${show(ctx.runMode)}. Remove it, or use runMode "service".`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    reject(field, `is empty. Give at least one entry, e.g. [{ capacityProvider: "FARGATE_SPOT" }], or leave it out for on-demand Fargate.`);
    return [];
  }
  const seen = new Set<string>();
  const strategy = items.map((item, i) => {
    const at = `${field}[${i}]`;
    const provider = item.capacityProvider;
    if (!(Object.values(CapacityProvider) as string[]).includes(provider)) {
      reject(`${at}.capacityProvider`, `must be "FARGATE" or "FARGATE_SPOT": got ${show(provider)}.`);
    } else if (seen.has(provider)) {
      reject(`${at}.capacityProvider`, `${show(provider)} is in the strategy twice. Give each provider once.`);
    }
    seen.add(provider);
    if (provider === "FARGATE_SPOT" && ctx.platform === "linux/arm64") {
      reject(
        `${at}.capacityProvider`,
        `"FARGATE_SPOT" runs x86 tasks only, and image.platform is "linux/arm64" (AWS: Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider). Use "FARGATE" (arm64 is already about 20 % cheaper), or image.platform "linux/amd64".`,
      );
    }
    const weight = item.weight ?? 1;
    const base = item.base ?? 0;
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      reject(`${at}.weight`, `must be a whole number from 0 to ${MAX_WEIGHT}: got ${show(weight)}.`);
    }
    if (!Number.isInteger(base) || base < 0 || base > MAX_BASE) {
      reject(`${at}.base`, `must be a whole number of tasks from 0 to ${MAX_BASE}: got ${show(base)}.`);
    }
    return { capacityProvider: provider, weight, base };
  });
  const withBase = strategy.filter((s) => s.base > 0);
  if (withBase.length > 1) {
    reject(
      field,
      `gives a base to ${withBase.map((s) => s.capacityProvider).join(" and ")}: ECS takes a base on one provider only. Keep the base on one (e.g. FARGATE, for the tasks that must not be interrupted).`,
    );
  }
  if (strategy.every((s) => s.weight === 0)) {
    reject(field, `has no weight above 0: ECS would place no task beyond the base. Give one provider a weight of 1 or more.`);
  }
  return strategy;
}
