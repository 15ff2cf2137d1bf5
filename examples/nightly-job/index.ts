/**
 * A nightly job on Fargate, using SecureFargateTask as any other Pulumi project would: no service, a task definition
 * that EventBridge Scheduler runs every night; its API token is a Pulumi config secret, stored in Secrets Manager and
 * injected when each run's task starts.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SecureFargateTask } from "secure-fargate-task";

const config = new pulumi.Config();

const job = new SecureFargateTask("report", {
  // Found from this file, so any working directory works.
  image: { context: path.relative(process.cwd(), path.join(__dirname, "app")) || "." },
  secrets: { API_TOKEN: { value: config.requireSecret("apiToken") } },
  environment: { REPORT_URL: "https://reports.example.com/api/nightly" },
  runMode: "task",
  schedule: {
    expression: config.get("schedule") ?? "cron(0 3 * * ? *)",
    timezone: config.get("timezone") ?? "Europe/Paris",
    // A run that cannot start (no capacity) is retried for an hour at most: after that, tomorrow's run will do.
    maximumEventAgeInSeconds: 3600,
  },
  stopTimeoutSeconds: 60,
});

export const scheduleArn = job.scheduleArn;
export const logGroupName = job.logGroupName;
/** To run it now, by hand: the same task the schedule starts. */
export const runTaskCommand = job.runTaskCommand;
