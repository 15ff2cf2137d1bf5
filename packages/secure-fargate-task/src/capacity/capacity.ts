import * as aws from "@pulumi/aws";
import type { ChildContext } from "../context";
import type { CapacityProviderStrategyItem } from "./validateCapacity";

/** The providers a strategy names, sorted: what the cluster must have. */
export function strategyProviders(strategy: readonly CapacityProviderStrategyItem[]): string[] {
  return [...new Set(strategy.map((i) => i.capacityProvider))].sort();
}

/**
 * Associates the strategy's Fargate providers with the cluster the component created (PutClusterCapacityProviders):
 * they exist in every account, but a service may use only those associated with its cluster.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 */
export function associateProviders(
  ctx: ChildContext,
  cluster: aws.ecs.Cluster,
  strategy: readonly CapacityProviderStrategyItem[],
): aws.ecs.ClusterCapacityProviders {
  return new aws.ecs.ClusterCapacityProviders(
    `${ctx.name}-capacity-providers`,
    { clusterName: cluster.name, capacityProviders: strategyProviders(strategy) },
    { parent: ctx.parent },
  );
}
