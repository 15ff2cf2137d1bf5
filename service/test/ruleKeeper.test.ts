import { expect } from "chai";
import { RuleKeeper } from "../src/x/ruleKeeper";
import { RuleConflictError, type RulePlan } from "../src/x/rules";

const PRESENT: RulePlan = { add: null, remove: [], ours: ["1"], others: [] };
const MISSING: RulePlan = { add: { value: "v", tag: "t" }, remove: [], ours: [], others: [] };

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => (check() ? resolve() : void setTimeout(poll, 2));
    poll();
  });
}

describe("rule keeper", () => {
  it("re-checks periodically: reports a missing rule re-added, keeps going after a transient failure, stops on a conflict", async () => {
    const answers: Array<RulePlan | Error> = [PRESENT, MISSING, new Error("timeout"), PRESENT, new RuleConflictError("taken")];
    const heard: string[] = [];
    const keeper = new RuleKeeper(
      () => {
        const next = answers.shift() ?? PRESENT;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      1,
      {
        readded: (reason) => heard.push(`readded: ${reason}`),
        removed: () => heard.push("removed"),
        failed: (error) => heard.push(`failed: ${(error as Error).message}`),
        fatal: (error) => heard.push(`fatal: ${error.message}`),
      },
    );
    keeper.start();
    await until(() => answers.length === 0 && heard.length === 3);
    keeper.stop();
    expect(heard).to.deep.equal(["readded: periodic check (every 1 ms)", "failed: timeout", "fatal: taken"]);
  });

  it("runs one check at a time: a check asked for during another one waits for it", async () => {
    let running = 0;
    let most = 0;
    const keeper = new RuleKeeper(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return MISSING;
      },
      60_000,
      { readded: () => undefined, removed: () => undefined, failed: () => undefined, fatal: () => undefined },
    );
    await Promise.all([keeper.check("409"), keeper.check("409"), keeper.check("409")]);
    expect(most).to.equal(1);
  });
});
