/**
 * packages/secure-fargate-task/REFERENCE.md: the committed file is what the generator writes now; it covers every
 * argument, output and type of schema.json; every optional argument documents its default; and the pricing and the
 * tables follow the resources each configuration registers.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { taskHourUsd } from "../../cost/estimate";
import { PRICES } from "../../cost/prices";
import { componentDefaults, defaultsOf } from "../defaults";
import { generateReference } from "../generate";
import { argsText, changes, REGENERATE } from "../render";
import { billingOfType, monthlyUsd, priceResources } from "../price";
import { defaultText, RESOURCE, type Schema, typeText } from "../schemaDoc";

const PACKAGE = path.resolve(__dirname, "..", "..", "..", "packages", "secure-fargate-task");
const committed = fs.readFileSync(path.join(PACKAGE, "REFERENCE.md"), "utf8");
const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE, "schema.json"), "utf8")) as Schema;

/** The lines of one `## ` section of the reference. */
function section(title: string): string[] {
  const lines = committed.split("\n");
  const start = lines.indexOf(`## ${title}`);
  expect(start, `REFERENCE.md has a section ${title}`).to.be.greaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The first cells of a section's table rows: `` `name` `` -> name. */
function firstCells(lines: readonly string[]): string[] {
  return lines.flatMap((l) => /^\| `([^`]+)` \|/.exec(l)?.[1] ?? []);
}

describe("the component's reference (REFERENCE.md)", function () {
  this.timeout(180_000);

  it(`is what the generator writes now (regenerate: ${REGENERATE})`, async () => {
    expect(committed, `packages/secure-fargate-task/REFERENCE.md is stale: run ${REGENERATE}`).to.equal(await generateReference(PACKAGE));
  });

  it("has a row for every argument and every output of schema.json, and a table for every type", () => {
    const component = schema.resources[RESOURCE];
    expect(firstCells(section("Arguments"))).to.deep.equal(Object.keys(component.inputProperties));
    expect(firstCells(section("Outputs"))).to.deep.equal(Object.keys(component.properties));
    const types = section("Types").flatMap((l) => /^### (\w+)$/.exec(l)?.[1] ?? []);
    expect(types).to.deep.equal(Object.keys(schema.types).map((t) => t.slice(t.lastIndexOf(":") + 1)));
  });

  it("documents the default of every optional argument (TSDoc @default)", () => {
    const component = schema.resources[RESOURCE];
    const defaults = componentDefaults(path.join(PACKAGE, "src")).get("SecureFargateTaskArgs");
    const optional = Object.keys(component.inputProperties).filter((name) => !(component.requiredInputs ?? []).includes(name));
    expect(optional.filter((name) => defaults?.get(name) === undefined)).to.deep.equal([]);
  });

  it("lists in its IAM section every resource type the configurations register: the deployer's table has a row for each", () => {
    const token = /`([a-z0-9-]+:[A-Za-z0-9/]+:[A-Za-z0-9]+)`/g;
    const registered = new Set(section("Resources and their monthly cost").flatMap((l) => [...l.matchAll(token)].map((m) => m[1])));
    const withRows = new Set(firstCells(section("IAM for the deploying identity")));
    expect(registered.size, "the resource tables name types").to.be.greaterThan(10);
    expect([...registered].filter((t) => !withRows.has(t))).to.deep.equal([]);
  });

  describe("its parts", () => {
    it("reads @default tags of interface properties", () => {
      const text =
        'interface A {\n  /** Doc. @default "x" */\n  a?: string;\n  /**\n   * Doc.\n   * @default - none\n   */\n  b?: number;\n  c: string;\n}';
      expect([...defaultsOf("a.ts", text).get("A")!]).to.deep.equal([
        ["a", '"x"'],
        ["b", "- none"],
      ]);
    });

    it("writes defaults as prose or code, and types as TypeScript with links to their tables", () => {
      expect([
        defaultText('"service"', false),
        defaultText("30 (days)", false),
        defaultText("- none", false),
        defaultText(undefined, true),
      ]).to.deep.equal(['`"service"`', "`30` (days)", "none", "required"]);
      expect(typeText({ type: "object", additionalProperties: { $ref: "#/types/p:index:SecretRefArgs" } })).to.equal(
        "Record<string, [SecretRefArgs](#secretrefargs)>",
      );
      expect(typeText({ type: "array", items: { type: "string" } })).to.equal("string[]");
    });

    it("shows arguments as code, a secret as <secret>", () => {
      expect(argsText({ secrets: { A: { value: pulumi.secret("s3cr3t") } }, "a-b": [1, true] })).to.equal(
        '{ secrets: { A: { value: <secret> } }, "a-b": [1, true] }',
      );
    });

    it("prices a service's tasks, public IPs and Spot from the cost report's prices, and names what is charged by use", () => {
      const definition = {
        type: "aws:ecs/taskDefinition:TaskDefinition",
        inputs: { cpu: "512", memory: "1024", runtimePlatform: { cpuArchitecture: "ARM64" } },
      };
      const service = { type: "aws:ecs/service:Service", inputs: { desiredCount: 2, networkConfiguration: { assignPublicIp: true } } };
      const [, priced] = priceResources([definition, service]);
      const task = { cpu: 512, memoryMiB: 1024, ephemeralStorageGiB: 20 };
      expect(priced.usd).to.be.closeTo(2 * 730 * (taskHourUsd(task, "ARM64", false) + PRICES.publicIpv4Hour.usd), 1e-9);
      const spot = { ...service, inputs: { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] } };
      expect(priceResources([definition, spot])[1].usd).to.be.closeTo(730 * taskHourUsd(task, "ARM64", true), 1e-9);
      const rows = priceResources([
        { type: "aws:cloudwatch/logGroup:LogGroup", inputs: {} },
        { type: "aws:kms/key:Key", inputs: {} },
      ]);
      expect(rows.map((r) => [r.billing, r.usd])).to.deep.equal([
        ["usage", undefined],
        ["priced", PRICES.kmsKeyMonth.usd],
      ]);
      expect(monthlyUsd(rows)).to.equal(PRICES.kmsKeyMonth.usd);
      expect(() => billingOfType("aws:made/up:Thing")).to.throw("no billing rule for aws:made/up:Thing");
    });

    it("prices an Application Load Balancer's hours from the cost report's price table, its LCUs by use", () => {
      const [alb] = priceResources([
        { type: "aws:lb/loadBalancer:LoadBalancer", inputs: {} },
        { type: "aws:lb/loadBalancer:LoadBalancer", inputs: {} },
      ]);
      expect([alb.billing, alb.count]).to.deep.equal(["priced", 2]);
      expect(alb.usd).to.be.closeTo(2 * 730 * PRICES.albHour.usd, 1e-9);
      expect(alb.basis).to.include(`$${PRICES.albLcuHour.usd} each) by use`);
    });

    it("tells what an option adds and removes, type by type", () => {
      const row = (type: string, count: number) => ({ type, count, billing: "free" as const });
      expect(changes([row("a", 1), row("b", 2)], [row("b", 3), row("c", 1)])).to.deep.equal(["−1 `a`", "+1 `b`", "+1 `c`"]);
    });
  });
});
