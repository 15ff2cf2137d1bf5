import { expect } from "chai";
import { conflictMessage, planRules } from "../src/x/rules";

describe("rules plan", () => {
  it("adds our rule when none of ours exists, and leaves other tags' rules alone, reported", () => {
    const others = [
      { id: "1", value: "cats", tag: "other-app" },
      { id: "2", value: "dogs" },
    ];
    expect(planRules(others, "cloud", "twitterstream-dev")).to.deep.equal({
      add: { value: "cloud", tag: "twitterstream-dev" },
      remove: [],
      ours: [],
      others,
    });
  });

  it("keeps our rule when its value is current", () => {
    expect(planRules([{ id: "1", value: "cloud", tag: "t" }], "cloud", "t")).to.deep.equal({ add: null, remove: [], ours: ["1"], others: [] });
  });

  it("removes only our stale rules, never one of another tag with our old value", () => {
    const existing = [
      { id: "1", value: "old", tag: "t" },
      { id: "2", value: "cloud", tag: "t" },
      { id: "3", value: "older", tag: "t" },
      { id: "4", value: "old", tag: "someone-else" },
    ];
    const plan = planRules(existing, "cloud", "t");
    expect(plan).to.deep.include({ add: null, remove: ["1", "3"], ours: ["2"] });
    expect(plan.others.map((r) => r.id)).to.deep.equal(["4"]);
  });
});

describe("DuplicateRule message", () => {
  it("names the tag that holds the value, and what to do", () => {
    expect(conflictMessage("climate", "twitterstream-b", { id: "9", value: "climate", tag: "twitterstream-a" })).to.equal(
      'X already has the rule "climate" as the rule tagged "twitterstream-a" (id 9), and allows a rule value once per app (DuplicateRule), ' +
        "so RULE_TAG \"twitterstream-b\" cannot own it: if that rule is another stack's, give this stack another FILTER (each stack's " +
        "posts are then billed once); if it is this stack's under an old tag, delete it (the service never deletes a rule it does not own)",
    );
    expect(conflictMessage("climate", "b", { id: "9", value: "climate" })).to.include("as a rule with no tag (id 9)");
  });
});
