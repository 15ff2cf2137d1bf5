/**
 * The `ResourceLabel` of Application Auto Scaling's `ALBRequestCountPerTarget` metric:
 * `app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>`, the ALB's ARN suffix, `/`, the target group's.
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html
 */
export function requestCountResourceLabel(loadBalancerArnSuffix: string, targetGroupArnSuffix: string): string {
  if (!/^app\/[^/]+\/[^/]+$/.test(loadBalancerArnSuffix)) {
    throw new Error(`not an Application Load Balancer ARN suffix (app/<name>/<id>): ${loadBalancerArnSuffix}`);
  }
  if (!/^targetgroup\/[^/]+\/[^/]+$/.test(targetGroupArnSuffix)) {
    throw new Error(`not a target group ARN suffix (targetgroup/<name>/<id>): ${targetGroupArnSuffix}`);
  }
  return `${loadBalancerArnSuffix}/${targetGroupArnSuffix}`;
}
