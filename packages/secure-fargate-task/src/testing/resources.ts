/**
 * What AWS computes for each resource the component creates (ARNs, generated names, ids, version ids, an image's
 * digest), for Pulumi's mocks: a mock that answers a resource with its inputs alone leaves the ARNs the component's
 * policies and names are made of undefined.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

/** Where the fake resources live: the account and region of their ARNs. */
export interface FakeScope {
  account: string;
  region: string;
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

/**
 * A `newResource` answer for `pulumi.runtime.setMocks`: an id, and the resource's inputs with what AWS computes for it
 * (`computedState`) in the account and region of `scope` (default `123456789012`, `us-east-1`).
 */
export function mockResource(
  args: pulumi.runtime.MockResourceArgs,
  scope: FakeScope = { account: "123456789012", region: "us-east-1" },
): { id: string; state: Record<string, unknown> } {
  const inputs = args.inputs as Record<string, unknown>;
  return { id: fakeId(args.type, args.name), state: { ...inputs, ...computedState(args.type, args.name, inputs, scope) } };
}
