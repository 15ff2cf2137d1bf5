import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";

const context = makeContext();
const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef";
const base: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };
const web: Partial<SecureFargateTaskArgs> = { portMappings: [{ containerPort: 8080 }], loadBalancer: { certificateArn: CERT } };

/** The messages validateArgs rejects these args with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...base, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

describe("validateArgs: autoScaling", () => {
  it("fills in the defaults: minCapacity 1, cooldowns 300 in and 60 out, desiredCount = minCapacity, policies cpu, memory, requests", () => {
    const s = validateArgs("app", {
      ...base,
      ...web,
      autoScaling: { maxCapacity: 5, requestsPerTarget: 200, memoryUtilizationPercent: 80, cpuUtilizationPercent: 50 },
    });
    expect(s.autoScaling).to.deep.equal({
      minCapacity: 1,
      maxCapacity: 5,
      policies: [
        { metric: "cpu", targetValue: 50 },
        { metric: "memory", targetValue: 80 },
        { metric: "requests", targetValue: 200 },
      ],
      loadBalancerArnSuffix: undefined,
      scaleInCooldownSeconds: 300,
      scaleOutCooldownSeconds: 60,
      schedules: [],
    });
    expect(validateArgs("app", { ...base, autoScaling: { minCapacity: 3, maxCapacity: 5, cpuUtilizationPercent: 50 } }).desiredCount).to.equal(3);
    expect(validateArgs("app", base).autoScaling).to.equal(undefined);
  });

  it("rejects limits out of order, a desiredCount outside them, and runMode task, naming field, value and fix", () => {
    expect(problems({ autoScaling: { minCapacity: 4, maxCapacity: 2, cpuUtilizationPercent: 50 } })).to.deep.equal([
      "`autoScaling.minCapacity` 4 is above maxCapacity 2. Lower minCapacity or raise maxCapacity.",
    ]);
    expect(problems({ autoScaling: { minCapacity: -1, maxCapacity: 0, cpuUtilizationPercent: 50 } })).to.deep.equal([
      "`autoScaling.minCapacity` must be a whole number of tasks, 0 or more: got -1.",
      "`autoScaling.maxCapacity` must be a whole number of tasks, 1 or more: got 0.",
    ]);
    expect(problems({ desiredCount: 9, autoScaling: { minCapacity: 1, maxCapacity: 4, cpuUtilizationPercent: 50 } })).to.deep.equal([
      "`desiredCount` 9 is outside autoScaling's 1 to 4 tasks: Application Auto Scaling would move it at once. Give a count in that range, or leave desiredCount out (it then starts at minCapacity).",
    ]);
    expect(problems({ runMode: "task", autoScaling: { maxCapacity: 4, cpuUtilizationPercent: 50 } })).to.deep.equal([
      '`autoScaling` scales a service, but runMode is "task". Remove autoScaling, or use runMode "service".',
    ]);
  });

  it("rejects target values out of range, negative cooldowns, and scaling with nothing to scale on", () => {
    expect(
      problems({
        autoScaling: {
          maxCapacity: 4,
          cpuUtilizationPercent: 0,
          memoryUtilizationPercent: 101,
          scaleInCooldownSeconds: -5,
          scaleOutCooldownSeconds: 1.5,
        },
      }),
    ).to.deep.equal([
      "`autoScaling.cpuUtilizationPercent` must be a percentage from 1 to 100: got 0. 50 to 75 leaves room for a burst while new tasks start.",
      "`autoScaling.memoryUtilizationPercent` must be a percentage from 1 to 100: got 101. 50 to 75 leaves room for a burst while new tasks start.",
      "`autoScaling.scaleInCooldownSeconds` must be a whole number of seconds, 0 or more: got -5.",
      "`autoScaling.scaleOutCooldownSeconds` must be a whole number of seconds, 0 or more: got 1.5.",
    ]);
    expect(problems({ autoScaling: { maxCapacity: 4 } })).to.deep.equal([
      "`autoScaling` has no target and no schedule: nothing would change the task count. Give cpuUtilizationPercent, memoryUtilizationPercent, requestsPerTarget or schedules.",
    ]);
  });

  it("wants a load balancer for requestsPerTarget, and the ALB's ARN suffix with an attached target group only", () => {
    expect(problems({ autoScaling: { maxCapacity: 4, requestsPerTarget: 100 } })).to.deep.equal([
      "`autoScaling.requestsPerTarget` counts the requests an Application Load Balancer sends each task, but there is no loadBalancer. Add loadBalancer, or scale on CPU or memory.",
    ]);
    const attached: Partial<SecureFargateTaskArgs> = {
      portMappings: [{ containerPort: 8080 }],
      loadBalancer: { targetGroupArn: TG, securityGroupIds: ["sg-0123456789abcdef0"] },
    };
    expect(problems({ ...attached, autoScaling: { maxCapacity: 4, requestsPerTarget: 100 } })).to.deep.equal([
      '`autoScaling.requestsPerTarget` with an attached target group needs the ARN suffix of the Application Load Balancer that forwards to it. Add autoScaling.loadBalancerArnSuffix: "app/<name>/<id>" (an aws.lb.LoadBalancer\'s arnSuffix output).',
    ]);
    expect(
      problems({ ...attached, autoScaling: { maxCapacity: 4, requestsPerTarget: 100, loadBalancerArnSuffix: "net/nlb/0123456789abcdef" } }),
    ).to.deep.equal([
      '`autoScaling.loadBalancerArnSuffix` is not an Application Load Balancer\'s ARN suffix, app/<name>/<16 hex id>: got "net/nlb/0123456789abcdef". A Network Load Balancer (net/...) has no per-target request count.',
    ]);
    expect(
      problems({ ...attached, autoScaling: { maxCapacity: 4, requestsPerTarget: 100, loadBalancerArnSuffix: "app/shared/0123456789abcdef" } }),
    ).to.deep.equal([]);
    expect(
      problems({ ...web, autoScaling: { maxCapacity: 4, requestsPerTarget: 100, loadBalancerArnSuffix: "app/shared/0123456789abcdef" } }),
    ).to.deep.equal([
      "`autoScaling.loadBalancerArnSuffix` names an ALB, but the component creates its own and scales on that one. Remove loadBalancerArnSuffix.",
    ]);
    expect(problems({ ...web, autoScaling: { maxCapacity: 4, requestsPerTarget: 0.5 } })).to.deep.equal([
      "`autoScaling.requestsPerTarget` must be a number of requests per task per minute, 1 or more: got 0.5.",
    ]);
  });

  it("checks each schedule: name, expression, timezone (none with rate), limits", () => {
    const schedules = [
      { name: "ok", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 2 },
      { name: "ok", schedule: "rate(1 hour)", maxCapacity: 3 },
      { name: "bad name", schedule: "cron(0 8 * * MON *)", minCapacity: 1 },
      { name: "tz", schedule: "rate(5 minutes)", timezone: "UTC", minCapacity: 1 },
      { name: "zone", schedule: "at(2027-01-31T08:00:00)", timezone: "Mars/Olympus", minCapacity: 5, maxCapacity: 2 },
      { name: "empty", schedule: "rate(1 day)" },
    ];
    expect(problems({ autoScaling: { maxCapacity: 4, schedules } })).to.deep.equal([
      '`autoScaling.schedules[1].name` "ok" names another schedule too. Give each schedule its own name.',
      '`autoScaling.schedules[2].name` must be 1 to 128 letters, digits, "-", "_" or ".": got "bad name".',
      '`autoScaling.schedules[2].schedule` must have `?` in exactly one of day-of-month and day-of-week (AWS cron takes one or the other, never both), e.g. `cron(0 3 * * ? *)`: got "cron(0 8 * * MON *)".',
      "`autoScaling.schedules[3].timezone` applies to cron and at expressions, not rate. Remove it.",
      '`autoScaling.schedules[4].timezone` is not a time zone of the IANA database, such as `Europe/Paris` or `UTC`: got "Mars/Olympus".',
      "`autoScaling.schedules[4].minCapacity` 5 is above its maxCapacity 2.",
      "`autoScaling.schedules[5]` changes nothing. Give minCapacity, maxCapacity or both.",
    ]);
  });
});
