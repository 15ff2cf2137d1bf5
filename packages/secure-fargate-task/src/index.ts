export { SecureFargateTask } from "./component";
export { Effect, ImagePlatform, LogDriver, RunMode, SecretDelivery, SecretLayout } from "./args";
export type {
  DeploymentArgs,
  ImageArgs,
  LoggingArgs,
  NetworkArgs,
  PolicyStatementArgs,
  RegistryCredentialsArgs,
  SecretRefArgs,
  SecureFargateTaskArgs,
} from "./args";
