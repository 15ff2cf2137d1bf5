/**
 * The schedule expressions Application Auto Scaling accepts, checked offline: `at(yyyy-mm-ddThh:mm:ss)`,
 * `rate(<n> minute|minutes|hour|hours|day|days)` and `cron(<6 fields>)`.
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
 * https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html
 */

/** The kind of a schedule expression, or undefined when it is none of the three. */
export type ScheduleKind = "at" | "rate" | "cron";

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\(([^()]*)\)$/;

/**
 * Each cron field's range and the special characters it takes (the user guide's cron table): minutes 0-59, hours 0-23,
 * day of month 1-31 (`? L W`), month 1-12 or JAN-DEC, day of week 1-7 or SUN-SAT (`? L #`), year 1970-2199.
 */
const CRON_FIELDS = [
  { name: "minutes", min: 0, max: 59, names: [] as string[], special: "" },
  { name: "hours", min: 0, max: 23, names: [], special: "" },
  { name: "day-of-month", min: 1, max: 31, names: [], special: "?LW" },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], special: "" },
  { name: "day-of-week", min: 1, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], special: "?L#" },
  { name: "year", min: 1970, max: 2199, names: [], special: "" },
] as const;

/** The expression's kind. */
export function scheduleKind(expression: string): ScheduleKind | undefined {
  if (expression.startsWith("at(")) return "at";
  if (expression.startsWith("rate(")) return "rate";
  if (expression.startsWith("cron(")) return "cron";
  return undefined;
}

/** What is wrong with a schedule expression, or undefined when Application Auto Scaling would take it. */
export function scheduleProblem(expression: string): string | undefined {
  switch (scheduleKind(expression)) {
    case "at":
      return atProblem(expression);
    case "rate":
      return RATE.test(expression) ? undefined : `a rate expression is rate(<whole number, 1 or more> minute|minutes|hour|hours|day|days)`;
    case "cron":
      return cronProblem(expression);
    default:
      return `is none of at(yyyy-mm-ddThh:mm:ss), rate(<n> <unit>) and cron(<6 fields>)`;
  }
}

function atProblem(expression: string): string | undefined {
  const m = AT.exec(expression);
  if (!m) return `an at expression is at(yyyy-mm-ddThh:mm:ss), e.g. at(2027-01-31T08:00:00)`;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return valid ? undefined : `${expression.slice(3, -1)} is not a date and time`;
}

function cronProblem(expression: string): string | undefined {
  const m = CRON.exec(expression);
  if (!m) return `a cron expression is cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)`;
  const fields = m[1].trim().split(/\s+/);
  if (fields.length !== 6) {
    return `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year): got ${fields.length}`;
  }
  for (let i = 0; i < 6; i++) {
    const problem = cronFieldProblem(fields[i], CRON_FIELDS[i]);
    if (problem) return `cron field ${CRON_FIELDS[i].name} ${JSON.stringify(fields[i])}: ${problem}`;
  }
  const [dayOfMonth, dayOfWeek] = [fields[2], fields[4]];
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    return `exactly one of day-of-month and day-of-week must be "?" (AWS cron cannot take both): got ${JSON.stringify(dayOfMonth)} and ${JSON.stringify(dayOfWeek)}`;
  }
  return undefined;
}

function cronFieldProblem(field: string, spec: (typeof CRON_FIELDS)[number]): string | undefined {
  if (field === "*" || (field === "?" && spec.special.includes("?"))) return undefined;
  if (field === "L" && spec.special.includes("L")) return undefined;
  const value = (v: string): number | undefined => {
    const byName = (spec.names as readonly string[]).indexOf(v.toUpperCase());
    if (byName >= 0) return byName + spec.min;
    return /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const inRange = (v: string): boolean => {
    const n = value(v);
    return n !== undefined && n >= spec.min && n <= spec.max;
  };
  for (const part of field.split(",")) {
    if (spec.special.includes("W") && /^\d+W$/.test(part) && inRange(part.slice(0, -1))) continue;
    if (spec.special.includes("#") && /^[^#]+#[1-5]$/.test(part) && inRange(part.split("#")[0])) continue;
    if (spec.special.includes("L") && /^[^L]+L$/.test(part) && spec.name === "day-of-week" && inRange(part.slice(0, -1))) continue;
    const [range, step] = part.split("/");
    if (part.split("/").length > 2 || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `a step is /<whole number, 1 or more>`;
    if (range === "*" && step !== undefined) continue;
    const bounds = range.split("-");
    if (bounds.length > 2 || !bounds.every(inRange)) {
      return `each value must be ${spec.min}-${spec.max}${spec.names.length > 0 ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ""}`;
    }
  }
  return undefined;
}
