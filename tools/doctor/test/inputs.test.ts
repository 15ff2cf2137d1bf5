/** The doctor's inputs: stack outputs on stdin, flags, and the errors that name what is missing. */
import { expect } from "chai";
import { InputError, flagsComplete, parseArgs, resolveInputs } from "../inputs";
import { CLUSTER, LOG_GROUP, SERVICE, TABLE, stackFlags, stackOutputs, taskDefinition } from "./scenarios";

const EXPECTED = {
  cluster: CLUSTER,
  service: SERVICE,
  taskDefinitionArn: taskDefinition(4),
  logGroupName: LOG_GROUP,
  tableName: TABLE,
  region: "us-east-1",
};

describe("doctor: inputs", () => {
  it("GIVEN `pulumi stack output --json` on stdin THEN it reads the five outputs, the region from the task definition ARN", () => {
    expect(resolveInputs(parseArgs([]), JSON.stringify(stackOutputs()))).to.deep.equal(EXPECTED);
  });

  it("GIVEN every output as a flag THEN stdin is not needed", () => {
    const args = parseArgs(stackFlags());
    expect(flagsComplete(args)).to.equal(true);
    expect(resolveInputs(args, undefined)).to.deep.equal(EXPECTED);
  });

  it("GIVEN a flag and stdin THEN the flag wins; --region=... overrides the ARN's region", () => {
    const args = parseArgs(["--table=other-table", "--region", "eu-west-1"]);
    expect(flagsComplete(args)).to.equal(false);
    expect(resolveInputs(args, JSON.stringify(stackOutputs()))).to.deep.equal({ ...EXPECTED, tableName: "other-table", region: "eu-west-1" });
  });

  it("GIVEN stack outputs without taskDefinitionArn THEN the error names it and its flag", () => {
    const { taskDefinitionArn: _dropped, ...outputs } = stackOutputs();
    expect(() => resolveInputs(parseArgs([]), JSON.stringify(outputs))).to.throw(
      InputError,
      "missing stack output `taskDefinitionArn` (or `--task-definition`): the stack outputs on stdin lack it; " +
        "run `pulumi stack output --json | npm run -s doctor` in the stack's directory after `pulumi up`, or pass the flag",
    );
  });

  it("GIVEN nothing THEN the error names every output", () => {
    expect(() => resolveInputs(parseArgs([]), undefined)).to.throw(
      InputError,
      "missing stack output `clusterName` (or `--cluster`), `serviceName` (or `--service`), `taskDefinitionArn` (or `--task-definition`), " +
        "`logGroupName` (or `--log-group`), `tableName` (or `--table`): no stack outputs on stdin;",
    );
  });

  it("rejects stdin that is not JSON, an output that is not a string, and a task definition that is not an ARN", () => {
    expect(() => resolveInputs(parseArgs([]), "Current stack is dev")).to.throw(InputError, "stdin is not JSON");
    expect(() => resolveInputs(parseArgs([]), JSON.stringify({ ...stackOutputs(), tableName: 3 }))).to.throw(
      InputError,
      "stack output `tableName` is not a string",
    );
    expect(() => resolveInputs(parseArgs([]), JSON.stringify({ ...stackOutputs(), taskDefinitionArn: "twitterstream:4" }))).to.throw(
      InputError,
      "`taskDefinitionArn` is not an ECS task definition ARN: got 'twitterstream:4', expected arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>",
    );
  });

  it("rejects an unknown flag and a flag without its value", () => {
    expect(() => parseArgs(["--clutser", "x"])).to.throw(InputError, "unknown argument `--clutser`");
    expect(() => parseArgs(["--cluster"])).to.throw(InputError, "`--cluster` needs a value");
    expect(() => parseArgs(["--cluster", "--service", "s"])).to.throw(InputError, "`--cluster` needs a value");
  });
});
