/**
 * A notification for each task of the service that stops when it should not: EventBridge's "ECS Task State Change"
 * event (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html) for a task of this
 * service whose last status is STOPPED, kept when ECS names a failure:
 * - `stopCode` TaskFailedToStart, EssentialContainerExited (the service crashed), SpotInterruption or
 *   TerminationNotice (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html, `stopCode`);
 * - or a `stoppedReason` that starts "Task failed", ECS's text when it replaces a task that failed its container
 *   (or ELB) health checks, which ECS stops as ServiceSchedulerInitiated like any deployment.
 * Deployments, scale-ins and `aws ecs stop-task` are not failures and send nothing. The task alarm tells whether the
 * replacement runs. Pattern operators ($or, prefix): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */

/** The stop codes of a failure. */
export const FAILURE_STOP_CODES = ["TaskFailedToStart", "EssentialContainerExited", "SpotInterruption", "TerminationNotice"];

/** The start of ECS's reason when it replaces a task that failed its health checks. */
export const HEALTH_FAILURE_PREFIX = "Task failed";

/** The event pattern of the failed stops of one ECS service. */
export function stoppedTaskPattern(clusterArn: string, serviceName: string): Record<string, unknown> {
  return {
    source: ["aws.ecs"],
    "detail-type": ["ECS Task State Change"],
    detail: {
      clusterArn: [clusterArn],
      group: [`service:${serviceName}`],
      lastStatus: ["STOPPED"],
      $or: [{ stopCode: FAILURE_STOP_CODES }, { stoppedReason: [{ prefix: HEALTH_FAILURE_PREFIX }] }],
    },
  };
}

/**
 * The notification's text, from the event: which task, of which task definition revision (`taskDefinitionArn`: a
 * health-check replacement on the revision the last `pulumi up` deployed is the slow failure the circuit breaker does
 * not roll back), its stop code and ECS's reason. The event carries no health status, so the reason is the one sign of
 * a failed health check. An input template that is a quoted string makes the message that string:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function stoppedTaskMessage(label: string): { inputPaths: Record<string, string>; inputTemplate: string } {
  return {
    inputPaths: { task: "$.detail.taskArn", revision: "$.detail.taskDefinitionArn", code: "$.detail.stopCode", reason: "$.detail.stoppedReason" },
    inputTemplate: JSON.stringify(`${label}: task <task> of <revision> stopped (<code>): <reason>. npm run doctor tells what to do.`),
  };
}
