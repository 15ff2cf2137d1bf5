import { createHash } from "node:crypto";

/**
 * What AWS would answer, for Pulumi mocks: the outputs it computes for each resource type and the answers to the
 * invokes the component and the stack make. Shared by the component's tests and the stack's harness; each picks its
 * own account and region.
 */

/** Where the fake resources live. */
export interface FakeScope {
  account: string;
  region: string;
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

/** A stable fake id: what AWS would return is unique per input, so a hash of the inputs stands in for it. */
export function fakeId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

/** Outputs AWS computes, per resource type, from the (unwrapped) inputs. */
export function computedState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  { account: ACCOUNT, region: REGION }: FakeScope,
): Record<string, unknown> {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  switch (type) {
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
    case "aws:secretsmanager/secret:Secret": {
      const secretName = `${String(inputs.namePrefix)}20261122000000000000000001`;
      return { arn: arn("secretsmanager", `secret:${secretName}-AbCdEf`), name: secretName };
    }
    case "aws:secretsmanager/secretVersion:SecretVersion":
      // A new value makes a new version: the id follows the value, as a real PutSecretValue's would.
      return { versionId: fakeId(String(inputs.secretId), String(inputs.secretString)) };
    case "aws:dynamodb/table:Table":
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an input as the program gave it, stringified as AWS would
      return { arn: arn("dynamodb", `table/${String(inputs.name ?? name)}`), name: inputs.name ?? name };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${name}-1234567`, name: `${name}-1234567` };
    case "aws:ecs/cluster:Cluster":
      return { arn: arn("ecs", `cluster/${name}-1234567`), name: `${name}-1234567` };
    case "aws:ecs/taskDefinition:TaskDefinition":
      return { arn: arn("ecs", `task-definition/${String(inputs.family)}:1`), revision: 1 };
    case "aws:s3/bucket:Bucket": {
      const bucket = `${String(inputs.bucketPrefix)}20261122000000000001`;
      return { bucket, arn: `arn:aws:s3:::${bucket}` };
    }
    case "aws:s3/bucketObjectv2:BucketObjectv2":
      // A versioned bucket gives each new content a new version id.
      return { versionId: fakeId(String(inputs.key), String(inputs.content)), arn: `arn:aws:s3:::${String(inputs.bucket)}/${String(inputs.key)}` };
    case "aws:lambda/function:Function":
      return { arn: arn("lambda", `function:${name}-1234567`), name: `${name}-1234567` };
    case "aws:cloudwatch/eventRule:EventRule": {
      const ruleName = typeof inputs.name === "string" ? inputs.name : `${name}-1234567`;
      return { arn: arn("events", `rule/${ruleName}`), name: ruleName };
    }
    case "aws:sqs/queue:Queue":
      return {
        arn: arn("sqs", `${name}-1234567`),
        name: `${name}-1234567`,
        url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}-1234567`,
      };
    case "aws:sns/topic:Topic":
      return { arn: arn("sns", `${name}-1234567`), name: `${name}-1234567` };
    case "aws:cloudwatch/metricAlarm:MetricAlarm": {
      const alarmName = typeof inputs.name === "string" ? inputs.name : `${name}-1234567`;
      return { arn: arn("cloudwatch", `alarm:${alarmName}`), name: alarmName };
    }
    case "aws:ecs/service:Service": {
      const cluster = String(inputs.cluster).split("/").pop();
      return { name: `${name}-1234567`, arn: arn("ecs", `service/${cluster}/${name}-1234567`) };
    }
    case "aws:lb/loadBalancer:LoadBalancer": {
      // ELB's ARN ends in app/<name>/<16 hex>, the suffix CloudWatch metrics use; the DNS name adds a number and the region.
      const suffix = `app/${String(inputs.name)}/${fakeId(name).slice(0, 16)}`;
      return {
        arn: arn("elasticloadbalancing", `loadbalancer/${suffix}`),
        arnSuffix: suffix,
        dnsName: `${String(inputs.name)}-1234567890.${REGION}.elb.amazonaws.com`,
      };
    }
    case "aws:lb/targetGroup:TargetGroup": {
      const suffix = `targetgroup/${String(inputs.name)}/${fakeId(name).slice(0, 16)}`;
      return { arn: arn("elasticloadbalancing", suffix), arnSuffix: suffix };
    }
    case "aws:scheduler/schedule:Schedule":
      return { arn: arn("scheduler", `schedule/default/${name}-1234567`), name: `${name}-1234567` };
    case "aws:lb/listener:Listener":
      return { arn: arn("elasticloadbalancing", `listener/${fakeId(name).slice(0, 16)}`) };
    case "docker:index/image:Image": {
      const repo = String(inputs.imageName).replace(/:[^:/]+$/, "");
      return { repoDigest: `${repo}@sha256:${"ab".repeat(32)}` };
    }
    default:
      return {};
  }
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
      // A new repository: nothing pushed yet (test/fakeRegistry.ts models one across updates).
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
