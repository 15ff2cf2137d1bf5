import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { loadFactor, scaledTimeout } from "../../../../scripts/mocha-timeouts.cjs";
import { blocksOf } from "../../../../test/docs/markdown";
import { COMPONENT_INVOKES } from "../../src/testing";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { mockRun } from "../mockRun";
import { packedPackage } from "./packed";

const README = path.join(__dirname, "..", "..", "README.md");
const MOCHA = require.resolve("mocha/bin/mocha.js");

/** The README's example of `secure-fargate-task/testing`, as it stands. */
function readmeExample(): string {
  const blocks = blocksOf("README.md", fs.readFileSync(README, "utf8")).filter((b) => b.code.includes('from "secure-fargate-task/testing"'));
  expect(blocks).to.have.length(1);
  return blocks[0].code;
}

describe("secure-fargate-task/testing, as the package README shows it", function () {
  this.timeout(300_000);
  let consumer = "";

  before(() => {
    consumer = packedPackage().consumer;
    fs.mkdirSync(path.join(consumer, "app"), { recursive: true });
    fs.writeFileSync(path.join(consumer, "app", "Dockerfile"), "FROM node:22-slim\nCOPY app.js /app/app.js\n");
    fs.writeFileSync(path.join(consumer, "app", "app.js"), "console.log(1)\n");
  });

  /**
   * Runs a test file with mocha in the consumer project, where only the packed package and its peers are installed. The
   * inner mocha's limit, `quietMs` on a quiet machine, is scaled to the load as the reporter scales ours.
   */
  function runInConsumer(name: string, code: string, quietMs: number): { status: number | null; output: string } {
    const file = path.join(consumer, "test", name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, code);
    const tsx = pathToFileURL(require.resolve("tsx")).href;
    const run = spawnSync(
      process.execPath,
      ["--import", tsx, MOCHA, "--no-config", "--timeout", String(scaledTimeout(quietMs, loadFactor())), file],
      {
        cwd: consumer,
        encoding: "utf8",
      },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  it("the example passes in a fresh project, with the package installed from its tarball", () => {
    const { status, output } = runInConsumer("readme.test.ts", readmeExample(), 120_000);
    expect(output).to.match(/1 passing/);
    expect(status, output).to.equal(0);
  });

  it("without it, the same test fails (the mocks' usual answers: the call's own inputs, the resource's inputs)", () => {
    const example = readmeExample();
    expect(example).to.include("call: mockCall(),").and.include("return mockResource(args);");
    const usual = example
      .replace("call: mockCall(),", "call: (args) => args.inputs,")
      .replace("return mockResource(args);", "return { id: `${args.name}-id`, state: args.inputs };");
    // Without the package's mocks the test never ends: it fails by its limit, after the symptom.
    const { status, output } = runInConsumer("without.test.ts", usual, 30_000);
    expect(status).to.not.equal(0);
    expect(output).to.match(/1 failing/);
    // The symptom a user meets: the component reads a field of an answer the usual mocks do not give.
    expect(output).to.match(/Cannot read properties of undefined/);
  });

  it("answers every invoke the component makes: default VPC, given subnets, an existing secret, an image built from source", async () => {
    const seen = new Set<string>();
    const { SecureFargateTask } = await import("../../src");
    for (const args of [
      { image: { context: makeContext() }, secrets: { A: { value: "a" } } },
      { image: { context: makeContext() }, secrets: { A: { secretsManager: "prod/db" } }, network: { subnetIds: ["subnet-1"] } },
    ]) {
      const run = await mockRun(() => new SecureFargateTask("t", args));
      for (const token of run.invokes) seen.add(token);
    }
    expect([...seen].sort()).to.deep.equal([...COMPONENT_INVOKES].sort());
  });
});
