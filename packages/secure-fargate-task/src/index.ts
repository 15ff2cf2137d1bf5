export { SecureFargateTask } from "./component";
export { DependencyCondition, Effect, ImagePlatform, LogDriver, RunMode, SecretDelivery, SecretLayout } from "./args";
export type {
  ContainerHealthCheckArgs,
  DeploymentArgs,
  ImageArgs,
  LoggingArgs,
  LogRouterArgs,
  NetworkArgs,
  PolicyStatementArgs,
  RegistryCredentialsArgs,
  SecretRefArgs,
  SecureFargateTaskArgs,
  ContainerDependencyArgs,
  SidecarArgs,
} from "./args";
export { AppProtocol, PortProtocol } from "./loadBalancer/args";
export type { EfsVolumeArgs } from "./storage/args";
export type { AccessLogsArgs, LoadBalancerArgs, PortMappingArgs, TargetHealthCheckArgs } from "./loadBalancer/args";
export type { AutoScalingArgs, ScheduledScalingArgs } from "./scaling/args";
export type { ScheduleArgs } from "./schedule/args";
export { CapacityProvider } from "./capacity/args";
export type { CapacityProviderStrategyItemArgs } from "./capacity/args";
