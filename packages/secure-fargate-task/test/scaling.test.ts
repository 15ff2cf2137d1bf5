import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { ACCOUNT, REGION, type MockRun } from "@twitterstream/test-kit/mocks";
import { runComponent } from "./runComponent";

const CERT = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666`;
const TG_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`;
const WEB: Partial<SecureFargateTaskArgs> = { portMappings: [{ containerPort: 8080 }], loadBalancer: { certificateArn: CERT } };
const TARGET = "aws:appautoscaling/target:Target";
const POLICY = "aws:appautoscaling/policy:Policy";
const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const SERVICE = "aws:ecs/service:Service";

/** The URN-dependencies and options the engine would get for one resource. */
function registration(r: MockRun, type: string, name: string) {
  return r.registrations.find((x) => x.type === type && x.name === name)!;
}

/** `service/<cluster>/<service>` as the mocks name them. */
function resourceId(r: MockRun): string {
  const cluster = r.get("aws:ecs/cluster:Cluster", "app-cluster").state;
  const service = r.get(SERVICE, "app-service").state;
  return `service/${String(cluster.name)}/${String(service.name)}`;
}

describe("SecureFargateTask with autoScaling, under mocks", () => {
  it("registers the service's task count as a scalable target, with one target-tracking policy per metric, exact inputs", async () => {
    const { run: r } = await runComponent({
      ...WEB,
      autoScaling: { minCapacity: 2, maxCapacity: 8, cpuUtilizationPercent: 60, memoryUtilizationPercent: 75, requestsPerTarget: 500 },
      tags: { team: "web" },
    });
    expect(r.get(TARGET, "app-scaling").inputs).to.deep.equal({
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: resourceId(r),
      minCapacity: 2,
      maxCapacity: 8,
      tags: { team: "web" },
    });
    const base = {
      policyType: "TargetTrackingScaling",
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: resourceId(r),
    };
    const tracking = (targetValue: number, predefinedMetricSpecification: Record<string, string>) => ({
      ...base,
      targetTrackingScalingPolicyConfiguration: { targetValue, scaleInCooldown: 300, scaleOutCooldown: 60, predefinedMetricSpecification },
    });
    expect(r.ofType(POLICY).map((p) => p.name)).to.deep.equal(["app-scale-cpu", "app-scale-memory", "app-scale-requests"]);
    expect(r.get(POLICY, "app-scale-cpu").inputs).to.deep.equal(tracking(60, { predefinedMetricType: "ECSServiceAverageCPUUtilization" }));
    expect(r.get(POLICY, "app-scale-memory").inputs).to.deep.equal(tracking(75, { predefinedMetricType: "ECSServiceAverageMemoryUtilization" }));
    const alb = r.get("aws:lb/loadBalancer:LoadBalancer", "app-alb").state;
    const tg = r.get("aws:lb/targetGroup:TargetGroup", "app-tg").state;
    expect(r.get(POLICY, "app-scale-requests").inputs).to.deep.equal(
      tracking(500, { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: `${String(alb.arnSuffix)}/${String(tg.arnSuffix)}` }),
    );
  });

  it("starts the service at minCapacity, and ignores desiredCount drift only when scaling is on", async () => {
    const { run: r } = await runComponent({ autoScaling: { minCapacity: 3, maxCapacity: 6, cpuUtilizationPercent: 50 } });
    expect(r.get(SERVICE, "app-service").inputs.desiredCount).to.equal(3);
    expect(registration(r, SERVICE, "app-service").ignoreChanges).to.deep.equal(["desiredCount"]);
    const { run: plain } = await runComponent();
    expect(registration(plain, SERVICE, "app-service").ignoreChanges).to.deep.equal([]);
    expect(plain.ofType(TARGET)).to.deep.equal([]);
    expect(plain.ofType(POLICY)).to.deep.equal([]);
  });

  it("labels an attached target group's requests with the ALB ARN suffix the caller gives", async () => {
    const { run: r } = await runComponent({
      portMappings: [{ containerPort: 8080 }],
      loadBalancer: { targetGroupArn: TG_ARN, securityGroupIds: ["sg-0123456789abcdef0"] },
      autoScaling: { maxCapacity: 4, requestsPerTarget: 1000, loadBalancerArnSuffix: "app/shared/fedcba9876543210" },
    });
    const spec = (r.get(POLICY, "app-scale-requests").inputs.targetTrackingScalingPolicyConfiguration as Record<string, unknown>)
      .predefinedMetricSpecification;
    expect(spec).to.deep.equal({
      predefinedMetricType: "ALBRequestCountPerTarget",
      resourceLabel: "app/shared/fedcba9876543210/targetgroup/web/0123456789abcdef",
    });
  });

  it("creates the scheduled actions, timezone only with cron and at, each after the policy or action before it", async () => {
    const { run: r } = await runComponent({
      autoScaling: {
        maxCapacity: 10,
        cpuUtilizationPercent: 70,
        scaleInCooldownSeconds: 600,
        scaleOutCooldownSeconds: 30,
        schedules: [
          { name: "workday", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 4 },
          { name: "night", schedule: "cron(0 20 * * ? *)", minCapacity: 1, maxCapacity: 2 },
          { name: "hourly", schedule: "rate(1 hour)", maxCapacity: 10 },
        ],
      },
    });
    const base = { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId: resourceId(r) };
    expect(r.ofType(ACTION).map((a) => a.inputs)).to.deep.equal([
      { ...base, schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", scalableTargetAction: { minCapacity: 4 } },
      { ...base, schedule: "cron(0 20 * * ? *)", timezone: "UTC", scalableTargetAction: { minCapacity: 1, maxCapacity: 2 } },
      { ...base, schedule: "rate(1 hour)", scalableTargetAction: { maxCapacity: 10 } },
    ]);
    expect(r.ofType(ACTION).map((a) => a.name)).to.deep.equal(["app-schedule-workday", "app-schedule-night", "app-schedule-hourly"]);
    const config = r.get(POLICY, "app-scale-cpu").inputs.targetTrackingScalingPolicyConfiguration as Record<string, unknown>;
    expect([config.scaleInCooldown, config.scaleOutCooldown]).to.deep.equal([600, 30]);
    const dependsOn = (name: string) => registration(r, ACTION, name).dependencies.map((urn) => urn.split("::").pop());
    expect(dependsOn("app-schedule-workday")).to.include("app-scale-cpu");
    expect(dependsOn("app-schedule-night")).to.include("app-schedule-workday");
    expect(dependsOn("app-schedule-hourly")).to.include("app-schedule-night");
  });
});
