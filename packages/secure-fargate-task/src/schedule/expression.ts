/**
 * AWS's schedule expressions, checked before anything is created: `cron(...)` with its six fields, `rate(value unit)`,
 * `at(yyyy-mm-ddThh:mm:ss)`; and the time zone they are evaluated in. EventBridge Scheduler (`schedule`) and
 * Application Auto Scaling (`autoScaling.schedules`) take the same three forms and the same cron fields.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 * https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html
 */

/** CreateSchedule's limit on `ScheduleExpression` (terraform-provider-aws scheduler/schedule.go: StringLenBetween(1, 256)). */
export const EXPRESSION_MAX = 256;
/** CreateSchedule's limit on `ScheduleExpressionTimezone` (terraform-provider-aws scheduler/schedule.go: StringLenBetween(1, 50)). */
export const TIMEZONE_MAX = 50;

/** One cron field: its range, the names it takes, and the special characters it allows besides `, - * /`. */
interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** `?`, `L`, `W`, `#` where allowed. */
  special: string;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** The six fields, as the Scheduler and EventBridge guides tabulate them (values and wildcards). */
const CRON_FIELDS: readonly CronField[] = [
  { name: "minutes", min: 0, max: 59, special: "" },
  { name: "hours", min: 0, max: 23, special: "" },
  { name: "day-of-month", min: 1, max: 31, special: "?LW" },
  { name: "month", min: 1, max: 12, names: MONTHS, special: "" },
  { name: "day-of-week", min: 1, max: 7, names: DAYS, special: "?L#" },
  { name: "year", min: 1970, max: 2199, special: "" },
];

/** The form of a schedule expression, or undefined when it is none of the three. */
export type ExpressionKind = "cron" | "rate" | "at";

/** The expression's form, by its opening word. */
export function expressionKind(expression: string): ExpressionKind | undefined {
  const match = /^(cron|rate|at)\(/.exec(expression);
  return match ? (match[1] as ExpressionKind) : undefined;
}

/**
 * What is wrong with a schedule expression, or undefined when AWS takes it. `maxLength`: the API's limit, Scheduler's
 * by default (Application Auto Scaling's `PutScheduledAction` allows 1600).
 */
export function expressionProblem(expression: string, maxLength = EXPRESSION_MAX): string | undefined {
  if (expression.length > maxLength) return `is longer than ${maxLength} characters`;
  const match = /^(cron|rate|at)\((.*)\)$/.exec(expression);
  if (!match) return "is not `cron(...)`, `rate(...)` or `at(...)`";
  const [, kind, body] = match;
  if (kind === "rate") return rateProblem(body);
  if (kind === "at") return atProblem(body);
  return cronProblem(body);
}

/** `rate(value unit)`: a positive whole number and minute(s), hour(s) or day(s). */
function rateProblem(body: string): string | undefined {
  const match = /^([1-9]\d*) (minute|minutes|hour|hours|day|days)$/.exec(body);
  return match ? undefined : "is not `rate(value unit)` with a positive whole value and a unit of minute(s), hour(s) or day(s), e.g. `rate(1 day)`";
}

/** `at(yyyy-mm-ddThh:mm:ss)`: a real date and time. */
function atProblem(body: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!match) return "is not `at(yyyy-mm-ddThh:mm:ss)`, e.g. `at(2027-01-31T03:00:00)`";
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? undefined : `names no real date and time: ${body}`;
}

/** `cron(minutes hours day-of-month month day-of-week year)`. */
function cronProblem(body: string): string | undefined {
  const fields = body.split(" ");
  if (fields.length !== 6 || fields.some((f) => f === "")) {
    return `has ${fields.filter((f) => f !== "").length} cron fields separated by single spaces; AWS cron has six: minutes hours day-of-month month day-of-week year, e.g. \`cron(0 3 * * ? *)\``;
  }
  for (let i = 0; i < 6; i++) {
    const problem = fieldProblem(fields[i], CRON_FIELDS[i]);
    if (problem) return `has an invalid ${CRON_FIELDS[i].name} field ${JSON.stringify(fields[i])}: ${problem}`;
  }
  const [dayOfMonth, dayOfWeek] = [fields[2], fields[4]];
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    return "must have `?` in exactly one of day-of-month and day-of-week (AWS cron takes one or the other, never both), e.g. `cron(0 3 * * ? *)`";
  }
  return undefined;
}

/** One field: `?` alone, or a comma-list of `*`, values, ranges, increments and the field's special forms. */
function fieldProblem(field: string, spec: CronField): string | undefined {
  if (field === "?") return spec.special.includes("?") ? undefined : "`?` is only for day-of-month and day-of-week";
  for (const item of field.split(",")) {
    const problem = itemProblem(item, spec);
    if (problem) return problem;
  }
  return undefined;
}

function itemProblem(item: string, spec: CronField): string | undefined {
  const value = (text: string): number | undefined => {
    if (/^\d+$/.test(text)) {
      const n = Number(text);
      return n >= spec.min && n <= spec.max ? n : undefined;
    }
    const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
    return index < 0 ? undefined : index + 1;
  };
  const range = `${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ""}`;
  if (item === "*") return undefined;
  if (spec.special.includes("L")) {
    // Day-of-month: L (last day), LW (last weekday); day-of-week: L (Saturday), nL (last such day of the month).
    if (item === "L") return undefined;
    if (spec.special.includes("W") && (item === "LW" || (/^\d+W$/.test(item) && value(item.slice(0, -1)) !== undefined))) return undefined;
    if (spec.special.includes("#") && /L$/.test(item) && value(item.slice(0, -1)) !== undefined) return undefined;
  }
  if (spec.special.includes("#") && item.includes("#")) {
    const [day, nth] = item.split("#");
    return value(day) !== undefined && /^[1-5]$/.test(nth) ? undefined : `\`${item}\` is not <day>#<1-5>`;
  }
  const [base, step, ...rest] = item.split("/");
  if (rest.length > 0) return `\`${item}\` has more than one /`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `the increment in \`${item}\` is not a positive whole number`;
  if (base === "*" && step !== undefined) return undefined;
  const bounds = base.split("-");
  if (bounds.length > 2 || bounds.some((b) => value(b) === undefined)) return `\`${item}\` is not a value, range or increment within ${range}`;
  return undefined;
}

/**
 * What is wrong with a time zone, or undefined: an IANA name (letters, digits, `_`, `+`, `-` and `/`) that the
 * runtime's time zone database knows, at most `maxLength` characters (Scheduler's {@link TIMEZONE_MAX} by default).
 */
export function timezoneProblem(timezone: string, maxLength = TIMEZONE_MAX): string | undefined {
  if (timezone.length > maxLength) return `is longer than ${maxLength} characters`;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timezone)) return "is not an IANA time zone name such as `Europe/Paris` or `UTC`";
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return undefined;
  } catch {
    return "is not a time zone of the IANA database, such as `Europe/Paris` or `UTC`";
  }
}
