import type { RunMode } from "../args";
import { type Reject, show } from "../errors";
import type { ScheduleArgs } from "./args";
import { expressionProblem, timezoneProblem } from "./expression";

/** A schedule after validation, every default written out. */
export interface ScheduleSettings {
  expression: string;
  timezone: string;
  taskCount: number;
  /** Minutes of the flexible time window; undefined = off. */
  flexibleTimeWindowMinutes: number | undefined;
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
  enabled: boolean;
}

const DOC = "https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html";

/**
 * Checks a schedule against CreateSchedule's rules (ranges from the Scheduler API reference, as
 * terraform-provider-aws `internal/service/scheduler/schedule.go` validates them) and the runMode it needs.
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 */
export function validateSchedule(schedule: ScheduleArgs, runMode: RunMode, reject: Reject): ScheduleSettings {
  if (runMode !== "task") {
    reject(
      "schedule",
      `runs the task definition on a schedule, so it needs runMode "task": got runMode ${show(runMode)}. Set \`runMode: "task"\` (no service), or remove \`schedule\`.`,
    );
  }
  const expression = schedule.expression;
  const problem = typeof expression === "string" ? expressionProblem(expression) : "is not a string";
  if (problem) {
    reject("schedule.expression", `${problem}: got ${show(expression)}. Write e.g. "cron(0 3 * * ? *)" or "rate(1 day)" (${DOC}).`);
  }
  const timezone = schedule.timezone ?? "UTC";
  const zoneProblem = timezoneProblem(timezone);
  if (zoneProblem) reject("schedule.timezone", `${zoneProblem}: got ${show(timezone)}.`);
  const taskCount = schedule.taskCount ?? 1;
  wholeIn("schedule.taskCount", taskCount, 1, 10, "tasks per run", reject);
  const window = schedule.flexibleTimeWindowMinutes;
  if (window !== undefined) wholeIn("schedule.flexibleTimeWindowMinutes", window, 1, 1440, "minutes", reject);
  const maximumRetryAttempts = schedule.maximumRetryAttempts ?? 185;
  wholeIn("schedule.maximumRetryAttempts", maximumRetryAttempts, 0, 185, "retries", reject);
  const maximumEventAgeInSeconds = schedule.maximumEventAgeInSeconds ?? 86400;
  wholeIn("schedule.maximumEventAgeInSeconds", maximumEventAgeInSeconds, 60, 86400, "seconds", reject);
  return {
    expression,
    timezone,
    taskCount,
    flexibleTimeWindowMinutes: window,
    maximumRetryAttempts,
    maximumEventAgeInSeconds,
    enabled: schedule.enabled ?? true,
  };
}

function wholeIn(field: string, value: number, min: number, max: number, unit: string, reject: Reject): void {
  if (!Number.isInteger(value) || value < min || value > max)
    reject(field, `must be a whole number of ${unit} from ${min} to ${max}: got ${show(value)}.`);
}
