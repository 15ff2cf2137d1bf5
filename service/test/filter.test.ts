import { expect } from "chai";
import { FilterError, parseFilter } from "../src/filter";

describe("filter", () => {
  it("turns terms into an X rule: words AND-ed in parentheses, phrases quoted, terms OR-ed", () => {
    const f = parseFilter('Cloud Computing, "amazon web services", #aws');
    expect(f.ruleValue).to.equal('(Cloud Computing) OR "amazon web services" OR #aws');
  });

  it("keeps a single term without parentheses", () => {
    expect(parseFilter("Cloud Computing").ruleValue).to.equal("Cloud Computing");
    expect(parseFilter("  fargate ").ruleValue).to.equal("fargate");
  });

  it("matches all words of a term, in any order, case-insensitively, as whole words", () => {
    const f = parseFilter("Cloud Computing");
    expect(f.matches("computing in the CLOUD!")).to.equal(true);
    expect(f.matches("cloud only")).to.equal(false);
    expect(f.matches("cloudy computing")).to.equal(false);
  });

  it("matches an exact phrase only in order", () => {
    const f = parseFilter('"amazon web services"');
    expect(f.matches("I like Amazon  Web\nServices a lot")).to.equal(true);
    expect(f.matches("web services by amazon")).to.equal(false);
  });

  it("matches any term", () => {
    const f = parseFilter("aws, fargate");
    expect(f.matches("Running on Fargate")).to.equal(true);
    expect(f.matches("#aws rocks")).to.equal(true);
    expect(f.matches("laws and fargates")).to.equal(false);
  });

  it("matches non-ASCII words on whole-word boundaries", () => {
    const f = parseFilter("café, 東京");
    expect(f.matches("Un CAFÉ ☕ s'il vous plaît")).to.equal(true);
    expect(f.matches("cafés")).to.equal(false);
    expect(f.matches("東京 🗼")).to.equal(true);
  });

  const errors: Array<[string, string]> = [
    ["", 'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"'],
    ["   ", 'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"'],
    ["a,,b", 'FILTER has an empty term ("a,,b"): remove the extra comma'],
    ['say "hi', 'FILTER term "say \\"hi" has a stray double quote: quote a whole term, as in "cloud computing"'],
    ['""', 'FILTER term "\\"\\"" has no words: put at least one word between the quotes'],
    [
      "from:nasa",
      `FILTER word "from:nasa" is not allowed: use letters, digits and '_' (inner '-', '.', "'" allowed), optionally after '#', '@' or '$'`,
    ],
    [
      "-spam",
      `FILTER word "-spam" is not allowed: use letters, digits and '_' (inner '-', '.', "'" allowed), optionally after '#', '@' or '$'`,
    ],
  ];
  for (const [source, message] of errors) {
    it(`rejects ${JSON.stringify(source)} with an exact message`, () => {
      expect(() => parseFilter(source)).to.throw(FilterError, message).with.property("message", message);
    });
  }
});
