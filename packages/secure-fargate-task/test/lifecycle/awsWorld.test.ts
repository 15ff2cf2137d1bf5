import { expect } from "chai";
import { awsDiff } from "./awsDiff";
import { AwsWorld, physicalName } from "./awsWorld";

const base = (name: string) => ({ arn: `arn:aws:x:::${name}` });

describe("AwsWorld: what AWS generates on create and keeps after delete", () => {
  it("refuses a name a live resource holds, and one a deleted secret holds for its recovery window", () => {
    const world = new AwsWorld();
    world.create("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/app" }, base);
    expect(() => world.create("aws:cloudwatch/logGroup:LogGroup", "other", { name: "/app" }, base)).to.throw("already exists");
    world.delete("aws:cloudwatch/logGroup:LogGroup", { name: "/app" }, {});
    expect(() => world.create("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/app" }, base)).to.not.throw();

    world.create("aws:secretsmanager/secret:Secret", "s", { name: "fixed" }, base);
    world.delete("aws:secretsmanager/secret:Secret", { name: "fixed" }, { name: "fixed" });
    expect(() => world.create("aws:secretsmanager/secret:Secret", "s", { name: "fixed" }, base)).to.throw("recovery window");
  });

  it("frees a secret's name at once when it is deleted without recovery", () => {
    const world = new AwsWorld();
    const inputs = { name: "fixed", recoveryWindowInDays: 0 };
    world.create("aws:secretsmanager/secret:Secret", "s", inputs, base);
    world.delete("aws:secretsmanager/secret:Secret", inputs, { name: "fixed" });
    expect(() => world.create("aws:secretsmanager/secret:Secret", "s", inputs, base)).to.not.throw();
  });

  it("gives a prefixed secret a new name on each create, so a re-created stack never meets the held one", () => {
    const world = new AwsWorld();
    const secretBase = (name: string) => ({ arn: `arn:aws:secretsmanager:r:1:secret:p-20261122000000000000000001-AbCdEf`, name });
    const a = world.create("aws:secretsmanager/secret:Secret", "s", { namePrefix: "p-" }, secretBase);
    world.delete("aws:secretsmanager/secret:Secret", { namePrefix: "p-" }, a);
    const b = world.create("aws:secretsmanager/secret:Secret", "s", { namePrefix: "p-" }, secretBase);
    expect(b.name).to.not.equal(a.name);
    expect(String(b.arn)).to.include(String(b.name));
  });

  it("numbers a family's revisions on, across deletes", () => {
    const world = new AwsWorld();
    const td = "aws:ecs/taskDefinition:TaskDefinition";
    const tdBase = () => ({ arn: "arn:aws:ecs:r:1:task-definition/f:1" });
    expect(world.create(td, "t", { family: "f" }, tdBase).arn).to.match(/:1$/);
    world.delete(td, { family: "f" }, {});
    expect(world.create(td, "t", { family: "f" }, tdBase).arn).to.match(/:2$/);
  });

  it("refuses to delete a table with deletion protection", () => {
    const world = new AwsWorld();
    expect(() => world.delete("aws:dynamodb/table:Table", { deletionProtectionEnabled: true }, { name: "t" })).to.throw("deletion protection");
  });

  it("names resources by their unique physical name only", () => {
    expect(physicalName("aws:cloudwatch/dashboard:Dashboard", { dashboardName: "d" }, {})).to.equal("d");
    expect(physicalName("aws:ecs/taskDefinition:TaskDefinition", { family: "f" }, {})).to.equal(undefined);
  });
});

describe("awsDiff (the bridged AWS provider's Diff)", () => {
  it("replaces on a ForceNew input, updates in place otherwise", () => {
    const diff = awsDiff("aws:ecs/service:Service");
    expect(diff({ taskDefinition: "a:1", name: "s" }, { taskDefinition: "a:2", name: "s" })).to.deep.equal({
      changed: ["taskDefinition"],
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diff({ cluster: "a" }, { cluster: "b" }).replaces).to.deep.equal(["cluster"]);
  });

  it("deletes before it creates when the program named the resource and kept the name", () => {
    const diff = awsDiff("aws:cloudwatch/logGroup:LogGroup");
    expect(diff({ name: "/a", logGroupClass: "STANDARD" }, { name: "/a", logGroupClass: "INFREQUENT_ACCESS" }).deleteBeforeReplace).to.equal(true);
    expect(diff({ name: "/a" }, { name: "/b" }).deleteBeforeReplace).to.equal(false);
  });

  it("fails on a change to a type whose ForceNew inputs it has not read, and not on an unchanged one", () => {
    const diff = awsDiff("aws:example/thing:Thing");
    expect(diff({ a: 1 }, { a: 1 }).changed).to.deep.equal([]);
    expect(() => diff({ a: 1 }, { a: 2 })).to.throw("has not read its ForceNew inputs");
  });
});
