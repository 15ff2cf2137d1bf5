import { expect } from "chai";
import { Redactor } from "../src/ops/redact";

describe("redaction", () => {
  it("scrubs raw, JSON-escaped and URL-encoded forms of every secret", () => {
    const r = new Redactor(['s3cr"et/+=', "tok"]);
    const line = JSON.stringify({ msg: 'value s3cr"et/+= and tok', url: `?k=${encodeURIComponent('s3cr"et/+=')}` });
    const out = r.scrub(line);
    expect(out).to.not.include("s3cr");
    expect(out).to.not.include("tok");
    expect(out.match(/\[REDACTED\]/g)).to.have.length(3);
  });

  it("scrubs a Basic authorization value built from a key pair", () => {
    const r = new Redactor();
    r.addBasicAuth("key", "secret");
    const header = `Authorization: Basic ${Buffer.from("key:secret").toString("base64")}`;
    expect(r.scrub(header)).to.equal("Authorization: Basic [REDACTED]");
  });

  it("replaces the longest secret first and ignores empty ones", () => {
    const r = new Redactor(["abc", "abcdef", ""]);
    expect(r.scrub("xabcdefx abc")).to.equal("x[REDACTED]x [REDACTED]");
  });

  it("hides secrets added later", () => {
    const r = new Redactor();
    expect(r.scrub("bearer AAAA")).to.equal("bearer AAAA");
    r.add("AAAA");
    expect(r.scrub("bearer AAAA")).to.equal("bearer [REDACTED]");
  });
});
