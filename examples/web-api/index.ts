/**
 * A web API on Fargate, using SecureFargateTask as any other Pulumi project would: its database password is a Pulumi
 * config secret, stored in Secrets Manager and injected when a task starts; the host name is plain configuration. An
 * HTTPS Application Load Balancer in front, and 2 to 10 tasks scaled on ALB requests per task and on CPU.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SecureFargateTask } from "secure-fargate-task";

const config = new pulumi.Config();

const api = new SecureFargateTask("api", {
  // Found from this file, so any working directory works.
  image: { context: path.relative(process.cwd(), path.join(__dirname, "app")) || "." },
  secrets: { DB_PASSWORD: { value: config.requireSecret("dbPassword") } },
  environment: { DB_HOST: config.get("dbHost") ?? "db.internal.example", PORT: "8080" },
  cpu: 512,
  memory: 1024,
  logRetentionInDays: 365,
  portMappings: [{ containerPort: 8080 }],
  // An HTTPS ALB the component creates, with the certificate of the API's domain (ACM, same region).
  loadBalancer: { certificateArn: config.require("certificateArn"), healthCheck: { path: "/health" } },
  // Scale out when a task serves more than 1,000 requests a minute or its CPU passes 60 %; never below 2 tasks.
  autoScaling: { minCapacity: 2, maxCapacity: 10, requestsPerTarget: 1000, cpuUtilizationPercent: 60 },
});

export const serviceName = api.serviceName;
export const logGroupName = api.logGroupName;
export const url = pulumi.interpolate`https://${api.loadBalancerDnsName}`;
