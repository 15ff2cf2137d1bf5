export { SecureFargateTask } from "./component";
export type {
  DeploymentArgs,
  ExistingSecretsManagerSecret,
  ImageArgs,
  LoggingArgs,
  NetworkArgs,
  PolicyStatementArgs,
  PrebuiltImageArgs,
  RegistryCredentials,
  RunMode,
  SecretDelivery,
  SecretLayout,
  SecretSource,
  SecureFargateTaskArgs,
  S3ObjectSecret,
  SsmParameterSecret,
} from "./args";
export type { ImagePlatform } from "./fargate";
