import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { answerInvoke } from "@twitterstream/test-kit/awsFakes";
import { computedState } from "../../src/testing/resources";
import { ACCOUNT, PROJECT, REGION } from "@twitterstream/test-kit/mocks";
import { Lifecycle } from "./lifecycle";

const SCOPE = { account: ACCOUNT, region: REGION };

function lifecycle(): Lifecycle {
  return new Lifecycle({
    project: PROJECT,
    stack: "dev",
    computedState: (type, name, inputs) => computedState(type, name, inputs, SCOPE),
    answerInvoke: (token, inputs) => answerInvoke(token, inputs, SCOPE),
  });
}

describe("Lifecycle: the sequence runner", () => {
  it("refuses to re-create a secret of a fixed name for its recovery window after a destroy", async () => {
    const stack = lifecycle();
    const program = () => void new aws.secretsmanager.Secret("s", { name: "fixed" });
    expect((await stack.up(program)).changes).to.deep.equal(["create aws:secretsmanager/secret:Secret s"]);
    expect(stack.destroy().changes).to.deep.equal(["delete aws:secretsmanager/secret:Secret s"]);
    const again = await stack.up(program);
    expect(again.failures).to.have.length(1);
    expect(again.failures[0]).to.include("aws:secretsmanager/secret:Secret fixed cannot be created").and.include("recovery window");
  });

  it("replaces a resource the program names delete-before-create, as the AWS provider asks, unless the option says false", async () => {
    const replace = async (deleteBeforeReplace?: boolean) => {
      const stack = lifecycle();
      let logGroupClass = "STANDARD";
      const program = () =>
        void new aws.cloudwatch.LogGroup("logs", { name: "/app", logGroupClass }, deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace });
      await stack.up(program);
      logGroupClass = "INFREQUENT_ACCESS";
      return stack.up(program);
    };
    const asked = await replace();
    expect(asked.steps[0]).to.include({ op: "replace", deleteBeforeReplace: true });
    expect(asked.failures).to.deep.equal([]);
    const refused = await replace(false);
    expect(refused.steps[0]).to.include({ op: "replace", deleteBeforeReplace: false });
    expect(refused.failures).to.deep.equal(["aws:cloudwatch/logGroup:LogGroup /app already exists"]);
  });

  it("keeps a same resource's outputs, so what AWS generated at its create reaches the program unchanged", async () => {
    const stack = lifecycle();
    let arns: string[] = [];
    const program = () => void new aws.kms.Key("key", {}).arn.apply((arn) => (arns = [...arns, arn]));
    await stack.up(program);
    await stack.up(program);
    stack.destroy();
    await stack.up(program);
    expect(arns[1]).to.equal(arns[0]);
    expect(arns[2], "a new key after a destroy").to.not.equal(arns[0]);
  });
});
