import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../src";
import { DEFAULT_HEALTH_CHECK } from "../src/loadBalancer/validateLoadBalancer";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";

const context = makeContext();
const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef";
const valid: SecureFargateTaskArgs = {
  image: { context },
  secrets: { API_KEY: { value: "k" } },
  portMappings: [{ containerPort: 8080 }],
  loadBalancer: { certificateArn: CERT },
};

/** The messages validateArgs rejects these args with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...valid, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

describe("validateArgs: ports and load balancing", () => {
  it("fills in the defaults of a created ALB: the first tcp port, TLS 1.2+ policy, deletion protection, health check, 60 s grace", () => {
    const s = validateArgs("app", {
      ...valid,
      portMappings: [{ containerPort: 53, protocol: "udp" }, { containerPort: 8080 }, { containerPort: 9090 }],
    });
    expect(s.portMappings).to.deep.equal([
      { containerPort: 53, protocol: "udp" },
      { containerPort: 8080, protocol: "tcp" },
      { containerPort: 9090, protocol: "tcp" },
    ]);
    expect(s.loadBalancer).to.deep.equal({
      kind: "create",
      certificateArn: CERT,
      containerPort: 8080,
      subnetIds: undefined,
      ingressCidrBlocks: ["0.0.0.0/0"],
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      accessLogs: undefined,
      deletionProtection: true,
      httpRedirect: true,
      healthCheck: DEFAULT_HEALTH_CHECK,
    });
    expect(s.healthCheckGracePeriodSeconds).to.equal(60);
  });

  it("has no load balancer, port mappings or grace period by default", () => {
    const s = validateArgs("app", { image: { context }, secrets: valid.secrets });
    expect(s).to.include({ loadBalancer: undefined, healthCheckGracePeriodSeconds: undefined });
    expect(s.portMappings).to.deep.equal([]);
  });

  it("attaches to a target group, admitting the load balancer's groups; or none when the tasks' groups are the caller's", () => {
    const attach = validateArgs("app", { ...valid, loadBalancer: { targetGroupArn: TG, securityGroupIds: ["sg-nlb"] } });
    expect(attach.loadBalancer).to.deep.equal({ kind: "attach", targetGroupArn: TG, containerPort: 8080, securityGroupIds: ["sg-nlb"] });
    const callerGroups = validateArgs("app", {
      ...valid,
      network: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-tasks"] },
      loadBalancer: { targetGroupArn: TG },
    });
    expect(callerGroups.loadBalancer).to.deep.equal({ kind: "attach", targetGroupArn: TG, containerPort: 8080, securityGroupIds: [] });
  });

  it("takes a grace period with a container health check and no load balancer, with no default there", () => {
    const healthCheck = { command: ["CMD", "true"] };
    expect(problems({ loadBalancer: undefined, healthCheck, healthCheckGracePeriodSeconds: 30 })).to.deep.equal([]);
    expect(validateArgs("app", { ...valid, loadBalancer: undefined, healthCheck }).healthCheckGracePeriodSeconds).to.equal(undefined);
  });

  it("skips ARN checks of values known only at deployment", () => {
    expect(problems({ loadBalancer: { certificateArn: pulumi.output("not yet known") } })).to.deep.equal([]);
  });

  it("accepts every TLS 1.2+ policy name form and the options of a created ALB", () => {
    for (const sslPolicy of [
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    ]) {
      expect(
        problems({
          loadBalancer: {
            certificateArn: CERT,
            sslPolicy,
            ingressCidrBlocks: ["10.0.0.0/8", "203.0.113.7/32"],
            accessLogs: { bucket: "logs", prefix: "web/alb" },
            deletionProtection: false,
            httpRedirect: false,
            healthCheck: {
              path: "/health",
              matcher: "200-299",
              intervalSeconds: 30,
              timeoutSeconds: 29,
              healthyThreshold: 10,
              unhealthyThreshold: 2,
            },
          },
        }),
        sslPolicy,
      ).to.deep.equal([]);
    }
  });

  const cases: Array<[string, Partial<SecureFargateTaskArgs>, string[]]> = [
    [
      "a port out of range",
      { portMappings: [{ containerPort: 70000 }] },
      ["`portMappings[0].containerPort` must be a whole number from 1 to 65535: got 70000."],
    ],
    [
      "an unknown protocol",
      { portMappings: [{ containerPort: 8080 }, { containerPort: 9000, protocol: "sctp" as "tcp" }] },
      ['`portMappings[1].protocol` must be "tcp" or "udp": got "sctp".'],
    ],
    [
      "a port mapped twice",
      { portMappings: [{ containerPort: 8080 }, { containerPort: 8080, protocol: "tcp" }] },
      ["`portMappings[1]` maps 8080/tcp a second time. Remove the duplicate."],
    ],
    [
      "a port name ECS refuses",
      { portMappings: [{ containerPort: 8080, name: "-Web" }] },
      ['`portMappings[0].name` must be 1 to 64 lower-case letters, digits, "_" or "-", not starting with "-": got "-Web".'],
    ],
    [
      "two ports with one name",
      {
        portMappings: [
          { containerPort: 8080, name: "web" },
          { containerPort: 8081, name: "web" },
        ],
      },
      ['`portMappings[1].name` "web" names another port mapping too. Give each port its own name.'],
    ],
    [
      "an app protocol without a name",
      { portMappings: [{ containerPort: 8080, appProtocol: "http" }] },
      ["`portMappings[0].appProtocol` is used by Service Connect, which refers to a port by its name. Give the port a `name`."],
    ],
    [
      "an app protocol on udp",
      { portMappings: [{ containerPort: 8080 }, { containerPort: 9000, protocol: "udp", name: "q", appProtocol: "grpc" }] },
      ['`portMappings[1].appProtocol` "grpc" runs over TCP, but the port is "udp".'],
    ],
    [
      "a load balancer without a tcp port",
      { portMappings: [{ containerPort: 53, protocol: "udp" }] },
      ["`portMappings` has no tcp port for the load balancer to send traffic to. Add one, e.g. `portMappings: [{ containerPort: 8080 }]`."],
    ],
    [
      "a container port that is not mapped",
      { loadBalancer: { certificateArn: CERT, containerPort: 9090 } },
      ["`loadBalancer.containerPort` must be one of the tcp `portMappings` (8080): got 9090. Add it to `portMappings` or pick one of them."],
    ],
    [
      "a load balancer with runMode task",
      { runMode: "task" },
      ['`loadBalancer` needs a service to register tasks in, but runMode is "task". Remove `loadBalancer` or use runMode "service".'],
    ],
    [
      "both attach and create",
      { loadBalancer: { certificateArn: CERT, targetGroupArn: TG, securityGroupIds: ["sg-lb"] } },
      ["`loadBalancer` gives both `targetGroupArn` (attach to an existing target group) and `certificateArn` (create an ALB). Give one."],
    ],
    [
      "neither attach nor create",
      { loadBalancer: {} },
      [
        "`loadBalancer` names no load balancer. Give `certificateArn` (an ACM certificate: the component creates an HTTPS ALB) or `targetGroupArn` (an existing target group).",
      ],
    ],
    [
      "a certificate ARN that is not ACM's",
      { loadBalancer: { certificateArn: "arn:aws:iam::123456789012:server-certificate/web" } },
      [
        '`loadBalancer.certificateArn` is not an ACM certificate ARN: got "arn:aws:iam::123456789012:server-certificate/web". Give arn:aws:acm:<region>:<account>:certificate/<id>, from `aws acm list-certificates`.',
      ],
    ],
    [
      "a target group ARN that is not one",
      { loadBalancer: { targetGroupArn: "web-tg", securityGroupIds: ["sg-lb"] } },
      [
        '`loadBalancer.targetGroupArn` is not a target group ARN: got "web-tg". Give arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>.',
      ],
    ],
    [
      "create-only options with attach",
      {
        loadBalancer: {
          targetGroupArn: TG,
          securityGroupIds: ["sg-lb"],
          sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
          deletionProtection: false,
          httpRedirect: false,
        },
      },
      [
        "`loadBalancer.sslPolicy` configures a load balancer the component creates; with `targetGroupArn` the load balancer is yours. Remove it.",
        "`loadBalancer.deletionProtection` configures a load balancer the component creates; with `targetGroupArn` the load balancer is yours. Remove it.",
        "`loadBalancer.httpRedirect` configures a load balancer the component creates; with `targetGroupArn` the load balancer is yours. Remove it.",
      ],
    ],
    [
      "switches that are not booleans (from YAML or an untyped language)",
      {
        loadBalancer: {
          certificateArn: CERT,
          deletionProtection: "yes" as unknown as boolean,
          httpRedirect: "no" as unknown as boolean,
        },
      },
      ['`loadBalancer.deletionProtection` must be true or false: got "yes".', '`loadBalancer.httpRedirect` must be true or false: got "no".'],
    ],
    [
      "attach without the load balancer's groups",
      { loadBalancer: { targetGroupArn: TG } },
      [
        "`loadBalancer.securityGroupIds` is required with `targetGroupArn`: the tasks' security group admits only the load balancer's groups. Give them (an NLB without security groups: give `network.securityGroupIds` with the rules it needs instead).",
      ],
    ],
    [
      "attach with an empty list of groups",
      { loadBalancer: { targetGroupArn: TG, securityGroupIds: [] } },
      ["`loadBalancer.securityGroupIds` is empty. Give the load balancer's security group ids."],
    ],
    [
      "attach with the load balancer's groups and the caller's task groups",
      {
        network: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-tasks"] },
        loadBalancer: { targetGroupArn: TG, securityGroupIds: ["sg-lb"] },
      },
      [
        "`loadBalancer.securityGroupIds` would be admitted by the tasks' security group, but `network.securityGroupIds` makes the tasks' groups yours: the component adds no rule to them. Admit the load balancer there and remove `loadBalancer.securityGroupIds`.",
      ],
    ],
    [
      "load balancer groups for a created ALB",
      { loadBalancer: { certificateArn: CERT, securityGroupIds: ["sg-lb"] } },
      ["`loadBalancer.securityGroupIds` goes only with `targetGroupArn`: the ALB the component creates gets its own security group. Remove it."],
    ],
    [
      "a created ALB in the caller's network without its own subnets",
      { network: { subnetIds: ["subnet-private-a", "subnet-private-b"] } },
      [
        "`loadBalancer.subnetIds` is required with `network`: the tasks' subnets are usually private, and an internet-facing ALB needs public ones. Give public subnets in at least two Availability Zones.",
      ],
    ],
    [
      "an ALB in one subnet",
      { loadBalancer: { certificateArn: CERT, subnetIds: ["subnet-public-a"] } },
      ["`loadBalancer.subnetIds` must name subnets in at least two Availability Zones (an ALB needs two): got 1. Add a subnet in another zone."],
    ],
    [
      "the caller's task groups as an output, with a created ALB",
      {
        network: { subnetIds: ["subnet-a"], securityGroupIds: pulumi.output(["sg-tasks"]) },
        loadBalancer: { certificateArn: CERT, subnetIds: ["subnet-public-a", "subnet-public-b"] },
      },
      [
        "`network.securityGroupIds` must be a list (its elements may be outputs) when the component creates the ALB: the ALB's security group gets one egress rule to each of the tasks' groups. Write `[a, b]` rather than an output of a list.",
      ],
    ],
    [
      "no CIDR blocks",
      { loadBalancer: { certificateArn: CERT, ingressCidrBlocks: [] } },
      ['`loadBalancer.ingressCidrBlocks` is empty: nobody could reach the ALB. Give at least one CIDR block, e.g. "0.0.0.0/0".'],
    ],
    [
      "a CIDR block that is not IPv4",
      { loadBalancer: { certificateArn: CERT, ingressCidrBlocks: ["::/0"] } },
      ['`loadBalancer.ingressCidrBlocks[0]` is not an IPv4 CIDR block: got "::/0". Write e.g. "203.0.113.0/24".'],
    ],
    [
      "a TLS policy that admits TLS 1.0",
      { loadBalancer: { certificateArn: CERT, sslPolicy: "ELBSecurityPolicy-2016-08" } },
      [
        '`loadBalancer.sslPolicy` must be an ELB security policy whose minimum is TLS 1.2 (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*): got "ELBSecurityPolicy-2016-08". Use "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09".',
      ],
    ],
    [
      "a TLS 1.3 policy that admits TLS 1.1",
      { loadBalancer: { certificateArn: CERT, sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" } },
      [
        '`loadBalancer.sslPolicy` must be an ELB security policy whose minimum is TLS 1.2 (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*): got "ELBSecurityPolicy-TLS13-1-1-2021-06". Use "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09".',
      ],
    ],
    [
      "an access log prefix with AWSLogs",
      { loadBalancer: { certificateArn: CERT, accessLogs: { bucket: "logs", prefix: "web/AWSLogs" } } },
      [
        '`loadBalancer.accessLogs.prefix` must be non-empty, without a leading or trailing "/", and must not contain "AWSLogs" (ELB adds it): got "web/AWSLogs".',
      ],
    ],
    [
      "an empty access log bucket",
      { loadBalancer: { certificateArn: CERT, accessLogs: { bucket: "" } } },
      ["`loadBalancer.accessLogs.bucket` is empty. Give the name of a bucket whose policy lets Elastic Load Balancing write."],
    ],
    [
      "health check numbers out of range",
      { loadBalancer: { certificateArn: CERT, healthCheck: { intervalSeconds: 4, healthyThreshold: 1, unhealthyThreshold: 11 } } },
      [
        "`loadBalancer.healthCheck.intervalSeconds` must be a whole number from 5 to 300: got 4.",
        "`loadBalancer.healthCheck.healthyThreshold` must be a whole number from 2 to 10: got 1.",
        "`loadBalancer.healthCheck.unhealthyThreshold` must be a whole number from 2 to 10: got 11.",
        "`loadBalancer.healthCheck.timeoutSeconds` must be less than intervalSeconds (4): got 5.",
      ],
    ],
    [
      "a health check timeout as long as the interval",
      { loadBalancer: { certificateArn: CERT, healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } } },
      ["`loadBalancer.healthCheck.timeoutSeconds` must be less than intervalSeconds (10): got 10."],
    ],
    [
      "a health check path without a slash",
      { loadBalancer: { certificateArn: CERT, healthCheck: { path: "health" } } },
      ['`loadBalancer.healthCheck.path` must start with "/" and be at most 1024 characters: got "health". Write e.g. "/health".'],
    ],
    [
      "a matcher outside 200-499",
      { loadBalancer: { certificateArn: CERT, healthCheck: { matcher: "200-599" } } },
      ['`loadBalancer.healthCheck.matcher` must be HTTP codes from 200 to 499, as "200", "200,204" or "200-299": got "200-599".'],
    ],
    [
      "a negative grace period",
      { healthCheckGracePeriodSeconds: -1 },
      ["`healthCheckGracePeriodSeconds` must be a whole number of seconds from 0 to 2147483647: got -1."],
    ],
    [
      "a grace period without a load balancer",
      { loadBalancer: undefined, healthCheckGracePeriodSeconds: 30 },
      [
        "`healthCheckGracePeriodSeconds` delays the health checks of a new task, but there is neither a `loadBalancer` nor a container `healthCheck`: got 30. Remove it, or add one of them.",
      ],
    ],
  ];
  for (const [what, args, expected] of cases) {
    it(`rejects ${what}`, () => {
      expect(problems(args)).to.deep.equal(expected);
    });
  }
});
