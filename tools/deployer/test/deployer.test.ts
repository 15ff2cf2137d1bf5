/**
 * docs/DEPLOYER.md: every resource type and invoke the stack (and the component's optional parts) registers under
 * mocks has a row of IAM actions; the committed doc is what the generator writes now; the policy is a valid IAM
 * document that allows what deploying needs. The configurations run once, side by side, in child processes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { decide } from "@twitterstream/test-kit/iam/simulate";
import { derive, missingRows, type Derived } from "../derive";
import { PERMISSIONS } from "../permissions";
import { ATTACHABLE_POLICY, deployerPolicy, serviceLinkedRoleStatements, serviceSid, type PolicyDocument } from "../policy";
import { deployerReport, PROJECT, REGENERATE } from "../render";
import { captureAll, type Capture } from "../scenarios";

const DOC = path.resolve(__dirname, "..", "..", "..", "docs", "DEPLOYER.md");
const ACCOUNT = "123456789012";
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:user/deployer`;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

describe("deployer permissions (docs/DEPLOYER.md)", function () {
  // For a quiet machine: the test reporter scales it to the load (scripts/mocha-timeouts.cjs).
  this.timeout(120_000);

  let captures: Capture[];
  let derived: Derived;
  let policy: PolicyDocument;

  before(async () => {
    captures = await captureAll();
    derived = derive(captures, PERMISSIONS);
    policy = deployerPolicy(
      derived.stack.map((r) => r.row),
      PROJECT,
    );
  });

  /** The actions of the statements that allow this action, flattened: what the policy grants it with. */
  const granted = (): string[] => policy.Statement.flatMap((s) => s.Action);

  it("GIVEN every configuration THEN every resource type and invoke it registers has a row in tools/deployer/permissions.ts", () => {
    expect(
      captures.every((c) => c.tokens.length > 0),
      "a configuration registered nothing",
    ).to.equal(true);
    expect(missingRows(captures), "add a row (with its source) to tools/deployer/rows/*.ts for").to.deep.equal([]);
  });

  it("has one row per token, each action a `service:Action` and each row a source", () => {
    const tokens = PERMISSIONS.map((r) => r.token);
    expect(tokens).to.have.length(new Set(tokens).size);
    for (const row of PERMISSIONS) {
      expect(row.sources, row.token).to.not.be.empty;
      for (const action of [...row.create, ...row.read, ...row.update, ...row.delete]) expect(action, row.token).to.match(ACTION);
    }
  });

  it("docs/DEPLOYER.md is what the generator writes now", () => {
    expect(fs.readFileSync(DOC, "utf8"), `docs/DEPLOYER.md is stale: run ${REGENERATE} > docs/DEPLOYER.md`).to.equal(deployerReport(derived));
  });

  it("needs the private network's children only with `network: private`, the optional parts only outside the stack", () => {
    const when = (token: string) => derived.stack.find((r) => r.row.token === token)?.when;
    expect(when("aws:ec2/natGateway:NatGateway")).to.equal("`network: private`");
    expect(when("aws:ec2/getVpcs:getVpcs")).to.equal("`network: default`");
    expect(when("aws:ecr/repository:Repository")).to.equal("always");
    expect(when("aws:backup/selection:Selection")).to.equal("`backup` on");
    expect(derived.componentOnly.map((r) => r.row.token)).to.include.members(["aws:s3/bucket:Bucket", "aws:lambda/function:Function"]);
  });

  it("allows the KMS grant ECR makes for the encrypted repository, the push, and the lookup of the push token", () => {
    expect(granted()).to.include.members([
      "kms:CreateGrant",
      "kms:DescribeKey",
      "kms:RetireGrant",
      "ecr:GetAuthorizationToken",
      "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart",
      "ecr:CompleteLayerUpload",
      "ecr:PutImage",
      "logs:AssociateKmsKey",
      "dynamodb:UpdateContinuousBackups",
      "ecs:DescribeServices",
    ]);
  });

  it("is a valid IAM policy document, the stack's and the one with every optional part: Version, and statements with a unique Sid, Effect, actions and resources", () => {
    const all = deployerPolicy(
      [...derived.stack, ...derived.componentOnly].map((r) => r.row),
      PROJECT,
    );
    for (const document of [policy, all]) {
      expect(document.Version).to.equal("2012-10-17");
      expect(document.Statement).to.not.be.empty;
      expect(new Set(document.Statement.map((s) => s.Sid)).size).to.equal(document.Statement.length);
      for (const statement of document.Statement) {
        // IAM: a Sid holds letters and digits only.
        expect(statement.Sid).to.match(/^[A-Za-z0-9]+$/);
        expect(statement.Effect, statement.Sid).to.equal("Allow");
        expect(statement.Action, statement.Sid).to.not.be.empty;
        for (const action of statement.Action) expect(action, statement.Sid).to.match(ACTION);
        const resources = typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource;
        expect(resources, statement.Sid).to.not.be.empty;
        for (const resource of resources) expect(resource, statement.Sid).to.match(/^(\*|arn:aws:)/);
      }
      // No action granted twice on the same resources (iam:CreateServiceLinkedRole recurs, once per service's role).
      const grants = document.Statement.flatMap((s) => s.Action.map((a) => `${a} ${JSON.stringify(s.Resource)}`));
      expect(grants).to.have.length(new Set(grants).size);
    }
  });

  it("names a service's statement in letters and digits only", () => {
    expect(["ec2", "application-autoscaling", "elasticloadbalancing"].map(serviceSid)).to.deep.equal([
      "Ec2",
      "ApplicationAutoscaling",
      "Elasticloadbalancing",
    ]);
  });

  it("grants iam:CreateServiceLinkedRole only for the service-linked role of a service a row names, and refuses a row that names none", () => {
    const withAction = PERMISSIONS.filter((r) => [...r.create, ...r.update].includes("iam:CreateServiceLinkedRole"));
    expect(withAction.map((r) => r.serviceLinkedRoleOf)).to.not.include(undefined);
    const statements = serviceLinkedRoleStatements(PERMISSIONS);
    expect(statements.map((s) => s.Condition?.StringEquals["iam:AWSServiceName"])).to.deep.equal([
      "ecs.amazonaws.com",
      "ecs.application-autoscaling.amazonaws.com",
      "elasticloadbalancing.amazonaws.com",
    ]);
    const row = { ...withAction[0], serviceLinkedRoleOf: undefined };
    expect(() => serviceLinkedRoleStatements([row])).to.throw(`${row.token}: iam:CreateServiceLinkedRole needs serviceLinkedRoleOf`);
  });

  it("needs the load balancer's and autoscaling's rows only for the component's options", () => {
    const optional = derived.componentOnly.map((r) => r.row.token);
    expect(optional).to.include.members([
      "aws:lb/loadBalancer:LoadBalancer",
      "aws:lb/targetGroup:TargetGroup",
      "aws:lb/listener:Listener",
      "aws:appautoscaling/target:Target",
      "aws:appautoscaling/policy:Policy",
      "aws:appautoscaling/scheduledAction:ScheduledAction",
    ]);
    expect(derived.stack.map((r) => r.row.token)).to.not.include("aws:lb/loadBalancer:LoadBalancer");
  });

  describe("evaluated by @cloud-copilot/iam-simulate", () => {
    /** The component's key policy keeps AWS's default statement: the account root's `kms:*` delegates to IAM. */
    const keyPolicy = {
      Version: "2012-10-17" as const,
      Statement: [{ Effect: "Allow" as const, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
    };
    const request = (action: string, resource: string, context: Record<string, string> = {}) =>
      decide({
        principal: DEPLOYER,
        action,
        resource,
        resourceAccount: ACCOUNT,
        context,
        identityPolicies: [policy],
        ...(resource.includes(":key/") ? { resourcePolicy: keyPolicy } : {}),
      });
    const role = `arn:aws:iam::${ACCOUNT}:role/${PROJECT}-execution-role-1234567`;

    it("allows creating the repository, its KMS grant and the key", async () => {
      expect(await request("ecr:CreateRepository", `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${PROJECT}/dev/${PROJECT}`)).to.equal("Allowed");
      expect(await request("kms:CreateGrant", `arn:aws:kms:us-east-1:${ACCOUNT}:key/0123abcd`)).to.equal("Allowed");
      expect(await request("kms:CreateKey", "*")).to.equal("Allowed");
    });

    it("allows passing the stack's roles to ECS tasks only", async () => {
      expect(await request("iam:PassRole", role, { "iam:PassedToService": "ecs-tasks.amazonaws.com" })).to.equal("Allowed");
      expect(await request("iam:PassRole", role, { "iam:PassedToService": "ec2.amazonaws.com" })).to.not.equal("Allowed");
      expect(
        await request("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/admin`, { "iam:PassedToService": "ecs-tasks.amazonaws.com" }),
      ).to.not.equal("Allowed");
    });

    it("allows attaching AWS's backup policy to the stack's roles and passing them to AWS Backup, and no other policy", async () => {
      const backupRole = `arn:aws:iam::${ACCOUNT}:role/${PROJECT}-backup-role-1234567`;
      const attach = (policyArn: string, roleArn = backupRole) => request("iam:AttachRolePolicy", roleArn, { "iam:PolicyARN": policyArn });
      expect(await attach(ATTACHABLE_POLICY)).to.equal("Allowed");
      expect(await attach("arn:aws:iam::aws:policy/AdministratorAccess")).to.not.equal("Allowed");
      expect(await attach(ATTACHABLE_POLICY, `arn:aws:iam::${ACCOUNT}:role/admin`)).to.not.equal("Allowed");
      expect(await request("iam:PassRole", backupRole, { "iam:PassedToService": "backup.amazonaws.com" })).to.equal("Allowed");
      expect(await request("backup:CreateBackupVault", `arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:${PROJECT}-backup-vault`)).to.equal(
        "Allowed",
      );
    });

    it("allows each service-linked role only to be created for its own service, with every optional part", async () => {
      const all = deployerPolicy(
        [...derived.stack, ...derived.componentOnly].map((r) => r.row),
        PROJECT,
      );
      const create = (role: string, service: string) =>
        decide({
          principal: DEPLOYER,
          action: "iam:CreateServiceLinkedRole",
          resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${service}/${role}`,
          resourceAccount: ACCOUNT,
          context: { "iam:AWSServiceName": service },
          identityPolicies: [all],
        });
      expect(await create("AWSServiceRoleForElasticLoadBalancing", "elasticloadbalancing.amazonaws.com")).to.equal("Allowed");
      expect(await create("AWSServiceRoleForApplicationAutoScaling_ECSService", "ecs.application-autoscaling.amazonaws.com")).to.equal("Allowed");
      expect(await create("AWSServiceRoleForECS", "ecs.amazonaws.com")).to.equal("Allowed");
      expect(await create("AWSServiceRoleForRDS", "rds.amazonaws.com")).to.not.equal("Allowed");
      // The stack alone creates no load balancer: its policy does not allow ELB's role.
      expect(
        await decide({
          principal: DEPLOYER,
          action: "iam:CreateServiceLinkedRole",
          resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
          resourceAccount: ACCOUNT,
          context: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" },
          identityPolicies: [policy],
        }),
      ).to.not.equal("Allowed");
    });

    it("does not allow creating a secret outside the stack's prefix", async () => {
      expect(
        await request(
          "secretsmanager:CreateSecret",
          `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${PROJECT}/dev/${PROJECT}/secrets-x-AbCdEf`,
        ),
      ).to.equal("Allowed");
      expect(await request("secretsmanager:CreateSecret", `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:other/x-AbCdEf`)).to.not.equal(
        "Allowed",
      );
    });
  });
});
