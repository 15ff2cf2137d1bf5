import { expect } from "chai";
import { IAM_PROPAGATION_SECONDS, sleepDuration } from "../src/iam/iamPropagation";
import { ACCOUNT, REGION, type MockRun } from "@twitterstream/test-kit/mocks";
import { runComponent } from "./runComponent";

const SLEEP = "time:index/sleep:Sleep";

/** The registration (URN and dependencies) of a resource. */
function registration(run: MockRun, type: string, name: string) {
  const found = run.registrations.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no registration of ${type} ${name}`);
  return found;
}

function urnOf(run: MockRun, name: string): string {
  return run.resources.find((r) => r.name === name)!.urn;
}

describe("IAM propagation before ECS relies on the roles", () => {
  it("registers the task definition and the service only after a time provider Sleep that follows the roles and their policies", async () => {
    const { run } = await runComponent({
      taskRolePolicyStatements: [
        { Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/tweets`] },
      ],
    });
    const wait = run.get(SLEEP, "app-iam-propagation");
    expect(wait.inputs.createDuration).to.equal(`${IAM_PROPAGATION_SECONDS}s`);
    const triggers = wait.inputs.triggers as Record<string, string>;
    expect(triggers.executionRole).to.equal(run.get("aws:iam/role:Role", "app-execution-role").state.arn);
    expect(triggers.taskRole).to.equal(run.get("aws:iam/role:Role", "app-task-role").state.arn);
    expect(triggers.executionPolicy).to.equal(run.get("aws:iam/rolePolicy:RolePolicy", "app-execution-policy").inputs.policy);
    expect(triggers.taskPolicy).to.equal(run.get("aws:iam/rolePolicy:RolePolicy", "app-task-policy").inputs.policy);
    const waitUrn = urnOf(run, "app-iam-propagation");
    expect(waitUrn).to.match(/::app-iam-propagation$/);
    expect(registration(run, "aws:ecs/taskDefinition:TaskDefinition", "app-task").dependencies).to.include(waitUrn);
    expect(registration(run, "aws:ecs/service:Service", "app-service").dependencies).to.include(waitUrn);
    expect(registration(run, SLEEP, "app-iam-propagation").dependencies).to.include.members([
      urnOf(run, "app-execution-policy"),
      urnOf(run, "app-task-policy"),
    ]);
  });

  it("without a task policy, follows the roles and the execution policy only", async () => {
    const { run } = await runComponent();
    expect(Object.keys(run.get(SLEEP, "app-iam-propagation").inputs.triggers as object).sort()).to.deep.equal([
      "executionPolicy",
      "executionRole",
      "taskRole",
    ]);
  });

  it("runs a schedule only after its own role and policy have had the wait", async () => {
    const { run } = await runComponent({ runMode: "task", schedule: { expression: "rate(1 day)" } });
    const wait = run.get(SLEEP, "app-schedule-iam-propagation");
    expect(wait.inputs.triggers).to.deep.equal({
      role: run.get("aws:iam/role:Role", "app-schedule-role").state.arn,
      policy: run.get("aws:iam/rolePolicy:RolePolicy", "app-schedule-policy").inputs.policy,
    });
    expect(registration(run, "aws:scheduler/schedule:Schedule", "app-schedule").dependencies).to.include(
      urnOf(run, "app-schedule-iam-propagation"),
    );
  });

  it("writes the wait as terraform-provider-time's create_duration accepts it, and refuses a length it would not", () => {
    // resource_time_sleep.go: ^[0-9]+(\.[0-9]+)?(ms|s|m|h)$
    expect(sleepDuration(15)).to.match(/^[0-9]+(\.[0-9]+)?(ms|s|m|h)$/);
    expect(() => sleepDuration(0)).to.throw(/0 seconds; use a positive whole number/);
    expect(() => sleepDuration(1.5)).to.throw(/1.5 seconds/);
  });
});
