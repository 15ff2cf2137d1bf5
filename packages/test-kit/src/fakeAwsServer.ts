/**
 * A test double for the two AWS JSON-protocol (awsJson1_1) calls the init program makes, on loopback:
 * `secretsmanager.GetSecretValue` and `AmazonSSM.GetParameter`. Response and error shapes follow the API references;
 * signatures are not verified, only required to be present.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One version of a secret. Give `secretString` or `secretBinary`. */
export interface FakeSecretVersion {
  readonly versionId: string;
  readonly stages: readonly string[];
  readonly secretString?: string;
  readonly secretBinary?: Uint8Array;
  readonly createdDate: Date;
}

export interface FakeSecret {
  readonly arn: string;
  readonly name: string;
  readonly versions: readonly FakeSecretVersion[];
}

export interface FakeParameter {
  readonly name: string;
  readonly arn: string;
  readonly type: "String" | "SecureString";
  readonly value: string;
  readonly version: number;
}

export interface FakeAwsOptions {
  readonly secrets: readonly FakeSecret[];
  readonly parameters: readonly FakeParameter[];
  /** ARNs (or names) whose reads are answered with `AccessDeniedException`. */
  readonly deny: readonly string[];
}

/** One call received: its `X-Amz-Target` and JSON body. */
export interface FakeAwsCall {
  readonly target: string;
  readonly body: Record<string, unknown>;
}

export interface FakeAws {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_SECRETS_MANAGER` and `AWS_ENDPOINT_URL_SSM`. */
  readonly endpoint: string;
  readonly calls: FakeAwsCall[];
  close(): Promise<void>;
}

const CALLER = "arn:aws:sts::123456789012:assumed-role/app-task-role/0123456789abcdef";

type Reply = { readonly status: number; readonly body: Record<string, unknown> };

/** Starts the double on 127.0.0.1 at a port chosen by the OS. */
export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const calls: FakeAwsCall[] = [];
  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      const target = String(request.headers["x-amz-target"] ?? "");
      calls.push({ target, body });
      send(response, answer(options, request, target, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function answer(options: FakeAwsOptions, request: IncomingMessage, target: string, body: Record<string, unknown>): Reply {
  if (request.method !== "POST" || request.headers["content-type"] !== "application/x-amz-json-1.1") {
    return error("SerializationException", "expected a POST of application/x-amz-json-1.1");
  }
  if (!String(request.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 Credential=")) {
    return error("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  switch (target) {
    case "secretsmanager.GetSecretValue":
      return getSecretValue(options, body);
    case "AmazonSSM.GetParameter":
      return getParameter(options, body);
    default:
      return error("UnknownOperationException", "");
  }
}

function getSecretValue(options: FakeAwsOptions, body: Record<string, unknown>): Reply {
  const { SecretId, VersionId, VersionStage } = body;
  if (options.deny.includes(String(SecretId))) {
    return accessDenied("secretsmanager:GetSecretValue", String(SecretId));
  }
  const secret = options.secrets.find((s) => s.arn === SecretId || s.name === SecretId);
  if (secret === undefined) {
    return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  }
  const stage = typeof VersionStage === "string" ? VersionStage : "AWSCURRENT";
  const version =
    typeof VersionId === "string" ? secret.versions.find((v) => v.versionId === VersionId) : secret.versions.find((v) => v.stages.includes(stage));
  if (version === undefined) {
    const which = typeof VersionId === "string" ? `VersionId: ${VersionId}` : `staging label: ${stage}`;
    return error("ResourceNotFoundException", `Secrets Manager can't find the specified secret value for ${which}`);
  }
  return {
    status: 200,
    body: {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.versionId,
      ...(version.secretString === undefined ? {} : { SecretString: version.secretString }),
      ...(version.secretBinary === undefined ? {} : { SecretBinary: Buffer.from(version.secretBinary).toString("base64") }),
      VersionStages: version.stages,
      CreatedDate: version.createdDate.getTime() / 1000,
    },
  };
}

function getParameter(options: FakeAwsOptions, body: Record<string, unknown>): Reply {
  const { Name, WithDecryption } = body;
  if (options.deny.includes(String(Name))) {
    return accessDenied("ssm:GetParameter", String(Name));
  }
  const parameter = options.parameters.find((p) => p.name === Name || p.arn === Name);
  if (parameter === undefined) {
    return error("ParameterNotFound", "");
  }
  const encrypted = parameter.type === "SecureString" && WithDecryption !== true;
  return {
    status: 200,
    body: {
      Parameter: {
        Name: parameter.name,
        Type: parameter.type,
        Value: encrypted ? Buffer.from(`kms-ciphertext-of-${parameter.name}`).toString("base64") : parameter.value,
        Version: parameter.version,
        LastModifiedDate: Date.UTC(2024, 0, 1) / 1000,
        ARN: parameter.arn,
        DataType: "text",
      },
    },
  };
}

function accessDenied(action: string, resource: string): Reply {
  return error(
    "AccessDeniedException",
    `User: ${CALLER} is not authorized to perform: ${action} on resource: ${resource} ` +
      `because no identity-based policy allows the ${action} action`,
  );
}

function error(type: string, message: string): Reply {
  return { status: 400, body: { __type: type, message } };
}

function send(response: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
  });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}
