/**
 * A Fargate capacity provider: `FARGATE` (on-demand) or `FARGATE_SPOT` (spare capacity at a discount, interrupted
 * with a two-minute warning; x86 only).
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 */
export const CapacityProvider = { Fargate: "FARGATE", FargateSpot: "FARGATE_SPOT" } as const;
export type CapacityProvider = (typeof CapacityProvider)[keyof typeof CapacityProvider];

/**
 * One entry of the service's capacity provider strategy: ECS places the first `base` tasks on this provider, and the
 * rest across the entries in proportion to their `weight`.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
 */
export interface CapacityProviderStrategyItemArgs {
  /** `FARGATE` or `FARGATE_SPOT`. */
  capacityProvider: CapacityProvider;
  /** Relative share of the tasks beyond the bases (0 to 1000). @default 1 */
  weight?: number;
  /** Tasks placed on this provider before any weight applies (0 to 100000); at most one entry may have one. @default 0 */
  base?: number;
}
