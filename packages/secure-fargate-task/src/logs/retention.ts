/**
 * How long the component's log groups (the app's, and the rotation rule's) keep log events: `retentionInDays` of
 * `aws.cloudwatch.LogGroup`, checked against what CloudWatch Logs accepts.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
import { type Reject, show } from "../errors";

/**
 * The retention values (days) PutRetentionPolicy accepts, and terraform-provider-aws's `retention_in_days` of
 * `aws_cloudwatch_log_group` (internal/service/logs/group.go); 0 (no retention policy) means "never expire".
 */
export const LOG_RETENTION_DAYS: readonly number[] = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The retention when `logRetentionInDays` is left out. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/** Checks `logRetentionInDays` against {@link LOG_RETENTION_DAYS}. Returns it, defaulted to 30 days. */
export function validateLogRetention(days: number | undefined, reject: Reject): number {
  const value = days ?? DEFAULT_LOG_RETENTION_DAYS;
  if (!LOG_RETENTION_DAYS.includes(value)) {
    reject(
      "logRetentionInDays",
      `is not a retention CloudWatch Logs accepts: got ${show(value)}. Use one of ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire).`,
    );
  }
  return value;
}
