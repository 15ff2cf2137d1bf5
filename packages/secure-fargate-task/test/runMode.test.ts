/** `runMode`: a service (ecs/service.ts) or the task alone (ecs/runTask.ts), checked with its exact message. */
import { expect } from "chai";
import type { RunMode } from "../src";
import { validateRunMode } from "../src/ecs/validateRunMode";

function check(runMode: RunMode | undefined): { value: RunMode; problems: string[] } {
  const problems: string[] = [];
  const value = validateRunMode(runMode, (field, problem) => problems.push(`\`${field}\` ${problem}`));
  return { value, problems };
}

describe("runMode (ecs/validateRunMode.ts)", () => {
  it('defaults to "service"', () => {
    expect(check(undefined)).to.deep.equal({ value: "service", problems: [] });
  });

  it('accepts "service" and "task" as given', () => {
    for (const mode of ["service", "task"] as const) expect(check(mode)).to.deep.equal({ value: mode, problems: [] });
  });

  it("refuses any other value, naming the field, both choices and the value", () => {
    expect(check("cron" as never).problems).to.deep.equal(['`runMode` must be "service" or "task": got "cron".']);
    expect(check("Service" as never).problems).to.have.length(1);
  });
});
