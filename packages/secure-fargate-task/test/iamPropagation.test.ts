import { expect } from "chai";
import { IAM_PROPAGATION_SECONDS, mustWaitAgain } from "../src/iam/iamPropagation";
import { runComponent } from "./runComponent";

describe("IAM propagation before ECS relies on the roles", () => {
  it("registers the task definition and the service only after a wait that follows the roles and their policies", async () => {
    const { run } = await runComponent();
    const wait = run.get("pulumi-nodejs:dynamic:Resource", "app-iam-propagation");
    expect(wait.inputs.seconds).to.equal(IAM_PROPAGATION_SECONDS);
    const triggers = wait.inputs.triggers as string[];
    const roleArns = run.ofType("aws:iam/role:Role").map((r) => String(r.state.arn));
    expect(triggers).to.include.members(roleArns);
    expect(triggers).to.include(String(run.get("aws:iam/rolePolicy:RolePolicy", "app-execution-policy").inputs.policy));
    const urnOf = (type: string, name: string) => run.registrations.find((r) => r.type === type && r.name === name);
    const waitUrn = run.resources.find((r) => r.name === "app-iam-propagation")!.urn;
    expect(waitUrn).to.match(/::app-iam-propagation$/);
    expect(urnOf("aws:ecs/taskDefinition:TaskDefinition", "app-task")!.dependencies).to.include(waitUrn);
    expect(urnOf("aws:ecs/service:Service", "app-service")!.dependencies).to.include(waitUrn);
    const policyUrn = run.resources.find((r) => r.name === "app-execution-policy")!.urn;
    expect(urnOf("pulumi-nodejs:dynamic:Resource", "app-iam-propagation")!.dependencies).to.include(policyUrn);
  });

  it("waits again only when a role or a policy changes", () => {
    const state = { triggers: ["arn:aws:iam::1:role/a", '{"Statement":[]}'], seconds: 15 };
    expect(mustWaitAgain(state, { ...state, triggers: [...state.triggers] })).to.equal(false);
    expect(mustWaitAgain(state, { ...state, triggers: ["arn:aws:iam::1:role/a", '{"Statement":[{}]}'] })).to.equal(true);
    expect(mustWaitAgain(state, { ...state, seconds: 30 })).to.equal(true);
  });
});
