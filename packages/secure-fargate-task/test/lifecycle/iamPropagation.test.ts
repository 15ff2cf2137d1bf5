/**
 * The IAM propagation wait across updates: the time provider replaces its Sleep when a trigger changes
 * (terraform-provider-time resource_time_sleep.go, `triggers` RequiresReplace), and the replacement sleeps again; an
 * update that changes no role or policy leaves it alone.
 */
import { expect } from "chai";
import { answerInvoke } from "@twitterstream/test-kit/awsFakes";
import { computedState } from "../../src/testing/resources";
import { ACCOUNT, makeContext, PROJECT, REGION } from "@twitterstream/test-kit/mocks";
import { Lifecycle } from "./lifecycle";

const SCOPE = { account: ACCOUNT, region: REGION };
const TABLE = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/`;

describe("the IAM propagation wait, update after update", function () {
  this.timeout(120_000);
  const context = makeContext();
  const stack = new Lifecycle({
    project: PROJECT,
    stack: "dev",
    computedState: (type, name, inputs) => computedState(type, name, inputs, SCOPE),
    answerInvoke: (token, inputs) => answerInvoke(token, inputs, SCOPE),
  });
  const up = async (table: string) => {
    const { SecureFargateTask } = await import("../../src");
    return stack.up(
      () =>
        void new SecureFargateTask("app", {
          image: { context },
          secrets: { TOKEN: { value: "t" } },
          taskRolePolicyStatements: [{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [TABLE + table] }],
        }),
    );
  };

  it("is created with the roles, and left alone by an up that changes no role or policy", async () => {
    const first = await up("posts");
    expect(first.steps.find((s) => s.name === "app-iam-propagation")).to.include({ op: "create" });
    expect((await up("posts")).changes).to.deep.equal([]);
  });

  it("is replaced, and so waits again, when a policy changes", async () => {
    expect((await up("archive")).changes).to.deep.equal([
      "replace time:index/sleep:Sleep app-iam-propagation",
      "update aws:iam/rolePolicy:RolePolicy app-task-policy",
    ]);
    expect((await up("archive")).changes).to.deep.equal([]);
  });
});
