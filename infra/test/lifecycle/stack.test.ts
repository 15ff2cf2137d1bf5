/**
 * The stack across a sequence of `pulumi up`s, `pulumi config set`s and `pulumi destroy`s, state carried from each to
 * the next, with the dev stack's settings (Pulumi.dev.yaml): each step's plan as the engine would derive it (see
 * packages/secure-fargate-task/test/lifecycle/lifecycle.ts), asserted exactly. The program runs from a copy of infra/
 * and service/, so that a step can change the service's sources.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { Lifecycle, type Plan } from "../../../packages/secure-fargate-task/test/lifecycle/lifecycle";
import { answerInvoke, computedState } from "../../mocked/mocks";
import { copyStackTree, devStackConfig, stackProgram } from "./stackTree";

/** What `pulumi config set --secret` stored for the four credentials the stack requires. */
const CREDENTIALS = { consumerKey: "ck-1", consumerSecretKey: "cs-1", accessToken: "at-1", accessTokenSecret: "as-1" };
const SECRET_KEYS = Object.keys(CREDENTIALS).map((k) => `twitterstream:${k}`);

/** Stack config as `pulumi config` hands it to the program: project keys namespaced, provider keys (`aws:`) as they are. */
function namespaced(settings: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k.includes(":") ? k : `twitterstream:${k}`, v]));
}

/** The dev stack as the engine would run it, on the AWS fakes. */
function devStack(): Lifecycle {
  return new Lifecycle({
    project: "twitterstream",
    stack: "dev",
    computedState: (type, name, inputs) => computedState({ type, name, inputs, secretInputs: [] }),
    answerInvoke: (token, inputs) => answerInvoke(token, inputs),
  });
}

const IMAGE_CHANGE = [
  "replace aws:ecr/lifecyclePolicy:LifecyclePolicy twitterstream-repo-lifecycle",
  "replace aws:ecs/taskDefinition:TaskDefinition twitterstream-task",
  "replace docker:index/image:Image twitterstream-image",
  "update aws:ecs/service:Service twitterstream-service",
];

describe("the stack's lifecycle, update after update", function () {
  this.timeout(300_000);
  const tree = copyStackTree();
  const program = stackProgram(tree.entry);
  const stack = devStack();
  let settings: Record<string, string> = { ...devStackConfig(), ...CREDENTIALS };
  const up = (): Promise<Plan> => stack.up(program, namespaced(settings), SECRET_KEYS);
  const source = path.join(tree.service, "src", "ops", "log.ts");
  const original = fs.readFileSync(source, "utf8");
  let created = 0;

  after(() => fs.rmSync(tree.root, { recursive: true, force: true }));

  it("first up: every resource created, nothing refused", async () => {
    const plan = await up();
    expect(plan.failures).to.deep.equal([]);
    expect(plan.steps.filter((s) => s.op !== "create")).to.deep.equal([]);
    created = plan.steps.length;
  });

  it("an up with no change: zero changes", async () => {
    expect((await up()).changes).to.deep.equal([]);
  });

  it("a change to the service's sources: only the image, the task definition, the service and the lifecycle policy that protects the new image", async () => {
    fs.writeFileSync(source, `${original}\n// changed\n`);
    const plan = await up();
    expect(plan.changes).to.deep.equal(IMAGE_CHANGE);
    expect(plan.steps.find((s) => s.name === "twitterstream-service")?.changed).to.deep.equal(["taskDefinition"]);
  });

  it("the next up: zero changes", async () => {
    expect((await up()).changes).to.deep.equal([]);
  });

  it("a change outside what the image is built from (service tests): zero changes", async () => {
    fs.mkdirSync(path.join(tree.service, "test"), { recursive: true });
    fs.writeFileSync(path.join(tree.service, "test", "new.test.ts"), "// a new test\n");
    expect((await up()).changes).to.deep.equal([]);
  });

  it("`pulumi config set --secret consumerSecretKey`, then up: only the secret version, the task definition and the service", async () => {
    settings = { ...settings, consumerSecretKey: "cs-2" };
    const plan = await up();
    expect(plan.changes).to.deep.equal([
      "replace aws:ecs/taskDefinition:TaskDefinition twitterstream-task",
      "replace aws:secretsmanager/secretVersion:SecretVersion twitterstream-secrets-version",
      "update aws:ecs/service:Service twitterstream-service",
    ]);
    expect((await up()).changes, "the next up").to.deep.equal([]);
  });

  it("the same value set again: zero changes", async () => {
    settings = { ...settings, consumerSecretKey: "cs-2" };
    expect((await up()).changes).to.deep.equal([]);
  });

  it("the sources reverted (A → B → A): the image, the task definition, the service and the lifecycle policy, with no push; then zero changes", async () => {
    fs.writeFileSync(source, original);
    const pushes = stack.registry.pushes.length;
    expect((await up()).changes).to.deep.equal(IMAGE_CHANGE);
    expect(stack.registry.pushes, "A's tag is in ECR: not pushed again").to.have.length(pushes);
    expect(stack.registry.refused).to.deep.equal([]);
    expect((await up()).changes).to.deep.equal([]);
  });

  it("destroy with the table's deletion protection on: DynamoDB refuses to delete the table", () => {
    const plan = stack.destroy();
    expect(plan.failures).to.deep.equal(["aws:dynamodb/table:Table twitterStream-dev: DeleteTable refused, the table has deletion protection"]);
    expect(plan.steps.map((s) => s.type)).to.not.include("aws:dynamodb/table:Table");
  });

  it("`pulumi config set deletionProtection false`, up, destroy; up on the same stack: all created, no name taken", async () => {
    settings = { ...settings, deletionProtection: "false" };
    const plan = await up();
    expect(plan.failures).to.deep.equal([]);
    // The table is updated in place; what the failed destroy deleted is created again.
    expect(plan.changes.filter((c) => !c.startsWith("create "))).to.deep.equal(["update aws:dynamodb/table:Table twitterStream"]);
    const destroyed = stack.destroy();
    expect(destroyed.failures).to.deep.equal([]);
    expect(destroyed.steps).to.have.length(created);
    const again = await up();
    expect(again.failures).to.deep.equal([]);
    expect(again.steps.filter((s) => s.op !== "create")).to.deep.equal([]);
    expect(again.steps).to.have.length(created);
  });
});

describe("the stack's lifecycle with the private network and credentials delivered as files", function () {
  this.timeout(300_000);
  const tree = copyStackTree();
  const program = stackProgram(tree.entry);
  const stack = devStack();
  let settings: Record<string, string> = { ...devStackConfig(), network: "private", secretDelivery: "files", ...CREDENTIALS };
  const up = (): Promise<Plan> => stack.up(program, namespaced(settings), SECRET_KEYS);

  after(() => fs.rmSync(tree.root, { recursive: true, force: true }));

  it("first up creates both images; the next up changes nothing", async () => {
    const first = await up();
    expect(first.failures).to.deep.equal([]);
    expect(first.steps.filter((s) => s.type === "docker:index/image:Image").map((s) => `${s.op} ${s.name}`)).to.deep.equal([
      "create twitterstream-image",
      "create twitterstream-init-image",
    ]);
    expect((await up()).changes).to.deep.equal([]);
  });

  it("a new credential: only the secret version, the task definition and the service; then zero changes", async () => {
    settings = { ...settings, accessToken: "at-2" };
    expect((await up()).changes).to.deep.equal([
      "replace aws:ecs/taskDefinition:TaskDefinition twitterstream-task",
      "replace aws:secretsmanager/secretVersion:SecretVersion twitterstream-secrets-version",
      "update aws:ecs/service:Service twitterstream-service",
    ]);
    expect((await up()).changes).to.deep.equal([]);
  });
});

describe("the table's key schema changed (a constant of the program, were it ever changed)", function () {
  this.timeout(120_000);

  it("the replacement stops on the table's name before the old table is deleted, with deletion protection off too", async () => {
    const tree = copyStackTree();
    const stack = devStack();
    const config = namespaced({ ...devStackConfig(), ...CREDENTIALS, deletionProtection: "false" });
    try {
      expect((await stack.up(stackProgram(tree.entry), config, SECRET_KEYS)).failures).to.deep.equal([]);
      const table = path.join(tree.root, "infra", "table.ts");
      fs.writeFileSync(table, fs.readFileSync(table, "utf8").replace('rangeKey: "date"', 'rangeKey: "id"'));
      const plan = await stack.up(stackProgram(tree.entry), config, SECRET_KEYS);
      expect(plan.steps.find((s) => s.type === "aws:dynamodb/table:Table")).to.include({ op: "replace", deleteBeforeReplace: false });
      expect(plan.failures).to.deep.equal(["aws:dynamodb/table:Table twitterStream-dev already exists"]);
    } finally {
      fs.rmSync(tree.root, { recursive: true, force: true });
    }
  });
});
