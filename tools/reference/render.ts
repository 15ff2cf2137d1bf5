/** Renders packages/secure-fargate-task/REFERENCE.md from the schema, the defaults, the captures and the prices. Pure. */
import * as pulumi from "@pulumi/pulumi";
import { PRICES, REGION } from "../cost/prices";
import type { Capture } from "./capture";
import type { Defaults } from "./defaults";
import { actionsCell, componentIam, PROJECT_PLACEHOLDER } from "./iam";
import { SECRET } from "./options";
import { monthlyUsd, priceResources, type PricedType } from "./price";
import { argumentTable, outputTable, type Schema, typeSections } from "./schemaDoc";

/** How to regenerate the reference; the staleness test names it. */
export const REGENERATE = "npm run -s reference > packages/secure-fargate-task/REFERENCE.md";

/** Dollars with cents. */
export function dollars(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** Arguments as a TypeScript object literal on one line; a secret value shows as `<secret>`. */
export function argsText(value: unknown): string {
  if (pulumi.Output.isInstance(value)) return "<secret>";
  if (Array.isArray(value)) return `[${value.map(argsText).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${argsText(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

const BILLING_WORDS: Readonly<Record<string, string>> = {
  priced: "priced",
  free: "no charge of its own",
  usage: "by use",
};

function resourceTable(rows: readonly PricedType[]): string[] {
  return [
    "| Resource type | Count | Billing | USD a month | What is priced |",
    "|---|--:|---|--:|---|",
    ...rows.map(
      (r) => `| \`${r.type}\` | ${r.count} | ${BILLING_WORDS[r.billing]} | ${r.usd === undefined ? "" : dollars(r.usd)} | ${r.basis ?? ""} |`,
    ),
    `| **Total** | ${rows.reduce((n, r) => n + r.count, 0)} | | **${dollars(monthlyUsd(rows))}** | |`,
  ];
}

/** `+1 type`, `-1 type`: what an option changes in the count of each type, against the defaults. */
export function changes(base: readonly PricedType[], option: readonly PricedType[]): string[] {
  const counts = (rows: readonly PricedType[]) => new Map(rows.map((r) => [r.type, r.count]));
  const [before, after] = [counts(base), counts(option)];
  const types = [...new Set([...before.keys(), ...after.keys()])];
  return types.flatMap((t) => {
    const delta = (after.get(t) ?? 0) - (before.get(t) ?? 0);
    return delta === 0 ? [] : [`${delta > 0 ? "+" : "−"}${Math.abs(delta)} \`${t}\``];
  });
}

function optionTable(captures: readonly Capture[]): string[] {
  const [base, ...options] = captures.map((c) => ({ capture: c, rows: priceResources(c.resources) }));
  const baseUsd = monthlyUsd(base.rows);
  return [
    "| Option | Arguments (beside the defaults') | Resources it adds (+) or removes (−) | USD a month | Difference |",
    "|---|---|---|--:|--:|",
    ...options.map(({ capture, rows }) => {
      const usd = monthlyUsd(rows);
      const changed = changes(base.rows, rows);
      const diff = usd - baseUsd;
      return `| ${capture.option.label} | \`${argsText(capture.option.args)}\` | ${changed.length > 0 ? changed.join("<br>") : "none: it changes the inputs of the defaults' resources"} | ${dollars(usd)} | ${Math.abs(diff) < 0.005 ? "" : `${diff > 0 ? "+" : "−"}${dollars(Math.abs(diff))}`} |`;
    }),
  ];
}

function json(value: unknown): string[] {
  return ["```json", JSON.stringify(value, null, 2), "```"];
}

function iamSection(captures: readonly Capture[]): string[] {
  const all = componentIam(captures);
  const base = componentIam(captures.slice(0, 1));
  const [, ...options] = captures;
  const when = (token: string): string => {
    if (componentIam(captures.slice(0, 1)).rows.some((r) => r.token === token)) return "always";
    return options
      .filter((c) => componentIam([c]).rows.some((r) => r.token === token))
      .map((c) => c.option.label)
      .join("; ");
  };
  return [
    "## IAM for the deploying identity",
    "",
    "What the identity that runs `pulumi up`, `preview`, `refresh` and `destroy` of a program using the component needs for the component's own resources, from the deployer report's permission table (`tools/deployer/rows/`, each row from the provider's source or AWS's documentation; see the repository's docs/DEPLOYER.md for how the actions of each step are read). Your program's other resources need their own.",
    "",
    "| Resource / invoke | Actions | Needed |",
    "|---|---|---|",
    ...all.rows.map((r) => `| \`${r.token}\` | ${actionsCell(r)} | ${when(r.token)} |`),
    "",
    ...(all.missing.length > 0
      ? [
          `The deployer's table has no row yet for ${all.missing.map((t) => `\`${t}\``).join(", ")}: the policies below leave out what these need (the options that register them: ${options
            .filter((c) => c.resources.some((r) => all.missing.includes(r.type)) || c.invokes.some((t) => all.missing.includes(t)))
            .map((c) => c.option.label)
            .join("; ")}).`,
          "",
        ]
      : []),
    `In the policies, \`${PROJECT_PLACEHOLDER}\` stands for the names the component derives: roles named after the component (\`<name>-*\`), the repository, secrets and log groups after the project (\`<project>/…\`, \`/ecs/<project>/…\`). Replace it, or widen those statements.`,
    "",
    "### Policy for the defaults",
    "",
    ...json(base.policy),
    "",
    "### Policy for the defaults and every option above",
    "",
    `An existing secret looked up by name (\`{ secretsManager: ... }\`) lies outside the \`${PROJECT_PLACEHOLDER}/\` prefix: widen the \`OwnSecrets\` statement to it.`,
    "",
    ...json(all.policy),
  ];
}

/** The whole reference. `captures`: the defaults first, then each option. */
export function referenceDoc(schema: Schema, defaults: Defaults, captures: readonly Capture[]): string {
  const base = priceResources(captures[0].resources);
  return [
    "# `SecureFargateTask` reference",
    "",
    `Generated by \`${REGENERATE}\` (the repository's \`tools/reference/\`). Do not edit: a test fails when this file differs from what the generator writes now. It reads \`schema.json\` (every argument and output, as \`pulumi package add\` sees them), the \`@default\` tags of the TypeScript arguments, the component run under Pulumi mocks in each configuration below, the cost report's price table and the deployer report's permission table.`,
    "",
    "- [Arguments](#arguments)",
    "- [Outputs](#outputs)",
    "- [Resources and their monthly cost](#resources-and-their-monthly-cost)",
    "- [IAM for the deploying identity](#iam-for-the-deploying-identity)",
    "- [Types](#types)",
    "",
    "## Arguments",
    "",
    ...argumentTable(schema, defaults),
    "",
    "## Outputs",
    "",
    "None is a secret value.",
    "",
    ...outputTable(schema),
    "",
    "## Resources and their monthly cost",
    "",
    `List prices in ${REGION}, USD, a month of ${730} hours, from the cost report's price table (each price with its source in the repository's docs/COST.md). *By use*: log ingest and storage (${dollars(PRICES.logsIngestGb.usd)} per GB ingested), image storage (${dollars(PRICES.ecrGbMonth.usd)} per GB-month), S3, Lambda, SQS, and the Fargate time of a task that runs only when started (\`runMode: "task"\`, by \`run-task\` or a schedule) depend on your app and are not priced here. Every count below is what the component registered under mocks.`,
    "",
    "### The defaults",
    "",
    `\`new SecureFargateTask("app", { image: { context: "./app" }, secrets: ${argsText(SECRET)} })\` (the two secret values of every run below), every other argument left at its default. Invokes: ${captures[0].invokes.map((t) => `\`${t}\``).join(", ")}.`,
    "",
    ...resourceTable(base),
    "",
    "### With each option",
    "",
    ...optionTable(captures),
    "",
    ...iamSection(captures),
    "",
    "## Types",
    "",
    ...typeSections(schema, defaults),
  ].join("\n");
}
