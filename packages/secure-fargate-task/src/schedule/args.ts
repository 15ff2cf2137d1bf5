/**
 * A schedule on which EventBridge Scheduler runs the task (with `runMode: "task"`): the one-off `aws ecs run-task`, on
 * a cron or rate expression, or once.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export interface ScheduleArgs {
  /**
   * When to run: `cron(minutes hours day-of-month month day-of-week year)` (e.g. `cron(0 3 * * ? *)`, 03:00 every
   * day; one of day-of-month and day-of-week must be `?`), `rate(value unit)` with unit `minute(s)`, `hour(s)` or
   * `day(s)` (e.g. `rate(1 day)`), or `at(yyyy-mm-ddThh:mm:ss)` for a single run.
   */
  expression: string;
  /** The IANA time zone the expression is evaluated in, e.g. `Europe/Paris` (daylight saving included). @default "UTC" */
  timezone?: string;
  /** Tasks each run starts (1 to 10). @default 1 */
  taskCount?: number;
  /**
   * A window, in minutes (1 to 1440), within which Scheduler may start the run at a time of its choosing, to spread
   * load. @default - none: the run starts in the scheduled minute
   */
  flexibleTimeWindowMinutes?: number;
  /**
   * How many times Scheduler retries a `RunTask` call that failed (throttled, no capacity), 0 to 185. A task that
   * started and then failed is not retried. A run still failing after its retries goes to the schedule's dead-letter
   * queue (encrypted with the component's key, messages kept 14 days), and an alarm notifies `alarmActions`.
   * https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
   * @default 185
   */
  maximumRetryAttempts?: number;
  /**
   * How long, in seconds (60 to 86400), Scheduler keeps retrying one run before it sends it to the dead-letter queue.
   * @default 86400
   */
  maximumEventAgeInSeconds?: number;
  /** Whether the schedule runs; `false` keeps it, paused. @default true */
  enabled?: boolean;
}
