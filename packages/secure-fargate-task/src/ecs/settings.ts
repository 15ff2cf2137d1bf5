/**
 * The task's and the service's settings after validation, defaults filled in: each builder of ecs/ takes the slice it
 * uses (TaskDefinitionSettings, ServiceBuildSettings), never the whole of validate.ts's Settings.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { DependencyCondition, LoggingArgs } from "./args";
import type { ImagePlatform } from "../image/args";
import type { CapacityProviderStrategyItem } from "../capacity/validateCapacity";
import type { PortMappingSettings } from "../loadBalancer/settings";
import type { AutoScalingSettings } from "../scaling/settings";
import type { SecretSpec } from "../secrets/registry";
import type { EfsVolumeSettings } from "../storage/efs";
import type { HealthCheck } from "./healthCheck";

/** The task's size and its app container (ecs/validateTask.ts). */
export interface TaskSettings {
  cpu: number;
  memory: number;
  containerName: string;
  user: string;
  stopTimeoutSeconds: number;
  /** The app container's health check, ECS defaults written out. */
  healthCheck: HealthCheck | undefined;
}

/** The ECS service (ecs/validateService.ts). */
export interface ServiceSettings {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** ECS Exec on the service. */
  enableExecuteCommand: boolean;
  /** With a load balancer: seconds ECS ignores its health checks of a new task. */
  healthCheckGracePeriodSeconds: number | undefined;
  /** Fargate / Fargate Spot placement; undefined: launch type FARGATE. */
  capacityProviderStrategy: CapacityProviderStrategyItem[] | undefined;
}

/** A sidecar after validation, defaults filled in. */
export interface SidecarSettings {
  name: string;
  image: pulumi.Input<string>;
  command: string[] | undefined;
  environment: Record<string, pulumi.Input<string>>;
  /** Its secrets by kind, sorted by variable name; never `s3`. */
  secrets: SecretSpec[];
  essential: boolean;
  dependsOn: Array<{ containerName: string; condition: DependencyCondition }>;
  healthCheck: HealthCheck | undefined;
  portMappings: PortMappingSettings[];
  cpu: number;
  memory: number;
  user: string;
}

/** The log router after validation, defaults filled in. */
export interface LogRouterSettings {
  image: pulumi.Input<string>;
  firelensOptions: Record<string, string>;
  cpu: number;
  memory: number;
}

/** The log configuration of the task's containers. */
export interface LoggingSettings {
  logDriver: LoggingArgs["logDriver"];
  options: Record<string, string>;
  secretOptions: SecretSpec[];
  /** With `awsfirelens`: the log router the component adds. */
  router: LogRouterSettings | undefined;
}

/** What the task definition is built from (ecs/taskDefinition.ts). */
export interface TaskDefinitionSettings extends TaskSettings {
  image: { platform: ImagePlatform };
  environment: Record<string, pulumi.Input<string>>;
  logging: LoggingSettings | undefined;
  /** The task's ephemeral storage in GiB; 20 is Fargate's default. */
  ephemeralStorageGiB: number;
  /** EFS volumes of the app container. */
  efsVolumes: EfsVolumeSettings[];
  /** The app container's ports. */
  portMappings: PortMappingSettings[];
  /** Additional containers, in the order given. */
  sidecars: SidecarSettings[];
  /** ECS Exec: the task's containers get its mounts. */
  enableExecuteCommand: boolean;
}

/** What the service is built from (ecs/service.ts): its settings, the app container's name, and whether autoscaling owns its count. */
export interface ServiceBuildSettings extends ServiceSettings {
  containerName: string;
  autoScaling: AutoScalingSettings | undefined;
}
