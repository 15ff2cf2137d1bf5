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

  it("starts with an inner '-' (the RegExp u flag refuses the escape \\-) and matches it as a whole word", () => {
    const f = parseFilter("covid-19");
    expect(f.ruleValue).to.equal('"covid-19"');
    expect(f.matches("COVID-19 news")).to.equal(true);
    expect(f.matches("covid 19")).to.equal(false);
  });

  it("quotes words with punctuation in the X rule, as X matches unquoted keywords against punctuation-free tokens", () => {
    expect(parseFilter("node.js, don't, coca-cola").ruleValue).to.equal('"node.js" OR "don\'t" OR "coca-cola"');
    expect(parseFilter("learn node.js fast").ruleValue).to.equal('learn "node.js" fast');
    expect(parseFilter("node.js").matches("I love Node.js!")).to.equal(true);
  });

  it("takes OR in capitals as a separator, like a comma, on both sides", () => {
    const f = parseFilter("cats OR dogs, bird");
    expect(f.ruleValue).to.equal("cats OR dogs OR bird");
    expect(f.matches("I like dogs")).to.equal(true);
    expect(parseFilter("cloud computing OR aws").ruleValue).to.equal("(cloud computing) OR aws");
  });

  it("keeps 'or' in another case as a word on both sides: quoted in the X rule", () => {
    const f = parseFilter("cats or dogs");
    expect(f.ruleValue).to.equal('cats "or" dogs');
    expect(f.matches("cats or dogs?")).to.equal(true);
    expect(f.matches("I like dogs")).to.equal(false);
    expect(parseFilter('"cats OR dogs"').ruleValue).to.equal('"cats OR dogs"');
    expect(parseFilter('"cats OR dogs"').matches("Cats or dogs")).to.equal(true);
  });

  const errors: Array<[string, string]> = [
    ["cats OR", 'FILTER has an empty term ("cats OR"): remove the extra comma or OR'],
    ["OR dogs", 'FILTER has an empty term ("OR dogs"): remove the extra comma or OR'],
    ["", 'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"'],
    ["   ", 'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"'],
    ["a,,b", 'FILTER has an empty term ("a,,b"): remove the extra comma or OR'],
    ['say "hi', 'FILTER term "say \\"hi" has a stray double quote: quote a whole term, as in "cloud computing"'],
    ['""', 'FILTER term "\\"\\"" has no words: put at least one word between the quotes'],
    [
      "from:nasa",
      `FILTER word "from:nasa" is not allowed: use letters, digits and '_' (inner '-', '.', "'" allowed), optionally after '#', '@' or '$'`,
    ],
    ["-spam", `FILTER word "-spam" is not allowed: use letters, digits and '_' (inner '-', '.', "'" allowed), optionally after '#', '@' or '$'`],
  ];
  for (const [source, message] of errors) {
    it(`rejects ${JSON.stringify(source)} with an exact message`, () => {
      expect(() => parseFilter(source))
        .to.throw(FilterError, message)
        .with.property("message", message);
    });
  }
});
