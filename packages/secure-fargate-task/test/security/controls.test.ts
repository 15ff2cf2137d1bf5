import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { CONTROLS } from "../../../policy-pack/src/controls";
import { PACK_NAME, POLICIES, policyName } from "../../../policy-pack/src/policies";
import { ofType, TYPES } from "../../../policy-pack/src/subject";
import { Diagnostic, POLICY_PACK, PolicyPackProcess } from "./analyzer";
import { stackProgram } from "./stackProgram";
import { componentWith, componentWithEfs, componentWithStackArgs, MockSubject, SCENARIOS } from "../../scripts/security/subjects";

/** The policies that reported something. */
function named(diagnostics: Diagnostic[], name: string): Diagnostic[] {
  return diagnostics.filter((d) => d.policyName === name);
}

describe("AWS security controls on the component's defaults, through the policy pack's analyzer", () => {
  let pack: PolicyPackProcess;
  let defaults: MockSubject;
  /** What the pack reports on an update of the component with its required arguments only. */
  let reported: Diagnostic[];
  before(async function () {
    this.timeout(300_000); // starting the pack's process on a busy 2-vCPU machine
    [pack, defaults] = await Promise.all([PolicyPackProcess.start(POLICY_PACK), componentWith()]);
    reported = await pack.update(defaults);
  });
  after(() => pack?.stop());

  it("serves one policy per control, with the pack's enforcement levels", async () => {
    const info = await pack.info();
    expect(info.name).to.equal(PACK_NAME);
    expect(info.policies.map((p) => ({ name: p.name, enforcementLevel: p.enforcementLevel }))).to.deep.equal(
      POLICIES.map((p) => ({ name: p.name, enforcementLevel: p.enforcementLevel })),
    );
    expect(info.policies.map((p) => p.name)).to.deep.equal(CONTROLS.map(policyName));
  });

  /** What the pack reports on the component with the arguments a control is evaluated with (its defaults otherwise). */
  const reportedWith = new Map<unknown, Promise<Diagnostic[]>>();
  function reportFor(control: (typeof CONTROLS)[number]): Promise<Diagnostic[]> {
    const given = control.evaluatedWith?.args;
    if (given === undefined) return Promise.resolve(reported);
    if (!reportedWith.has(given))
      reportedWith.set(
        given,
        componentWith(given).then((s) => pack.update(s)),
      );
    return reportedWith.get(given)!;
  }

  for (const control of CONTROLS) {
    const { verdict } = control;
    const rule = control.rule === control.id ? "" : ` (${control.rule})`;
    const on = control.evaluatedWith ? `, with ${Object.keys(control.evaluatedWith.args).join(", ")}` : "";
    it(`${control.id}${rule} ${control.checks}: ${verdict.status}${on}`, async () => {
      const flagged = named(await reportFor(control), policyName(control));
      switch (verdict.status) {
        case "met":
        case "not applicable":
          expect(flagged).to.deep.equal([]);
          break;
        case "met with an option": {
          expect(flagged, "the documented default does not meet it").to.not.deep.equal([]);
          const args = { ...control.evaluatedWith?.args, ...verdict.args };
          expect(named(await pack.update(await componentWith(args)), policyName(control)), verdict.option).to.deep.equal([]);
          break;
        }
        case "not met":
          expect(flagged, "the documented default does not meet it").to.not.deep.equal([]);
          break;
      }
    });
  }

  it("reports the defaults' findings as advisory, each naming the pack", () => {
    expect(reported).to.not.deep.equal([]);
    for (const d of reported) {
      expect(d.policyPackName, d.message).to.equal(PACK_NAME);
      expect(d.enforcementLevel, d.message).to.equal("advisory");
    }
  });

  it("evaluates something for every control: each resource type a control reads exists in the defaults", () => {
    for (const type of [
      TYPES.cluster,
      TYPES.service,
      TYPES.taskDefinition,
      TYPES.repository,
      TYPES.key,
      TYPES.logGroup,
      TYPES.secret,
      TYPES.rolePolicy,
    ]) {
      expect(ofType(defaults, type), type).to.not.deep.equal([]);
    }
  });

  it("SQS.1, S3.9 and lambda-dlq-check hold where the component makes a queue, a bucket and an asynchronously invoked function", async () => {
    const subject = await componentWith({
      secrets: {
        TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") },
        DB_PASSWORD: { secretsManager: "cmk/db", followRotation: true },
      },
    });
    for (const type of [TYPES.queue, TYPES.bucket, TYPES.lambdaFunction]) expect(ofType(subject, type), type).to.not.deep.equal([]);
    for (const id of ["SQS.1", "S3.9", "lambda-dlq-check"]) {
      expect(CONTROLS.find((c) => c.id === id)!.findings(subject), id).to.deep.equal([]);
    }
  });

  it("SQS.1 holds for the schedule's dead-letter queue", async () => {
    const subject = await componentWith({ runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } });
    expect(ofType(subject, TYPES.queue)).to.have.length(1);
    expect(CONTROLS.find((c) => c.id === "SQS.1")!.findings(subject)).to.deep.equal([]);
  });

  it("CloudWatch.16 accepts logs that never expire (0)", async () => {
    expect(named(await pack.update(await componentWith({ logRetentionInDays: 0 })), "cloudwatch-16")).to.deep.equal([]);
  });

  it("flags, with the stack's arguments too, exactly the controls documented as not met by default", async () => {
    const documented = CONTROLS.filter(
      (c) => (c.evaluatedWith === undefined && c.verdict.status !== "met" && c.verdict.status !== "not applicable") || c.advisory !== undefined,
    ).map(policyName);
    const flagged = new Set((await pack.update(await componentWithStackArgs())).map((d) => d.policyName));
    expect(CONTROLS.map(policyName).filter((n) => flagged.has(n))).to.deep.equal(documented);
  });

  it("the stack's table meets DynamoDB.2 (PITR), and DynamoDB.4 (a backup plan) only with `backup`, as the control's advisory note says", async () => {
    // One mock run at a time: the mocks' runtime is global.
    const plain = await componentWithStackArgs();
    const backedUp = await componentWithStackArgs({ backup: true });
    const flagged = async (subject: MockSubject, id: string) => named(await pack.update(subject), policyName(CONTROLS.find((c) => c.id === id)!));
    expect(await flagged(plain, "DynamoDB.2")).to.deep.equal([]);
    expect((await flagged(plain, "DynamoDB.4")).map((d) => d.message.split("\n")[1])).to.deep.equal(["twitterStream is in no backup plan"]);
    expect(await flagged(backedUp, "DynamoDB.4")).to.deep.equal([]);
    expect(CONTROLS.find((c) => c.id === "DynamoDB.4")!.advisory).to.include("pulumi config set backup true");
  });

  it("ecs-task-definition-efs-encryption-enabled holds for a component mounting EFS, and the EFS controls find nothing of the component's to evaluate", async () => {
    const efs = await componentWithEfs();
    expect(ofType(efs, TYPES.taskDefinition)[0].inputs.volumes).to.have.length(3);
    for (const type of [TYPES.efsFileSystem, TYPES.efsAccessPoint]) expect(ofType(efs, type), type).to.deep.equal([]);
    const flagged = await pack.update(efs);
    for (const id of ["ecs-task-definition-efs-encryption-enabled", "EFS.1", "EFS.2", "EFS.3", "EFS.4"]) {
      expect(named(flagged, policyName(CONTROLS.find((c) => c.id === id)!)), id).to.deep.equal([]);
    }
  });

  it("ELB.1, ELB.4, ELB.6, ELB.12, ELB.13 and ELB.17 hold for the component's default ALB, which ELB.5, ELB.16 and ELB.18 flag as documented", async () => {
    const alb = await componentWith(CONTROLS.find((c) => c.id === "ELB.1")!.evaluatedWith!.args);
    expect(ofType(alb, TYPES.loadBalancer)).to.have.length(1);
    expect(
      ofType(alb, TYPES.listener)
        .map((l) => String(l.inputs.protocol))
        .sort(),
    ).to.deep.equal(["HTTP", "HTTPS"]);
    const findingsOf = (id: string) => CONTROLS.find((c) => c.id === id)!.findings(alb);
    for (const id of ["ELB.1", "ELB.4", "ELB.6", "ELB.12", "ELB.13", "ELB.17"]) expect(findingsOf(id), id).to.deep.equal([]);
    expect(findingsOf("ELB.5")).to.deep.equal(["app-alb has no access logs"]);
    expect(findingsOf("ELB.16")).to.deep.equal(["app-alb is associated with no WAF web ACL"]);
    expect(findingsOf("ELB.18")).to.deep.equal(["app-http listens on HTTP"]);
  });

  it("ELB.18 and ELB.1 hold for the component's ALB with httpRedirect false: one listener, HTTPS", async () => {
    const verdict = CONTROLS.find((c) => c.id === "ELB.18")!.verdict;
    if (verdict.status !== "met with an option") throw new Error(`ELB.18 is ${verdict.status}`);
    const alb = await componentWith(verdict.args);
    expect(ofType(alb, TYPES.listener).map((l) => String(l.inputs.protocol))).to.deep.equal(["HTTPS"]);
    for (const id of ["ELB.18", "ELB.1"]) expect(CONTROLS.find((c) => c.id === id)!.findings(alb), id).to.deep.equal([]);
  });

  it("ELB.6 fails the component's ALB with deletionProtection false, and ELB.17 with a TLS 1.2 policy the control does not list", async () => {
    const alb = await componentWith({
      portMappings: [{ containerPort: 8080 }],
      loadBalancer: {
        certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666",
        deletionProtection: false,
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      },
    });
    const flagged = await pack.update(alb);
    expect(named(flagged, "elb-6").map((d) => d.message.split("\n")[1])).to.deep.equal(["app-alb has no deletion protection"]);
    expect(named(flagged, "elb-17").map((d) => d.message.split("\n")[1])).to.deep.equal([
      "app-https uses security policy ELBSecurityPolicy-TLS13-1-2-2021-06",
    ]);
  });

  it("the ELB controls find nothing of the component's when it attaches to your target group: the load balancer is yours", async () => {
    const attached = await componentWith({
      portMappings: [{ containerPort: 8080 }],
      loadBalancer: {
        targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
        securityGroupIds: ["sg-0123456789abcdef0"],
      },
    });
    for (const type of [TYPES.loadBalancer, TYPES.listener]) expect(ofType(attached, type), type).to.deep.equal([]);
    const flagged = await pack.update(attached);
    for (const control of CONTROLS.filter((c) => c.id.startsWith("ELB."))) {
      expect(named(flagged, policyName(control)), control.id).to.deep.equal([]);
    }
  });

  /** The stack program itself, monitoring and backup included: both deliveries, and every setting that adds resources. */
  const STACK_PROGRAMS: Record<string, Record<string, string>> = {
    "environment delivery": {},
    "file delivery": { secretDelivery: "files" },
    "a private network, file delivery, the table backup and alarm mail": {
      network: "private",
      secretDelivery: "files",
      backup: "true",
      alarmEmail: "ops@example.com",
    },
  };
  for (const [label, settings] of Object.entries(STACK_PROGRAMS)) {
    it(`every mandatory control holds on the stack program itself, ${label}`, async function () {
      this.timeout(180_000); // the program in a child process, on a busy machine
      const reported = await pack.update(await stackProgram(`stack program, ${label}`, settings));
      const mandatory = reported.filter((d) => d.enforcementLevel === "mandatory");
      expect(mandatory.map((d) => `${d.policyName}: ${d.message.split("\n")[1]}`)).to.deep.equal([]);
      expect(named(reported, "dynamodb-4").length, "DynamoDB.4 is met exactly when the backup is on").to.equal(settings.backup === "true" ? 0 : 1);
    });
  }

  for (const [scenario, subject] of Object.entries(SCENARIOS)) {
    it(`every mandatory control holds with ${scenario}`, async function () {
      this.timeout(120_000); // a mock run and the pack's request, on a busy machine
      const mandatory = (await pack.update(await subject())).filter((d) => d.enforcementLevel === "mandatory");
      expect(mandatory.map((d) => `${d.policyName}: ${d.message.split("\n")[1]}`)).to.deep.equal([]);
    });
  }

  // Last: the configuration stays with the pack's process for the requests after it.
  it("a policy config file makes an advisory control mandatory, or disables one", async () => {
    await pack.configure({ "ecs-2": "mandatory", "cloudwatch-16": "disabled" });
    const configured = await pack.update(defaults);
    expect(named(configured, "ecs-2").map((d) => d.enforcementLevel)).to.deep.equal(named(reported, "ecs-2").map(() => "mandatory"));
    expect(named(configured, "cloudwatch-16")).to.deep.equal([]);
  });
});
