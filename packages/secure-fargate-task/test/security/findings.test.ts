import { expect } from "chai";
import { CONTROLS } from "../../../policy-pack/src/controls";
import type { Resource, Subject } from "../../../policy-pack/src/subject";
import { TYPES } from "../../../policy-pack/src/subject";

/** A resource as the mocks would capture it. */
function resource(type: string, name: string, inputs: Record<string, unknown>, state: Record<string, unknown> = {}): Resource {
  return { type, name, id: `${name}-id`, inputs, state: { ...inputs, ...state } };
}

function task(container: Record<string, unknown>, extra: Record<string, unknown> = {}): Resource {
  return resource(TYPES.taskDefinition, "task", {
    networkMode: "awsvpc",
    ...extra,
    containerDefinitions: JSON.stringify([{ name: "app", ...container }]),
  });
}

const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s-AbCdEf";

/** For each control, resources it must flag: proof that each check can fail. */
const VIOLATORS: Record<string, Resource[]> = {
  "ECS.1": [task({ user: "root" }, { networkMode: "host" })],
  "ECS.2": [resource(TYPES.service, "svc", { networkConfiguration: { assignPublicIp: true } })],
  "ECS.3": [task({}, { pidMode: "host" })],
  "ECS.4": [task({ privileged: true })],
  "ECS.5": [task({ readonlyRootFilesystem: false })],
  "ECS.8": [
    task({
      environment: [
        { name: "AWS_SECRET_ACCESS_KEY", value: "x" },
        { name: "COPY", value: "the-secret-value" },
      ],
    }),
  ],
  "ECS.9": [task({})],
  "ECS.10": [resource(TYPES.service, "svc", { launchType: "FARGATE", platformVersion: "1.3.0" })],
  "ECS.12": [resource(TYPES.cluster, "cluster", { settings: [{ name: "containerInsights", value: "disabled" }] })],
  "ECS.20": [task({ user: "0:0" })],
  "ecs-task-definition-memory-hard-limit": [task({})],
  "ECR.1": [resource(TYPES.repository, "repo", { imageScanningConfiguration: { scanOnPush: false } })],
  "ECR.2": [resource(TYPES.repository, "repo", { imageTagMutability: "MUTABLE" })],
  "ECR.3": [resource(TYPES.repository, "repo", { name: "repo" }), resource(TYPES.lifecyclePolicy, "lp", { repository: "other" })],
  "KMS.2": [
    resource(TYPES.rolePolicy, "p", {
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] }),
    }),
  ],
  "KMS.4": [resource(TYPES.key, "key", { enableKeyRotation: false })],
  "CloudWatch.16": [resource(TYPES.logGroup, "logs", { retentionInDays: 180 })],
  "cloudwatch-log-group-encrypted": [resource(TYPES.logGroup, "logs", {})],
  "secretsmanager-using-cmk": [resource(TYPES.secret, "secret", { kmsKeyId: "alias/aws/secretsmanager" })],
  "SecretsManager.1": [resource(TYPES.secret, "secret", {})],
  "SecretsManager.2": [resource(TYPES.secretRotation, "rotation", { secretId: "secret-id" })],
  "SecretsManager.3": [
    resource(TYPES.secret, "secret", {}, { arn: SECRET_ARN }),
    task({ secrets: [{ name: "A", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-XyZ123:::v" }] }),
  ],
  "SecretsManager.4": [resource(TYPES.secret, "secret", {})],
};

describe("AWS control findings flag non-compliant resources", () => {
  it("has a violator for every control", () => {
    expect(Object.keys(VIOLATORS).sort()).to.deep.equal(CONTROLS.map((c) => c.id).sort());
  });

  for (const control of CONTROLS) {
    it(`${control.id} flags its violator`, () => {
      const subject: Subject = {
        label: "synthetic",
        resources: VIOLATORS[control.id],
        secretValues: ["the-secret-value"],
      };
      expect(control.findings(subject)).to.not.deep.equal([]);
    });
  }

  it("ECS.8 flags both the AWS key name and the copied secret value", () => {
    const subject: Subject = {
      label: "synthetic",
      resources: VIOLATORS["ECS.8"],
      secretValues: ["the-secret-value"],
    };
    expect(CONTROLS.find((c) => c.id === "ECS.8")!.findings(subject)).to.deep.equal([
      "app: AWS_SECRET_ACCESS_KEY in environment",
      "app: a secret value in the container definition",
    ]);
  });
});
