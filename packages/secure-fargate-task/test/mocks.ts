import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** The marker Pulumi's serializer puts on a secret value. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** One `newResource` call, with secret inputs unwrapped and their property names noted. */
export interface Captured {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
  /** Top-level input names whose value arrived as a secret. */
  secretInputs: string[];
  /** The id the mocks gave the resource. */
  id: string;
  /** The outputs the mocks gave the resource: its inputs plus what AWS computes (ARNs, names, ids). */
  state: Record<string, unknown>;
}

/** What one mock run saw. */
export interface MockRun {
  resources: Captured[];
  invokes: string[];
  /** The first resource of this type and name. Fails if none. */
  get(type: string, name: string): Captured;
  /** All resources of this type. */
  ofType(type: string): Captured[];
}

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";
export const PROJECT = "proj";

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

function isSecretWrapped(value: unknown): boolean {
  return value !== null && typeof value === "object" && SECRET_SIG in (value as object);
}

/** A stable fake id: what AWS would return is unique per input, so a hash of the inputs stands in for it. */
function fakeId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

/** Outputs AWS computes, per resource type, from the (unwrapped) inputs. */
function computedState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
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
    case "aws:cloudwatch/eventRule:EventRule":
      return { arn: arn("events", `rule/${name}-1234567`), name: `${name}-1234567` };
    case "aws:ecs/service:Service": {
      const cluster = String(inputs.cluster).split("/").pop();
      return { name: `${name}-1234567`, arn: arn("ecs", `service/${cluster}/${name}-1234567`) };
    }
    case "docker:index/image:Image": {
      const repo = String(inputs.imageName).replace(/:[^:/]+$/, "");
      return { repoDigest: `${repo}@sha256:${"ab".repeat(32)}` };
    }
    default:
      return {};
  }
}

/** Answers to the invokes the component is known to make; any other invoke fails the run. */
function answerInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    case "aws:index/getRegion:getRegion":
      return { region: REGION, name: REGION, id: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, userId: "AIDEXAMPLE", id: ACCOUNT };
    case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
      return { userName: "AWS", password: "ecr-token-password", authorizationToken: "token", proxyEndpoint: "https://x" };
    case "aws:ec2/getVpc:getVpc":
      return { id: "vpc-default", default: true };
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

/**
 * Sets Pulumi's mocks for a fresh run, runs `program`, waits until every registration has settled and returns what
 * was captured. Invokes the component is not known to make throw.
 */
export async function mockRun(
  program: () => void,
  options: { stack?: string; config?: Record<string, string>; project?: string } = {},
): Promise<MockRun> {
  const resources: Captured[] = [];
  const invokes: string[] = [];
  const errors: unknown[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const raw = args.inputs as Record<string, unknown>;
        const inputs = unwrapSecrets(raw) as Record<string, unknown>;
        const secretInputs = Object.keys(raw).filter((k) => isSecretWrapped(raw[k]));
        const id = fakeId(args.type, args.name);
        const state = { ...inputs, ...computedState(args.type, args.name, inputs) };
        resources.push({ type: args.type, name: args.name, urn: "", inputs, secretInputs, id, state });
        return { id, state };
      },
      call: (args) => {
        invokes.push(args.token);
        try {
          return answerInvoke(args.token, args.inputs as Record<string, unknown>);
        } catch (e) {
          errors.push(e);
          throw e;
        }
      },
    },
    options.project ?? PROJECT,
    options.stack ?? "dev",
    false,
  );
  pulumi.runtime.setAllConfig(options.config ?? {});
  program();
  await settle(() => resources.length);
  if (errors.length > 0) throw errors[0];
  const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, { urn: string }> };
  const urns = [...monitor.resources.keys()];
  for (const r of resources) r.urn = urns.find((u) => u.endsWith(`::${r.name}`) && u.includes(r.type)) ?? "";
  return {
    resources,
    invokes,
    get(type, name) {
      const found = resources.find((r) => r.type === type && r.name === name);
      if (!found) throw new Error(`no ${type} named ${name}; have: ${resources.map((r) => `${r.type} ${r.name}`).join(", ")}`);
      return found;
    },
    ofType: (type) => resources.filter((r) => r.type === type),
  };
}

/** Waits until `count` has not changed for several event-loop turns and timers. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = count();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** The resolved value of an output (secret or not). */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((res) => output.apply((v) => res(v)));
}

/** A temporary build context holding a Dockerfile and an app file. */
export function makeContext(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sft-context-"));
  const all = { Dockerfile: "FROM node:20-slim\nCOPY app.js /app/app.js\n", "app.js": "console.log(1)\n", ...files };
  for (const [name, content] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
