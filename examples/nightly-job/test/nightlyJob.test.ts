import { expect } from "chai";
import { mockRun, type MockRun } from "@twitterstream/test-kit/mocks";
import { computedState } from "secure-fargate-task/testing";

const TOKEN = "example-api-token-5c1e";

describe("example: a nightly scheduled job with an API token", function () {
  this.timeout(120_000);
  let run: MockRun;
  let exports: Record<string, unknown>;

  before(async () => {
    run = await mockRun(
      () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program must load after mockRun sets the mocks, so not a static import
        exports = require("../index") as Record<string, unknown>;
      },
      { computedState, project: "nightly-job", config: { "nightly-job:apiToken": TOKEN } },
    );
  });

  it("runs no service: EventBridge Scheduler starts the task at 03:00 Paris time, retrying a failed start for an hour", () => {
    expect(run.ofType("aws:ecs/service:Service")).to.deep.equal([]);
    const schedule = run.get("aws:scheduler/schedule:Schedule", "report-schedule").inputs as {
      scheduleExpression: string;
      scheduleExpressionTimezone: string;
      target: { ecsParameters: { taskDefinitionArn: string; launchType: string }; retryPolicy: unknown };
    };
    expect(schedule.scheduleExpression).to.equal("cron(0 3 * * ? *)");
    expect(schedule.scheduleExpressionTimezone).to.equal("Europe/Paris");
    expect(schedule.target.ecsParameters.taskDefinitionArn).to.match(/:task-definition\/nightly-job-dev-report:1$/);
    expect(schedule.target.ecsParameters.launchType).to.equal("FARGATE");
    expect(schedule.target.retryPolicy).to.deep.equal({ maximumRetryAttempts: 185, maximumEventAgeInSeconds: 3600 });
  });

  it("stores the token in Secrets Manager, as a secret input, injects it by reference, and has it nowhere else", () => {
    const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "report-secrets-version");
    expect(version.secretInputs).to.include("secretString");
    expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({ API_TOKEN: TOKEN });
    for (const r of run.resources.filter((x) => x !== version)) expect(JSON.stringify(r.inputs), `${r.type} ${r.name}`).to.not.include(TOKEN);
    const [container] = JSON.parse(String(run.get("aws:ecs/taskDefinition:TaskDefinition", "report-task").inputs.containerDefinitions)) as Array<{
      secrets: Array<{ name: string; valueFrom: string }>;
    }>;
    expect(container.secrets.map((s) => s.name)).to.deep.equal(["API_TOKEN"]);
    expect(container.secrets[0].valueFrom).to.match(/^arn:aws:secretsmanager:.*:API_TOKEN::[0-9a-f]{32}$/);
  });

  it("builds its own app folder and exports the schedule, the log group and the run-task command", () => {
    const image = run.get("docker:index/image:Image", "report-image").inputs.build as { context: string };
    expect(image.context).to.equal("examples/nightly-job/app");
    expect(Object.keys(exports).sort()).to.deep.equal(["logGroupName", "runTaskCommand", "scheduleArn"]);
  });
});
