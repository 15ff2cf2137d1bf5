/**
 * The AWS controls the component is held to: AWS Config's "Operational Best Practices for ECS" conformance pack and
 * the AWS Security Hub controls for ECS, ECR, KMS, CloudWatch Logs, Secrets Manager, EFS, EventBridge, EC2 Auto Scaling
 * and Elastic Load Balancing. One list drives both the
 * control tests (`controls.test.ts`) and `docs/SECURITY.md` (`scripts/security-report.ts`).
 */
import { ALB_CERTIFICATE, WITH_ALB, type Control, type Verdict } from "./control";
import * as find from "./findings";
import { PEER_CONTROLS } from "./peerControls";

export type { Control, Verdict } from "./control";

const MET: Verdict = { status: "met" };
/** Why the EFS controls evaluate nothing the component makes. */
const EFS_NOT_OURS =
  "The component creates no EFS file system, access point or mount target: `efsVolumes` mounts yours. The policy pack evaluates this control on those your stack makes (`aws.efs.FileSystem`, `aws.efs.AccessPoint`).";
const ASG_NOT_OURS =
  "The component scales with Application Auto Scaling on its ECS service's task count (`autoScaling`) and runs on Fargate: it creates no EC2 Auto Scaling group or launch configuration. The policy pack evaluates this control on those your stack makes (`aws.autoscaling.Group`, `aws.ec2.LaunchConfiguration`).";
const ROTATION_REASON =
  "Values come from Pulumi config and are pinned by version id: rotating is `pulumi config set --secret` + `pulumi up`, which writes a new version and rolls the service. Secrets Manager sees no rotation configuration, so it cannot count that as rotation. The X API credentials have no rotation function.";
const ROTATION_OPTION =
  "Keep the secret in Secrets Manager with rotation configured (managed rotation or a rotation function) and reference it as `{ secretsManager: <ARN or name>, followRotation: true }`: the component then stores no copy, reads `AWSCURRENT`, and an EventBridge rule on that secret's `Secret Label Updated` event rolls the service after each rotation.";
const ROTATION_VERDICT: Verdict = {
  status: "met with an option",
  reason: ROTATION_REASON,
  option: ROTATION_OPTION,
  args: { secrets: { API_KEY: { secretsManager: "rotated/api-key", followRotation: true } } },
};

export const CONTROLS: Control[] = [
  {
    id: "ECS.1",
    rule: "ecs-task-definition-user-for-host-mode-check",
    checks: "Host-network task definitions run privileged or as a non-root user",
    verdict: MET,
    findings: find.hostModeWithoutUser,
  },
  {
    id: "ECS.2",
    rule: "ecs-service-assign-public-ip-disabled",
    checks: "Services do not assign public IPs automatically",
    verdict: {
      status: "met with an option",
      reason:
        "Without `network` the tasks run in the default VPC's public subnets with a public IP, as the AWS blog does: no NAT gateway to pay for. The stack does the same with `twitterstream:network` = `default`.",
      option:
        "`network: { subnetIds: <private subnets> }` (a public IP only if `assignPublicIp: true`); in the stack, `pulumi config set network private`.",
      args: { network: { subnetIds: ["subnet-private-a", "subnet-private-b"] } },
    },
    findings: find.publicIp,
  },
  {
    id: "ECS.3",
    rule: "ecs-task-definition-pid-mode-check",
    checks: "Task definitions do not share the host's process namespace",
    verdict: MET,
    findings: find.hostPidMode,
  },
  { id: "ECS.4", rule: "ecs-containers-nonprivileged", checks: "Containers are not privileged", verdict: MET, findings: find.privileged },
  {
    id: "ECS.5",
    rule: "ecs-containers-readonly-access",
    checks: "Containers are limited to read-only root filesystems",
    verdict: MET,
    findings: find.writableRoot,
  },
  {
    id: "ECS.8",
    rule: "ecs-no-environment-secrets",
    checks:
      "No `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `ECS_ENGINE_AUTH_DATA` in environment variables; also (ours) no secret value anywhere in a container definition",
    verdict: MET,
    findings: find.environmentSecrets,
  },
  {
    id: "ECS.9",
    rule: "ecs-task-definition-log-configuration",
    checks: "Every container has a log configuration",
    verdict: MET,
    findings: find.noLogging,
  },
  {
    id: "ECS.10",
    rule: "ecs-fargate-latest-platform-version",
    checks: "Fargate services run the LATEST platform version",
    verdict: MET,
    findings: find.notLatestPlatform,
  },
  {
    id: "ECS.12",
    rule: "ecs-container-insights-enabled",
    checks: "Clusters use Container Insights",
    verdict: MET,
    note: "A cluster passed in `clusterArn` is the caller's to configure.",
    findings: find.noContainerInsights,
  },
  {
    id: "ECS.20",
    rule: "ecs-task-definition-nonroot-user, ecs-task-definition-linux-user-non-root",
    checks: "Containers run as a user that is not root",
    verdict: MET,
    note: 'With `logging.logDriver: "awsfirelens"` the FireLens log router (`log_router`) runs as root (UID 0), which FireLens requires and RegisterTaskDefinition enforces (https://github.com/aws/aws-for-fluent-bit/blob/mainline/troubleshooting/debugging.md#amazon-ecs-firelens-root-is-required). It stays unprivileged with a read-only root filesystem. The policy pack leaves the container with a `firelensConfiguration` out of this check, so FireLens passes `pulumi up`; AWS Config\'s rule does not, and flags that task definition: suppress that finding in Security Hub (workflow status `SUPPRESSED`) naming this reason. Every other container is checked.',
    findings: find.rootUser,
  },
  {
    id: "ecs-task-definition-memory-hard-limit",
    rule: "ecs-task-definition-memory-hard-limit",
    checks: "Every container has a memory hard limit",
    verdict: MET,
    findings: find.noMemoryLimit,
  },
  {
    id: "ecs-task-definition-efs-encryption-enabled",
    rule: "ecs-task-definition-efs-encryption-enabled",
    checks: "EFS volumes of task definitions use transit encryption; also (ours) they mount through an access point with IAM authorisation",
    verdict: MET,
    note: "Every volume of `efsVolumes` is mounted with `transitEncryption: ENABLED` and `authorizationConfig { accessPointId, iam: ENABLED }`; the component has no other way to mount EFS.",
    findings: find.efsVolumeWithoutTls,
  },
  {
    id: "ECR.1",
    rule: "ecr-private-image-scanning-enabled",
    checks: "Repositories scan images on push",
    verdict: MET,
    findings: find.noScanOnPush,
  },
  {
    id: "ECR.2",
    rule: "ecr-private-tag-immutability-enabled",
    checks: "Repositories have immutable tags",
    verdict: MET,
    note: "Kept immutable. ECR refuses a second push of any tag, even of the same image, so the component never pushes a tag the repository already holds: a tag is a hash of everything that can change the image (files, their modes, symlinks, the ignore file, Dockerfile, platform, build arguments), and an image whose tag is there is run by its digest instead of being pushed again (reverted sources, an interrupted update, a @pulumi/docker upgrade).",
    findings: find.mutableTags,
  },
  {
    id: "ECR.3",
    rule: "ecr-private-lifecycle-policy-configured",
    checks: "Repositories have a lifecycle policy",
    verdict: MET,
    findings: find.noLifecyclePolicy,
  },
  {
    id: "KMS.2",
    rule: "iam-inline-policy-blocked-kms-actions",
    checks: "No inline policy allows `kms:Decrypt` or `kms:ReEncryptFrom` on all keys",
    verdict: MET,
    findings: find.decryptOnAllKeys,
  },
  {
    id: "KMS.4",
    rule: "cmk-backing-key-rotation-enabled",
    checks: "Customer-managed keys rotate",
    verdict: MET,
    note: "A key passed in `kmsKeyArn` is the caller's to configure.",
    findings: find.noKeyRotation,
  },
  {
    id: "CloudWatch.16",
    rule: "cw-loggroup-retention-period-check",
    checks: "Log groups keep events at least 365 days (or never expire)",
    verdict: {
      status: "met with an option",
      reason:
        "30 days by default: the app's logs are for operating it, not an audit trail (CloudTrail records the API calls), and a year of a chatty stream reader costs storage for nothing.",
      option: "`logRetentionInDays: 365` (or more, or 0 = never expire).",
      args: { logRetentionInDays: 365 },
    },
    findings: find.shortRetention,
  },
  {
    id: "cloudwatch-log-group-encrypted",
    rule: "cloudwatch-log-group-encrypted",
    checks: "Log groups are encrypted with a KMS key",
    verdict: MET,
    findings: find.unencryptedLogs,
  },
  {
    id: "secretsmanager-using-cmk",
    rule: "secretsmanager-using-cmk",
    checks: "Secrets are encrypted with a customer-managed key, not `aws/secretsmanager`",
    verdict: MET,
    findings: find.awsManagedSecretKey,
  },
  {
    id: "EFS.1",
    rule: "efs-encrypted-check",
    checks: "EFS file systems encrypt file data at rest with KMS",
    verdict: {
      status: "not applicable",
      reason: `${EFS_NOT_OURS} Encryption at rest is chosen when the file system is created: \`encrypted: true\`.`,
    },
    findings: find.unencryptedFileSystem,
  },
  {
    id: "EFS.2",
    rule: "efs-in-backup-plan",
    checks: "EFS file systems are in a backup plan",
    verdict: {
      status: "not applicable",
      reason: `${EFS_NOT_OURS} Turn on automatic backups (\`aws.efs.BackupPolicy\` ENABLED) or select it in an AWS Backup plan.`,
    },
    findings: find.fileSystemNotBackedUp,
  },
  {
    id: "EFS.3",
    rule: "efs-access-point-enforce-root-directory",
    checks: "EFS access points enforce a root directory other than `/`",
    verdict: {
      status: "not applicable",
      reason: `${EFS_NOT_OURS} The task mounts through the access point given, so its root directory is what the app sees: give it one (\`rootDirectory.path\`, with \`creationInfo\`).`,
    },
    findings: find.accessPointWithoutRootDirectory,
  },
  {
    id: "EFS.4",
    rule: "efs-access-point-enforce-user-identity",
    checks: "EFS access points enforce a POSIX user identity",
    verdict: {
      status: "not applicable",
      reason: `${EFS_NOT_OURS} Give the access point a \`posixUser\`, ideally the container's \`user\` (1000:1000 by default), so that every file the task writes is that user's.`,
    },
    findings: find.accessPointWithoutUser,
  },
  {
    id: "SQS.1",
    rule: "sqs-queue-encrypted",
    checks: "SQS queues are encrypted at rest",
    verdict: MET,
    note: "The component's dead-letter queues are encrypted with its key: the rotation queue (`followRotation`), which EventBridge writes to, and uses the key for, for that rule only; and the schedule's queue (`schedule`), which the schedule's role writes to, using the key through SQS only.",
    findings: find.unencryptedQueues,
  },
  {
    id: "S3.9",
    rule: "s3-bucket-logging-enabled",
    checks: "S3 buckets have server access logging enabled",
    verdict: MET,
    note: "The secrets bucket (`s3Object` secrets) logs to a bucket of its own (SSE-S3, TLS only, public access blocked, logs expire after 365 days). That log bucket is not itself logged: suppress S3.9 for it.",
    findings: find.bucketsWithoutAccessLogs,
  },
  {
    id: "lambda-dlq-check",
    rule: "lambda-dlq-check",
    checks: "Asynchronously invoked functions keep their failed invocations (an on-failure destination or a dead-letter queue)",
    verdict: MET,
    note: "The rotation function sends a record of each invocation that fails its two retries to an encrypted queue, with an alarm on its depth. The Config rule reads only `DeadLetterConfig`; the component uses the on-failure destination AWS recommends instead, so the deployed rule may report the function: suppress it, or read the finding as met.",
    findings: find.asyncFunctionsWithoutDeadLetters,
  },
  {
    id: "SecretsManager.1",
    rule: "secretsmanager-rotation-enabled-check",
    checks: "Secrets have automatic rotation configured",
    verdict: ROTATION_VERDICT,
    findings: find.noRotation,
  },
  {
    id: "SecretsManager.2",
    rule: "secretsmanager-scheduled-rotation-success-check",
    checks: "Secrets with rotation configured rotate on schedule",
    verdict: {
      status: "not applicable",
      reason: "It evaluates only secrets with rotation configured; the component configures none (see SecretsManager.1).",
    },
    findings: find.rotationWithoutSchedule,
  },
  {
    id: "SecretsManager.3",
    rule: "secretsmanager-secret-unused",
    checks: "Secrets were accessed in the last 90 days",
    verdict: MET,
    note: "Every secret the component makes is read by each task at start, by ECS: a `secrets` or `secretOptions` `valueFrom` (with file delivery, the secrets init container's `secrets`), `repositoryCredentials`; the policy pack also counts a secret an init container's `SECRET_FILES_SPEC` names. A task that runs longer than 90 days without a restart leaves its secrets unaccessed that long, and the periodic check flags them: redeploy (`aws ecs update-service --force-new-deployment`) at least every 90 days.",
    findings: find.unreferencedSecrets,
  },
  {
    id: "SecretsManager.4",
    rule: "secretsmanager-secret-periodic-rotation",
    checks: "Secrets were rotated in the last 90 days",
    verdict: ROTATION_VERDICT,
    findings: find.noRotation,
  },
  {
    id: "EventBridge.2",
    rule: "tagged-events-eventbus",
    checks: "EventBridge event buses are tagged",
    verdict: {
      status: "not applicable",
      reason:
        "It evaluates custom event buses; the component makes none (`followRotation` puts a rule on the default bus, `schedule` an EventBridge Scheduler schedule).",
    },
    note: "Security Hub has no control for EventBridge Scheduler schedules: its EventBridge controls (EventBridge.2, .3, .4) evaluate event buses and global endpoints only (https://docs.aws.amazon.com/securityhub/latest/userguide/eventbridge-controls.html). The schedule's role is held to least privilege by the IAM evaluation rows instead, and a run Scheduler gives up on goes to an encrypted dead-letter queue with an alarm on its depth.",
    findings: find.untaggedEventBuses,
  },
  {
    id: "EventBridge.3",
    rule: "custom-eventbus-policy-attached",
    checks: "Custom event buses have a resource-based policy",
    verdict: { status: "not applicable", reason: "It evaluates custom event buses; the component makes none." },
    findings: find.eventBusesWithoutPolicy,
  },
  {
    id: "AutoScaling.1",
    rule: "autoscaling-group-elb-healthcheck-required",
    checks: "Auto Scaling groups associated with a load balancer use ELB health checks",
    verdict: { status: "not applicable", reason: ASG_NOT_OURS },
    findings: find.asgWithoutElbHealthCheck,
  },
  {
    id: "AutoScaling.2",
    rule: "autoscaling-multiple-az",
    checks: "Auto Scaling groups cover multiple Availability Zones",
    verdict: { status: "not applicable", reason: ASG_NOT_OURS },
    note: "The service's tasks are spread over the subnets given (`network.subnetIds`): give subnets in two or more zones.",
    findings: find.asgInOneZone,
  },
  {
    id: "AutoScaling.3",
    rule: "autoscaling-launchconfig-requires-imdsv2",
    checks: "Auto Scaling launch configurations require IMDSv2",
    verdict: { status: "not applicable", reason: ASG_NOT_OURS },
    findings: find.launchConfigWithoutImdsv2,
  },
  {
    id: "AutoScaling.5",
    rule: "autoscaling-launch-config-public-ip-disabled",
    checks: "Instances launched from Auto Scaling launch configurations have no public IP address",
    verdict: { status: "not applicable", reason: ASG_NOT_OURS },
    note: "For the component's tasks, ECS.2 is the equivalent control (public IPs of services).",
    findings: find.launchConfigWithPublicIp,
  },
  {
    id: "AutoScaling.9",
    rule: "autoscaling-launch-template",
    checks: "Auto Scaling groups use EC2 launch templates",
    verdict: { status: "not applicable", reason: ASG_NOT_OURS },
    findings: find.asgWithoutLaunchTemplate,
  },
  {
    id: "ELB.1",
    rule: "alb-http-to-https-redirection-check",
    checks: "HTTP listeners of Application Load Balancers redirect to HTTPS",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    note: "The ALB's HTTP listener (port 80) only redirects to HTTPS (port 443, 301). With `targetGroupArn` the load balancer and its listeners are yours; the policy pack evaluates them if your stack makes them. The Classic Load Balancer controls (ELB.2, .3, .7, .8, .9, .10, .14) are left out: the component never makes a Classic Load Balancer, and cannot attach to one (it registers tasks in a target group, which Classic Load Balancers do not have).",
    findings: find.httpListenersWithoutRedirect,
  },
  {
    id: "ELB.4",
    rule: "alb-http-drop-invalid-header-enabled",
    checks: "Application Load Balancers drop invalid HTTP header fields",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    findings: find.albKeepsInvalidHeaders,
  },
  {
    id: "ELB.5",
    rule: "elb-logging-enabled",
    checks: "Application Load Balancers write access logs",
    verdict: {
      status: "met with an option",
      reason:
        "Access logs go to an S3 bucket whose policy lets the region's Elastic Load Balancing write (SSE-S3 only); the component makes no bucket, so they are opt-in.",
      option: "`loadBalancer: { certificateArn, accessLogs: { bucket, prefix? } }`, a bucket of yours that admits ELB log delivery.",
      args: {
        portMappings: [{ containerPort: 8080 }],
        loadBalancer: { certificateArn: ALB_CERTIFICATE, accessLogs: { bucket: "elb-access-logs" } },
      },
    },
    evaluatedWith: WITH_ALB,
    note: "ELB.5 evaluates Classic Load Balancers too; the component makes none.",
    findings: find.albWithoutAccessLogs,
  },
  {
    id: "ELB.6",
    rule: "elb-deletion-protection-enabled",
    checks: "Application, Network and Gateway Load Balancers have deletion protection",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    note: "On by default (`loadBalancer.deletionProtection`, default true): to destroy the ALB, set it to false and `pulumi up` first. Setting it to false fails this control.",
    findings: find.lbWithoutDeletionProtection,
  },
  {
    id: "ELB.12",
    rule: "alb-desync-mode-check",
    checks: "Application Load Balancers use defensive or strictest desync mitigation mode",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    note: "The component sets `defensive`, which is also ELB's default.",
    findings: find.albWeakDesyncMitigation,
  },
  {
    id: "ELB.13",
    rule: "elbv2-multiple-az",
    checks: "Application, Network and Gateway Load Balancers span at least two Availability Zones",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    note: "Without `network` the ALB takes the default VPC's default subnets, one in each zone of the region. `loadBalancer.subnetIds` must name at least two subnets (validated), but the component cannot see their zones: give subnets in two zones (ELB itself refuses two in one zone).",
    findings: find.lbInOneZone,
  },
  {
    id: "ELB.16",
    rule: "alb-waf-enabled",
    checks: "Application Load Balancers are associated with an AWS WAF web ACL",
    verdict: {
      status: "not met",
      reason:
        "The component associates no web ACL: which rules to run (managed rule groups, rate limits, geography) and their cost (a web ACL, its rules and every request) are the application's choice, not the component's.",
      option:
        "In your stack, `new aws.wafv2.WebAclAssociation(name, { resourceArn: task.loadBalancerArn, webAclArn: <your REGIONAL web ACL> })`; the policy pack then passes the ALB.",
    },
    evaluatedWith: WITH_ALB,
    findings: find.albWithoutWaf,
  },
  {
    id: "ELB.17",
    rule: "elbv2-predefined-security-policy-ssl-check",
    checks: "HTTPS and TLS listeners use one of the security policies Security Hub recommends",
    verdict: MET,
    evaluatedWith: WITH_ALB,
    note: `The HTTPS listener's default policy is \`ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09\`, one of the control's eight (${find.ELB17_SSL_POLICIES.map((p) => `\`${p}\``).join(", ")}). \`loadBalancer.sslPolicy\` accepts any policy whose minimum is TLS 1.2, and some of those are not on the list (e.g. \`ELBSecurityPolicy-TLS13-1-2-2021-06\`, \`ELBSecurityPolicy-TLS-1-2-2017-01\`, \`ELBSecurityPolicy-FS-1-2-Res-2020-10\`): choosing one fails this control.`,
    findings: find.listenersWithoutRecommendedPolicy,
  },
  {
    id: "ELB.18",
    rule: "elbv2-listener-encryption-in-transit",
    checks: "Application Load Balancer listeners use HTTPS, Network Load Balancer listeners TLS",
    verdict: {
      status: "met with an option",
      reason:
        "By default the ALB keeps an HTTP listener on port 80 that only answers with a 301 to HTTPS (ELB.1), so that a client typing the bare name is sent to HTTPS rather than refused. The control fails every listener that is not HTTPS, redirect or not.",
      option: "`loadBalancer: { certificateArn, httpRedirect: false }`: HTTPS only, no port 80 listener or ingress.",
      args: {
        portMappings: [{ containerPort: 8080 }],
        loadBalancer: { certificateArn: ALB_CERTIFICATE, httpRedirect: false },
      },
    },
    evaluatedWith: WITH_ALB,
    findings: find.unencryptedListeners,
  },
  ...PEER_CONTROLS,
];
