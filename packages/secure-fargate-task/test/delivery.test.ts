import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { serializeSpec } from "../init/src/spec";
import { ACCOUNT, REGION, resolve } from "@twitterstream/test-kit/mocks";
import { SECRETS, secretValues } from "@twitterstream/test-kit/secrets";
import { containerDefinitions, REPOSITORY, rolePolicy, runComponent } from "./runComponent";
import type { SecureFargateTaskArgs } from "../src";

const MANAGED_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:proj/dev/app/secrets-20261122000000000000000001-AbCdEf`;
const existingArn = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-XyZ123`;
const CMK_OF_LOOKED_UP = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-1111-2222-3333-444455556666`;
const DLQ_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:app-rotation-dlq-1234567`;
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/proj-dev-app-rotation`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alarms`;

type Statement = Record<string, unknown>;
const sid = (doc: { Statement: Statement[] }, id: string) => doc.Statement.find((s) => s.Sid === id);
const sids = (doc: { Statement: Statement[] }) => doc.Statement.map((s) => s.Sid);

/** A policy document as the tests read it, parsed from JSON. */
interface PolicyDocument {
  Statement: Array<{ Sid: string; Resource: unknown; Condition: Record<string, Record<string, unknown>> }>;
}

describe("SecureFargateTask secret delivery and sources", () => {
  describe("file delivery", () => {
    it("adds an init container the app waits for with SUCCESS, a shared volume, and <NAME>_FILE variables", async () => {
      const { run: r } = await runComponent({ secretDelivery: "files" });
      const [app, init] = containerDefinitions(r);
      expect(app.secrets).to.deep.equal([]);
      expect(app.dependsOn).to.deep.equal([{ containerName: "secrets-init", condition: "SUCCESS" }]);
      expect(app.memory).to.equal(512 - 128);
      expect(app.mountPoints).to.deep.equal([
        { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
        { sourceVolume: "secrets", containerPath: "/run/secrets", readOnly: true },
      ]);
      expect(app.environment).to.deep.equal([
        { name: "ACCESSTOKEN_FILE", value: "/run/secrets/ACCESSTOKEN" },
        { name: "CONSUMERKEY_FILE", value: "/run/secrets/CONSUMERKEY" },
        { name: "CONSUMERSECRETKEY_FILE", value: "/run/secrets/CONSUMERSECRETKEY" },
        { name: "FILTER", value: "Cloud Computing" },
        { name: "TABLE", value: "tweets" },
      ]);
      const versionId = String(r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-secrets-version").state.versionId);
      // ECS injects each value into the init container alone; the spec names the variable, the init program calls no AWS API.
      const spec = serializeSpec({
        targetDir: "/run/secrets",
        files: Object.keys(SECRETS).map((name) => ({ name, source: { type: "environment", variable: `SECRET_VALUE_${name}` } })),
      });
      expect(init).to.deep.equal({
        name: "secrets-init",
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}@sha256:${"ab".repeat(32)}`,
        essential: false,
        cpu: 0,
        memory: 128,
        user: "1000:1000",
        privileged: false,
        readonlyRootFilesystem: true,
        environment: [
          { name: "AWS_REGION", value: REGION },
          { name: "SECRET_FILES_SPEC", value: spec },
        ],
        secrets: Object.keys(SECRETS)
          .sort()
          .map((name) => ({ name: `SECRET_VALUE_${name}`, valueFrom: `${MANAGED_ARN}:${name}::${versionId}` })),
        mountPoints: [{ sourceVolume: "secrets", containerPath: "/run/secrets", readOnly: false }],
        logConfiguration: {
          logDriver: "awslogs",
          options: {
            "awslogs-group": "/ecs/proj/dev/app",
            "awslogs-region": REGION,
            "awslogs-stream-prefix": "secrets-init",
            mode: "non-blocking",
            "max-buffer-size": "25m",
          },
        },
      });
      expect(r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes).to.deep.equal([{ name: "secrets" }, { name: "tmp" }]);
    });

    it("builds the init image from the package's init/ for the app's platform and user, tagged apart from the app", async () => {
      const { run: r } = await runComponent({
        secretDelivery: "files",
        user: "2000:3000",
        image: { context: (await runComponent()).context, platform: "linux/arm64" },
      });
      const init = r.get("docker:index/image:Image", "app-init-image").inputs;
      expect(String(init.imageName)).to.match(new RegExp(`/${REPOSITORY}:init-[0-9a-f]{24}$`));
      const build = init.build as Record<string, unknown>;
      expect(String(build.context)).to.match(/secure-fargate-task\/init$/);
      expect(build).to.include({ platform: "linux/arm64" });
      expect(build.args).to.deep.equal({ SECRETS_UID: "2000", SECRETS_GID: "3000" });
      expect(String(r.get("docker:index/image:Image", "app-image").inputs.imageName)).to.match(/:src-[0-9a-f]{24}$/);
    });

    it("has the execution role read the secrets for the init container, and grants the task role no read", async () => {
      const { run: r } = await runComponent({ secretDelivery: "files" });
      const keyArn = String(r.get("aws:secretsmanager/secret:Secret", "app-secrets").inputs.kmsKeyId);
      expect(rolePolicy(r, "app-execution-policy").Statement.slice(3)).to.deep.equal([
        { Sid: "ReadSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [MANAGED_ARN] },
        {
          Sid: "DecryptViaSecretsManager",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: keyArn,
          Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } },
        },
      ]);
      expect(r.resources.filter((x) => x.type === "aws:iam/rolePolicy:RolePolicy").map((x) => x.name)).to.deep.equal(["app-execution-policy"]);
    });

    it("keeps every secret value out of the task definition and every other input", async () => {
      const { run: r } = await runComponent({ secretDelivery: "files" });
      for (const resource of r.resources) {
        const inputs = resource.type === "aws:secretsmanager/secretVersion:SecretVersion" ? {} : resource.inputs;
        for (const value of Object.values(SECRETS)) expect(JSON.stringify(inputs), resource.name).to.not.include(value);
      }
    });
  });

  describe("existing Secrets Manager secrets", () => {
    it("grants the full ARN, with its suffix, whether given a name, a partial ARN or a full ARN", async () => {
      const partial = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:shared/db`;
      const { run: r } = await runComponent({
        secrets: {
          BY_NAME: { secretsManager: "shared/api", jsonKey: "token" },
          BY_PARTIAL_ARN: { secretsManager: partial },
          BY_FULL_ARN: { secretsManager: existingArn("shared/other"), versionId: "11111111-2222-3333-4444-555555555555" },
        },
      });
      const [app] = containerDefinitions(r);
      expect(app.secrets).to.deep.equal([
        { name: "BY_FULL_ARN", valueFrom: `${existingArn("shared/other")}:::11111111-2222-3333-4444-555555555555` },
        { name: "BY_NAME", valueFrom: `${existingArn("shared/api")}:token:AWSCURRENT:` },
        { name: "BY_PARTIAL_ARN", valueFrom: `${existingArn("shared/db")}::AWSCURRENT:` },
      ]);
      expect(sid(rolePolicy(r, "app-execution-policy"), "ReadSecrets")!.Resource).to.deep.equal([
        existingArn("shared/api"),
        existingArn("shared/db"),
        existingArn("shared/other"),
      ]);
      expect(sid(rolePolicy(r, "app-execution-policy"), "DecryptViaSecretsManager")).to.equal(undefined);
      expect(r.ofType("aws:secretsmanager/secret:Secret")).to.have.length(0);
    });

    it("grants kms:Decrypt on the customer key Secrets Manager reports, or on the one the caller names", async () => {
      const callerKey = `arn:aws:kms:${REGION}:${ACCOUNT}:key/caller`;
      const { run: r } = await runComponent({
        secrets: {
          A: { secretsManager: "cmk/api" },
          B: { secretsManager: "plain/api", kmsKeyArn: callerKey },
          C: { value: pulumi.secret("managed") },
        },
      });
      const decrypt = sid(rolePolicy(r, "app-execution-policy"), "DecryptViaSecretsManager")!;
      const componentKey = String(r.get("aws:secretsmanager/secret:Secret", "app-secrets").inputs.kmsKeyId);
      expect(decrypt.Resource).to.deep.equal([CMK_OF_LOOKED_UP, callerKey, componentKey].sort());
    });
  });

  describe("SSM parameters", () => {
    it("injects by ARN and grants ssm:GetParameters on it to the execution role", async () => {
      const key = `arn:aws:kms:${REGION}:${ACCOUNT}:key/ssm-key`;
      const { run: r } = await runComponent({
        secrets: {
          TOKEN: { ssmParameter: "/app/token", kmsKeyArn: key },
          OTHER: { ssmParameter: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/other:3` },
        },
      });
      const paramArn = (p: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${p}`;
      expect(containerDefinitions(r)[0].secrets).to.deep.equal([
        { name: "OTHER", valueFrom: `${paramArn("app/other")}:3` },
        { name: "TOKEN", valueFrom: paramArn("app/token") },
      ]);
      const execution = rolePolicy(r, "app-execution-policy");
      expect(sid(execution, "ReadParameters")).to.deep.equal({
        Sid: "ReadParameters",
        Effect: "Allow",
        Action: "ssm:GetParameters",
        Resource: [paramArn("app/other"), paramArn("app/token")],
      });
      expect(sid(execution, "DecryptViaSsm")).to.deep.equal({
        Sid: "DecryptViaSsm",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: key,
        Condition: { StringEquals: { "kms:ViaService": `ssm.${REGION}.amazonaws.com` } },
      });
      expect(sid(execution, "ReadSecrets")).to.equal(undefined);
    });

    it("is read by ECS's agent (ssm:GetParameters) for the init container in file mode, not by the task role", async () => {
      const { run: r } = await runComponent({ secretDelivery: "files", secrets: { TOKEN: { ssmParameter: "/app/token" } } });
      expect(sid(rolePolicy(r, "app-execution-policy"), "ReadParameters")!.Action).to.equal("ssm:GetParameters");
      const [, init] = containerDefinitions(r);
      expect(init.secrets).to.deep.equal([{ name: "SECRET_VALUE_TOKEN", valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/token` }]);
      expect(r.resources.some((x) => x.name === "app-task-policy")).to.equal(false);
    });
  });

  describe("S3 objects", () => {
    it("stores the object in a guarded, versioned, KMS-encrypted, access-logged bucket and always delivers it as a file", async () => {
      const { run: r } = await runComponent({ secrets: { ...secretValues(SECRETS), TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } });
      const bucket = r.get("aws:s3/bucket:Bucket", "app-secrets-bucket");
      const bucketName = String(bucket.state.bucket);
      expect(bucket.inputs.bucketPrefix).to.equal("proj-dev-app-");
      expect(r.get("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "app-secrets-bucket-public-access").inputs).to.include({
        bucket: bucketName,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(r.get("aws:s3/bucketVersioning:BucketVersioning", "app-secrets-bucket-versioning").inputs.versioningConfiguration).to.deep.equal({
        status: "Enabled",
      });
      const keyArn = String(r.get("aws:secretsmanager/secret:Secret", "app-secrets").inputs.kmsKeyId);
      expect(
        r.get("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "app-secrets-bucket-encryption").inputs
          .rules,
      ).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }]);
      const tls = JSON.parse(String(r.get("aws:s3/bucketPolicy:BucketPolicy", "app-secrets-bucket-policy").inputs.policy)) as PolicyDocument;
      expect(tls.Statement[0]).to.deep.include({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
      const logBucket = r.get("aws:s3/bucket:Bucket", "app-secrets-logs");
      const logBucketName = String(logBucket.state.bucket);
      expect(logBucket.inputs).to.deep.equal({ bucketPrefix: "proj-dev-app-logs-", forceDestroy: true, tags: {} });
      expect(r.get("aws:s3/bucketLogging:BucketLogging", "app-secrets-bucket-logging").inputs).to.deep.equal({
        bucket: bucketName,
        targetBucket: logBucketName,
        targetPrefix: "access-logs/",
      });
      expect(r.get("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "app-secrets-logs-public-access").inputs).to.deep.equal({
        bucket: logBucketName,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(r.get("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "app-secrets-logs-ownership").inputs.rule).to.deep.equal({
        objectOwnership: "BucketOwnerEnforced",
      });
      expect(
        r.get("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "app-secrets-logs-encryption").inputs.rules,
      ).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
      expect(r.get("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "app-secrets-logs-lifecycle").inputs.rules).to.deep.equal([
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: { prefix: "access-logs/" },
          expiration: { days: 365 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ]);
      expect(JSON.parse(String(r.get("aws:s3/bucketPolicy:BucketPolicy", "app-secrets-logs-policy").inputs.policy))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: [`arn:aws:s3:::${logBucketName}`, `arn:aws:s3:::${logBucketName}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
          {
            Sid: "S3ServerAccessLogsOfTheSecretsBucketOnly",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `arn:aws:s3:::${logBucketName}/access-logs/*`,
            Condition: { ArnLike: { "aws:SourceArn": `arn:aws:s3:::${bucketName}` }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
          },
        ],
      });
      const object = r.get("aws:s3/bucketObjectv2:BucketObjectv2", "app-object-TLS_KEY");
      expect(object.secretInputs).to.include("content");
      expect(object.inputs).to.include({ key: "secrets/TLS_KEY", serverSideEncryption: "aws:kms", kmsKeyId: keyArn });

      const [app, init] = containerDefinitions(r);
      expect((app.secrets as Array<{ name: string }>).map((s) => s.name)).to.deep.equal(["ACCESSTOKEN", "CONSUMERKEY", "CONSUMERSECRETKEY"]);
      expect(app.environment).to.deep.include({ name: "TLS_KEY_FILE", value: "/run/secrets/TLS_KEY" });
      const spec = JSON.parse(
        String((init.environment as Array<{ name: string; value: string }>).find((e) => e.name === "SECRET_FILES_SPEC")!.value),
      ) as { files: unknown };
      expect(spec.files).to.deep.equal([
        { name: "TLS_KEY", source: { type: "s3", bucket: bucketName, key: "secrets/TLS_KEY", versionId: object.state.versionId } },
      ]);
      const task = rolePolicy(r, "app-task-policy");
      // The one read left at run time, pinned to the object version the task uses.
      expect(sid(task, "ReadObjectVersion1")).to.deep.equal({
        Sid: "ReadObjectVersion1",
        Effect: "Allow",
        Action: "s3:GetObjectVersion",
        Resource: `arn:aws:s3:::${bucketName}/secrets/TLS_KEY`,
        Condition: { StringEquals: { "s3:versionid": object.state.versionId } },
      });
      expect(JSON.stringify(task)).to.not.include('s3:GetObject"');
      expect(sid(task, "DecryptViaS3")!.Condition).to.deep.equal({ StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } });
      expect(JSON.stringify(r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs)).to.not.include("BEGIN KEY");
    });
  });

  describe("S3 objects beside other containers of the task role", () => {
    /** What the component warns while it is constructed with these arguments. */
    async function warnings(overrides: Partial<SecureFargateTaskArgs>): Promise<string[]> {
      const said: string[] = [];
      const warn = pulumi.log.warn;
      pulumi.log.warn = async (message: string) => void said.push(message);
      try {
        await runComponent(overrides);
      } finally {
        pulumi.log.warn = warn;
      }
      return said;
    }
    const withObject = { secrets: { ...secretValues(SECRETS), TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } };
    const sidecar = { name: "agent", image: "public.ecr.aws/datadog/agent:7.60.0" };

    it("warns, naming the secret and who shares the task role, with sidecars or FireLens; never with the value", async () => {
      const said = await warnings({ ...withObject, sidecars: [sidecar], logging: { logDriver: "awsfirelens", options: { Name: "cloudwatch" } } });
      expect(said).to.have.length(1);
      expect(said[0]).to.include("`secrets.TLS_KEY` is an S3 object").and.include("the sidecars (agent) and the FireLens log router");
      expect(said[0]).to.include("give it as a value, a Secrets Manager secret or an SSM parameter").and.not.include("BEGIN KEY");
    });

    it("says nothing when the app and its init container are alone, or when no S3 object is delivered", async () => {
      expect(await warnings(withObject)).to.deep.equal([]);
      expect(await warnings({ secretDelivery: "files", sidecars: [sidecar] })).to.deep.equal([]);
    });
  });

  describe("the guide's other uses of secrets", () => {
    it("injects log driver secretOptions by pinned reference, read by the execution role", async () => {
      const { run: r } = await runComponent({
        logging: {
          logDriver: "splunk",
          options: { "splunk-url": "https://splunk.example:8088" },
          secretOptions: { "splunk-token": { value: pulumi.secret("splunk-token-value") } },
        },
      });
      const [app] = containerDefinitions(r);
      const version = r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-log-secrets-version");
      const logArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:proj/dev/app/log-secrets-20261122000000000000000001-AbCdEf`;
      expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({ "splunk-token": "splunk-token-value" });
      expect(app.logConfiguration).to.deep.equal({
        logDriver: "splunk",
        options: { "splunk-url": "https://splunk.example:8088" },
        secretOptions: [{ name: "splunk-token", valueFrom: `${logArn}:splunk-token::${String(version.state.versionId)}` }],
      });
      expect(sid(rolePolicy(r, "app-execution-policy"), "ReadSecrets")!.Resource).to.deep.equal([logArn, MANAGED_ARN].sort());
      expect(JSON.stringify(app)).to.not.include("splunk-token-value");
    });

    it("stores private registry credentials as the JSON ECS reads and grants exactly that secret; no ECR without a build", async () => {
      const { run: r } = await runComponent({
        image: {
          name: `ghcr.io/org/app@sha256:${"01".repeat(32)}`,
          repositoryCredentials: { username: "bot", password: pulumi.secret("registry-password") },
        },
      });
      const credentials = r.get("aws:secretsmanager/secretVersion:SecretVersion", "app-registry-credentials-version");
      expect(JSON.parse(String(credentials.inputs.secretString))).to.deep.equal({ username: "bot", password: "registry-password" });
      const credentialsArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:proj/dev/app/registry-credentials-20261122000000000000000001-AbCdEf`;
      const [app] = containerDefinitions(r);
      expect(app.image).to.equal(`ghcr.io/org/app@sha256:${"01".repeat(32)}`);
      expect(app.repositoryCredentials).to.deep.equal({ credentialsParameter: credentialsArn });
      const execution = rolePolicy(r, "app-execution-policy");
      expect(sids(execution)).to.deep.equal(["WriteLogs", "ReadSecrets", "DecryptViaSecretsManager"]);
      expect(sid(execution, "ReadSecrets")!.Resource).to.deep.equal([credentialsArn, MANAGED_ARN].sort());
      expect(r.ofType("aws:ecr/repository:Repository")).to.have.length(0);
    });
  });

  describe("rotation that reaches running tasks", () => {
    it("follows AWSCURRENT and rolls the service on exactly that secret's label change, through a function that may only update this service", async () => {
      const { run: r } = await runComponent({
        secrets: {
          ...secretValues(SECRETS),
          DB_PASSWORD: { secretsManager: "cmk/db", jsonKey: "password", followRotation: true },
          API: { secretsManager: "shared/api" },
        },
        alarmActions: [TOPIC_ARN],
      });
      expect(containerDefinitions(r)[0].secrets).to.deep.include({
        name: "DB_PASSWORD",
        valueFrom: `${existingArn("cmk/db")}:password:AWSCURRENT:`,
      });
      const rule = r.get("aws:cloudwatch/eventRule:EventRule", "app-rotation");
      expect(JSON.parse(String(rule.inputs.eventPattern))).to.deep.equal({
        source: ["aws.secretsmanager"],
        "detail-type": ["Secret Label Updated"],
        resources: [existingArn("cmk/db")],
        detail: { labelUpdated: ["AWSCURRENT"] },
      });
      expect(rule.inputs.name).to.equal("proj-dev-app-rotation");
      const service = r.get("aws:ecs/service:Service", "app-service");
      const keyArn = r.get("aws:kms/key:Key", "app-key").state.arn;
      expect(rolePolicy(r, "app-rotation-policy")).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          { Sid: "RollThisServiceOnly", Effect: "Allow", Action: "ecs:UpdateService", Resource: service.state.arn },
          {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app/rotation:log-stream:*`,
          },
          { Sid: "RecordFailuresInDeadLetterQueue", Effect: "Allow", Action: "sqs:SendMessage", Resource: DLQ_ARN },
          {
            Sid: "EncryptDeadLettersViaSqs",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: keyArn,
            Condition: { StringEquals: { "kms:ViaService": `sqs.${REGION}.amazonaws.com` } },
          },
        ],
      });
      const fn = r.get("aws:lambda/function:Function", "app-rotation-restart");
      const { lambda } = await import("@pulumi/aws");
      const nodeRuntimes = Object.values(lambda.Runtime).filter((v) => /^nodejs\d+\.x$/.test(v));
      const newest = nodeRuntimes.sort((a, b) => parseInt(a.slice(6), 10) - parseInt(b.slice(6), 10)).at(-1);
      expect(fn.inputs.runtime, "the newest Node.js runtime of the provider's enum").to.equal(newest);
      expect(fn.inputs.environment).to.deep.equal({
        variables: { CLUSTER: r.get("aws:ecs/cluster:Cluster", "app-cluster").state.arn, SERVICE: service.state.name },
      });
      expect(r.get("aws:cloudwatch/eventTarget:EventTarget", "app-rotation-target").inputs).to.deep.equal({
        rule: "proj-dev-app-rotation",
        arn: fn.state.arn,
        retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
        deadLetterConfig: { arn: DLQ_ARN },
      });
      expect(r.get("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "app-rotation-invoke-config").inputs).to.deep.equal({
        functionName: fn.state.name,
        maximumEventAgeInSeconds: 3600,
        maximumRetryAttempts: 2,
        destinationConfig: { onFailure: { destination: DLQ_ARN } },
      });
      expect(r.get("aws:sqs/queue:Queue", "app-rotation-dlq").inputs).to.deep.equal({
        kmsMasterKeyId: keyArn,
        messageRetentionSeconds: 1209600,
        tags: {},
      });
      const queuePolicy = r.get("aws:sqs/queuePolicy:QueuePolicy", "app-rotation-dlq-policy").inputs;
      expect(queuePolicy.queueUrl).to.equal(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/app-rotation-dlq-1234567`);
      expect(JSON.parse(String(queuePolicy.policy))).to.deep.equal({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "sqs:*",
            Resource: DLQ_ARN,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
          {
            Sid: "EventBridgeThisRuleOnly",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: DLQ_ARN,
            Condition: { ArnEquals: { "aws:SourceArn": RULE_ARN } },
          },
        ],
      });
      expect(r.get("aws:cloudwatch/metricAlarm:MetricAlarm", "app-rotation-dlq-alarm").inputs).to.deep.equal({
        alarmDescription: "A rotation of proj/dev/app did not restart the service: read the dead-letter queue, then redeploy.",
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "app-rotation-dlq-1234567" },
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        treatMissingData: "notBreaching",
        alarmActions: [TOPIC_ARN],
        okActions: [TOPIC_ARN],
        tags: {},
      });
      expect(r.get("aws:lambda/permission:Permission", "app-rotation-invoke").inputs).to.include({
        action: "lambda:InvokeFunction",
        principal: "events.amazonaws.com",
        sourceArn: rule.state.arn,
      });
      const keyPolicy = JSON.parse(String(r.get("aws:kms/key:Key", "app-key").inputs.policy)) as PolicyDocument;
      expect(keyPolicy.Statement[1].Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]).to.deep.equal([
        `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app`,
        `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/proj/dev/app/rotation`,
      ]);
      expect(keyPolicy.Statement[2]).to.deep.equal({
        Sid: "EventBridgeDeadLettersOfTheseRulesOnly",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: "*",
        Condition: { ArnEquals: { "aws:SourceArn": RULE_ARN } },
      });
    });

    it("lets EventBridge use the key for no rule when no secret follows rotation", async () => {
      const { run: r } = await runComponent();
      const keyPolicy = JSON.parse(String(r.get("aws:kms/key:Key", "app-key").inputs.policy)) as { Statement: Statement[] };
      expect(sids(keyPolicy)).to.deep.equal(["AccountAdministersAndDelegatesThroughIam", "CloudWatchLogsForTheseLogGroupsOnly"]);
      expect(r.ofType("aws:sqs/queue:Queue")).to.have.length(0);
    });

    it("creates no rotation wiring when no secret follows rotation", async () => {
      const { run: r } = await runComponent({ secrets: { API: { secretsManager: "shared/api" } } });
      expect(r.ofType("aws:cloudwatch/eventRule:EventRule")).to.have.length(0);
      expect(r.ofType("aws:lambda/function:Function")).to.have.length(0);
    });
  });

  describe("run modes", () => {
    it("defines the task without a service and outputs the exact run-task command", async () => {
      const { run: r, component } = await runComponent({
        runMode: "task",
        network: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"] },
      });
      expect(r.ofType("aws:ecs/service:Service")).to.have.length(0);
      expect(await resolve(component.serviceName)).to.equal(undefined);
      const cluster = String(r.get("aws:ecs/cluster:Cluster", "app-cluster").state.arn);
      const taskDefinitionArn = String(r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").state.arn);
      expect(await resolve(component.runTaskCommand)).to.equal(
        `aws ecs run-task --cluster ${cluster} --launch-type FARGATE --platform-version LATEST --task-definition ${taskDefinitionArn} ` +
          `--network-configuration 'awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=DISABLED}'`,
      );
    });
  });
});

describe("SecureFargateTask values known only at deployment", () => {
  it("refuses a secret that resolves to an empty string, naming it", async () => {
    let failure: unknown;
    const onRejection = (e: unknown) => (failure = e);
    process.on("unhandledRejection", onRejection);
    try {
      await runComponent({ secrets: { EMPTY: { value: pulumi.output("").apply((v) => v) } } }).catch(onRejection);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(String(failure)).to.include('SecureFargateTask "app": `secrets.EMPTY` is empty.');
  });

  it("uses the caller's VPC id for its security group instead of looking it up", async () => {
    const { run: r } = await runComponent({ network: { subnetIds: ["subnet-1"], vpcId: "vpc-given" } });
    expect(r.invokes).to.not.include("aws:ec2/getSubnet:getSubnet");
    expect(r.get("aws:ec2/securityGroup:SecurityGroup", "app-sg").inputs.vpcId).to.equal("vpc-given");
  });
});
