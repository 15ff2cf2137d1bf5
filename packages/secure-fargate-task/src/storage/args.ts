import type * as pulumi from "@pulumi/pulumi";

/**
 * An Amazon EFS file system mounted into the app container through one of its access points. The component does not
 * create the file system, its access point or its mount targets: bring them (an access point that sets a root
 * directory and a POSIX user, e.g. the container's `1000:1000`, makes the mount the app's own). ECS mounts it with TLS
 * (`transitEncryption: ENABLED`) and as the task role (`iam: ENABLED`), which is granted `elasticfilesystem:ClientMount`
 * (and `ClientWrite` unless `readOnly`) on this file system only through this access point.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
 */
export interface EfsVolumeArgs {
  /** Name of the volume in the task definition: up to 255 letters, digits, `_` and `-`; not `tmp` or `secrets`. */
  name: string;
  /** The file system's id, `fs-` and 8 to 40 hex digits. */
  fileSystemId: pulumi.Input<string>;
  /** The access point's id (`fsap-` and 8 to 40 hex digits) or ARN; it must belong to `fileSystemId`. */
  accessPointId: pulumi.Input<string>;
  /** Absolute path of the mount in the app container, e.g. `/data`; not `/`, `/tmp` or the secrets path `/run/secrets`. */
  containerPath: string;
  /** Mount read-only, and grant no `elasticfilesystem:ClientWrite`. @default false */
  readOnly?: boolean;
  /**
   * The security group of the file system's mount targets. Required when the component makes the tasks' security
   * group (no `network.securityGroupIds`): that group then allows egress on NFS (TCP 2049) to it; the mount targets'
   * group must admit TCP 2049 from the tasks' group (output `securityGroupIds`). With your own `network.securityGroupIds`
   * leave it out: your groups must reach TCP 2049 on the mount targets.
   * @default - none
   */
  mountTargetSecurityGroupId?: pulumi.Input<string>;
}
