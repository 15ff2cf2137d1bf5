/**
 * The programs the security tests and the access report evaluate, each run under the package's Pulumi mocks (fixed
 * account and region, so every ARN is deterministic).
 */
import * as pulumi from "@pulumi/pulumi";
import { createTableBackup } from "../../../../infra/backup";
import { stackScope } from "../../../../infra/monitoring/monitoring";
import { createTable, tableWriteStatements } from "../../../../infra/table";
import type { SecureFargateTaskArgs } from "../../src";
import { computedState } from "../../src/testing/resources";
import { ACCOUNT, Captured, makeContext, mockRun, REGION } from "@twitterstream/test-kit/mocks";
import type { Registration } from "@twitterstream/test-kit/platform/registration";
import { secretValues } from "@twitterstream/test-kit/secrets";
import type { Subject } from "../../../policy-pack/src/subject";
import { EFS, MIRRORED_REPOSITORIES, SIDECAR_PARAMETER } from "./world";

/** A program run under the mocks, in their fixed account and region (what the IAM model and access report need). */
export interface MockSubject extends Subject {
  account: string;
  region: string;
  resources: Captured[];
  /** What the engine received for each resource (what a policy pack's `Analyze` is given). */
  registrations: Registration[];
}

/** Stand-ins for the stack's four X credentials. */
export const STACK_SECRETS: Record<string, string> = {
  ACCESSTOKEN: "access-token-value-3",
  ACCESSTOKENSECRET: "access-token-secret-value-4",
  CONSUMERKEY: "consumer-key-value-1",
  CONSUMERSECRETKEY: "consumer-secret-value-2",
};

/** Stand-ins for a component used with nothing but its required arguments. */
const DEFAULT_SECRETS: Record<string, string> = { API_KEY: "api-key-value-9" };

/**
 * The component as the stack (`infra/index.ts`) uses it, with its table and table grant built by the stack's own
 * `infra/table.ts`: the same name, secrets, environment, task role statements and deployment limits, in the default
 * network mode. Stands in for the stack until its program runs under mocks here.
 */
export async function componentWithStackArgs(options: { backup?: boolean } = {}): Promise<MockSubject> {
  const { SecureFargateTask } = await import("../../src");
  const context = makeContext();
  const run = await mockRun(
    () => {
      const table = createTable({ tableName: "twitterStream-dev", deletionProtection: true });
      // `twitterstream:backup`: the stack's AWS Backup plan for the table.
      if (options.backup === true) createTableBackup(table, stackScope(), "twitterstream-dev");
      new SecureFargateTask("twitterstream", {
        image: { context },
        secrets: secretValues(STACK_SECRETS),
        environment: { DYNAMODBTABLE: table.name, AWSREGION: REGION, FILTER: "Cloud Computing" },
        taskRolePolicyStatements: tableWriteStatements(table),
        deployment: { minimumHealthyPercent: 0, maximumPercent: 100 },
      });
    },
    { computedState, project: "twitterstream" },
  );
  return {
    label: options.backup === true ? "component with the stack's arguments and its table backup" : "component with the stack's arguments",
    account: ACCOUNT,
    region: REGION,
    resources: run.resources,
    registrations: run.registrations,
    secretValues: Object.values(STACK_SECRETS),
  };
}

/** The component mounting one EFS volume read-write and one read-only, through two access points of one file system. */
export function componentWithEfs(): Promise<MockSubject> {
  const volume = { fileSystemId: EFS.fileSystemId, mountTargetSecurityGroupId: EFS.mountTargetSecurityGroupId };
  return componentWith({
    efsVolumes: [
      { ...volume, name: "data", accessPointId: EFS.accessPointId, containerPath: "/data" },
      { ...volume, name: "models", accessPointId: EFS.readOnlyAccessPointId, containerPath: "/models", readOnly: true },
    ],
  });
}

/** An image in this account's ECR, in the mocks' region. */
function mirroredImage(repository: string, tag: string): string {
  return `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repository}:${tag}`;
}

/**
 * The component with a Datadog agent sidecar pulled from this account's ECR, whose API key is an SSM parameter under a
 * customer-managed key (`SIDECAR_PARAMETER`).
 */
export function componentWithParameterSidecar(overrides: Partial<SecureFargateTaskArgs> = {}): Promise<MockSubject> {
  return componentWith({
    ...overrides,
    sidecars: [
      {
        name: "datadog",
        image: mirroredImage(MIRRORED_REPOSITORIES.sidecar, "7.60.0"),
        secrets: {
          DD_API_KEY: { ssmParameter: SIDECAR_PARAMETER.name, kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${SIDECAR_PARAMETER.keyId}` },
        },
      },
    ],
  });
}

/**
 * The component logging through FireLens to Datadog: the router pulled from this account's ECR, the driver's API key
 * a secret the component stores, and a second secret option an existing secret under a customer-managed key.
 */
export function componentWithFireLens(overrides: Partial<SecureFargateTaskArgs> = {}): Promise<MockSubject> {
  return componentWith({
    ...overrides,
    logging: {
      logDriver: "awsfirelens",
      options: { Name: "datadog", Host: "http-intake.logs.datadoghq.eu", TLS: "on", provider: "ecs", dd_service: "app" },
      secretOptions: { apikey: { value: pulumi.secret("dd-log-key-9") }, token: { secretsManager: "cmk/log-token" } },
      router: { image: mirroredImage(MIRRORED_REPOSITORIES.router, "2.34.3.20260623") },
    },
  });
}

/**
 * The component delivering secrets as files from every source: a value it stores, an existing secret under a
 * customer-managed key, an SSM parameter under one (`SIDECAR_PARAMETER`), and an S3 object.
 */
export function componentWithFileSources(): Promise<MockSubject> {
  return componentWith({
    secretDelivery: "files",
    secrets: {
      API_KEY: { value: pulumi.secret(DEFAULT_SECRETS.API_KEY) },
      DB_PASSWORD: { secretsManager: "cmk/db" },
      TOKEN: { ssmParameter: SIDECAR_PARAMETER.name, kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${SIDECAR_PARAMETER.keyId}` },
      TLS_KEY: { s3Object: pulumi.secret("tls-key-value-5") },
    },
  });
}

/** The component with only its required arguments plus `overrides`: what a user gets by default. */
export async function componentWith(overrides: Partial<SecureFargateTaskArgs> = {}): Promise<MockSubject> {
  const { SecureFargateTask } = await import("../../src");
  const context = makeContext();
  const run = await mockRun(
    () => {
      new SecureFargateTask("app", { image: { context }, secrets: secretValues(DEFAULT_SECRETS), ...overrides });
    },
    { computedState },
  );
  return {
    label: "component",
    account: ACCOUNT,
    region: REGION,
    resources: run.resources,
    registrations: run.registrations,
    secretValues: Object.values(DEFAULT_SECRETS),
  };
}

/** An ALB the component makes: the port it forwards to and a certificate. */
const WITH_ALB: Partial<SecureFargateTaskArgs> = {
  portMappings: [{ containerPort: 8080 }],
  loadBalancer: { certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666` },
};

/**
 * Every secret delivery and optional part the component supports, each a program the policy pack must pass with no
 * mandatory violation: a supported configuration meets every mandatory control.
 */
export const SCENARIOS: Record<string, () => Promise<MockSubject>> = {
  "defaults (environment delivery, one JSON secret)": () => componentWith(),
  "file delivery": () => componentWith({ secretDelivery: "files" }),
  "one secret per variable": () => componentWith({ secretLayout: "perVariable" }),
  "file delivery, one secret per variable": () => componentWith({ secretDelivery: "files", secretLayout: "perVariable" }),
  "an S3 object secret (always a file)": () => componentWith({ secrets: { TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } }),
  "an existing secret, followed": () =>
    componentWith({ secrets: { API_KEY: { secretsManager: "rotated/api-key", followRotation: true }, ...secretValues(DEFAULT_SECRETS) } }),
  "an existing secret, followed, file delivery": () =>
    componentWith({
      secretDelivery: "files",
      secrets: { OTHER: { secretsManager: "rotated/api-key", followRotation: true }, ...secretValues(DEFAULT_SECRETS) },
    }),
  "an SSM parameter, file delivery": () =>
    componentWith({
      secretDelivery: "files",
      secrets: {
        ...secretValues(DEFAULT_SECRETS),
        DD_API_KEY: { ssmParameter: SIDECAR_PARAMETER.name, kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${SIDECAR_PARAMETER.keyId}` },
      },
    }),
  "private registry credentials": () =>
    componentWith({
      image: {
        name: `ghcr.io/org/app@sha256:${"01".repeat(32)}`,
        repositoryCredentials: { username: "bot", password: pulumi.secret("registry-password") },
      },
    }),
  "a schedule (run mode task)": () => componentWith({ runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } }),
  "ECS Exec": () => componentWith({ enableExecuteCommand: true }),
  "a private network": () => componentWith({ network: { subnetIds: ["subnet-private-a", "subnet-private-b"], assignPublicIp: false } }),
  "an ALB and auto scaling": () =>
    componentWith({ ...WITH_ALB, autoScaling: { maxCapacity: 4, cpuUtilizationPercent: 60, requestsPerTarget: 500 } }),
  "EFS volumes": () => componentWithEfs(),
  "a sidecar with an SSM parameter secret": () => componentWithParameterSidecar(),
  "FireLens with secret options": () => componentWithFireLens(),
  "FireLens, file delivery": () => componentWithFireLens({ secretDelivery: "files" }),
  "a sidecar, file delivery": () => componentWithParameterSidecar({ secretDelivery: "files" }),
  "the stack's arguments": () => componentWithStackArgs(),
  "the stack's arguments and its table backup (`backup`)": () => componentWithStackArgs({ backup: true }),
};
