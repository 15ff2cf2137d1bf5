import { expect } from "chai";
import { mockRun, type MockRun } from "@twitterstream/test-kit/mocks";
import { computedState } from "secure-fargate-task/testing";

const PASSWORD = "example-db-password-7f3a";
const CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";

describe("example: a web API with a database password", function () {
  this.timeout(60_000);
  let run: MockRun;
  let exports: Record<string, unknown>;

  before(async () => {
    run = await mockRun(
      () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program must load after mockRun sets the mocks, so not a static import
        exports = require("../index") as Record<string, unknown>;
      },
      { computedState, project: "web-api", config: { "web-api:dbPassword": PASSWORD, "web-api:certificateArn": CERTIFICATE } },
    );
  });

  it("stores the password in Secrets Manager, as a secret input, and nowhere else", () => {
    const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "api-secrets-version");
    expect(version.secretInputs).to.include("secretString");
    expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({ DB_PASSWORD: PASSWORD });
    for (const r of run.resources.filter((x) => x !== version)) expect(JSON.stringify(r.inputs), `${r.type} ${r.name}`).to.not.include(PASSWORD);
  });

  it("injects it by reference, and the host as plain configuration", () => {
    const [container] = JSON.parse(String(run.get("aws:ecs/taskDefinition:TaskDefinition", "api-task").inputs.containerDefinitions)) as Array<{
      secrets: Array<{ name: string; valueFrom: string }>;
      environment: Array<{ name: string; value: string }>;
    }>;
    expect(container.secrets.map((s) => s.name)).to.deep.equal(["DB_PASSWORD"]);
    expect(container.secrets[0].valueFrom).to.match(/^arn:aws:secretsmanager:.*:DB_PASSWORD::[0-9a-f]{32}$/);
    expect(container.environment).to.deep.include({ name: "DB_HOST", value: "db.internal.example" });
  });

  it("builds its own app folder and exports the service and log group", () => {
    const image = run.get("docker:index/image:Image", "api-image").inputs.build as { context: string };
    expect(image.context).to.equal("examples/web-api/app");
    expect(Object.keys(exports).sort()).to.deep.equal(["logGroupName", "serviceName", "url"]);
  });

  it("serves HTTPS through the ALB with the configured certificate, and scales 2 to 10 tasks on ALB requests per task and CPU", () => {
    const https = run.ofType("aws:lb/listener:Listener").find((l) => l.inputs.protocol === "HTTPS")!;
    expect(https.inputs.certificateArn).to.equal(CERTIFICATE);
    const service = run.get("aws:ecs/service:Service", "api-service");
    const target = run.get("aws:appautoscaling/target:Target", "api-scaling").inputs;
    expect(target).to.deep.include({ serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", minCapacity: 2, maxCapacity: 10 });
    expect(target.resourceId).to.match(new RegExp(`^service/[^/]+/${String(service.state.name)}$`));
    expect(service.inputs.desiredCount).to.equal(2);
    const alb = run.get("aws:lb/loadBalancer:LoadBalancer", "api-alb").state;
    const tg = run.get("aws:lb/targetGroup:TargetGroup", "api-tg").state;
    const tracking = (name: string) => run.get("aws:appautoscaling/policy:Policy", name).inputs.targetTrackingScalingPolicyConfiguration;
    expect(tracking("api-scale-requests")).to.deep.equal({
      targetValue: 1000,
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
      predefinedMetricSpecification: {
        predefinedMetricType: "ALBRequestCountPerTarget",
        resourceLabel: `${String(alb.arnSuffix)}/${String(tg.arnSuffix)}`,
      },
    });
    expect(tracking("api-scale-cpu")).to.deep.equal({
      targetValue: 60,
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
      predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
    });
  });
});
