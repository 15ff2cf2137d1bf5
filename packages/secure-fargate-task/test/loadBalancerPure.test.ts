import { expect } from "chai";
import fc from "fast-check";
import { targetGroupHealthCheck } from "../src/loadBalancer/healthCheck";
import { loadBalancerName, targetGroupName } from "../src/loadBalancer/names";
import { containerPortMappings } from "../src/loadBalancer/portMappings";
import { requestCountResourceLabel } from "../src/loadBalancer/requestCount";
import { MINIMUM_TLS12_POLICY, RECOMMENDED_SSL_POLICY } from "../src/loadBalancer/sslPolicy";
import { DEFAULT_HEALTH_CHECK } from "../src/loadBalancer/validateLoadBalancer";

/**
 * ELB load balancer names (terraform-provider-aws internal/service/elbv2/validate.go validName): at most 32
 * alphanumerics and hyphens, no hyphen at either end, not starting with "internal-". Target groups: the same but the
 * prefix rule (validTargetGroupName).
 */
const ELB_NAME = /^(?!internal-)[0-9A-Za-z](?:[0-9A-Za-z-]{0,30}[0-9A-Za-z])?$/;
const TARGET_GROUP_NAME = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,30}[0-9A-Za-z])?$/;
/** Project and stack names Pulumi accepts, and component names the component accepts. */
const pulumiName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,100}$/);
const componentName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);

describe("load balancer names", () => {
  it("names the ALB <project>-<stack>-<name> when it fits", () => {
    expect(loadBalancerName("proj", "dev", "app")).to.equal("proj-dev-app");
    expect(loadBalancerName("my_proj.v2", "dev", "web")).to.equal("my-proj-v2-dev-web");
  });

  it("shortens long names with a hash of the whole, keeping them apart", () => {
    const a = loadBalancerName("p".repeat(100), "s".repeat(100), "a".repeat(32));
    const b = loadBalancerName("p".repeat(100), "s".repeat(99), "a".repeat(32));
    expect(a).to.have.length(32).and.match(ELB_NAME);
    expect(a).to.not.equal(b);
  });

  it("never starts an ALB name with internal-", () => {
    expect(loadBalancerName("internal", "dev", "app")).to.equal("lb-internal-dev-app");
  });

  it("ends the target group name in a hash of what replaces it", () => {
    const key = (port: number) => JSON.stringify({ port, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1" });
    expect(targetGroupName("proj", "dev", "app", key(8080))).to.match(/^proj-dev-app-[0-9a-f]{8}$/);
    expect(targetGroupName("proj", "dev", "app", key(8080))).to.equal(targetGroupName("proj", "dev", "app", key(8080)));
    expect(targetGroupName("proj", "dev", "app", key(8080))).to.not.equal(targetGroupName("proj", "dev", "app", key(8081)));
  });

  it("derives valid ELB names from any project, stack and component name (fast-check)", () => {
    fc.assert(
      fc.property(pulumiName, pulumiName, componentName, fc.string(), (project, stack, name, key) => {
        expect(loadBalancerName(project, stack, name)).to.match(ELB_NAME);
        expect(targetGroupName(project, stack, name, key)).to.match(TARGET_GROUP_NAME);
      }),
      { numRuns: 500 },
    );
  });
});

describe("load balancer pure builders", () => {
  it("builds the target group health check: HTTP on the traffic port", () => {
    expect(targetGroupHealthCheck({ ...DEFAULT_HEALTH_CHECK, path: "/health", matcher: "200-299" })).to.deep.equal({
      enabled: true,
      protocol: "HTTP",
      port: "traffic-port",
      path: "/health",
      matcher: "200-299",
      interval: 15,
      timeout: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    });
  });

  it("builds port mappings without hostPort, name and appProtocol only when given", () => {
    expect(
      containerPortMappings([
        { containerPort: 80, protocol: "tcp" },
        { containerPort: 443, protocol: "tcp", name: "web", appProtocol: "http2" },
      ]),
    ).to.deep.equal([
      { containerPort: 80, protocol: "tcp" },
      { containerPort: 443, protocol: "tcp", name: "web", appProtocol: "http2" },
    ]);
  });

  it("labels ALB request counts per target as <ALB ARN suffix>/<target group ARN suffix>", () => {
    expect(requestCountResourceLabel("app/proj-dev-app/0123456789abcdef", "targetgroup/proj-dev-app-1a2b3c4d/fedcba9876543210")).to.equal(
      "app/proj-dev-app/0123456789abcdef/targetgroup/proj-dev-app-1a2b3c4d/fedcba9876543210",
    );
    expect(() => requestCountResourceLabel("net/nlb/0123456789abcdef", "targetgroup/tg/fedcba9876543210")).to.throw(
      "not an Application Load Balancer ARN suffix (app/<name>/<id>): net/nlb/0123456789abcdef",
    );
    expect(() => requestCountResourceLabel("app/alb/0123456789abcdef", "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/tg/1")).to.throw(
      "not a target group ARN suffix",
    );
  });

  it("accepts the TLS 1.2+ security policies and refuses those that admit TLS 1.0 or 1.1", () => {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
    for (const ok of [
      RECOMMENDED_SSL_POLICY,
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
      "ELBSecurityPolicy-TLS-1-2-2017-01",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-FS-1-2-2019-08",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    ]) {
      expect(ok).to.match(MINIMUM_TLS12_POLICY);
    }
    for (const weak of [
      "ELBSecurityPolicy-2016-08",
      "ELBSecurityPolicy-2015-05",
      "ELBSecurityPolicy-TLS-1-0-2015-04",
      "ELBSecurityPolicy-TLS-1-1-2017-01",
      "ELBSecurityPolicy-TLS13-1-0-2021-06",
      "ELBSecurityPolicy-TLS13-1-1-2021-06",
      "ELBSecurityPolicy-FS-2018-06",
      "ELBSecurityPolicy-FS-1-1-2019-08",
      "ELBSecurityPolicy-TLS13-1-2",
    ]) {
      expect(weak).to.not.match(MINIMUM_TLS12_POLICY);
    }
  });
});
