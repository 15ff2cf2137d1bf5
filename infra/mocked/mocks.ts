/**
 * Pulumi mocks for the stack program: what AWS and the awsx components would answer, and a record of every resource
 * the program registers. Pure: importing this file changes nothing; `scenario.ts` installs the mocks.
 */
import { answerInvoke as awsInvoke } from "@twitterstream/test-kit/awsFakes";
import { SCENARIO_ACCOUNT, SCENARIO_REGION, type CapturedResource } from "@twitterstream/test-kit/scenario";
import { computedState as awsComputedState } from "secure-fargate-task/testing";

const SCOPE = { account: SCENARIO_ACCOUNT, region: SCENARIO_REGION };

/** The invokes the program and the component are known to make with the stack's arguments; any other fails the run. */
const STACK_INVOKES = [
  "aws:index/getPartition:getPartition",
  "aws:index/getRegion:getRegion",
  "aws:index/getCallerIdentity:getCallerIdentity",
  "aws:ecr/getAuthorizationToken:getAuthorizationToken",
  "aws:ecr/getImages:getImages",
];

/** What the awsx components resolve to under the mocks. */
export const DEFAULT_VPC = { vpcId: "vpc-default", subnetIds: ["subnet-default-a", "subnet-default-b"] };

/** The default VPC and its default subnets, as `getVpcs` and `getSubnets` find them. */
const DEFAULT_VPC_INVOKES: Record<string, Record<string, unknown>> = {
  "aws:ec2/getVpcs:getVpcs": { ids: [DEFAULT_VPC.vpcId], id: SCENARIO_REGION },
  "aws:ec2/getSubnets:getSubnets": { ids: DEFAULT_VPC.subnetIds, id: SCENARIO_REGION },
};
export const PRIVATE_VPC = {
  vpcId: "vpc-private",
  publicSubnetIds: ["subnet-nat-a", "subnet-nat-b"],
  privateSubnetIds: ["subnet-private-a", "subnet-private-b"],
};

/** The ARN the mocked AWS gives a table of this name. */
export function tableArn(name: string): string {
  return `arn:aws:dynamodb:${SCENARIO_REGION}:${SCENARIO_ACCOUNT}:table/${name}`;
}

/** Outputs AWS (or awsx) computes, per resource type, from the unwrapped inputs. */
export function computedState(resource: CapturedResource): Record<string, unknown> {
  const { type, name, inputs } = resource;
  switch (type) {
    case "awsx:ec2:Vpc":
      return PRIVATE_VPC;
    case "aws:dynamodb/table:Table": {
      const tableName = typeof inputs.name === "string" ? inputs.name : `${name}-a1b2c3d`;
      return { name: tableName, arn: tableArn(tableName) };
    }
    // AWS Backup, which only the stack makes: the names Pulumi gives (`<name>-<7 chars>`) and the ARNs AWS does.
    case "aws:backup/vault:Vault":
      return { name: `${name}-1234567`, arn: `arn:aws:backup:${SCENARIO_REGION}:${SCENARIO_ACCOUNT}:backup-vault:${name}-1234567` };
    case "aws:backup/plan:Plan":
      return { name: `${name}-1234567`, arn: `arn:aws:backup:${SCENARIO_REGION}:${SCENARIO_ACCOUNT}:backup-plan:${name}-id` };
    default:
      return awsComputedState(type, name, inputs, SCOPE);
  }
}

/** Answers to the invokes the program and the component are known to make; any other invoke fails the run. */
export function answerInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  if (token === "aws:ec2/getSubnet:getSubnet") {
    const id = String(inputs.id);
    return { id, vpcId: PRIVATE_VPC.privateSubnetIds.includes(id) ? PRIVATE_VPC.vpcId : DEFAULT_VPC.vpcId };
  }
  const defaultVpc = DEFAULT_VPC_INVOKES[token];
  if (defaultVpc) return defaultVpc;
  if (!STACK_INVOKES.includes(token)) throw new Error(`unexpected invoke ${token}`);
  return awsInvoke(token, inputs, SCOPE);
}
