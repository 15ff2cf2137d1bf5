/**
 * AWS's input rules for every resource type the SecureFargateTask component and the twitterstream stack create, with
 * the source of each rule, one file per AWS service under services/. Pulumi's mocks accept any input; `checkAwsRules`
 * (check.ts) holds captured inputs to this table so that what AWS would refuse fails a unit test instead of `pulumi up`.
 *
 * Every type the program can register is a key here, even with no rules: `checkAwsRules` reports a type that is not.
 */
import type { ResourceRules } from "./rules";
import { APPAUTOSCALING_RULES } from "./services/appautoscaling";
import { AWSX_RULES } from "./services/awsx";
import { BACKUP_RULES } from "./services/backup";
import { CLOUDWATCH_RULES } from "./services/cloudwatch";
import { DOCKER_RULES } from "./services/docker";
import { DYNAMODB_RULES } from "./services/dynamodb";
import { EC2_RULES } from "./services/ec2";
import { ECR_RULES } from "./services/ecr";
import { ECS_RULES } from "./services/ecs";
import { ELB_RULES } from "./services/elb";
import { EVENTS_RULES } from "./services/events";
import { IAM_RULES } from "./services/iam";
import { KMS_RULES } from "./services/kms";
import { LAMBDA_RULES } from "./services/lambda";
import { LOGS_RULES } from "./services/logs";
import { PULUMI_RULES } from "./services/pulumi";
import { S3_RULES } from "./services/s3";
import { SCHEDULER_RULES } from "./services/scheduler";
import { SECRETSMANAGER_RULES } from "./services/secretsmanager";
import { SNS_RULES } from "./services/sns";
import { SQS_RULES } from "./services/sqs";

/** Each file of services/ by its name: the entries of one AWS service (or, for pulumi, docker and awsx, one provider). */
export const SERVICE_RULES: Readonly<Record<string, Readonly<Record<string, ResourceRules>>>> = {
  pulumi: PULUMI_RULES,
  ec2: EC2_RULES,
  iam: IAM_RULES,
  kms: KMS_RULES,
  logs: LOGS_RULES,
  secretsmanager: SECRETSMANAGER_RULES,
  ecr: ECR_RULES,
  docker: DOCKER_RULES,
  ecs: ECS_RULES,
  appautoscaling: APPAUTOSCALING_RULES,
  elb: ELB_RULES,
  s3: S3_RULES,
  lambda: LAMBDA_RULES,
  events: EVENTS_RULES,
  scheduler: SCHEDULER_RULES,
  sqs: SQS_RULES,
  cloudwatch: CLOUDWATCH_RULES,
  sns: SNS_RULES,
  dynamodb: DYNAMODB_RULES,
  backup: BACKUP_RULES,
  awsx: AWSX_RULES,
};

/**
 * The services' entries in one table. A type token in two services' files would keep only one of its entries, the
 * other's rules silently unchecked: the merge refuses it, naming both files.
 */
export function mergeServices(
  services: Readonly<Record<string, Readonly<Record<string, ResourceRules>>>>,
): Readonly<Record<string, ResourceRules>> {
  const merged: Record<string, ResourceRules> = {};
  const home = new Map<string, string>();
  for (const [service, entries] of Object.entries(services)) {
    for (const [token, entry] of Object.entries(entries)) {
      const first = home.get(token);
      if (first !== undefined) throw new Error(`${token} is in both services/${first}.ts and services/${service}.ts: keep it in one`);
      home.set(token, service);
      merged[token] = entry;
    }
  }
  return merged;
}

/** The AWS input rules of every resource type the component and the stack can register. */
export const AWS_RULES: Readonly<Record<string, ResourceRules>> = mergeServices(SERVICE_RULES);
