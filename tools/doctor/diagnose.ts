/**
 * From what AWS answered to findings, each with a severity and what to do. Pure: it reads the raw responses (or the
 * error each call ended with) and the time; `aws.ts` makes the calls, `report.ts` prints the result.
 */
import type { DescribeServicesCommandOutput, Deployment, Service, Task } from "@aws-sdk/client-ecs";
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { DoctorInputs } from "./inputs";
import { field, readServiceLog, type LogEvent, type ServiceLine } from "./serviceLog";
import { classifyStop } from "./stoppedReasons";

/** How bad a finding is. Only `error` makes the doctor exit non-zero. */
export type Severity = "ok" | "info" | "warn" | "error";

/** The part of the report a finding belongs to, in the order they are printed. */
export type Section = "deployment" | "events" | "stopped" | "logs" | "table";

/** One thing the doctor found. */
export interface Finding {
  readonly section: Section;
  readonly severity: Severity;
  readonly text: string;
  /** The AWS text behind it (a stopped reason, a log line), printed as is. */
  readonly detail?: string | undefined;
  /** What to do. */
  readonly advice?: string | undefined;
  /** The AWS page that explains it. */
  readonly doc?: string | undefined;
}

/** An AWS call that failed: which call, and the error's name and message. */
export interface CallFailure {
  readonly action: string;
  readonly name: string;
  readonly message: string;
}

/** The answer of one AWS call, or how it failed. */
export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: CallFailure };

/** Everything the doctor read from AWS. */
export interface Observations {
  /** DescribeServices (with its `failures`, where a missing service is reported). */
  readonly services: Answer<Pick<DescribeServicesCommandOutput, "services" | "failures">>;
  /** DescribeTasks of the tasks ListTasks (desiredStatus STOPPED) named. */
  readonly stoppedTasks: Answer<readonly Task[]>;
  /** FilterLogEvents over the last `logWindowMinutes`. */
  readonly logEvents: Answer<readonly LogEvent[]>;
  /** DescribeTable's `Table`. */
  readonly table: Answer<TableDescription | undefined>;
}

/** The findings, and how many are errors. */
export interface Diagnosis {
  readonly findings: readonly Finding[];
  readonly problems: number;
}

/** Settings of the diagnosis. */
export interface DiagnoseOptions {
  /** The time the observations were made. */
  readonly now: Date;
  /** How far back the log events go. @default 60 */
  readonly logWindowMinutes?: number;
  /** How many service events, stopped tasks and log lines to show. @default 5 */
  readonly shown?: number;
}

/** The IAM action each call needs, named when it is denied. */
const PERMISSION: Readonly<Record<string, string>> = {
  DescribeServices: "ecs:DescribeServices",
  ListTasks: "ecs:ListTasks",
  DescribeTasks: "ecs:DescribeTasks",
  FilterLogEvents: "logs:FilterLogEvents",
  DescribeTable: "dynamodb:DescribeTable",
};

/** `family:revision` of a task definition ARN, or the ARN when it is not one. */
export function shortTaskDefinition(arn: string | undefined): string {
  if (arn === undefined) return "(none)";
  return /task-definition\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** The id at the end of a task ARN. */
function taskId(arn: string | undefined): string {
  return arn?.split("/").pop() ?? "(unknown task)";
}

/** "3 min ago" style age of a time, relative to now. */
export function age(time: Date | undefined, now: Date): string {
  if (time === undefined) return "at an unknown time";
  const seconds = Math.max(0, Math.round((now.getTime() - time.getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

function failed(section: Section, what: string, failure: CallFailure): Finding {
  const permission = PERMISSION[failure.action];
  const denied = /AccessDenied|not authorized/i.test(`${failure.name} ${failure.message}`);
  return {
    section,
    severity: "error",
    text: `could not ${what}: ${failure.name}: ${failure.message}`,
    advice: denied && permission !== undefined ? `the doctor needs ${permission} (see tools/doctor/README.md)` : undefined,
  };
}

/** Diagnoses the deployment from the observations. */
export function diagnose(inputs: DoctorInputs, observed: Observations, options: DiagnoseOptions): Diagnosis {
  const shown = options.shown ?? 5;
  const service = serviceOf(observed);
  const findings: Finding[] = [
    ...deploymentFindings(inputs, observed, service, options.now),
    ...eventFindings(service, shown),
    ...stoppedFindings(inputs, observed, options.now, shown),
    ...logFindings(inputs, observed, service, options.logWindowMinutes ?? 60, shown),
    ...tableFindings(inputs, observed),
  ];
  return { findings, problems: findings.filter((f) => f.severity === "error").length };
}

function serviceOf(observed: Observations): Service | undefined {
  return observed.services.ok ? observed.services.value.services?.[0] : undefined;
}

function deploymentFindings(inputs: DoctorInputs, observed: Observations, service: Service | undefined, now: Date): Finding[] {
  const section = "deployment";
  if (!observed.services.ok) return [failed(section, `describe service ${inputs.service}`, observed.services.failure)];
  if (service === undefined) {
    const reason = observed.services.value.failures?.[0]?.reason ?? "MISSING";
    return [
      {
        section,
        severity: "error",
        text: `service ${inputs.service} not found in cluster ${inputs.cluster} (${reason}) in ${inputs.region}`,
        advice: "check that the outputs come from the stack you deployed, and the region (`--region`); `pulumi up` creates the service",
      },
    ];
  }
  if (service.status !== "ACTIVE") {
    return [
      { section, severity: "error", text: `service ${inputs.service} is ${service.status}, not ACTIVE`, advice: "`pulumi up` creates it again" },
    ];
  }

  const findings: Finding[] = [];
  const deployments = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === "PRIMARY");
  const stackRevision = shortTaskDefinition(inputs.taskDefinitionArn);
  if (primary === undefined) {
    findings.push({ section, severity: "error", text: "the service has no PRIMARY deployment" });
  } else if (primary.taskDefinition !== inputs.taskDefinitionArn) {
    findings.push({
      section,
      severity: "error",
      text: `the service runs ${shortTaskDefinition(primary.taskDefinition)}, not the stack's ${stackRevision}: the update rolled back or never took`,
      advice:
        "the stopped tasks below say why the stack's revision failed; fix that and `pulumi up` again " +
        "(Pulumi's state may record a revision ECS rolled back from: `pulumi refresh` shows what really runs)",
    });
  } else {
    findings.push({ section, severity: "ok", text: `the service runs the stack's task definition ${stackRevision}` });
  }
  if (primary !== undefined) findings.push(...rolloutFindings(primary), ...unhealthyAfterCompletion(inputs, observed, service, primary, now));
  for (const other of deployments.filter((d) => d !== primary)) {
    findings.push({
      section,
      severity: "info",
      text:
        `also ${other.status ?? "?"} deployment ${other.id ?? "?"} of ${shortTaskDefinition(other.taskDefinition)}: ` +
        `rollout ${other.rolloutState ?? "?"}${other.rolloutStateReason === undefined ? "" : ` (${other.rolloutStateReason})`}, ` +
        `running ${other.runningCount ?? 0}`,
    });
  }
  findings.push(countFinding(service));
  return findings;
}

function rolloutFindings(primary: Deployment): Finding[] {
  const section = "deployment";
  const reason = primary.rolloutStateReason === undefined ? "" : `: ${primary.rolloutStateReason}`;
  switch (primary.rolloutState) {
    case "COMPLETED":
      return [{ section, severity: "ok", text: `rollout COMPLETED${reason}` }];
    case "IN_PROGRESS":
      return [
        {
          section,
          severity: "warn",
          text: `rollout IN_PROGRESS${reason}`,
          advice: "the deployment has not reached a steady state yet: run the doctor again in a minute",
        },
      ];
    case "FAILED":
      return [
        {
          section,
          severity: "error",
          text: `rollout FAILED${reason}`,
          advice: "the deployment circuit breaker stopped it; the stopped tasks below say why",
        },
      ];
    default:
      return [];
  }
}

const DOC_CIRCUIT_BREAKER = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html";

/**
 * When the deployment completed: ECS's service event `(service <name>) (deployment <id>) deployment completed.` (the
 * latest, as a rollback makes a completed deployment IN_PROGRESS again); undefined when it is no longer among the
 * events DescribeServices returns.
 */
function completedAt(service: Service, deploymentId: string | undefined): Date | undefined {
  if (deploymentId === undefined) return undefined;
  const marker = `(deployment ${deploymentId}) deployment completed`;
  const times = (service.events ?? [])
    .filter((e) => e.message?.includes(marker) === true)
    .map((e) => e.createdAt?.getTime())
    .filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

/**
 * The slow failure the circuit breaker cannot see: tasks of the PRIMARY deployment's revision that ECS replaced for a
 * failed container health check after that deployment completed. The breaker counts failures only while a deployment
 * is in progress, so ECS keeps the revision and replaces its tasks in a loop.
 */
function unhealthyAfterCompletion(inputs: DoctorInputs, observed: Observations, service: Service, primary: Deployment, now: Date): Finding[] {
  if (primary.rolloutState !== "COMPLETED" || !observed.stoppedTasks.ok) return [];
  const completed = completedAt(service, primary.id);
  if (completed === undefined) return [];
  const failed = observed.stoppedTasks.value.filter(
    (task) =>
      task.taskDefinitionArn === primary.taskDefinition &&
      (task.stoppedAt?.getTime() ?? 0) > completed.getTime() &&
      classifyStop(task, { logGroupName: inputs.logGroupName }).kind === "health-check",
  );
  if (failed.length === 0) return [];
  const last = new Date(Math.max(...failed.map((task) => task.stoppedAt?.getTime() ?? 0)));
  const tasks = `${failed.length} task${failed.length === 1 ? "" : "s"}`;
  return [
    {
      section: "deployment",
      severity: "error",
      text:
        `unhealthy after the deployment completed: ${tasks} of ${shortTaskDefinition(primary.taskDefinition)} failed the container ` +
        `health check after deployment ${primary.id ?? "?"} completed (${age(completed, now)}), the last ${age(last, now)}`,
      advice:
        "the circuit breaker counts failures only while a deployment is in progress, so ECS keeps this revision and replaces " +
        "its tasks; the stopped tasks and the log lines below say why the stream died. X's side (a usage cap, an outage: a " +
        "reconnect line with the HTTP status) recovers once X accepts connections again; if the revision is at fault, " +
        "deploy the previous sources again (`git revert`, then `pulumi up`)",
      doc: DOC_CIRCUIT_BREAKER,
    },
  ];
}

function countFinding(service: Service): Finding {
  const section = "deployment";
  const running = service.runningCount ?? 0;
  const desired = service.desiredCount ?? 0;
  const pending = service.pendingCount ?? 0;
  const counts = `running ${running} of ${desired}${pending > 0 ? ` (${pending} pending)` : ""}`;
  if (desired === 0) {
    return {
      section,
      severity: "warn",
      text: `${counts}: the service is stopped`,
      advice: "stack config `desiredCount` is 0; set it to 1 and `pulumi up` to run it",
    };
  }
  if (running < desired) {
    return { section, severity: "error", text: counts, advice: "tasks are not staying up: the stopped tasks and the log lines below say why" };
  }
  return { section, severity: "ok", text: counts };
}

function eventFindings(service: Service | undefined, shown: number): Finding[] {
  const events = [...(service?.events ?? [])].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)).slice(0, shown);
  if (service === undefined) return [];
  if (events.length === 0) return [{ section: "events", severity: "info", text: "no service events" }];
  return events.map((e) => ({
    section: "events" as const,
    severity: "info" as const,
    text: `${e.createdAt?.toISOString() ?? "(no time)"} ${e.message ?? ""}`,
  }));
}

function stoppedFindings(inputs: DoctorInputs, observed: Observations, now: Date, shown: number): Finding[] {
  const section = "stopped";
  if (!observed.stoppedTasks.ok) return [failed(section, "read the stopped tasks", observed.stoppedTasks.failure)];
  const tasks = [...observed.stoppedTasks.value].sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0));
  if (tasks.length === 0) {
    return [{ section, severity: "ok", text: "no stopped tasks (ECS shows a stopped task for about an hour)" }];
  }
  const findings = tasks.slice(0, shown).map((task): Finding => {
    const stop = classifyStop(task, { logGroupName: inputs.logGroupName });
    const ofStack = task.taskDefinitionArn === inputs.taskDefinitionArn;
    const exitCodes = (task.containers ?? []).filter((c) => c.exitCode !== undefined).map((c) => `${c.name ?? "?"} exit ${c.exitCode}`);
    const detail = [task.stoppedReason, ...(task.containers ?? []).map((c) => c.reason)]
      .filter((t): t is string => t !== undefined && t !== "")
      .filter((t, i, all) => all.indexOf(t) === i)
      .join(" | ");
    return {
      section,
      severity: !stop.failure ? "info" : ofStack ? "error" : "warn",
      text:
        `task ${taskId(task.taskArn)} (${shortTaskDefinition(task.taskDefinitionArn)}${ofStack ? "" : ", not the stack's revision"}) ` +
        `stopped ${age(task.stoppedAt, now)}: ${stop.summary}`,
      detail: [task.stopCode, detail, exitCodes.join(", ")].filter((t) => t !== undefined && t !== "").join(": "),
      advice: stop.failure ? stop.advice : undefined,
      doc: stop.failure ? stop.doc : undefined,
    };
  });
  if (tasks.length > shown) findings.push({ section, severity: "info", text: `and ${tasks.length - shown} more stopped tasks` });
  return findings;
}

function logFindings(inputs: DoctorInputs, observed: Observations, service: Service | undefined, windowMinutes: number, shown: number): Finding[] {
  const section = "logs";
  if (!observed.logEvents.ok) return [failed(section, `read log group ${inputs.logGroupName}`, observed.logEvents.failure)];
  const reading = readServiceLog(observed.logEvents.value, shown);
  const tail = reading.tail.map((text): Finding => ({ section, severity: "info", text }));
  const stats = reading.stats === undefined ? "" : `; last stats: ${statsText(reading.stats)}`;
  const line = reading.line;
  switch (reading.state) {
    case "connected":
      return [
        {
          section,
          severity: "ok",
          text: `connected to the filtered stream (${line === undefined ? "" : new Date(line.time).toISOString()})${stats}`,
        },
        ...tail,
      ];
    case "running":
      return [{ section, severity: "ok", text: `running: stats lines, connected before the last ${windowMinutes} min${stats}` }, ...tail];
    case "fatal":
      return [fatalFinding(line), ...tail];
    case "reconnecting":
      return [reconnectFinding(line), ...tail];
    case "starting":
      return [
        {
          section,
          severity: "warn",
          text: `started, not connected to the stream yet (last event: ${line?.event ?? "?"})`,
          advice: "run the doctor again in a minute; if it stays here, the X API does not answer",
        },
        ...tail,
      ];
    case "stopped":
      return [
        { section, severity: "warn", text: `the newest task stopped (${line === undefined ? "" : (field(line, "reason") ?? "SIGTERM")})` },
        ...tail,
      ];
    case "silent": {
      const desired = service?.desiredCount ?? 0;
      return [
        {
          section,
          severity: desired === 0 ? "info" : "warn",
          text: `no log lines in the last ${windowMinutes} min in ${inputs.logGroupName}`,
          advice: desired === 0 ? undefined : "a running service writes a stats line every 30 s: its task never started, or logs elsewhere",
        },
      ];
    }
  }
}

function statsText(line: ServiceLine): string {
  return ["received", "matched", "stored"].map((k) => `${k} ${field(line, k) ?? "?"}`).join(", ");
}

function fatalFinding(line: ServiceLine | undefined): Finding {
  const section = "logs";
  if (line === undefined) return { section, severity: "error", text: "the service stopped on an error" };
  const stage = field(line, "stage");
  const error = [field(line, "errorName"), field(line, "error")].filter((t) => t !== undefined).join(": ");
  if (line.event === "config_error") {
    return {
      section,
      severity: "error",
      text: `fatal: the service refused its configuration: ${field(line, "variable") ?? "?"}: ${field(line, "error") ?? ""}`,
      advice: "the stack sets these variables: check the stack config (`pulumi config`) and `pulumi up`",
    };
  }
  const advice: Readonly<Record<string, string>> = {
    startup:
      "it could not reach the X API or sync its rules: a 401/403 means X refused the credentials (`pulumi config set --secret ...`, then `pulumi up`)",
    write: "DynamoDB refused the writes: the task role needs dynamodb:BatchWriteItem on the table, and the table must exist",
    stream: "the filtered stream failed in a way the service does not retry",
  };
  return {
    section,
    severity: "error",
    text: `fatal${stage === undefined ? "" : ` (stage ${stage})`}: ${error === "" ? line.event : error}`,
    advice: stage === undefined ? undefined : advice[stage],
  };
}

function reconnectFinding(line: ServiceLine | undefined): Finding {
  const section = "logs";
  const status = line === undefined ? undefined : field(line, "status");
  const reason = line === undefined ? "" : (field(line, "reason") ?? "");
  const advice: Readonly<Record<string, string>> = {
    "429": "X allows one filtered-stream connection per app: another consumer (a second task, a local run) holds it",
    "401": "X refused the credentials: set them again (`pulumi config set --secret ...`) and `pulumi up`",
    "403": "X refused the app: the app needs filtered-stream access on its X plan",
  };
  return {
    section,
    severity: "warn",
    text: `reconnecting to the stream: ${reason}${line === undefined ? "" : `, next attempt in ${field(line, "delayMs") ?? "?"} ms`}`,
    advice: status === undefined ? undefined : advice[status],
  };
}

function tableFindings(inputs: DoctorInputs, observed: Observations): Finding[] {
  const section = "table";
  if (!observed.table.ok) {
    if (observed.table.failure.name === "ResourceNotFoundException") {
      return [
        {
          section,
          severity: "error",
          text: `table ${inputs.tableName} not found in ${inputs.region}`,
          advice: "`pulumi up` creates it; check the region",
        },
      ];
    }
    return [failed(section, `describe table ${inputs.tableName}`, observed.table.failure)];
  }
  const table = observed.table.value;
  const status = table?.TableStatus ?? "UNKNOWN";
  // DescribeTable's ItemCount costs no read capacity but is refreshed by DynamoDB about every six hours.
  const count = `about ${table?.ItemCount ?? 0} items (DynamoDB refreshes ItemCount about every 6 hours)`;
  if (status === "ACTIVE") return [{ section, severity: "ok", text: `table ${inputs.tableName}: ACTIVE, ${count}` }];
  const transient = status === "CREATING" || status === "UPDATING";
  return [
    {
      section,
      severity: transient ? "warn" : "error",
      text: `table ${inputs.tableName}: ${status}, ${count}`,
      advice: transient ? undefined : "the service cannot write to it: see the DynamoDB console",
    },
  ];
}
