import { expect } from "chai";
import { FilterError, parseFilter } from "../src/x/filter";

function rule(source: string): string {
  return parseFilter(source).ruleValue;
}

describe("filter", () => {
  it("turns the comma form into an X rule: words AND-ed in parentheses, phrases quoted, terms OR-ed", () => {
    expect(rule('Cloud Computing, "amazon web services", #aws')).to.equal('(Cloud Computing) OR "amazon web services" OR #aws');
    expect(rule("Cloud Computing")).to.equal("Cloud Computing");
    expect(rule("  fargate ")).to.equal("fargate");
    expect(rule("café, 東京")).to.equal("café OR 東京");
  });

  it("reads a comma as X's OR, at any depth, and keeps AND tighter than OR", () => {
    expect(rule("cats OR dogs, bird")).to.equal("cats OR dogs OR bird");
    expect(rule("cloud computing OR aws")).to.equal("(cloud computing) OR aws");
    expect(rule("(cats, dogs) lang:en")).to.equal("(cats OR dogs) lang:en");
  });

  it("quotes keywords with punctuation, as X matches unquoted keywords against punctuation-free tokens", () => {
    expect(rule("node.js, don't, coca-cola")).to.equal('"node.js" OR "don\'t" OR "coca-cola"');
    expect(rule("learn node.js fast")).to.equal('learn "node.js" fast');
    expect(rule("covid-19")).to.equal('"covid-19"');
  });

  it("keeps 'or' in another case as a word: quoted in the X rule; OR inside a phrase stays in the phrase", () => {
    expect(rule("cats or dogs")).to.equal('cats "or" dogs');
    expect(rule('"cats OR dogs"')).to.equal('"cats OR dogs"');
  });

  it("accepts X's operators, negation, groups, emoji, mentions and proximity as X writes them", () => {
    const cases: Array<[string, string]> = [
      ["(happy OR happiness) lang:en -birthday -is:retweet", "(happy OR happiness) lang:en -birthday -is:retweet"],
      ["@XDevelopers -is:reply -is:quote", "@XDevelopers -is:reply -is:quote"],
      ["from:XDevelopers has:links, to:api has:media", "(from:XDevelopers has:links) OR (to:api has:media)"],
      ["#meme has:images", "#meme has:images"],
      ["(😃 OR 😡) 😬", "(😃 OR 😡) 😬"],
      ['"social media"~5', '"social media"~5'],
      ['url:"https://developer.x.com" -is:nullcast', 'url:"https://developer.x.com" -is:nullcast'],
      ["cats -(dogs)", "cats -dogs"],
      ["東京 lang:ja", "東京 lang:ja"],
    ];
    for (const [source, value] of cases) expect(rule(source), source).to.equal(value);
  });

  const errors: Array<[string, string]> = [
    ["cats OR", 'FILTER has an empty term ("cats OR"): remove the extra comma or OR, or put a term in the parentheses'],
    ["OR dogs", 'FILTER has an empty term ("OR dogs"): remove the extra comma or OR, or put a term in the parentheses'],
    ["a,,b", 'FILTER has an empty term ("a,,b"): remove the extra comma or OR, or put a term in the parentheses'],
    ["", 'FILTER is empty: set it to comma-separated keywords or phrases, e.g. "cloud computing, #aws"'],
    ['say "hi', 'FILTER has an unterminated double quote at position 5: close it, as in "cloud computing"'],
    ['""', "FILTER has an empty phrase at position 1: put at least one word between the quotes"],
    ["(cats OR dogs", "FILTER has an unmatched '(' at position 1: close it with ')'"],
    ["cats)", "FILTER has an unmatched ')' at position 5: remove it or add its '('"],
    [
      "-spam",
      "FILTER has a term of only negations or conjunction-required operators (-spam): X needs a keyword, phrase, #, @, $, emoji, from:, to: or another standalone operator in each rule and OR branch, as in cats has:links -is:retweet",
    ],
    [
      "has:links OR is:retweet",
      "FILTER has a term of only negations or conjunction-required operators (has:links): X needs a keyword, phrase, #, @, $, emoji, from:, to: or another standalone operator in each rule and OR branch, as in cats has:links -is:retweet",
    ],
    [
      "cats, lang:en -is:retweet",
      "FILTER has a term of only negations or conjunction-required operators (lang:en -is:retweet): X needs a keyword, phrase, #, @, $, emoji, from:, to: or another standalone operator in each rule and OR branch, as in cats has:links -is:retweet",
    ],
    ["cats lang:xx", "FILTER has 'lang:xx' at position 6: the value of lang: must be one of X's BCP 47 codes, e.g. en, ja, th, zh-CN"],
    ["cats is:retweets", "FILTER has 'is:retweets' at position 6: the value of is: must be retweet, reply, quote, verified or nullcast"],
    ["cats is:nullcast", "FILTER has is:nullcast at position 6: X only allows it negated, -is:nullcast"],
    ["cats -sample:10", "FILTER negates sample: at position 6: X does not allow it; remove the '-'"],
    [
      "skiing -(snow OR day)",
      "FILTER negates a group at position 8: X asks not to negate grouped operators; negate each term instead, as in skiing -snow -day",
    ],
    ["cats - dogs", "FILTER has a '-' with nothing after it at position 6: put the term to exclude right after it, as in -spam"],
    ['"a b"~9', "FILTER has a proximity ~9 at position 6: X allows ~1 to ~6"],
    [
      "from:this_name_is_far_too_long",
      "FILTER has 'from:this_name_is_far_too_long' at position 1: the value of from: must be a username (1 to 15 of letters, digits, '_') or a user id",
    ],
  ];
  for (const [source, message] of errors) {
    it(`rejects ${JSON.stringify(source)} with an exact message`, () => {
      expect(() => parseFilter(source))
        .to.throw(FilterError, message)
        .with.property("message", message);
    });
  }

  it("names X's operators when one is unknown", () => {
    expect(() => parseFilter("cats time:noon")).to.throw(
      FilterError,
      /^FILTER has an unknown operator 'time:' at position 6: use one of X's \(from, to, .*\), or quote the word$/u,
    );
  });
});
