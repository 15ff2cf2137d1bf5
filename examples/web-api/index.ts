/**
 * A web API on Fargate, using SecureFargateTask as any other Pulumi project would: its database password is a Pulumi
 * config secret, stored in Secrets Manager and injected when a task starts; the host name is plain configuration.
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
});

export const serviceName = api.serviceName;
export const logGroupName = api.logGroupName;
