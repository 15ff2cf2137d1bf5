/**
 * `Pulumi.yaml` declares exactly the keys the program reads, with the program's defaults, and the credentials as
 * required secrets: the engine enforces what it declares, so a drift would refuse good stacks or let bad ones through.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { DEFAULTS, REQUIRED_CREDENTIALS } from "../config";

const PROJECT_FILE = path.resolve(__dirname, "..", "..", "Pulumi.yaml");

type Declaration = Record<string, string>;

/**
 * The `config:` block of Pulumi.yaml as key -> attribute -> raw scalar. Reads only the flat layout this file uses
 * (keys indented 2, attributes 4, one scalar each) and fails on anything else rather than guess.
 */
function declaredConfig(text: string): Record<string, Declaration> {
  const lines = text.split("\n");
  const start = lines.indexOf("config:");
  expect(start, "Pulumi.yaml has a top-level `config:` block").to.be.greaterThan(-1);
  const declarations: Record<string, Declaration> = {};
  let current: Declaration | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!line.startsWith(" ")) break;
    const key = /^ {2}([A-Za-z][A-Za-z0-9]*):$/.exec(line);
    const attribute = /^ {4}([a-z]+): (.+)$/.exec(line);
    if (key) declarations[key[1]] = current = {};
    else if (attribute && current) current[attribute[1]] = unquote(attribute[2]);
    else throw new Error(`Pulumi.yaml config line not in the expected layout: ${JSON.stringify(line)}`);
  }
  return declarations;
}

function unquote(scalar: string): string {
  return /^(["']).*\1$/.test(scalar) ? scalar.slice(1, -1) : scalar;
}

describe("Pulumi.yaml", () => {
  const text = fs.readFileSync(PROJECT_FILE, "utf8");
  const declared = declaredConfig(text);

  it("names the project twitterstream, runs infra/ on Node.js with TypeScript", () => {
    expect(text).to.match(/^name: twitterstream$/m);
    expect(text).to.match(/^main: infra\/$/m);
    expect(text).to.match(/^runtime:\n {2}name: nodejs\n {2}options:\n {4}typescript: true$/m);
  });

  it("declares exactly the keys the program reads, each with a type and a description", () => {
    expect(Object.keys(declared).sort()).to.deep.equal([...Object.keys(REQUIRED_CREDENTIALS), ...Object.keys(DEFAULTS)].sort());
    for (const [key, declaration] of Object.entries(declared)) {
      expect(declaration, key).to.have.property("type");
      expect(declaration, key).to.have.property("description");
    }
  });

  it("declares the four credentials as secret strings without a default, so the engine requires and encrypts them", () => {
    for (const key of Object.keys(REQUIRED_CREDENTIALS)) {
      expect(declared[key], key).to.deep.include({ type: "string", secret: "true" });
      expect(declared[key], key).to.not.have.property("default");
      expect(declared[key].description, key).to.include(`pulumi config set --secret ${key} <value>`);
    }
  });

  it("gives every other key the program's default and the matching type", () => {
    for (const [key, value] of Object.entries(DEFAULTS)) {
      const type = typeof value === "number" ? "integer" : typeof value;
      expect(declared[key], key).to.deep.include({ type, default: String(value) });
      expect(declared[key], key).to.not.have.property("secret");
    }
  });
});
