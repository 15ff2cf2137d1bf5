/**
 * EFS volumes of the app container: their arguments checked, and, from resolved ids, the task definition's volumes,
 * the container's mount points and the task role's grants, all pure.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../args";
import { LOG_ROUTER, type MountPoint, sidecarTmpVolume, TMP_MOUNT } from "../ecs/containerDefinition";
import { SECRETS_FILES } from "../ecs/taskContainers";
import type { Statement } from "../iam/policyDocument";
import { type Reject, show } from "../errors";
import type { EfsVolumeArgs } from "./args";

/** An EFS volume after validation: `readOnly` defaulted. */
export interface EfsVolumeSettings {
  name: string;
  fileSystemId: pulumi.Input<string>;
  /** The access point's id or ARN, as given. */
  accessPointId: pulumi.Input<string>;
  containerPath: string;
  readOnly: boolean;
  mountTargetSecurityGroupId: pulumi.Input<string> | undefined;
}

/** An EFS volume with its ids known. */
export interface ResolvedEfsVolume {
  name: string;
  fileSystemId: string;
  /** The access point's id or ARN, as given. */
  accessPointId: string;
  containerPath: string;
  readOnly: boolean;
}

/** Where the task's containers are given what: paths and volume names the component already uses. */
export interface ReservedMounts {
  /** Volume names of the task definition the component makes (`tmp`, `secrets`). */
  volumeNames: readonly string[];
  /** Container paths the component mounts (`/tmp`, `/run/secrets`). */
  containerPaths: readonly string[];
}

/**
 * What the component's own containers mount, which no EFS volume may take: the app's `/tmp` and secrets volumes and
 * paths, each sidecar's own `/tmp` volume, and the FireLens router's when `logging` routes through it.
 */
export function reservedMounts(args: Pick<SecureFargateTaskArgs, "sidecars" | "logging">): ReservedMounts {
  return {
    volumeNames: [
      TMP_MOUNT.volume,
      SECRETS_FILES.volume,
      ...(args.sidecars ?? []).map((s) => sidecarTmpVolume(s.name)),
      ...(args.logging?.logDriver === "awsfirelens" ? [sidecarTmpVolume(LOG_ROUTER)] : []),
    ],
    containerPaths: [TMP_MOUNT.path, SECRETS_FILES.path],
  };
}

/** The EFS API's file system id and access point id or ARN (API_DescribeMountTargets). */
export const FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;
export const ACCESS_POINT_ID = /^fsap-[0-9a-f]{8,40}$/;
export const ACCESS_POINT_ARN = /^arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-]+:\d{12}:access-point\/(fsap-[0-9a-f]{8,40})$/;
const VOLUME_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * Checks `efsVolumes`: names valid and unique, ids of the EFS formats (values known only at deployment are skipped),
 * mount paths absolute, normalised, unique and clear of the component's own mounts, and the mount targets' security
 * group given exactly when the component makes the tasks' group.
 */
export function validateEfsVolumes(
  volumes: readonly EfsVolumeArgs[] | undefined,
  context: { reserved: ReservedMounts; componentSecurityGroup: boolean },
  reject: Reject,
): EfsVolumeSettings[] {
  if (volumes === undefined) return [];
  const given: unknown = volumes;
  // A separate variable: Array.isArray would narrow `volumes` itself to `any[]`.
  if (!Array.isArray(given)) {
    reject("efsVolumes", `must be a list of volumes: got ${show(volumes)}. Write [{ name, fileSystemId, accessPointId, containerPath }].`);
    return [];
  }
  const names = new Set<string>();
  const paths = new Set<string>();
  return volumes.map((v, i) => {
    const field = `efsVolumes[${i}]`;
    if (typeof v.name !== "string" || !VOLUME_NAME.test(v.name)) {
      reject(`${field}.name`, `must be 1 to 255 letters, digits, hyphens or underscores: got ${show(v.name)}. Use e.g. "data".`);
    } else if (context.reserved.volumeNames.includes(v.name)) {
      reject(`${field}.name`, `is the name of a volume the component makes: got ${show(v.name)}. Use another name, e.g. "data".`);
    } else if (names.has(v.name)) {
      reject(`${field}.name`, `is the name of another EFS volume: got ${show(v.name)}. Give each volume its own name.`);
    }
    names.add(v.name);

    if (typeof v.fileSystemId === "string" && !FILE_SYSTEM_ID.test(v.fileSystemId)) {
      reject(
        `${field}.fileSystemId`,
        `is not an EFS file system id ("fs-" and 8 to 40 hex digits): got ${show(v.fileSystemId)}. Give the id, e.g. "fs-0123456789abcdef0", not an ARN or a name.`,
      );
    }
    if (typeof v.accessPointId === "string" && !ACCESS_POINT_ID.test(v.accessPointId) && !ACCESS_POINT_ARN.test(v.accessPointId)) {
      reject(
        `${field}.accessPointId`,
        `is not an EFS access point id ("fsap-" and 8 to 40 hex digits) or ARN: got ${show(v.accessPointId)}. Give e.g. "fsap-0123456789abcdef0".`,
      );
    }

    const containerPath = v.containerPath;
    if (typeof containerPath !== "string" || !containerPath.startsWith("/")) {
      reject(`${field}.containerPath`, `must be an absolute path in the container: got ${show(containerPath)}. Use e.g. "/data".`);
    } else if (path.posix.normalize(containerPath) !== containerPath || (containerPath.endsWith("/") && containerPath !== "/")) {
      reject(
        `${field}.containerPath`,
        `must be a normalised path, without "." or ".." parts, double or trailing slashes: got ${show(containerPath)}. Write ${show(trimPath(containerPath))}.`,
      );
    } else if (containerPath === "/") {
      reject(`${field}.containerPath`, `would hide the container's whole filesystem: got "/". Mount it at a directory, e.g. "/data".`);
    } else {
      const clash = context.reserved.containerPaths.find((p) => containerPath === p || containerPath.startsWith(`${p}/`));
      if (clash !== undefined) {
        reject(
          `${field}.containerPath`,
          `is at or under ${show(clash)}, which the component mounts: got ${show(containerPath)}. Use another path, e.g. "/data".`,
        );
      } else if (paths.has(containerPath)) {
        reject(`${field}.containerPath`, `is the path of another EFS volume: got ${show(containerPath)}. Give each volume its own path.`);
      }
      paths.add(containerPath);
    }

    if (v.readOnly !== undefined && typeof v.readOnly !== "boolean") {
      reject(`${field}.readOnly`, `must be true or false: got ${show(v.readOnly)}.`);
    }

    const group = v.mountTargetSecurityGroupId;
    if (context.componentSecurityGroup && group === undefined) {
      reject(
        `${field}.mountTargetSecurityGroupId`,
        `is required: the tasks' security group the component makes allows egress only to what it names. Give the security group of the file system's mount targets (and let it admit TCP 2049 from the tasks' group), or give your own \`network.securityGroupIds\`.`,
      );
    } else if (!context.componentSecurityGroup && group !== undefined) {
      reject(
        `${field}.mountTargetSecurityGroupId`,
        `goes only with the tasks' security group the component makes; with \`network.securityGroupIds\` the groups' rules are yours. Remove it, and let your groups reach TCP 2049 on the mount targets.`,
      );
    } else if (typeof group === "string" && !SECURITY_GROUP_ID.test(group)) {
      reject(`${field}.mountTargetSecurityGroupId`, `is not a security group id: got ${show(group)}. Give e.g. "sg-0123456789abcdef0".`);
    }

    return {
      name: v.name,
      fileSystemId: v.fileSystemId,
      accessPointId: v.accessPointId,
      containerPath,
      readOnly: v.readOnly ?? false,
      mountTargetSecurityGroupId: group,
    };
  });
}

function trimPath(p: string): string {
  const normal = path.posix.normalize(p);
  return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
}

/** Where the component's resources live. */
interface Scope {
  partition: string;
  region: string;
  accountId: string;
}

/** The access point's id: as given, or the last part of its ARN. */
export function accessPointIdOf(accessPoint: string): string {
  return ACCESS_POINT_ARN.exec(accessPoint)?.[1] ?? accessPoint;
}

/**
 * The ARNs IAM evaluates a mount with: the file system's (the resource) and the access point's (the value of
 * `elasticfilesystem:AccessPointArn`). An access point given by ARN names the account and region of both; an id is in
 * the component's.
 */
export function efsArns(
  volume: Pick<ResolvedEfsVolume, "fileSystemId" | "accessPointId">,
  scope: Scope,
): { fileSystem: string; accessPoint: string } {
  const [, partition, , region, accountId] = ACCESS_POINT_ARN.test(volume.accessPointId)
    ? volume.accessPointId.split(":")
    : ["arn", scope.partition, "elasticfilesystem", scope.region, scope.accountId];
  const prefix = `arn:${partition}:elasticfilesystem:${region}:${accountId}`;
  return {
    fileSystem: `${prefix}:file-system/${volume.fileSystemId}`,
    accessPoint: `${prefix}:access-point/${accessPointIdOf(volume.accessPointId)}`,
  };
}

/** One volume of the task definition, as pulumi-aws takes it. */
export interface EfsTaskVolume {
  name: string;
  efsVolumeConfiguration: {
    fileSystemId: string;
    transitEncryption: "ENABLED";
    authorizationConfig: { accessPointId: string; iam: "ENABLED" };
  };
}

/**
 * The task definition's EFS volumes, sorted by name: TLS to the mount target, mounted through the access point (its
 * root directory, so none here) as the task role.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html
 */
export function efsTaskVolumes(volumes: readonly ResolvedEfsVolume[]): EfsTaskVolume[] {
  return [...volumes]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((v) => ({
      name: v.name,
      efsVolumeConfiguration: {
        fileSystemId: v.fileSystemId,
        transitEncryption: "ENABLED",
        authorizationConfig: { accessPointId: accessPointIdOf(v.accessPointId), iam: "ENABLED" },
      },
    }));
}

/** The app container's mount points of the EFS volumes, sorted by path. */
export function efsMountPoints(volumes: readonly Pick<ResolvedEfsVolume, "name" | "containerPath" | "readOnly">[]): MountPoint[] {
  return [...volumes]
    .sort((a, b) => a.containerPath.localeCompare(b.containerPath))
    .map((v) => ({ sourceVolume: v.name, containerPath: v.containerPath, readOnly: v.readOnly }));
}

/**
 * The task role's grants to mount the volumes: for each file system and access point, `elasticfilesystem:ClientMount`
 * (and `ClientWrite` unless every volume through that access point is read-only) on that file system only, on the
 * condition that the mount goes through that access point. No `ClientRootAccess`: root is squashed.
 * https://docs.aws.amazon.com/efs/latest/ug/access-points-iam-policy.html
 * https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
 */
export function efsMountStatements(volumes: readonly ResolvedEfsVolume[], scope: Scope): Statement[] {
  const grants = new Map<string, { fileSystem: string; accessPoint: string; write: boolean }>();
  for (const v of volumes) {
    const arns = efsArns(v, scope);
    const key = `${arns.fileSystem} ${arns.accessPoint}`;
    const write = !v.readOnly || (grants.get(key)?.write ?? false);
    grants.set(key, { ...arns, write });
  }
  return [...grants.keys()].sort().map((key, i) => {
    const g = grants.get(key)!;
    return {
      Sid: `MountEfs${i}`,
      Effect: "Allow",
      Action: g.write ? ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"] : "elasticfilesystem:ClientMount",
      Resource: g.fileSystem,
      Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": g.accessPoint } },
    };
  });
}

/** The volumes with their ids resolved. */
export function resolveEfsVolumes(volumes: readonly EfsVolumeSettings[]): pulumi.Output<ResolvedEfsVolume[]> {
  return pulumi.all(
    volumes.map((v) =>
      pulumi.all([v.fileSystemId, v.accessPointId]).apply(([fileSystemId, accessPointId]) => ({
        name: v.name,
        fileSystemId,
        accessPointId,
        containerPath: v.containerPath,
        readOnly: v.readOnly,
      })),
    ),
  );
}

/** The distinct security groups of the mount targets, for the tasks' group's NFS egress. */
export function mountTargetSecurityGroups(volumes: readonly EfsVolumeSettings[]): pulumi.Input<string>[] {
  return [...new Set(volumes.map((v) => v.mountTargetSecurityGroupId).filter((g): g is pulumi.Input<string> => g !== undefined))];
}
