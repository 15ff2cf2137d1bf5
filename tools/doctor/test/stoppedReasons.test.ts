/** The classification of stopped-task reasons, on the texts AWS documents and users reported. */
import { expect } from "chai";
import { classifyStop, deniedAction, type StopKind, type StoppedTaskFacts } from "../stoppedReasons";

const CONTEXT = { logGroupName: "/ecs/twitterstream-7a8b9c" };
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:twitterstream-credentials-AbC123";

/** A task that failed to start with `reason` as its stopped reason. */
const failedToStart = (reason: string): StoppedTaskFacts => ({ stopCode: "TaskFailedToStart", stoppedReason: reason });

const CASES: ReadonlyArray<{ name: string; task: StoppedTaskFacts; kind: StopKind; summary: string; advice: string }> = [
  {
    name: "GetSecretValue denied to the execution role",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
        `service call has been retried 1 time(s): failed to fetch secret ${SECRET} from secrets manager: AccessDeniedException: ` +
        "User: arn:aws:sts::123456789012:assumed-role/twitterstream-execution/abc is not authorized to perform: secretsmanager:GetSecretValue " +
        `on resource: ${SECRET} because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400`,
    ),
    kind: "secret-access-denied",
    summary: "the task may not read its secrets (secretsmanager:GetSecretValue denied)",
    advice: "secretsmanager:GetSecretValue on each secret's full ARN",
  },
  {
    name: "KMS refused (aws-cdk#17156, terraform-aws-directus#10)",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
        `service call has been retried 1 time(s): failed to fetch secret ${SECRET} from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400`,
    ),
    kind: "secret-access-denied",
    summary: "the task may not read its secrets (kms:Decrypt denied)",
    advice: "kms:Decrypt on the secret's key",
  },
  {
    name: "Parameter Store denied (copilot-cli#4504)",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: " +
        "service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/app-ExecutionRole/f83b is not authorized " +
        "to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-2:123456789012:parameter/GOOGLE_CLIENT_ID",
    ),
    kind: "secret-access-denied",
    summary: "the task may not read its secrets (ssm:GetParameters denied)",
    advice: "ssm:GetParameters for Parameter Store values",
  },
  {
    name: "a pinned secret version that no longer exists",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
        `service call has been retried 1 time(s): failed to fetch secret ${SECRET} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret value for VersionId: 0a1b`,
    ),
    kind: "secret-not-found",
    summary: "a secret, or the version the task definition pins, does not exist",
    advice: "`pulumi refresh` then `pulumi up` registers a revision that pins the current version",
  },
  {
    name: "a deleted log group",
    task: failedToStart(
      "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: " +
        "ResourceNotFoundException: The specified log group does not exist. : exit status 1",
    ),
    kind: "log-group-missing",
    summary: "the task's log group does not exist",
    advice: "`pulumi refresh` then `pulumi up` creates it again",
  },
  {
    name: "no route to Secrets Manager (releem-agent#195)",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: " +
        `service call has been retried 5 time(s): failed to fetch secret ${SECRET} from secrets manager: RequestCanceled: request context canceled ` +
        "caused by: context deadline exceeded. Please check your task network configuration.",
    ),
    kind: "no-route",
    summary: "the task timed out reaching AWS before its container started",
    advice: "a public IP (assignPublicIp ENABLED)",
  },
  {
    name: "no route to ECR for the registry login",
    task: failedToStart(
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: " +
        'service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.46.1.1:443: i/o timeout. Please check your task network configuration.',
    ),
    kind: "no-route",
    summary: "the task timed out reaching AWS before its container started",
    advice: "a NAT gateway or VPC endpoints",
  },
  {
    name: "a generic ResourceInitializationError",
    task: failedToStart("ResourceInitializationError: failed to validate logger args: : signal: killed"),
    kind: "no-route",
    summary: "the task's resources (secrets, registry login, log driver) could not be set up",
    advice: "DNS resolution on",
  },
  {
    name: "no route to ECR for the pull",
    task: {
      stopCode: "TaskFailedToStart",
      stoppedReason:
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/twitterstream@sha256:abab": ' +
        'failed to do request: Head "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/twitterstream/manifests/sha256:abab": dial tcp 10.0.3.17:443: i/o timeout',
    },
    kind: "no-route",
    summary: "the task could not reach ECR to pull the image",
    advice: "a public IP (assignPublicIp ENABLED)",
  },
  {
    name: "an image that is gone",
    task: {
      stopCode: "TaskFailedToStart",
      stoppedReason:
        "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/twitterstream@sha256:abab: not found",
    },
    kind: "image-not-found",
    summary: "the image the task definition names is gone",
    advice: "`pulumi up` builds and pushes it again",
  },
  {
    name: "a pull the execution role may not make",
    task: {
      stopCode: "TaskFailedToStart",
      stoppedReason:
        "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ...: unexpected status from HEAD request: 403 Forbidden",
      containers: [
        {
          name: "twitterstream",
          reason:
            "CannotPullContainerError: The task can't pull the image. Check that the role has the permissions to pull images from the registry. " +
            "User: arn:aws:sts::123456789012:assumed-role/twitterstream-execution/abc is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/twitterstream",
        },
      ],
    },
    kind: "ecr-access-denied",
    summary: "the execution role may not pull the image (ecr:BatchGetImage denied)",
    advice: "ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer",
  },
  {
    name: "an essential container that exited 1",
    task: {
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      containers: [{ name: "twitterstream", exitCode: 1 }],
    },
    kind: "container-exited",
    summary: "container twitterstream exited with code 1",
    advice: "`aws logs tail /ecs/twitterstream-7a8b9c --since 1h`",
  },
  {
    name: "an essential container that exited 2 (configuration)",
    task: {
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      containers: [{ name: "twitterstream", exitCode: 2 }],
    },
    kind: "container-exited",
    summary: "container twitterstream exited with code 2",
    advice: 'the "config_error" line',
  },
  {
    name: "out of memory",
    task: {
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      containers: [{ name: "twitterstream", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" }],
    },
    kind: "out-of-memory",
    summary: "the container ran out of memory",
    advice: "raise `memory`",
  },
  {
    name: "a replacement after a failed container health check (stopped by the scheduler, like a deployment's)",
    task: {
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason: "Task failed container health checks",
      containers: [{ name: "twitterstream", exitCode: 0 }],
    },
    kind: "health-check",
    summary: "ECS replaced it: its container health check failed",
    advice: "`node dist/health.js` fails until the stream has delivered a line since the start",
  },
  {
    // The reason as ECS gives it (copilot-cli's deployment progress, efekarakus's gist of it), stopped by the scheduler.
    name: "a replacement after the load balancer's health check failed (stopped by the scheduler, like a deployment's)",
    task: {
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason:
        "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/twitterstream-tg/a6d71c9b9c18b389)",
      containers: [{ name: "twitterstream", exitCode: 143 }],
    },
    kind: "elb-health-check",
    summary: "ECS replaced it: the load balancer's health check failed (target group twitterstream-tg)",
    advice: "`healthCheckGracePeriodSeconds`",
  },
];

describe("doctor: stopped-task reasons", () => {
  for (const c of CASES) {
    it(`GIVEN ${c.name} THEN it says ${c.kind} and what to do`, () => {
      const stop = classifyStop(c.task, CONTEXT);
      expect(stop.kind).to.equal(c.kind);
      expect(stop.failure).to.equal(true);
      expect(stop.summary).to.equal(c.summary);
      expect(stop.advice).to.include(c.advice);
      expect(stop.doc).to.match(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//);
    });
  }

  it("GIVEN a task a deployment replaced THEN it is no failure", () => {
    const stop = classifyStop(
      {
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1111)",
        containers: [{ exitCode: 0 }],
      },
      CONTEXT,
    );
    expect(stop.kind).to.equal("scheduler");
    expect(stop.failure).to.equal(false);
  });

  it("GIVEN a reason it does not know THEN it is a failure only when the task failed to start", () => {
    expect(classifyStop({ stopCode: "TaskFailedToStart", stoppedReason: "Something new" }, CONTEXT)).to.include({ kind: "unknown", failure: true });
    expect(classifyStop({ stopCode: "SpotInterruption", stoppedReason: "Your Spot Task was interrupted." }, CONTEXT)).to.include({
      kind: "unknown",
      failure: false,
    });
  });

  it("GIVEN the load balancer's health check failed THEN the advice names the component arguments to check", () => {
    const stop = classifyStop(
      { stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed ELB health checks in (target-group tg-1)" },
      CONTEXT,
    );
    expect(stop.summary).to.equal("ECS replaced it: the load balancer's health check failed (target group tg-1)");
    for (const arg of ["loadBalancer.healthCheck.path", "loadBalancer.containerPort", "portMappings", "loadBalancer.securityGroupIds"]) {
      expect(stop.advice).to.include(`\`${arg}\``);
    }
  });

  it("names the denied action from an AccessDenied text", () => {
    expect(deniedAction("User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:...")).to.equal(
      "kms:Decrypt",
    );
    expect(deniedAction("AccessDeniedException: Access to KMS is not allowed")).to.equal(undefined);
  });
});
