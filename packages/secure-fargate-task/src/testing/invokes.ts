/**
 * Answers to the provider functions (invokes) SecureFargateTask calls, for Pulumi's mocks. Without them the component
 * reads fields of answers that a mock's usual `call: (args) => args.inputs` does not have.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Where the answers place the program: the account, region and partition of a real deployment. */
export interface TestScope {
  /** The account id getCallerIdentity answers. Default `123456789012`. */
  account?: string;
  /** The region getRegion answers. Default `us-east-1`. */
  region?: string;
  /** The partition getPartition answers. Default `aws`. */
  partition?: string;
}

/** The invokes the component makes, by token, each answered as AWS would for a fresh account with a default VPC. */
export const COMPONENT_INVOKES = [
  "aws:index/getPartition:getPartition",
  "aws:index/getRegion:getRegion",
  "aws:index/getCallerIdentity:getCallerIdentity",
  "aws:ec2/getVpcs:getVpcs",
  "aws:ec2/getSubnets:getSubnets",
  "aws:ec2/getSubnet:getSubnet",
  "aws:ecr/getAuthorizationToken:getAuthorizationToken",
  "aws:ecr/getImages:getImages",
  "aws:secretsmanager/getSecret:getSecret",
] as const;

const DNS_SUFFIX: Record<string, string> = { aws: "amazonaws.com", "aws-cn": "amazonaws.com.cn", "aws-us-gov": "amazonaws.com" };

/**
 * The answer to one of the component's invokes (COMPONENT_INVOKES), or undefined for any other token, so that a
 * program's own answers can follow: `componentInvoke(args) ?? myAnswer(args)`.
 */
export function componentInvoke(args: pulumi.runtime.MockCallArgs, scope: TestScope = {}): Record<string, unknown> | undefined {
  const { account = "123456789012", region = "us-east-1", partition = "aws" } = scope;
  const inputs = args.inputs as Record<string, unknown>;
  switch (args.token) {
    case "aws:index/getPartition:getPartition":
      return { partition, dnsSuffix: DNS_SUFFIX[partition] ?? "amazonaws.com", id: partition };
    case "aws:index/getRegion:getRegion":
      return { region, name: region, id: region };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: account, arn: `arn:${partition}:iam::${account}:user/test`, userId: "AIDATESTUSER", id: account };
    case "aws:ec2/getVpcs:getVpcs":
      // The default VPC (the component looks it up by the filter is-default=true when `network` is not given).
      return { ids: ["vpc-0default"], id: region };
    case "aws:ec2/getSubnets:getSubnets":
      return { ids: ["subnet-0default1", "subnet-0default2"], id: region };
    case "aws:ec2/getSubnet:getSubnet":
      return { id: String(inputs.id), vpcId: "vpc-0default" };
    case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
      return {
        userName: "AWS",
        password: "test-ecr-password",
        authorizationToken: "dGVzdA==",
        proxyEndpoint: `https://${account}.dkr.ecr.${region}.amazonaws.com`,
      };
    case "aws:ecr/getImages:getImages":
      // The component's new repository: nothing pushed yet.
      return { repositoryName: String(inputs.repositoryName), registryId: account, imageIds: [], id: String(inputs.repositoryName) };
    case "aws:secretsmanager/getSecret:getSecret": {
      // An existing secret, by name, partial ARN or full ARN: AWS answers its full ARN (the name and a 6-character suffix)
      // and, for a secret under the AWS managed key, no kmsKeyId.
      const ref = String(inputs.arn ?? inputs.name);
      const name = ref.startsWith("arn:") ? ref.replace(/^.*:secret:/, "").replace(/-[A-Za-z0-9]{6}$/, "") : ref;
      return { arn: `arn:${partition}:secretsmanager:${region}:${account}:secret:${name}-AbCdEf`, name, kmsKeyId: "", id: name };
    }
    default:
      return undefined;
  }
}

/**
 * A `call` for `pulumi.runtime.setMocks`: the component's invokes answered, any other invoke answered with its inputs
 * (what Pulumi's unit-testing guide's mocks do), or by `otherwise` if given.
 */
export function mockCall(
  scope: TestScope = {},
  otherwise: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> = (args) => args.inputs as Record<string, unknown>,
): (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> {
  return (args) => componentInvoke(args, scope) ?? otherwise(args);
}
