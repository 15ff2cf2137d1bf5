/** AWS's input rules for Elastic Load Balancing, each with its source (../README.md says how to add one). */
import { ARN, Check, DOC, formatCheck, len, PORT, ResourceRules, SOURCES, tagRules, TF } from "../rules";

const ELB_DOC = (page: string): string => DOC(`elasticloadbalancing/latest/APIReference/${page}.html`);

/** ELB names: 1..32 alphanumerics and hyphens, no hyphen at either end (load balancers: not starting with internal-). */
const ELB_NAME: Check[] = [
  len(1, 32),
  formatCheck(/^[0-9A-Za-z](?:[0-9A-Za-z-]*[0-9A-Za-z])?$/, "alphanumerics and hyphens, not starting or ending with a hyphen"),
];

/** The input rules of Elastic Load Balancing resource types, by type token. */
export const ELB_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:lb/loadBalancer:LoadBalancer": {
    rules: [
      {
        path: "name",
        checks: [
          ...ELB_NAME,
          {
            kind: "custom",
            what: "no internal- prefix",
            test: (v) => (typeof v === "string" && /^internal-/.test(v) ? 'cannot begin with "internal-"' : undefined),
          },
        ],
        source: { tf: TF("elbv2/validate.go", "validName"), doc: ELB_DOC("API_CreateLoadBalancer") },
      },
      {
        path: "loadBalancerType",
        checks: [{ kind: "oneOf", values: ["application", "network", "gateway"] }],
        source: { tf: TF("elbv2/load_balancer.go", "load_balancer_type enum LoadBalancerTypeEnum"), doc: ELB_DOC("API_CreateLoadBalancer") },
      },
      {
        path: "desyncMitigationMode",
        checks: [{ kind: "oneOf", values: ["monitor", "defensive", "strictest"] }],
        source: {
          tf: TF("elbv2/load_balancer.go", "desync_mitigation_mode StringInSlice(httpDesyncMitigationMode_Values)"),
          doc: ELB_DOC("API_LoadBalancerAttribute") + " (routing.http.desync_mitigation_mode)",
        },
      },
      {
        path: "subnets",
        checks: [
          {
            kind: "custom",
            what: "two or more subnets",
            test: (v) =>
              Array.isArray(v) && v.length < 2
                ? `${v.length} subnet(s): an Application Load Balancer needs subnets in at least two Availability Zones`
                : undefined,
          },
        ],
        source: {
          doc: ELB_DOC("API_CreateLoadBalancer") + " (Subnets: for an Application Load Balancer, subnets from at least two Availability Zones)",
        },
      },
      {
        path: "accessLogs.prefix",
        checks: [
          {
            kind: "custom",
            what: "access log prefix",
            test: (v) =>
              typeof v === "string" && (v.startsWith("/") || v.endsWith("/") || v.includes("AWSLogs"))
                ? 'must not start or end with "/" nor contain "AWSLogs"'
                : undefined,
          },
        ],
        source: {
          doc:
            DOC("elasticloadbalancing/latest/application/enable-access-logging.html") +
            " (the prefix cannot include AWSLogs, nor start or end with /)",
        },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
    note: "the component always sets `name` (loadBalancerName in src/loadBalancer/names.ts), so no auto-name is made",
  },

  "aws:lb/targetGroup:TargetGroup": {
    rules: [
      { path: "name", checks: ELB_NAME, source: { tf: TF("elbv2/validate.go", "validTargetGroupName"), doc: ELB_DOC("API_CreateTargetGroup") } },
      {
        path: "port",
        checks: [PORT],
        source: { tf: TF("elbv2/target_group.go", "port IntBetween(1, 65535)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] }],
        source: { tf: TF("elbv2/target_group.go", "protocol enum ProtocolEnum"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "targetType",
        checks: [{ kind: "oneOf", values: ["ip"] }],
        source: { doc: DOC("AmazonECS/latest/developerguide/alb.html") + " (awsvpc tasks register by IP: target type ip, not instance)" },
      },
      {
        path: "healthCheck.path",
        checks: [len(1, 1024), formatCheck(/^\/.*$/, "starting with /")],
        source: {
          tf: TF("elbv2/target_group.go", "health_check.path StringLenBetween(1, 1024), StringHasPrefix(/)"),
          doc: ELB_DOC("API_CreateTargetGroup"),
        },
      },
      {
        path: "healthCheck.interval",
        checks: [{ kind: "intRange", min: 5, max: 300 }],
        source: { tf: TF("elbv2/target_group.go", "health_check.interval IntBetween(5, 300)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "healthCheck.timeout",
        checks: [{ kind: "intRange", min: 2, max: 120 }],
        source: { tf: TF("elbv2/target_group.go", "health_check.timeout IntBetween(2, 120)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      ...(["healthyThreshold", "unhealthyThreshold"] as const).map((field) => ({
        path: `healthCheck.${field}`,
        checks: [{ kind: "intRange" as const, min: 2, max: 10 }],
        source: {
          tf: TF("elbv2/target_group.go", "health_check.healthy_threshold / unhealthy_threshold IntBetween(2, 10)"),
          doc: ELB_DOC("API_CreateTargetGroup"),
        },
      })),
      {
        path: "healthCheck.matcher",
        checks: [formatCheck(/^\d{3}(?:-\d{3})?(?:,\d{3}(?:-\d{3})?)*$/, "HTTP codes: 200, 200,204 or 200-299")],
        source: { doc: ELB_DOC("API_Matcher") + " (HttpCode: values from 200 to 499 for an ALB, as 200,202 or 200-299)" },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
    autoName: {
      field: "name",
      maxLength: 32,
      suppressedBy: ["namePrefix"],
      source: {
        code: `${SOURCES.pulumiAutoName.code}; aws_lb_target_group: AutoName("name", 32, "-") (pulumi-aws provider applyLegacyResourceAliases)`,
      },
    },
  },

  "aws:lb/listener:Listener": {
    rules: [
      {
        path: "loadBalancerArn",
        checks: [formatCheck(ARN.loadBalancer, "a load balancer ARN")],
        source: { tf: TF("elbv2/listener.go", "load_balancer_arn verify.ValidARN"), doc: ELB_DOC("API_CreateListener") },
      },
      { path: "port", checks: [PORT], source: { tf: TF("elbv2/listener.go", "port validation.IsPortNumber"), doc: ELB_DOC("API_CreateListener") } },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] }],
        source: { tf: TF("elbv2/listener.go", "protocol StringInSlice(ProtocolEnum_Values)"), doc: ELB_DOC("API_CreateListener") },
      },
      {
        path: "certificateArn",
        checks: [formatCheck(ARN.acmCertificate, "an ACM certificate ARN")],
        source: { tf: TF("elbv2/listener.go", "certificate_arn verify.ValidARN"), doc: ELB_DOC("API_Certificate") },
      },
      {
        path: "sslPolicy",
        checks: [formatCheck(/^ELBSecurityPolicy-[A-Za-z0-9-]+$/, "an ELBSecurityPolicy-* predefined policy name")],
        source: {
          tf: TF("elbv2/listener.go", "ssl_policy (no validator: AWS refuses)"),
          doc: DOC("elasticloadbalancing/latest/application/describe-ssl-policies.html") + " (ALBs take predefined policies only, no custom ones)",
        },
      },
      {
        path: "defaultActions[].type",
        checks: [{ kind: "oneOf", values: ["forward", "redirect", "fixed-response", "authenticate-oidc", "authenticate-cognito"] }],
        source: { tf: TF("elbv2/listener.go", "default_action.type StringInSlice(ActionTypeEnum_Values)"), doc: ELB_DOC("API_Action") },
      },
      {
        path: "defaultActions[].targetGroupArn",
        checks: [formatCheck(ARN.targetGroup, "a target group ARN")],
        source: { tf: TF("elbv2/listener.go", "default_action.target_group_arn verify.ValidARN"), doc: ELB_DOC("API_Action") },
      },
      {
        path: "defaultActions[].redirect.protocol",
        checks: [{ kind: "oneOf", values: ["#{protocol}", "HTTP", "HTTPS"] }],
        source: {
          tf: TF("elbv2/listener.go", "redirect.protocol StringInSlice(#{protocol}, HTTP, HTTPS)"),
          doc: ELB_DOC("API_RedirectActionConfig"),
        },
      },
      {
        path: "defaultActions[].redirect.statusCode",
        checks: [{ kind: "oneOf", values: ["HTTP_301", "HTTP_302"] }],
        source: {
          tf: TF("elbv2/listener.go", "redirect.status_code StringInSlice(RedirectActionStatusCodeEnum_Values)"),
          doc: ELB_DOC("API_RedirectActionConfig"),
        },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
  },
};
