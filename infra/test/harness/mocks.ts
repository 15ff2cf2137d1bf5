/**
 * Pulumi mocks for the stack program: what AWS and the awsx components would answer, and a record of every resource
 * the program registers. Pure: importing this file changes nothing; `scenario.ts` installs the mocks.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** What the awsx components resolve to under the mocks. */
export const DEFAULT_VPC = { vpcId: "vpc-default", publicSubnetIds: ["subnet-default-a", "subnet-default-b"] };
export const PRIVATE_VPC = {
  vpcId: "vpc-private",
  publicSubnetIds: ["subnet-nat-a", "subnet-nat-b"],
  privateSubnetIds: ["subnet-private-a", "subnet-private-b"],
};

/** The ARN the mocked AWS gives a table of this name. */
export function tableArn(name: string): string {
  return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
}

/** The marker Pulumi's serializer puts on a secret value. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** One `newResource` call, secret inputs unwrapped. */
export interface CapturedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Top-level input names whose value arrived as a secret. */
  secretInputs: string[];
}

/** One stack output, resolved. */
export interface CapturedOutput {
  value: unknown;
  secret: boolean;
}

/** What one run of the program under mocks produced; JSON, so that a child process can hand it back. */
export interface ScenarioResult {
  resources: CapturedResource[];
  invokes: string[];
  outputs: Record<string, CapturedOutput>;
  /** The message of the error the program failed with, if it did. */
  error?: string;
}

/** Marks the result line of `scenario.ts` among anything else the program prints. */
export const RESULT_PREFIX = "SCENARIO_RESULT ";

/** Removes Pulumi's secret wrapping, everywhere in a value. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (SECRET_SIG in record && "value" in record) return unwrapSecrets(record.value);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/** A resource registration as the mocks record it. */
export function capture(args: pulumi.runtime.MockResourceArgs): CapturedResource {
  const raw = args.inputs as Record<string, unknown>;
  const secretInputs = Object.keys(raw).filter((k) => {
    const v = raw[k];
    return v !== null && typeof v === "object" && SECRET_SIG in v;
  });
  return { type: args.type, name: args.name, inputs: unwrapSecrets(raw) as Record<string, unknown>, secretInputs };
}

function fakeId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

/** Outputs AWS (or awsx) computes, per resource type, from the unwrapped inputs. */
export function computedState(resource: CapturedResource): Record<string, unknown> {
  const { type, name, inputs } = resource;
  const arn = (service: string, path: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${path}`;
  switch (type) {
    case "awsx:ec2:DefaultVpc":
      return { ...DEFAULT_VPC, privateSubnetIds: [] };
    case "awsx:ec2:Vpc":
      return PRIVATE_VPC;
    case "aws:dynamodb/table:Table": {
      const tableName = typeof inputs.name === "string" ? inputs.name : `${name}-a1b2c3d`;
      return { name: tableName, arn: tableArn(tableName) };
    }
    case "aws:kms/key:Key":
      return { arn: arn("kms", `key/${fakeId(name)}`), keyId: fakeId(name) };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: arn("logs", `log-group:${String(inputs.name)}`) };
    case "aws:ecr/repository:Repository":
      return {
        arn: arn("ecr", `repository/${String(inputs.name)}`),
        registryId: ACCOUNT,
        repositoryUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${String(inputs.name)}`,
      };
    case "docker:index/image:Image":
      return { repoDigest: `${String(inputs.imageName).replace(/:[^:/]+$/, "")}@sha256:${"ab".repeat(32)}` };
    case "aws:secretsmanager/secret:Secret":
      return { arn: arn("secretsmanager", `secret:${String(inputs.namePrefix)}20251122-AbCdEf`) };
    case "aws:secretsmanager/secretVersion:SecretVersion":
      return { versionId: fakeId(String(inputs.secretId), String(inputs.secretString)) };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${name}-1234567`, name: `${name}-1234567` };
    case "aws:ecs/cluster:Cluster":
      return { arn: arn("ecs", `cluster/${name}-1234567`), name: `${name}-1234567` };
    case "aws:ecs/taskDefinition:TaskDefinition":
      return { arn: arn("ecs", `task-definition/${String(inputs.family)}:1`) };
    case "aws:ecs/service:Service":
      return { name: `${name}-1234567` };
    default:
      return {};
  }
}

/** Answers to the invokes the program and the component are known to make; any other invoke fails the run. */
export function answerInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getPartition:getPartition":
      return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:index/getRegion:getRegion":
      return { id: REGION, region: REGION, name: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { id: ACCOUNT, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, userId: "AIDAEXAMPLE" };
    case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
      return { userName: "AWS", password: "ecr-token", authorizationToken: "ecr-auth", proxyEndpoint: "https://ecr" };
    case "aws:ec2/getSubnet:getSubnet": {
      const id = String(inputs.id);
      return { id, vpcId: PRIVATE_VPC.privateSubnetIds.includes(id) ? PRIVATE_VPC.vpcId : DEFAULT_VPC.vpcId };
    }
    default:
      throw new Error(`unexpected invoke ${token}`);
  }
}
