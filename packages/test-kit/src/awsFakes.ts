import { createHash } from "node:crypto";

/**
 * What AWS would answer, for Pulumi mocks: the answers to the invokes the component and the stack make, and the
 * serializer's secret wrapping. Shared by the component's tests and the stack's harness; each picks its own account and
 * region. The outputs AWS computes per resource are the code under test's own model (the component's
 * `secure-fargate-task/testing` `computedState`), passed to `mockRun`: the kit does not import the component.
 */

/** Where the fake resources live: the account and region of their ARNs. */
export interface FakeScope {
  account: string;
  region: string;
}

/** The id the mocks give a resource, stable per input: what AWS returns is unique, so a hash stands in for it. */
export function fakeId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

/** The marker Pulumi's serializer puts on a secret value. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";

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

/** Whether a serialized input arrived as a secret. */
export function isSecretWrapped(value: unknown): boolean {
  return value !== null && typeof value === "object" && SECRET_SIG in value;
}

/** Answers to the invokes the component is known to make; any other invoke fails the run. */
export function answerInvoke(
  token: string,
  inputs: Record<string, unknown>,
  { account: ACCOUNT, region: REGION }: FakeScope,
): Record<string, unknown> {
  switch (token) {
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    case "aws:index/getRegion:getRegion":
      return { region: REGION, name: REGION, id: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, userId: "AIDEXAMPLE", id: ACCOUNT };
    case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
      return { userName: "AWS", password: "ecr-token-password", authorizationToken: "token", proxyEndpoint: "https://x" };
    case "aws:ecr/getImages:getImages":
      // A new repository: nothing pushed yet (the component's test/fakeRegistry.ts models one across updates).
      return { repositoryName: String(inputs.repositoryName), registryId: ACCOUNT, imageIds: [], id: String(inputs.repositoryName) };
    case "aws:ec2/getVpcs:getVpcs":
      return { ids: ["vpc-default"], id: REGION };
    case "aws:ec2/getSubnets:getSubnets":
      return { ids: ["subnet-default-a", "subnet-default-b"] };
    case "aws:secretsmanager/getSecret:getSecret": {
      // An existing secret, found by full ARN, partial ARN or name: the answer is always the full ARN.
      const ref = String(inputs.arn ?? inputs.name);
      const secretName = ref.startsWith("arn:") ? ref.replace(/^.*:secret:/, "").replace(/-[A-Za-z0-9]{6}$/, "") : ref;
      const kmsKeyId = secretName.startsWith("cmk/") ? "0b1c2d3e-1111-2222-3333-444455556666" : "";
      return { arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${secretName}-XyZ123`, name: secretName, kmsKeyId, id: secretName };
    }
    case "aws:ec2/getSubnet:getSubnet":
      return { id: String(inputs.id), vpcId: "vpc-caller" };
    default:
      throw new Error(`unexpected invoke ${token}`);
  }
}
