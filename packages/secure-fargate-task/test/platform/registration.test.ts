import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { mockRun } from "../mockRun";
import { runComponent } from "../runComponent";

/** The message a mock run fails with, or "" when it passes. */
async function failure(program: () => void): Promise<string> {
  try {
    await mockRun(program);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

describe("every mock run holds what it sends to the platform's own rules", () => {
  it("fails on a file asset that does not exist, though the mocks hand newResource an empty archive", async () => {
    const message = await failure(() => {
      new aws.lambda.Function("fn", {
        role: "arn:aws:iam::123456789012:role/r",
        runtime: "nodejs22.x",
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset("/nonexistent/restartService.js") }),
      });
    });
    expect(message).to.include("aws:lambda/function:Function fn code.assets.index.js: /nonexistent/restartService.js does not exist");
  });

  it("fails on a Docker build context or Dockerfile that does not exist", async () => {
    const context = makeContext();
    const message = await failure(() => {
      new docker.Image("img", {
        imageName: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/r:t",
        build: { context: `${context}-gone`, dockerfile: `${context}/Nodockerfile` },
        skipPush: true,
      });
    });
    expect(message).to.include(`build.context: ${context}-gone is not a directory`);
    expect(message).to.include(`build.dockerfile: ${context}/Nodockerfile is not a file`);
  });

  it("fails on a security-group rule description EC2 refuses (an apostrophe), which the mocks accept", async () => {
    const message = await failure(() => {
      new aws.ec2.SecurityGroup("sg", {
        description: "tasks",
        egress: [{ description: "HTTPS to the application's endpoints", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
      });
    });
    expect(message).to.match(/aws:ec2\/securityGroup:SecurityGroup sg egress\[0\]\.description .*character "'" not allowed/);
  });

  it("finds the rotation function's code and the init image's context where the component names them", async () => {
    const { run } = await runComponent({
      secrets: { DB: { secretsManager: "prod/db", followRotation: true } },
      secretDelivery: "files",
    });
    const fn = run.registrations.find((r) => r.type === "aws:lambda/function:Function")!;
    const assets = (fn.serialized.code as { assets: Record<string, { path: string }> }).assets;
    expect(assets["index.js"].path).to.match(/src\/secrets\/rotation\/restartService\.js$/);
    const init = run.registrations.find((r) => r.name === "app-init-image")!;
    expect((init.serialized.build as { context: string }).context).to.match(/packages\/secure-fargate-task\/init$/);
  });
});
