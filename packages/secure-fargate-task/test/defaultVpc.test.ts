import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { makeContext, type MockRun } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";

describe("an account without a default VPC", () => {
  it("GIVEN no `network` and no default VPC, fails with what to do instead of the provider's 'no matching EC2 VPC found'", async () => {
    const { SecureFargateTask } = await import("../src");
    let failure: unknown;
    const onRejection = (e: unknown) => (failure = failure ?? e);
    process.on("unhandledRejection", onRejection);
    let run: MockRun | undefined;
    try {
      run = await mockRun(
        () => void new SecureFargateTask("app", { image: { context: makeContext() }, secrets: { TOKEN: { value: pulumi.secret("t") } } }),
        { answers: { "aws:ec2/getVpcs:getVpcs": { ids: [], id: "eu-west-1" } } },
      ).catch((e: unknown) => void onRejection(e));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(String(failure)).to.include(
      'SecureFargateTask "app": `network` was left out, so the tasks would run in the default VPC, but this account has no default VPC in eu-west-1. ' +
        "Give `network: { subnetIds: [...] }` (private subnets with a NAT gateway or VPC endpoints), or create a default VPC with `aws ec2 create-default-vpc --region eu-west-1`.",
    );
    expect(failure).to.be.instanceOf(pulumi.ResourceError);
    // Nothing that needs the VPC was registered with a made-up one.
    expect(run?.ofType("aws:ec2/securityGroup:SecurityGroup") ?? []).to.deep.equal([]);
  });

  it("GIVEN a default VPC, runs in its default subnets", async () => {
    const { SecureFargateTask } = await import("../src");
    const run = await mockRun(
      () => void new SecureFargateTask("app", { image: { context: makeContext() }, secrets: { TOKEN: { value: pulumi.secret("t") } } }),
      {
        answers: { "aws:ec2/getVpcs:getVpcs": { ids: ["vpc-0abc"], id: "eu-west-1" } },
      },
    );
    expect(run.get("aws:ec2/securityGroup:SecurityGroup", "app-sg").inputs.vpcId).to.equal("vpc-0abc");
  });
});
