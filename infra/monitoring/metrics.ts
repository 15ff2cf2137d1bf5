/**
 * The metrics the stack's alarms and dashboard read, as CloudWatch names them: the service's own (EMF, the contract of
 * service/src/metrics/names.ts), DynamoDB's for the table, and Container Insights' for the ECS service. Pure.
 */
import type * as pulumi from "@pulumi/pulumi";
import { METRIC, METRICS_NAMESPACE, SERVICE_DIMENSION, type MetricName } from "../../service/src/metrics/names";

/** What the alarms and the dashboard watch. */
export interface MonitoredStack {
  /** The `Service` dimension of the service's metrics (`metricsServiceName`). */
  readonly metricsService: string;
  readonly tableName: pulumi.Input<string>;
  readonly clusterName: pulumi.Input<string>;
  readonly serviceName: pulumi.Input<string>;
}

/** A metric as an alarm's `metricQueries[].metric` takes it. */
export interface MetricRef {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, pulumi.Input<string>>;
  readonly stat: string;
  readonly period: number;
}

/** One of the service's metrics, read with the statistic its contract gives, unless another is asked for. */
export function serviceMetric(stack: MonitoredStack, name: MetricName, period: number, stat: string = METRIC[name].statistic): MetricRef {
  return { namespace: METRICS_NAMESPACE, metricName: name, dimensions: { [SERVICE_DIMENSION]: stack.metricsService }, stat, period };
}

/**
 * DynamoDB's metrics of the table: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
 * `WriteThrottleEvents` has the dimension TableName alone; `SystemErrors` has TableName and Operation.
 */
export const DYNAMODB_NAMESPACE = "AWS/DynamoDB";

/** The one DynamoDB operation the service sends (`BatchWriteCommand`; infra/table.ts TABLE_ACTIONS). */
export const WRITE_OPERATION = "BatchWriteItem";

/**
 * Container Insights' service metrics (the component's cluster has Container Insights on), dimensions ClusterName and
 * ServiceName: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
 */
export const CONTAINER_INSIGHTS_NAMESPACE = "ECS/ContainerInsights";

export function tableMetric(stack: MonitoredStack, metricName: string, period: number, operation?: string): MetricRef {
  return {
    namespace: DYNAMODB_NAMESPACE,
    metricName,
    dimensions: operation === undefined ? { TableName: stack.tableName } : { TableName: stack.tableName, Operation: operation },
    stat: "Sum",
    period,
  };
}

export function ecsServiceMetric(
  stack: MonitoredStack,
  metricName: "RunningTaskCount" | "DesiredTaskCount",
  stat: string,
  period: number,
): MetricRef {
  return {
    namespace: CONTAINER_INSIGHTS_NAMESPACE,
    metricName,
    dimensions: { ClusterName: stack.clusterName, ServiceName: stack.serviceName },
    stat,
    period,
  };
}
