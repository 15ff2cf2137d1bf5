import { expect } from "chai";
import { containsPhrase, generatePosts } from "../dev/generator";

const PATTERN = "climate change";

describe("post generator", () => {
  const posts = generatePosts({ count: 1000, matchRatio: 0.3, pattern: PATTERN, seed: 42 });

  it("gives the same posts for the same seed, and others for another seed", () => {
    expect(generatePosts({ count: 1000, matchRatio: 0.3, pattern: PATTERN, seed: 42 })).to.deep.equal(posts);
    const other = generatePosts({ count: 1000, matchRatio: 0.3, pattern: PATTERN, seed: 43 });
    expect(other.map((post) => post.text)).to.not.deep.equal(posts.map((post) => post.text));
  });

  it("makes exactly round(count * matchRatio) posts contain the phrase", () => {
    expect(posts.filter((post) => containsPhrase(post.text, PATTERN))).to.have.length(300);
    expect(generatePosts({ count: 7, matchRatio: 0.5, pattern: PATTERN }).filter((p) => containsPhrase(p.text, PATTERN))).to.have.length(4);
    expect(generatePosts({ count: 50, matchRatio: 0, pattern: PATTERN }).some((p) => containsPhrase(p.text, PATTERN))).to.equal(false);
  });

  it("keeps every word of the phrase, in any case, out of the other posts", () => {
    const others = posts.filter((post) => !containsPhrase(post.text, PATTERN));
    expect(others.filter((post) => /climate|change/iu.test(post.text))).to.deep.equal([]);
  });

  it("varies the case of the phrase", () => {
    const casings = new Set(posts.map((post) => /climate change/iu.exec(post.text)?.[0]).filter((found) => found !== undefined));
    expect(casings.size).to.be.at.least(3);
  });

  it("gives strictly increasing 19-digit ids and non-decreasing ISO dates with milliseconds", () => {
    for (const [i, post] of posts.entries()) {
      expect(post.id).to.match(/^\d{19}$/);
      expect(post.createdAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (i > 0) {
        expect(BigInt(post.id) > BigInt(posts[i - 1].id)).to.equal(true);
        expect(post.createdAt >= posts[i - 1].createdAt).to.equal(true);
      }
    }
  });

  it("has authors who post several times, some twice within one second", () => {
    const byAuthor = new Map<string, string[]>();
    for (const post of posts) byAuthor.set(post.authorId, [...(byAuthor.get(post.authorId) ?? []), post.createdAt]);
    expect(byAuthor.size).to.be.within(2, posts.length / 2);
    const sameSecond = [...byAuthor.values()].some((dates) => new Set(dates.map((d) => d.slice(0, 19))).size < dates.length);
    expect(sameSecond).to.equal(true);
  });

  it("writes in several scripts, with emoji", () => {
    const text = posts.map((post) => post.text).join("\n");
    for (const script of [
      /\p{Script=Han}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Hangul}/u,
      /[éüçñ]/u,
      /\p{Extended_Pictographic}/u,
    ]) {
      expect(text).to.match(script);
    }
    expect(new Set(posts.map((post) => post.lang)).size).to.be.at.least(10);
  });

  it("rejects options out of range, naming the option", () => {
    expect(() => generatePosts({ count: -1, matchRatio: 0.5, pattern: PATTERN })).to.throw("`count` must be an integer >= 0, got: -1");
    expect(() => generatePosts({ count: 1, matchRatio: 2, pattern: PATTERN })).to.throw("`matchRatio` must be between 0 and 1, got: 2");
    expect(() => generatePosts({ count: 1, matchRatio: 1, pattern: " " })).to.throw('`pattern` must contain a word, got: " "');
  });
});
