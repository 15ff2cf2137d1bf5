/**
 * ECS Exec (`aws ecs execute-command`): what the task role, the cluster and the app container need for it, as pure
 * values. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 */
import type { Statement } from "../iam/policyDocument";
import type { MountPoint } from "./containerDefinition";

/**
 * The SSM agent ECS runs in the container writes its state and its logs here; the root filesystem stays read-only,
 * so these two are task-scoped volumes. ECS Exec does not support a read-only root filesystem as such
 * (aws/containers-roadmap#1359; aws-containers/amazon-ecs-exec-checker#21): writable volumes at these paths are the
 * workaround reported there, which keeps control ECS.5 met.
 */
export const EXEC_MOUNTS: readonly { volume: string; path: string }[] = [
  { volume: "ssm-agent-state", path: "/var/lib/amazon/ssm" },
  { volume: "ssm-agent-logs", path: "/var/log/amazon/ssm" },
];

/** The app container's mounts of {@link EXEC_MOUNTS}. */
export function execMountPoints(): MountPoint[] {
  return EXEC_MOUNTS.map((m) => ({ sourceVolume: m.volume, containerPath: m.path, readOnly: false }));
}

/**
 * The task role's grants for ECS Exec: the four `ssmmessages` actions the SSM agent's session channel needs, which
 * have no resource-level permissions (AWS documents them on `*`); and, for the session logs and encryption the
 * component's cluster configures, writing to this log group's streams, listing them (`logs:DescribeLogStreams`, on
 * the log group), finding the group (`logs:DescribeLogGroups` has no resource-level permissions either) and
 * decrypting with this key.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions
 */
export function execStatements(logGroupArn: string, kmsKeyArn: string): Statement[] {
  return [
    {
      Sid: "EcsExecSessionChannel",
      Effect: "Allow",
      Action: [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ],
      Resource: "*",
    },
    { Sid: "EcsExecFindLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
    {
      Sid: "EcsExecSessionLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${logGroupArn}:log-stream:*`,
    },
    // The Service Authorization Reference gives the log group as its resource type; AWS's ECS Exec example grants it on
    // `log-group:<name>:*`, which its error messages' `...:log-group:<name>:log-stream:` also matches. Both forms of this
    // group, no other group.
    {
      Sid: "EcsExecFindLogStreams",
      Effect: "Allow",
      Action: "logs:DescribeLogStreams",
      Resource: [logGroupArn, `${logGroupArn}:*`],
    },
    { Sid: "EcsExecSessionEncryption", Effect: "Allow", Action: "kms:Decrypt", Resource: kmsKeyArn },
  ];
}

/**
 * The cluster's `executeCommandConfiguration`: sessions encrypted with the component's key, their output logged
 * (OVERRIDE) to the component's KMS-encrypted log group.
 */
export function execClusterConfiguration(
  logGroupName: string,
  kmsKeyArn: string,
): {
  kmsKeyId: string;
  logging: "OVERRIDE";
  logConfiguration: { cloudWatchLogGroupName: string; cloudWatchEncryptionEnabled: boolean };
} {
  return {
    kmsKeyId: kmsKeyArn,
    logging: "OVERRIDE",
    logConfiguration: { cloudWatchLogGroupName: logGroupName, cloudWatchEncryptionEnabled: true },
  };
}
