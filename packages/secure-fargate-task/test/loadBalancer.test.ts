import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { fakeId } from "@twitterstream/test-kit/awsFakes";
import { ACCOUNT, REGION, resolve, type MockRun } from "@twitterstream/test-kit/mocks";
import { containerDefinitions, runComponent } from "./runComponent";

const CERT = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666`;
const TG_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`;
const WEB: Partial<SecureFargateTaskArgs> = { portMappings: [{ containerPort: 8080 }], loadBalancer: { certificateArn: CERT } };

/** The id the mocks give a resource of this type and logical name (the test kit's fakeId). */
const idOf = (type: string, name: string): string => fakeId(type, name);
const SG = "aws:ec2/securityGroup:SecurityGroup";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const TG = "aws:lb/targetGroup:TargetGroup";
const LISTENER = "aws:lb/listener:Listener";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** The children a load balancer adds, as `<type> <name>`. */
function loadBalancerChildren(r: MockRun): string[] {
  return r.resources
    .filter((c) => c.type.startsWith("aws:lb/") || c.type.startsWith("aws:vpc/") || c.name.startsWith("app-lb-"))
    .map((c) => `${c.type} ${c.name}`)
    .sort();
}

/** The URN-dependencies the engine would get for one resource. */
function dependencies(r: MockRun, type: string, name: string): string[] {
  return r.registrations.find((x) => x.type === type && x.name === name)!.dependencies;
}

describe("SecureFargateTask with ports and a load balancer, under mocks", () => {
  it("maps the container's ports, hostPort left to ECS, and maps none by default", async () => {
    const { run: r } = await runComponent({
      portMappings: [{ containerPort: 8080 }, { containerPort: 9090, name: "grpc", appProtocol: "grpc" }, { containerPort: 5353, protocol: "udp" }],
    });
    expect(containerDefinitions(r)[0].portMappings).to.deep.equal([
      { containerPort: 8080, protocol: "tcp" },
      { containerPort: 9090, protocol: "tcp", name: "grpc", appProtocol: "grpc" },
      { containerPort: 5353, protocol: "udp" },
    ]);
    const { run: plain } = await runComponent();
    expect(containerDefinitions(plain)[0]).to.not.have.property("portMappings");
    expect(plain.get("aws:ecs/service:Service", "app-service").inputs).to.not.have.any.keys("loadBalancers", "healthCheckGracePeriodSeconds");
  });

  it("creates a hardened internet-facing ALB: HTTPS with a TLS 1.2+ policy, HTTP only redirecting, deletion protection, invalid headers dropped", async () => {
    const { run: r, component } = await runComponent(WEB);
    expect(loadBalancerChildren(r)).to.deep.equal(
      [
        `${SG} app-lb-sg`,
        `${INGRESS} app-lb-https-0`,
        `${INGRESS} app-lb-http-0`,
        `${EGRESS} app-lb-to-tasks-0`,
        `${LB} app-alb`,
        `${TG} app-tg`,
        `${LISTENER} app-https`,
        `${LISTENER} app-http`,
      ].sort(),
    );
    const albGroup = idOf(SG, "app-lb-sg");
    expect(r.get(LB, "app-alb").inputs).to.deep.equal({
      name: "proj-dev-app",
      securityGroups: [albGroup],
      subnets: ["subnet-default-a", "subnet-default-b"],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: true,
      tags: {},
    });
    const tg = r.get(TG, "app-tg");
    expect(tg.inputs).to.deep.equal({
      name: tg.inputs.name,
      port: 8080,
      protocol: "HTTP",
      targetType: "ip",
      vpcId: "vpc-default",
      healthCheck: {
        enabled: true,
        protocol: "HTTP",
        port: "traffic-port",
        path: "/",
        matcher: "200",
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      tags: {},
    });
    expect(String(tg.inputs.name)).to.match(/^proj-dev-app-[0-9a-f]{8}$/);
    const lbArn = String(r.get(LB, "app-alb").state.arn);
    expect(r.get(LISTENER, "app-https").inputs).to.deep.equal({
      loadBalancerArn: lbArn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      certificateArn: CERT,
      defaultActions: [{ type: "forward", targetGroupArn: tg.state.arn }],
      tags: {},
    });
    expect(r.get(LISTENER, "app-http").inputs).to.deep.equal({
      loadBalancerArn: lbArn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
      tags: {},
    });
    expect(await resolve(component.loadBalancerArn)).to.equal(lbArn);
    expect(await resolve(component.loadBalancerDnsName)).to.equal(`proj-dev-app-1234567890.${REGION}.elb.amazonaws.com`);
    expect(await resolve(component.targetGroupArn)).to.equal(tg.state.arn);
  });

  it("lets the ALB in on 443 and 80 from the given CIDR blocks and out only to the tasks' group on the container port", async () => {
    const { run: r } = await runComponent({
      ...WEB,
      loadBalancer: { certificateArn: CERT, ingressCidrBlocks: ["203.0.113.0/24", "198.51.100.0/24"] },
    });
    const albGroup = idOf(SG, "app-lb-sg");
    expect(r.get(SG, "app-lb-sg").inputs).to.deep.equal({
      description: "Load balancer of app: HTTPS and HTTP in, the tasks out",
      vpcId: "vpc-default",
      revokeRulesOnDelete: true,
      tags: {},
    });
    const ingress = (name: string, port: number, cidr: string, description: string) => ({
      name,
      inputs: { securityGroupId: albGroup, description, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: cidr, tags: {} },
    });
    expect(r.ofType(INGRESS).map(({ name, inputs }) => ({ name, inputs }))).to.deep.equal([
      ingress("app-lb-https-0", 443, "203.0.113.0/24", "HTTPS from clients"),
      ingress("app-lb-https-1", 443, "198.51.100.0/24", "HTTPS from clients"),
      ingress("app-lb-http-0", 80, "203.0.113.0/24", "HTTP from clients, redirected to HTTPS"),
      ingress("app-lb-http-1", 80, "198.51.100.0/24", "HTTP from clients, redirected to HTTPS"),
    ]);
    expect(r.get(EGRESS, "app-lb-to-tasks-0").inputs).to.deep.equal({
      securityGroupId: albGroup,
      description: "To the tasks, on the container port only",
      ipProtocol: "tcp",
      fromPort: 8080,
      toPort: 8080,
      referencedSecurityGroupId: idOf(SG, "app-sg"),
      tags: {},
    });
    const tasks = r.get(SG, "app-sg").inputs;
    expect(tasks.description).to.equal("Tasks of app: HTTPS egress, ingress from the load balancer only");
    expect(tasks.ingress).to.deep.equal([
      {
        description: "From the load balancer, on the container port only",
        protocol: "tcp",
        fromPort: 8080,
        toPort: 8080,
        securityGroups: [albGroup],
      },
    ]);
  });

  it("registers the tasks in the target group by container name and port, only once a listener forwards to it", async () => {
    const { run: r } = await runComponent({ ...WEB, healthCheckGracePeriodSeconds: 120 });
    const service = r.get("aws:ecs/service:Service", "app-service");
    expect(service.inputs.loadBalancers).to.deep.equal([
      { targetGroupArn: r.get(TG, "app-tg").state.arn, containerName: "app", containerPort: 8080 },
    ]);
    expect(service.inputs.healthCheckGracePeriodSeconds).to.equal(120);
    expect(service.inputs).to.not.have.property("iamRole");
    expect(dependencies(r, "aws:ecs/service:Service", "app-service")).to.include(r.get(LISTENER, "app-https").urn);
    const { run: byDefault } = await runComponent(WEB);
    expect(byDefault.get("aws:ecs/service:Service", "app-service").inputs.healthCheckGracePeriodSeconds).to.equal(60);
  });

  it("writes access logs when asked, and lets deletion protection be turned off", async () => {
    const { run: r } = await runComponent({
      ...WEB,
      loadBalancer: { certificateArn: CERT, accessLogs: { bucket: "elb-logs", prefix: "web" }, deletionProtection: false },
    });
    expect(r.get(LB, "app-alb").inputs).to.deep.include({
      accessLogs: { enabled: true, bucket: "elb-logs", prefix: "web" },
      enableDeletionProtection: false,
    });
  });

  it("with httpRedirect false listens on HTTPS only: no port 80 listener or ingress, ELB.18's ask", async () => {
    const { run: r } = await runComponent({ ...WEB, loadBalancer: { certificateArn: CERT, httpRedirect: false } });
    expect(r.ofType(LISTENER).map((l) => [l.name, l.inputs.port, l.inputs.protocol])).to.deep.equal([["app-https", 443, "HTTPS"]]);
    expect(r.ofType(INGRESS).map((i) => [i.name, i.inputs.fromPort, i.inputs.toPort])).to.deep.equal([["app-lb-https-0", 443, 443]]);
    expect(r.get(SG, "app-lb-sg").inputs.description).to.equal("Load balancer of app: HTTPS in, the tasks out");
    const { run: byDefault } = await runComponent(WEB);
    expect(
      byDefault
        .ofType(LISTENER)
        .map((l) => l.name)
        .sort(),
    ).to.deep.equal(["app-http", "app-https"]);
    expect(byDefault.get(SG, "app-lb-sg").inputs.description).to.equal("Load balancer of app: HTTPS and HTTP in, the tasks out");
  });

  it("puts a created ALB in the given public subnets, with egress to each of the caller's task groups, whose rules stay the caller's", async () => {
    const { run: r } = await runComponent({
      ...WEB,
      network: { subnetIds: ["subnet-private-a", "subnet-private-b"], securityGroupIds: ["sg-tasks-a", "sg-tasks-b"] },
      loadBalancer: { certificateArn: CERT, subnetIds: ["subnet-public-a", "subnet-public-b"] },
    });
    expect(r.get(LB, "app-alb").inputs.subnets).to.deep.equal(["subnet-public-a", "subnet-public-b"]);
    expect(r.ofType(SG).map((g) => g.name)).to.deep.equal(["app-lb-sg"]);
    expect(r.ofType(EGRESS).map((e) => [e.name, e.inputs.referencedSecurityGroupId])).to.deep.equal([
      ["app-lb-to-tasks-0", "sg-tasks-a"],
      ["app-lb-to-tasks-1", "sg-tasks-b"],
    ]);
    expect(r.get(TG, "app-tg").inputs.vpcId).to.equal("vpc-caller");
  });

  it("attaches to an existing ALB target group: creates no load balancer, admits only its groups on the container port", async () => {
    const { run: r, component } = await runComponent({
      portMappings: [{ containerPort: 3000 }],
      loadBalancer: { targetGroupArn: TG_ARN, securityGroupIds: ["sg-alb"] },
    });
    expect(loadBalancerChildren(r)).to.deep.equal([]);
    expect(r.get(SG, "app-sg").inputs.ingress).to.deep.equal([
      {
        description: "From the load balancer, on the container port only",
        protocol: "tcp",
        fromPort: 3000,
        toPort: 3000,
        securityGroups: ["sg-alb"],
      },
    ]);
    const service = r.get("aws:ecs/service:Service", "app-service").inputs;
    expect(service.loadBalancers).to.deep.equal([{ targetGroupArn: TG_ARN, containerName: "app", containerPort: 3000 }]);
    expect(service.healthCheckGracePeriodSeconds).to.equal(60);
    expect(await resolve(component.targetGroupArn)).to.equal(TG_ARN);
    expect(await resolve(component.loadBalancerArn)).to.equal(undefined);
    expect(await resolve(component.loadBalancerDnsName)).to.equal(undefined);
  });

  it("attaches to an NLB target group behind the caller's task groups (an NLB without security groups), adding no rule", async () => {
    const { run: r } = await runComponent({
      portMappings: [{ containerPort: 5000 }],
      network: { subnetIds: ["subnet-private-a", "subnet-private-b"], securityGroupIds: ["sg-tasks"] },
      loadBalancer: { targetGroupArn: TG_ARN },
    });
    expect(r.ofType(SG)).to.deep.equal([]);
    expect(loadBalancerChildren(r)).to.deep.equal([]);
    const service = r.get("aws:ecs/service:Service", "app-service").inputs;
    expect(service.loadBalancers).to.deep.equal([{ targetGroupArn: TG_ARN, containerName: "app", containerPort: 5000 }]);
    expect(service.networkConfiguration).to.deep.include({ securityGroups: ["sg-tasks"] });
  });

  it("attaches to an NLB target group with security groups like to an ALB's", async () => {
    const { run: r } = await runComponent({
      portMappings: [{ containerPort: 5000 }],
      loadBalancer: { targetGroupArn: TG_ARN, securityGroupIds: ["sg-nlb-a", "sg-nlb-b"] },
    });
    expect((r.get(SG, "app-sg").inputs.ingress as Array<Record<string, unknown>>).map((i) => [i.fromPort, i.securityGroups])).to.deep.equal([
      [5000, ["sg-nlb-a", "sg-nlb-b"]],
    ]);
  });

  it("grants nothing new for the load balancer: ECS registers targets with its service-linked role", async () => {
    const { run: plain } = await runComponent();
    const { run: web } = await runComponent(WEB);
    const policies = (r: MockRun) => r.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => [p.name, p.inputs.policy]);
    expect(policies(web)).to.deep.equal(policies(plain));
    expect(web.ofType("aws:iam/role:Role").map((x) => x.name)).to.deep.equal(plain.ofType("aws:iam/role:Role").map((x) => x.name));
  });
});
