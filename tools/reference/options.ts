/**
 * The configurations the reference runs the component in: its defaults (a build context and secret values, nothing
 * else), then one option at a time, each switched on by the arguments shown. Sample ids and ARNs are placeholders of
 * the shapes AWS documents (the component's tests use the same ones).
 */
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "secure-fargate-task";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const CERT = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666`;
const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`;
const NETWORK = { subnetIds: ["subnet-0123456789abcdef0"] };

/** One configuration: a label, and the arguments given beside the defaults' (shown in the reference as they are). */
export interface ReferenceOption {
  readonly label: string;
  readonly args: Partial<SecureFargateTaskArgs>;
}

/** The secrets of every configuration: two values the component stores (`{ value: cfg.requireSecret(...) }`). */
export const SECRET = { DB_PASSWORD: { value: pulumi.secret("placeholder-1") }, API_TOKEN: { value: pulumi.secret("placeholder-2") } };

/** The defaults: a build context (the runs' own) and {@link SECRET}; every other argument left out. */
export const DEFAULT_OPTION: ReferenceOption = { label: "Defaults", args: {} };

/** One option at a time, in the order of the README's sections. */
export const OPTIONS: readonly ReferenceOption[] = [
  { label: "Your own subnets", args: { network: NETWORK } },
  { label: "Secrets as files", args: { secretDelivery: "files" } },
  { label: "One secret per variable", args: { secretLayout: "perVariable" } },
  {
    label: "An existing secret, followed on rotation",
    args: { secrets: { ...SECRET, DB: { secretsManager: "shared/db", followRotation: true } } },
  },
  { label: "An SSM parameter", args: { secrets: { ...SECRET, TOKEN: { ssmParameter: "/app/token" } } } },
  { label: "An S3 object", args: { secrets: { ...SECRET, TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } } },
  { label: "A prebuilt image", args: { image: { name: "public.ecr.aws/docker/library/nginx:1.27" } } },
  { label: "Your own KMS key", args: { kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-1111-2222-3333-444455556666` } },
  { label: "An existing cluster", args: { clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/shared` } },
  { label: "A task only", args: { runMode: "task" } },
  { label: "A scheduled task", args: { runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } } },
  { label: "An HTTPS load balancer", args: { portMappings: [{ containerPort: 8080 }], loadBalancer: { certificateArn: CERT } } },
  {
    label: "An existing target group",
    args: { portMappings: [{ containerPort: 8080 }], loadBalancer: { targetGroupArn: TARGET_GROUP, securityGroupIds: ["sg-0123456789abcdef0"] } },
  },
  {
    label: "Autoscaling",
    args: {
      autoScaling: { maxCapacity: 4, cpuUtilizationPercent: 60, schedules: [{ name: "night", schedule: "cron(0 20 * * ? *)", maxCapacity: 1 }] },
    },
  },
  { label: "Fargate Spot", args: { capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] } },
  { label: "ECS Exec", args: { enableExecuteCommand: true } },
  {
    label: "FireLens log routing",
    args: {
      logging: {
        logDriver: "awsfirelens",
        options: { Name: "cloudwatch_logs", region: REGION, log_group_name: "/app/logs", auto_create_group: "false" },
      },
    },
  },
  { label: "A sidecar", args: { sidecars: [{ name: "agent", image: "public.ecr.aws/datadog/agent:7.60.0" }] } },
  {
    label: "An EFS volume",
    args: {
      efsVolumes: [
        {
          name: "data",
          fileSystemId: "fs-0123456789abcdef0",
          accessPointId: "fsap-0123456789abcdef0",
          containerPath: "/data",
          mountTargetSecurityGroupId: "sg-0a1b2c3d4e5f60718",
        },
      ],
    },
  },
];
