import { expect } from "chai";
import type { FakePost } from "../dev/fakePost";
import { matchesRule, parseRule } from "../dev/ruleExpression";

function post(text: string, extra: Partial<FakePost> = {}): FakePost {
  return { id: "1", text, authorId: "2", username: "Ada_L", name: "Ada", createdAt: "2025-01-01T00:00:00.000Z", lang: "en", ...extra };
}

function matches(rule: string, text: string, extra: Partial<FakePost> = {}): boolean {
  const parsed = parseRule(rule, 1024);
  if (!parsed.ok) throw new Error(`rule ${rule} refused: ${parsed.detail}`);
  return matchesRule(parsed.expression, post(text, extra));
}

describe("fake X rule language", () => {
  it("matches keywords case-insensitively on word boundaries", () => {
    expect(matches("aws", "I love AWS!")).to.equal(true);
    expect(matches("aws", "new laws")).to.equal(false);
    expect(matches("café", "Un CAFÉ crème")).to.equal(true);
  });

  it("matches an exact phrase in order only", () => {
    expect(matches('"climate change"', "«Climate Change» now")).to.equal(true);
    expect(matches('"climate change"', "change the climate")).to.equal(false);
    expect(matches("climate change", "change the climate")).to.equal(true);
  });

  it("applies AND before OR, negation and grouping", () => {
    expect(matches("cat dog OR bird", "a bird")).to.equal(true);
    expect(matches("cat (dog OR bird)", "a bird")).to.equal(false);
    expect(matches("cat -dog", "cat and dog")).to.equal(false);
    expect(matches("cat -is:retweet", "cat")).to.equal(true);
  });

  it("matches keywords inside text of scripts written without spaces", () => {
    expect(matches("東京", "今日は東京で雨")).to.equal(true);
  });

  it("supports from: and lang:", () => {
    expect(matches("from:ada_l", "anything")).to.equal(true);
    expect(matches("hello lang:fr", "hello", { lang: "en" })).to.equal(false);
  });

  it("refuses rules X refuses", () => {
    for (const [rule, detail] of [
      ["-cat", "Rules must contain a non-negation term that can stand alone (at position 1)"],
      ["is:retweet", "Rules must contain a non-negation term that can stand alone (at position 1)"],
      ["cat mood:happy", "Reference to invalid operator 'mood' (at position 5)"],
      ["(cat", "Missing closing parenthesis (at position 1)"],
      ['"cat', "Unterminated quoted phrase (at position 1)"],
      ["cat OR", "Expected a term (at position 5)"],
      ["", "Rule value must not be empty"],
    ]) {
      expect(parseRule(rule, 1024)).to.deep.equal({ ok: false, detail });
    }
    expect(parseRule("x".repeat(11), 10)).to.deep.equal({ ok: false, detail: "Rule length exceeds the maximum of 10 characters (got 11)" });
  });
});
