import type { HealthCheckSettings } from "./settings";

/** A target group's `healthCheck` input, as pulumi-aws takes it. */
export interface TargetGroupHealthCheck {
  enabled: true;
  protocol: "HTTP";
  port: "traffic-port";
  path: string;
  matcher: string;
  interval: number;
  timeout: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

/**
 * The target group's health check: HTTP to the port the task receives traffic on (`traffic-port`), so that the
 * security group rule that admits the load balancer admits its checks too.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 */
export function targetGroupHealthCheck(s: HealthCheckSettings): TargetGroupHealthCheck {
  return {
    enabled: true,
    protocol: "HTTP",
    port: "traffic-port",
    path: s.path,
    matcher: s.matcher,
    interval: s.intervalSeconds,
    timeout: s.timeoutSeconds,
    healthyThreshold: s.healthyThreshold,
    unhealthyThreshold: s.unhealthyThreshold,
  };
}
