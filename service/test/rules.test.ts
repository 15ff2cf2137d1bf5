import { expect } from "chai";
import { planRules } from "../src/rules";

describe("rules plan", () => {
  it("adds our rule when none of ours exists, and leaves other apps' rules alone", () => {
    const plan = planRules(
      [
        { id: "1", value: "cats", tag: "other-app" },
        { id: "2", value: "dogs" },
      ],
      "cloud",
      "twitterstream",
    );
    expect(plan).to.deep.equal({ add: { value: "cloud", tag: "twitterstream" }, remove: [] });
  });

  it("keeps our rule when its value is current", () => {
    expect(planRules([{ id: "1", value: "cloud", tag: "twitterstream" }], "cloud", "twitterstream")).to.deep.equal({ add: null, remove: [] });
  });

  it("removes our stale rules", () => {
    const existing = [
      { id: "1", value: "old", tag: "twitterstream" },
      { id: "2", value: "cloud", tag: "twitterstream" },
      { id: "3", value: "older", tag: "twitterstream" },
      { id: "4", value: "old", tag: "someone-else" },
    ];
    expect(planRules(existing, "cloud", "twitterstream")).to.deep.equal({ add: null, remove: ["1", "3"] });
  });
});
