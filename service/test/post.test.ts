import { expect } from "chai";
import { toItem } from "../src/intake/item";
import { readLine, STREAM_FIELDS, withRetweetClause, type LineResult } from "../src/intake/post";

const POST = {
  data: {
    id: "1858000000000000001",
    text: "Héllo 🌍 «cloud» 東京",
    author_id: "42",
    created_at: "2026-11-22T01:02:03.000Z",
    edit_history_tweet_ids: ["1858000000000000001"],
  },
  includes: {
    users: [
      { id: "7", name: "Other", username: "other" },
      { id: "42", name: "Ada", username: "ada" },
    ],
  },
  matching_rules: [{ id: "1", tag: "twitterstream" }],
};

function post(result: LineResult) {
  if (result.kind !== "post") throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result.post;
}

describe("reading a stream line", () => {
  it("reads id, text, author, username and date of a v2 post", () => {
    expect(post(readLine(JSON.stringify(POST)))).to.deep.equal({
      id: "1858000000000000001",
      text: "Héllo 🌍 «cloud» 東京",
      authorId: "42",
      username: "ada",
      createdAt: "2026-11-22T01:02:03.000Z",
    });
  });

  it("reads matching_rules, X's attribution of the post to the app's rules, leaving out malformed entries", () => {
    const line = { ...POST, matching_rules: [{ id: "1", tag: "a" }, { id: "2" }, { id: 3, tag: "numeric id" }, "junk"] };
    const result = readLine(JSON.stringify(line));
    expect(result.kind === "post" ? result.matchingRules : undefined).to.deep.equal([{ id: "1", tag: "a" }, { id: "2" }]);
    const { matching_rules: _rules, ...bare } = POST;
    const none = readLine(JSON.stringify(bare));
    expect(none.kind === "post" ? none.matchingRules : undefined).to.deep.equal([]);
  });

  it("prefers the full text of a long post", () => {
    const long = { ...POST, data: { ...POST.data, note_tweet: { text: "the whole long text" } } };
    expect(post(readLine(JSON.stringify(long))).text).to.equal("the whole long text");
  });

  it("normalises a date without milliseconds", () => {
    const d = { ...POST, data: { ...POST.data, created_at: "2026-11-22T01:02:03Z" } };
    expect(post(readLine(JSON.stringify(d))).createdAt).to.equal("2026-11-22T01:02:03.000Z");
  });

  it("keeps a post whose author was not expanded, without username", () => {
    const { includes: _omitted, ...bare } = POST;
    expect(post(readLine(JSON.stringify(bare))).username).to.equal(undefined);
  });

  it("skips a line that is not JSON, with a sample", () => {
    expect(readLine("{not json")).to.deep.equal({ kind: "skip", reason: "not-json", sample: "{not json" });
    expect(readLine("42")).to.deep.include({ kind: "skip", reason: "not-json" });
  });

  it("skips an in-stream error object", () => {
    const line = JSON.stringify({
      errors: [
        {
          title: "operational-disconnect",
          disconnect_type: "UpstreamOperationalDisconnect",
          detail: "x",
          type: "https://api.twitter.com/2/problems/operational-disconnect",
        },
      ],
    });
    expect(readLine(line)).to.deep.include({ kind: "skip", reason: "stream-error" });
  });

  it("skips posts with missing or malformed fields, naming the id when there is one", () => {
    const cases: Array<[unknown, string]> = [
      [{ data: { ...POST.data, text: undefined } }, "id 1858000000000000001"],
      [{ data: { ...POST.data, author_id: 42 } }, "id 1858000000000000001"],
      [{ data: { ...POST.data, created_at: "yesterday" } }, "id 1858000000000000001"],
    ];
    for (const [message, sample] of cases) {
      expect(readLine(JSON.stringify(message))).to.deep.equal({ kind: "skip", reason: "missing-fields", sample });
    }
    expect(readLine(JSON.stringify({ data: { ...POST.data, id: "abc" } }))).to.deep.include({ reason: "missing-fields" });
    expect(readLine(JSON.stringify({ meta: {} }))).to.deep.include({ reason: "missing-fields" });
  });
});

describe("building the item", () => {
  it("keys by author and by date#id, and keeps the text whole", () => {
    expect(toItem(post(readLine(JSON.stringify(POST))), "cloud")).to.deep.equal({
      user: "42",
      date: "2026-11-22T01:02:03.000Z#1858000000000000001",
      id: "1858000000000000001",
      createdAt: "2026-11-22T01:02:03.000Z",
      text: "Héllo 🌍 «cloud» 東京",
      rule: "cloud",
      username: "ada",
    });
  });

  it("gives two posts of one user in the same second different keys", () => {
    const a = toItem({ id: "1", text: "a", authorId: "9", username: "u", createdAt: "2026-01-01T00:00:00.000Z" }, "r");
    const b = toItem({ id: "2", text: "b", authorId: "9", username: "u", createdAt: "2026-01-01T00:00:00.000Z" }, "r");
    expect(a.user).to.equal(b.user);
    expect(a.date).to.not.equal(b.date);
  });

  it("omits username when unknown", () => {
    const item = toItem({ id: "1", text: "a", authorId: "9", username: undefined, createdAt: "2026-01-01T00:00:00.000Z" }, "r");
    expect(item).to.not.have.property("username");
  });
});

describe("reading retweets, quotes and edits", () => {
  const original = {
    id: "1858000000000000000",
    text: "cut…",
    note_tweet: { text: "the whole original" },
    author_id: "7",
    created_at: "2026-11-22T01:00:00.000Z",
  };

  it("asks X for referenced posts, edit histories and long texts", () => {
    expect(STREAM_FIELDS.tweetFields.split(",")).to.include.members(["referenced_tweets", "edit_history_tweet_ids", "note_tweet", "created_at"]);
    expect(STREAM_FIELDS.expansions.split(",")).to.include.members(["author_id", "referenced_tweets.id", "edit_history_tweet_ids"]);
  });

  it("takes a retweet's text from the original in includes.tweets, note_tweet first", () => {
    const line = {
      ...POST,
      data: { ...POST.data, text: "RT @x: cut", referenced_tweets: [{ type: "retweeted", id: original.id }] },
      includes: { ...POST.includes, tweets: [original] },
    };
    const p = post(readLine(JSON.stringify(line)));
    expect(p).to.deep.include({ text: "the whole original", reference: { type: "retweeted", id: original.id } });
    expect(toItem(p, "r")).to.deep.include({ text: "the whole original", refType: "retweeted", refId: original.id });
  });

  it("keeps a quote's own text and matches it with the quoted post's", () => {
    const line = {
      ...POST,
      data: {
        ...POST.data,
        referenced_tweets: [
          { type: "replied_to", id: "5" },
          { type: "quoted", id: original.id },
        ],
      },
      includes: { ...POST.includes, tweets: [original] },
    };
    const p = post(readLine(JSON.stringify(line)));
    expect(p).to.deep.include({ text: POST.data.text, quotedText: "the whole original", reference: { type: "quoted", id: original.id } });
  });

  it("derives the keys of an edited post's earlier versions from includes.tweets", () => {
    const earlier = { id: "1857999999999999999", text: "v1", author_id: "42", created_at: "2026-11-22T01:00:00.000Z" };
    const line = {
      ...POST,
      data: { ...POST.data, edit_history_tweet_ids: [earlier.id, POST.data.id] },
      includes: { ...POST.includes, tweets: [earlier] },
    };
    const item = toItem(post(readLine(JSON.stringify(line))), "r");
    expect(item).to.deep.include({ editOf: [earlier.id], replaces: [{ user: "42", date: `2026-11-22T01:00:00.000Z#${earlier.id}` }] });
  });

  it("puts -is:retweet after the whole rule", () => {
    expect(withRetweetClause("a OR b", true)).to.equal("(a OR b) -is:retweet");
    expect(withRetweetClause("a OR b", false)).to.equal("a OR b");
  });
});
