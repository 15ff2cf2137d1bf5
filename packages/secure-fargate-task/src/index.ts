export { SecureFargateTask } from "./component";
export { Effect, ImagePlatform, LogDriver, RunMode, SecretDelivery, SecretLayout } from "./args";
export type {
  ContainerHealthCheckArgs,
  DeploymentArgs,
  ImageArgs,
  LoggingArgs,
  NetworkArgs,
  PolicyStatementArgs,
  RegistryCredentialsArgs,
  SecretRefArgs,
  SecureFargateTaskArgs,
} from "./args";
