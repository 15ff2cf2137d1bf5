export { SecureFargateTask } from "./component";
export type {
  DeploymentArgs,
  ImageArgs,
  NetworkArgs,
  PolicyStatementArgs,
  SecretLayout,
  SecureFargateTaskArgs,
} from "./args";
export type { ImagePlatform } from "./fargate";
