/**
 * What a stopped task's reason means and what to do about it. Pure: the texts come from DescribeTasks (`stoppedReason`,
 * `stopCode`, each container's `reason` and `exitCode`).
 *
 * The texts matched here are the ones AWS documents and users report:
 * - Stopped tasks error codes (prefixes: ResourceInitializationError, CannotPullContainerError, ...):
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
 * - ResourceInitializationError ("unable to pull secrets or registry auth: execution resource retrieval failed: unable
 *   to retrieve secret from asm ...", "failed to validate logger args ... The specified log group does not exist"):
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html and
 *   https://repost.aws/knowledge-center/ecs-unable-to-pull-secrets
 * - CannotPullContainerError ("pull image manifest has been retried ... i/o timeout", "not found", "403 Forbidden"):
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html and
 *   https://repost.aws/knowledge-center/ecs-fargate-pull-container-error
 * - "Essential container in task exited", exit codes, OutOfMemoryError, "Task failed container health checks" (the
 *   service scheduler's reason when it replaces a task its container health check called unhealthy):
 *   https://repost.aws/knowledge-center/ecs-task-stopped
 * - "Task failed ELB health checks in (target-group <arn>)" (the service scheduler's reason when it replaces a task the
 *   load balancer's target group called unhealthy; the causes AWS lists: the health check's path or port, the tasks'
 *   security group not admitting the load balancer, no health check grace period for a slow start):
 *   https://repost.aws/knowledge-center/ecs-fargate-health-check-failures and
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-healthcheck.html
 * Real reports with the exact texts: aws/copilot-cli#3104 and #4504 (ssm:GetParameters AccessDeniedException),
 * GiamPy5/terraform-aws-directus#10 ("AccessDeniedException: Access to KMS is not allowed"), Releem/releem-agent#195
 * (asm "context deadline exceeded. Please check your task network configuration"), cn-terraform/terraform-aws-nexus#35
 * ("The specified log group does not exist").
 */

const DOC_STOPPED = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html";
const DOC_RESOURCE_INIT = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html";
const DOC_PULL = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html";
const DOC_EXITED = "https://repost.aws/knowledge-center/ecs-task-stopped";
const DOC_ELB_HEALTH = "https://repost.aws/knowledge-center/ecs-fargate-health-check-failures";

/** The facts of a stopped task this module reads; the SDK's `Task` has them all. */
export interface StoppedTaskFacts {
  readonly stoppedReason?: string | undefined;
  readonly stopCode?: string | undefined;
  readonly containers?:
    | ReadonlyArray<{
        readonly name?: string | undefined;
        readonly reason?: string | undefined;
        readonly exitCode?: number | undefined;
      }>
    | undefined;
}

/** Every kind of stop this module tells apart. */
export type StopKind =
  | "secret-access-denied"
  | "secret-not-found"
  | "log-group-missing"
  | "logs-access-denied"
  | "ecr-access-denied"
  | "image-not-found"
  | "no-route"
  | "image-pull"
  | "resource-initialization"
  | "out-of-memory"
  | "container-exited"
  | "health-check"
  | "elb-health-check"
  | "cannot-start"
  | "scheduler"
  | "unknown";

/** What a stop means. */
export interface StopClassification {
  readonly kind: StopKind;
  /** False for the stops a healthy service also has: a deployment replacing a task, a scale-in, a user's stop. */
  readonly failure: boolean;
  /** What happened, in a few words. */
  readonly summary: string;
  /** What to do. */
  readonly advice: string;
  /** The AWS page that explains this reason. */
  readonly doc: string;
}

/** Context the advice names. */
export interface StopContext {
  /** The stack's log group, where an exited container's last lines are. */
  readonly logGroupName: string;
}

const DENIED = /AccessDenied|not authorized to perform|Access to KMS is not allowed|403 Forbidden|access denied/i;
const TIMEOUT =
  /i\/o timeout|context deadline exceeded|request canceled|RequestCanceled|dial tcp|connection timed out|send request failed|check your task network configuration/i;
const NETWORK_ADVICE =
  "the task has no route to the AWS endpoints it starts with (Secrets Manager, ECR, CloudWatch Logs): with " +
  "`network: default` it needs a public IP (assignPublicIp ENABLED) in a subnet routed to an internet gateway; in " +
  "private subnets it needs a NAT gateway or VPC endpoints (secretsmanager, ecr.api, ecr.dkr, logs, and the S3 gateway); " +
  "the VPC needs DNS resolution on and the security group must allow outbound HTTPS (443)";

/** The IAM action an AccessDenied text names ("is not authorized to perform: kms:Decrypt on ..."), if any. */
export function deniedAction(text: string): string | undefined {
  return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(text)?.[1];
}

/** The text every rule reads: the task's stopped reason, then each container's reason. */
function reasonText(task: StoppedTaskFacts): string {
  return [task.stoppedReason ?? "", ...(task.containers ?? []).map((c) => c.reason ?? "")].filter((t) => t !== "").join("\n");
}

/** Classifies why a task stopped and says what to do. */
export function classifyStop(task: StoppedTaskFacts, context: StopContext): StopClassification {
  const text = reasonText(task);

  if (/ResourceInitializationError/i.test(text) || /unable to pull secrets or registry auth/i.test(text)) {
    return classifyResourceInitialization(text);
  }
  if (/CannotPullContainerError/i.test(text)) return classifyPull(text);
  if (/OutOfMemoryError|killed due to memory usage/i.test(text)) {
    return {
      kind: "out-of-memory",
      failure: true,
      summary: "the container ran out of memory",
      advice: "raise `memory` (stack config `memory`, with a `cpu` Fargate pairs with it) or find what grows in the service",
      doc: DOC_EXITED,
    };
  }
  if (/CannotStartContainerError|ContainerRuntimeTimeoutError|CannotInspectContainerError/i.test(text)) {
    return {
      kind: "cannot-start",
      failure: true,
      summary: "the container runtime could not start the container",
      advice: "read the reason above; an image built for another CPU architecture (`imagePlatform`) or a bad entry point are common causes",
      doc: DOC_STOPPED,
    };
  }
  if (task.stopCode === "EssentialContainerExited" || /Essential container in task exited/i.test(text)) {
    return classifyExit(task, context);
  }
  // Before the scheduler's rule: ECS stops such a task as ServiceSchedulerInitiated, like a deployment's replacement.
  if (/Task failed container health checks/i.test(text)) {
    return {
      kind: "health-check",
      failure: true,
      summary: "ECS replaced it: its container health check failed",
      advice:
        "its stream was not alive: `node dist/health.js` fails until the stream has delivered a line since the start, and " +
        "once it has been silent longer than the reconnect policy allows (service/README.md, Health check); the " +
        `service's last lines (below, or \`aws logs tail ${context.logGroupName} --since 1h\`) say why (a reconnect line with X's HTTP status, a usage cap)`,
      doc: DOC_EXITED,
    };
  }
  // Also before the scheduler's rule, for the same reason: the load balancer's health check, not the container's.
  if (/Task failed ELB health checks/i.test(text)) return classifyElbHealth(text);
  if (
    task.stopCode === "ServiceSchedulerInitiated" ||
    task.stopCode === "UserInitiated" ||
    /Scaling activity initiated by|Task stopped by user|deployment .* (replaced|completed)/i.test(text)
  ) {
    return {
      kind: "scheduler",
      failure: false,
      summary: "stopped by ECS or a user (a deployment replacing it, a scale-in)",
      advice: "nothing to do: this is how a deployment replaces a task",
      doc: DOC_STOPPED,
    };
  }
  return {
    kind: "unknown",
    failure: task.stopCode === "TaskFailedToStart",
    summary: "stopped for a reason the doctor does not know",
    advice: "look the reason up in the AWS list of stopped-task errors",
    doc: DOC_STOPPED,
  };
}

/** The target group ECS names in "Task failed ELB health checks in (target-group <arn>)": its name, or the text given. */
export function failedTargetGroup(text: string): string | undefined {
  const named = /ELB health checks in \(target-group ([^)\s]+)\)/i.exec(text)?.[1];
  if (named === undefined) return undefined;
  return /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:targetgroup\/([^/]+)\//.exec(named)?.[1] ?? named;
}

function classifyElbHealth(text: string): StopClassification {
  const group = failedTargetGroup(text);
  return {
    kind: "elb-health-check",
    failure: true,
    summary: `ECS replaced it: the load balancer's health check failed${group === undefined ? "" : ` (target group ${group})`}`,
    advice:
      "the target group's health check must reach the task: its path (`loadBalancer.healthCheck.path`, default `/`) must " +
      "answer with a `loadBalancer.healthCheck.matcher` code on the port that receives the traffic (`loadBalancer.containerPort`, " +
      "one of the `portMappings`); the tasks' security group must admit the load balancer's on that port (with " +
      "`loadBalancer.targetGroupArn`, its `loadBalancer.securityGroupIds`); a task that starts slowly needs a longer " +
      "`healthCheckGracePeriodSeconds` (default 60); `aws elbv2 describe-target-health` gives each target's reason",
    doc: DOC_ELB_HEALTH,
  };
}

function classifyResourceInitialization(text: string): StopClassification {
  const fromSecrets = /unable to retrieve secrets? from (asm|ssm)|secretsmanager|failed to fetch secret|ssm:GetParameters/i.test(text);
  const fromEcrAuth = /ecr registry auth|ecr:GetAuthorizationToken/i.test(text);
  const fromLogger = /logger args|logging driver|log group|log stream/i.test(text);

  if (/The specified log group does not exist/i.test(text)) {
    return {
      kind: "log-group-missing",
      failure: true,
      summary: "the task's log group does not exist",
      advice:
        "the log group was deleted outside Pulumi; `pulumi refresh` then `pulumi up` creates it again " +
        "(the task definition logs to it and the execution role may only write there)",
      doc: DOC_RESOURCE_INIT,
    };
  }
  if (fromLogger && DENIED.test(text)) {
    const action = deniedAction(text);
    return {
      kind: "logs-access-denied",
      failure: true,
      summary: `the execution role may not write the logs${action === undefined ? "" : ` (${action})`}`,
      advice: "the execution role needs logs:CreateLogStream and logs:PutLogEvents on the log group; `pulumi up` restores the component's grant",
      doc: DOC_RESOURCE_INIT,
    };
  }
  if (fromSecrets && DENIED.test(text)) {
    const action = deniedAction(text) ?? (/KMS/i.test(text) ? "kms:Decrypt" : undefined);
    return {
      kind: "secret-access-denied",
      failure: true,
      summary: `the task may not read its secrets${action === undefined ? "" : ` (${action} denied)`}`,
      advice:
        "the role that reads the credentials (the execution role, with either `secretDelivery`) needs " +
        "secretsmanager:GetSecretValue on each secret's full ARN (with its 6-character suffix), kms:Decrypt on the " +
        "secret's key (allowed by the key policy too), or ssm:GetParameters for Parameter Store values; " +
        "`pulumi up` restores the component's grants, so look for a change made outside Pulumi (a key policy, an SCP, a permissions boundary)",
      doc: DOC_RESOURCE_INIT,
    };
  }
  if (fromSecrets && /ResourceNotFoundException|can't find the specified secret|InvalidParameter.*VersionId/i.test(text)) {
    return {
      kind: "secret-not-found",
      failure: true,
      summary: "a secret, or the version the task definition pins, does not exist",
      advice:
        "the secret was deleted or its pinned version expired (rotated twice outside Pulumi); `pulumi refresh` then " +
        "`pulumi up` registers a revision that pins the current version",
      doc: DOC_RESOURCE_INIT,
    };
  }
  if (fromEcrAuth && DENIED.test(text)) {
    return {
      kind: "ecr-access-denied",
      failure: true,
      summary: `the execution role may not log in to ECR${deniedAction(text) === undefined ? "" : ` (${deniedAction(text)} denied)`}`,
      advice: "the execution role needs ecr:GetAuthorizationToken (resource `*`); `pulumi up` restores the component's grant",
      doc: DOC_RESOURCE_INIT,
    };
  }
  return {
    kind: "no-route",
    failure: true,
    summary: TIMEOUT.test(text)
      ? "the task timed out reaching AWS before its container started"
      : "the task's resources (secrets, registry login, log driver) could not be set up",
    advice: NETWORK_ADVICE,
    doc: DOC_RESOURCE_INIT,
  };
}

function classifyPull(text: string): StopClassification {
  if (/not found|manifest unknown|repository does not exist|does not exist/i.test(text) && !TIMEOUT.test(text)) {
    return {
      kind: "image-not-found",
      failure: true,
      summary: "the image the task definition names is gone",
      advice: "the image digest or its repository was deleted (a lifecycle policy, a manual delete); `pulumi up` builds and pushes it again",
      doc: DOC_PULL,
    };
  }
  if (DENIED.test(text)) {
    const action = deniedAction(text);
    return {
      kind: "ecr-access-denied",
      failure: true,
      summary: `the execution role may not pull the image${action === undefined ? "" : ` (${action} denied)`}`,
      advice:
        "the execution role needs ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the " +
        "repository (and kms:Decrypt on its key when it is KMS-encrypted), and the repository policy must not deny it; `pulumi up` restores the component's grants",
      doc: DOC_PULL,
    };
  }
  if (TIMEOUT.test(text)) {
    return { kind: "no-route", failure: true, summary: "the task could not reach ECR to pull the image", advice: NETWORK_ADVICE, doc: DOC_PULL };
  }
  return {
    kind: "image-pull",
    failure: true,
    summary: "the image could not be pulled",
    advice: "check that the image in the task definition exists in ECR and that the task can reach and log in to ECR",
    doc: DOC_PULL,
  };
}

function classifyExit(task: StoppedTaskFacts, context: StopContext): StopClassification {
  const exited = (task.containers ?? []).find((c) => c.exitCode !== undefined && c.exitCode !== 0) ?? task.containers?.[0];
  const code = exited?.exitCode;
  const tail = `\`aws logs tail ${context.logGroupName} --since 1h\``;
  const byCode: Record<number, string> = {
    1: `the service stopped on a fatal error: its last lines (below, or ${tail}) have event "fatal" with the stage and the error`,
    2: `the service refused its configuration: the "config_error" line in ${tail} names the variable`,
    137: `the container was killed (SIGKILL): out of memory (raise \`memory\`) or it did not stop within the stop timeout; see ${tail}`,
    139: `the process crashed (segmentation fault); see ${tail}`,
  };
  const name = exited?.name === undefined ? "the essential container" : `container ${exited.name}`;
  return {
    kind: "container-exited",
    failure: true,
    summary: `${name} exited${code === undefined ? "" : ` with code ${code}`}`,
    advice: (code === undefined ? undefined : byCode[code]) ?? `read why in its log lines: ${tail}`,
    doc: DOC_EXITED,
  };
}
