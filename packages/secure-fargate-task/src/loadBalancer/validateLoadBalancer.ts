import type * as pulumi from "@pulumi/pulumi";
import type { NetworkArgs } from "../network/args";
import type { RunMode } from "../args";
import { type Reject, show } from "../errors";
import { AccessLogsArgs, AppProtocol, LoadBalancerArgs, PortMappingArgs, PortProtocol, TargetHealthCheckArgs } from "./args";
import type { HealthCheckSettings, LoadBalancerSettings, PortMappingSettings } from "./settings";
import { MINIMUM_TLS12_POLICY, RECOMMENDED_SSL_POLICY } from "./sslPolicy";

/**
 * Port mapping names: up to 64 lower-case letters, digits, `_` and `-`, not starting with `-`.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
const PORT_NAME = /^[a-z0-9_][a-z0-9_-]{0,63}$/;
/** An ACM certificate ARN. https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html */
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
/**
 * A target group ARN: `targetgroup/<name ≤32>/<16 hex>`.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html#awselasticloadbalancingv2-resources-for-iam-policies
 */
const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
/** HTTP codes for an ALB target group's matcher: single codes, lists and ranges. */
const MATCHER = /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/;
/** The largest grace period ECS takes. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html */
const MAX_GRACE_PERIOD = 2147483647;
/** The grace period with a load balancer when none is given: CDK's default, time for a task to start answering. */
export const DEFAULT_GRACE_PERIOD = 60;

export const DEFAULT_HEALTH_CHECK: HealthCheckSettings = {
  path: "/",
  matcher: "200",
  intervalSeconds: 15,
  timeoutSeconds: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
};

/**
 * A container's port mappings, checked; kept in the order given.
 * @param at where they are, for messages: `portMappings` (the app's) or e.g. `sidecars[0].portMappings`.
 */
export function validatePortMappings(mappings: PortMappingArgs[] | undefined, reject: Reject, at = "portMappings"): PortMappingSettings[] {
  const seen = new Set<string>();
  const names = new Set<string>();
  return (mappings ?? []).map((m, i) => {
    const field = `${at}[${i}]`;
    const protocol = m.protocol ?? "tcp";
    if (!Number.isInteger(m.containerPort) || m.containerPort < 1 || m.containerPort > 65535) {
      reject(`${field}.containerPort`, `must be a whole number from 1 to 65535: got ${show(m.containerPort)}.`);
    }
    if (!(Object.values(PortProtocol) as string[]).includes(protocol)) {
      reject(`${field}.protocol`, `must be "tcp" or "udp": got ${show(protocol)}.`);
    }
    const key = `${m.containerPort}/${protocol}`;
    if (seen.has(key)) reject(`${field}`, `maps ${key} a second time. Remove the duplicate.`);
    seen.add(key);
    if (m.name !== undefined) {
      if (!PORT_NAME.test(m.name)) {
        reject(`${field}.name`, `must be 1 to 64 lower-case letters, digits, "_" or "-", not starting with "-": got ${show(m.name)}.`);
      } else if (names.has(m.name)) {
        reject(`${field}.name`, `${show(m.name)} names another port mapping too. Give each port its own name.`);
      }
      names.add(m.name);
    }
    if (m.appProtocol !== undefined) {
      if (!(Object.values(AppProtocol) as string[]).includes(m.appProtocol)) {
        reject(`${field}.appProtocol`, `must be "http", "http2" or "grpc": got ${show(m.appProtocol)}.`);
      } else if (m.name === undefined) {
        reject(`${field}.appProtocol`, `is used by Service Connect, which refers to a port by its name. Give the port a \`name\`.`);
      } else if (protocol !== "tcp") {
        reject(`${field}.appProtocol`, `${show(m.appProtocol)} runs over TCP, but the port is ${show(protocol)}.`);
      }
    }
    return {
      containerPort: m.containerPort,
      protocol,
      ...(m.name !== undefined ? { name: m.name } : {}),
      ...(m.appProtocol !== undefined ? { appProtocol: m.appProtocol } : {}),
    };
  });
}

/** What the load balancer's checks need from the other arguments. */
export interface LoadBalancerContext {
  portMappings: PortMappingSettings[];
  runMode: RunMode;
  network: NetworkArgs | undefined;
}

/** The options that go only with a load balancer the component creates. */
const CREATE_ONLY = ["subnetIds", "ingressCidrBlocks", "sslPolicy", "accessLogs", "deletionProtection", "httpRedirect", "healthCheck"] as const;

/** Checks `loadBalancer`: attach (`targetGroupArn`) or create (`certificateArn`), never both. */
export function validateLoadBalancer(lb: LoadBalancerArgs, context: LoadBalancerContext, reject: Reject): LoadBalancerSettings {
  if (context.runMode !== "service") {
    reject(
      "loadBalancer",
      `needs a service to register tasks in, but runMode is ${show(context.runMode)}. Remove \`loadBalancer\` or use runMode "service".`,
    );
  }
  const containerPort = validateContainerPort(lb.containerPort, context.portMappings, reject);
  const attach = lb.targetGroupArn !== undefined;
  if (attach && lb.certificateArn !== undefined) {
    reject("loadBalancer", "gives both `targetGroupArn` (attach to an existing target group) and `certificateArn` (create an ALB). Give one.");
  } else if (!attach && lb.certificateArn === undefined) {
    reject(
      "loadBalancer",
      "names no load balancer. Give `certificateArn` (an ACM certificate: the component creates an HTTPS ALB) or `targetGroupArn` (an existing target group).",
    );
  }
  if (attach) {
    if (typeof lb.targetGroupArn === "string" && !TARGET_GROUP_ARN.test(lb.targetGroupArn)) {
      reject(
        "loadBalancer.targetGroupArn",
        `is not a target group ARN: got ${show(lb.targetGroupArn)}. Give arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>.`,
      );
    }
    for (const option of CREATE_ONLY) {
      if (lb[option] !== undefined) {
        reject(
          `loadBalancer.${option}`,
          "configures a load balancer the component creates; with `targetGroupArn` the load balancer is yours. Remove it.",
        );
      }
    }
    return {
      kind: "attach",
      targetGroupArn: lb.targetGroupArn!,
      containerPort,
      securityGroupIds: attachedSecurityGroups(lb, context.network, reject),
    };
  }
  if (typeof lb.certificateArn === "string" && !CERTIFICATE_ARN.test(lb.certificateArn)) {
    reject(
      "loadBalancer.certificateArn",
      `is not an ACM certificate ARN: got ${show(lb.certificateArn)}. Give arn:aws:acm:<region>:<account>:certificate/<id>, from \`aws acm list-certificates\`.`,
    );
  }
  if (lb.securityGroupIds !== undefined) {
    reject(
      "loadBalancer.securityGroupIds",
      "goes only with `targetGroupArn`: the ALB the component creates gets its own security group. Remove it.",
    );
  }
  validateAlbNetwork(lb, context.network, reject);
  const ingressCidrBlocks = lb.ingressCidrBlocks ?? ["0.0.0.0/0"];
  if (ingressCidrBlocks.length === 0)
    reject("loadBalancer.ingressCidrBlocks", `is empty: nobody could reach the ALB. Give at least one CIDR block, e.g. "0.0.0.0/0".`);
  ingressCidrBlocks.forEach((cidr, i) => {
    if (!IPV4_CIDR.test(cidr))
      reject(`loadBalancer.ingressCidrBlocks[${i}]`, `is not an IPv4 CIDR block: got ${show(cidr)}. Write e.g. "203.0.113.0/24".`);
  });
  const sslPolicy = lb.sslPolicy ?? RECOMMENDED_SSL_POLICY;
  if (!MINIMUM_TLS12_POLICY.test(sslPolicy)) {
    reject(
      "loadBalancer.sslPolicy",
      `must be an ELB security policy whose minimum is TLS 1.2 (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*): got ${show(sslPolicy)}. Use ${show(RECOMMENDED_SSL_POLICY)}.`,
    );
  }
  const deletionProtection = lb.deletionProtection ?? true;
  if (typeof deletionProtection !== "boolean") reject("loadBalancer.deletionProtection", `must be true or false: got ${show(deletionProtection)}.`);
  const httpRedirect = lb.httpRedirect ?? true;
  if (typeof httpRedirect !== "boolean") reject("loadBalancer.httpRedirect", `must be true or false: got ${show(httpRedirect)}.`);
  return {
    kind: "create",
    certificateArn: lb.certificateArn!,
    containerPort,
    subnetIds: lb.subnetIds,
    ingressCidrBlocks,
    sslPolicy,
    accessLogs: lb.accessLogs === undefined ? undefined : validateAccessLogs(lb.accessLogs, reject),
    deletionProtection,
    httpRedirect,
    healthCheck: validateHealthCheck(lb.healthCheck ?? {}, reject),
  };
}

/**
 * `healthCheckGracePeriodSeconds`: a whole number of seconds ECS accepts, and only where there is a health check it
 * applies to: the load balancer's or the container's (ECS ignores both during the grace period).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 * With a load balancer, {@link DEFAULT_GRACE_PERIOD} when not given.
 */
export function validateGracePeriod(
  value: number | undefined,
  checks: { loadBalancer: boolean; containerHealthCheck: boolean },
  reject: Reject,
): number | undefined {
  if (value === undefined) return checks.loadBalancer ? DEFAULT_GRACE_PERIOD : undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_GRACE_PERIOD) {
    reject("healthCheckGracePeriodSeconds", `must be a whole number of seconds from 0 to ${MAX_GRACE_PERIOD}: got ${show(value)}.`);
  } else if (!checks.loadBalancer && !checks.containerHealthCheck) {
    reject(
      "healthCheckGracePeriodSeconds",
      `delays the health checks of a new task, but there is neither a \`loadBalancer\` nor a container \`healthCheck\`: got ${show(value)}. Remove it, or add one of them.`,
    );
  }
  return value;
}

function validateContainerPort(port: number | undefined, mappings: PortMappingSettings[], reject: Reject): number {
  const tcp = mappings.filter((m) => m.protocol === "tcp").map((m) => m.containerPort);
  if (tcp.length === 0) {
    reject("portMappings", "has no tcp port for the load balancer to send traffic to. Add one, e.g. `portMappings: [{ containerPort: 8080 }]`.");
    return port ?? 0;
  }
  if (port === undefined) return tcp[0];
  if (!tcp.includes(port)) {
    reject(
      "loadBalancer.containerPort",
      `must be one of the tcp \`portMappings\` (${tcp.join(", ")}): got ${show(port)}. Add it to \`portMappings\` or pick one of them.`,
    );
  }
  return port;
}

/** The LB groups the tasks' group admits; none when the caller gives the tasks' groups (and owns their rules). */
function attachedSecurityGroups(lb: LoadBalancerArgs, network: NetworkArgs | undefined, reject: Reject): pulumi.Input<string>[] {
  const callerGroups = network?.securityGroupIds !== undefined;
  if (lb.securityGroupIds !== undefined && callerGroups) {
    reject(
      "loadBalancer.securityGroupIds",
      "would be admitted by the tasks' security group, but `network.securityGroupIds` makes the tasks' groups yours: the component adds no rule to them. Admit the load balancer there and remove `loadBalancer.securityGroupIds`.",
    );
  } else if (lb.securityGroupIds === undefined && !callerGroups) {
    reject(
      "loadBalancer.securityGroupIds",
      "is required with `targetGroupArn`: the tasks' security group admits only the load balancer's groups. Give them (an NLB without security groups: give `network.securityGroupIds` with the rules it needs instead).",
    );
  } else if (lb.securityGroupIds?.length === 0) {
    reject("loadBalancer.securityGroupIds", "is empty. Give the load balancer's security group ids.");
  }
  return callerGroups ? [] : (lb.securityGroupIds ?? []);
}

function validateAlbNetwork(lb: LoadBalancerArgs, network: NetworkArgs | undefined, reject: Reject): void {
  if (network !== undefined && lb.subnetIds === undefined) {
    reject(
      "loadBalancer.subnetIds",
      "is required with `network`: the tasks' subnets are usually private, and an internet-facing ALB needs public ones. Give public subnets in at least two Availability Zones.",
    );
  }
  if (lb.subnetIds !== undefined && lb.subnetIds.length < 2) {
    reject(
      "loadBalancer.subnetIds",
      `must name subnets in at least two Availability Zones (an ALB needs two): got ${lb.subnetIds.length}. Add a subnet in another zone.`,
    );
  }
  if (network?.securityGroupIds !== undefined && !Array.isArray(network.securityGroupIds)) {
    reject(
      "network.securityGroupIds",
      "must be a list (its elements may be outputs) when the component creates the ALB: the ALB's security group gets one egress rule to each of the tasks' groups. Write `[a, b]` rather than an output of a list.",
    );
  }
}

function validateAccessLogs(logs: AccessLogsArgs, reject: Reject): { bucket: pulumi.Input<string>; prefix: string | undefined } {
  if (logs.bucket === "")
    reject("loadBalancer.accessLogs.bucket", "is empty. Give the name of a bucket whose policy lets Elastic Load Balancing write.");
  const prefix = logs.prefix;
  if (prefix !== undefined && (prefix === "" || prefix.startsWith("/") || prefix.endsWith("/") || prefix.includes("AWSLogs"))) {
    reject(
      "loadBalancer.accessLogs.prefix",
      `must be non-empty, without a leading or trailing "/", and must not contain "AWSLogs" (ELB adds it): got ${show(prefix)}.`,
    );
  }
  return { bucket: logs.bucket, prefix };
}

/**
 * The target group health check, defaults filled in; ranges as Elastic Load Balancing accepts them for HTTP checks.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
 */
function validateHealthCheck(check: TargetHealthCheckArgs, reject: Reject): HealthCheckSettings {
  const s: HealthCheckSettings = { ...DEFAULT_HEALTH_CHECK, ...definedOnly(check) };
  const field = "loadBalancer.healthCheck";
  const range = (name: keyof HealthCheckSettings, value: number, min: number, max: number): void => {
    if (!Number.isInteger(value) || value < min || value > max)
      reject(`${field}.${name}`, `must be a whole number from ${min} to ${max}: got ${show(value)}.`);
  };
  range("intervalSeconds", s.intervalSeconds, 5, 300);
  range("timeoutSeconds", s.timeoutSeconds, 2, 120);
  range("healthyThreshold", s.healthyThreshold, 2, 10);
  range("unhealthyThreshold", s.unhealthyThreshold, 2, 10);
  if (s.timeoutSeconds >= s.intervalSeconds) {
    reject(`${field}.timeoutSeconds`, `must be less than intervalSeconds (${s.intervalSeconds}): got ${show(s.timeoutSeconds)}.`);
  }
  if (!s.path.startsWith("/") || s.path.length > 1024) {
    reject(`${field}.path`, `must start with "/" and be at most 1024 characters: got ${show(s.path)}. Write e.g. "/health".`);
  }
  const codes = s.matcher.split(/[,-]/).map(Number);
  if (!MATCHER.test(s.matcher) || codes.some((c) => c < 200 || c > 499)) {
    reject(`${field}.matcher`, `must be HTTP codes from 200 to 499, as "200", "200,204" or "200-299": got ${show(s.matcher)}.`);
  }
  return s;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
