/**
 * The argument, output and type tables of the reference, from the component's Pulumi schema (schema.json, which
 * @pulumi/pulumi's analyzer derives from the TypeScript args) and the `@default` tags of the TSDoc. Pure.
 */
import type { Defaults } from "./defaults";

/** A property as the schema describes it. */
export interface SchemaProperty {
  type?: string;
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  description?: string;
}

/** The parts of schema.json the reference reads. */
export interface Schema {
  resources: Record<
    string,
    {
      description?: string;
      inputProperties: Record<string, SchemaProperty>;
      requiredInputs?: string[];
      properties: Record<string, SchemaProperty>;
      required?: string[];
    }
  >;
  types: Record<
    string,
    {
      type: string;
      description?: string;
      properties?: Record<string, SchemaProperty>;
      required?: string[];
      enum?: { value: string; description?: string }[];
    }
  >;
}

/** The component's resource token, and the interface of its arguments. */
export const RESOURCE = "secure-fargate-task:index:SecureFargateTask";
const ARGS_INTERFACE = "SecureFargateTaskArgs";

/** The short name of a `#/types/...` reference: `ImageArgs`. */
function typeName(ref: string): string {
  return ref.slice(ref.lastIndexOf(":") + 1);
}

/** A type as TypeScript would write it, with a link to the type's own table. */
export function typeText(p: SchemaProperty): string {
  if (p.$ref !== undefined) return `[${typeName(p.$ref)}](#${typeName(p.$ref).toLowerCase()})`;
  if (p.type === "array" && p.items) return `${typeText(p.items)}[]`;
  if (p.type === "object" && p.additionalProperties) return `Record<string, ${typeText(p.additionalProperties)}>`;
  return p.type ?? "unknown";
}

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

/** A `@default` tag as prose: `- none` is the words after the dash; a literal leads in code. */
export function defaultText(tag: string | undefined, required: boolean): string {
  if (required) return "required";
  if (tag === undefined) return "";
  if (tag.startsWith("- ")) return tag.slice(2);
  const literal = /^("[^"]*"|-?\d+(?:\.\d+)?|true|false)(.*)$/.exec(tag);
  return literal ? `\`${literal[1]}\`${literal[2]}` : tag;
}

function propertyRows(
  properties: Record<string, SchemaProperty>,
  required: readonly string[],
  defaults: ReadonlyMap<string, string> | undefined,
): string[] {
  return Object.entries(properties).map(([name, p]) =>
    ["", `\`${name}\``, typeText(p), cell(defaultText(defaults?.get(name), required.includes(name))), cell(p.description ?? ""), ""]
      .join(" | ")
      .trim(),
  );
}

/** The arguments: name, type, default (or required) and documentation, in the schema's order. */
export function argumentTable(schema: Schema, defaults: Defaults): string[] {
  const component = schema.resources[RESOURCE];
  return [
    "| Argument | Type | Default | Description |",
    "|---|---|---|---|",
    ...propertyRows(component.inputProperties, component.requiredInputs ?? [], defaults.get(ARGS_INTERFACE)),
  ];
}

/** The outputs: name, type, whether every instance has it, and documentation. */
export function outputTable(schema: Schema): string[] {
  const component = schema.resources[RESOURCE];
  const required = component.required ?? [];
  return [
    "| Output | Type | Always set | Description |",
    "|---|---|---|---|",
    ...Object.entries(component.properties).map(([name, p]) =>
      ["", `\`${name}\``, typeText(p), required.includes(name) ? "yes" : "no", cell(p.description ?? ""), ""].join(" | ").trim(),
    ),
  ];
}

/** Every type the arguments use: an object's properties, or an enum's values. */
export function typeSections(schema: Schema, defaults: Defaults): string[] {
  return Object.entries(schema.types).flatMap(([token, t]) => {
    const name = typeName(token);
    const intro = t.description ? [cell(t.description), ""] : [];
    const body = t.enum
      ? ["| Value | Description |", "|---|---|", ...t.enum.map((e) => `| \`${JSON.stringify(e.value)}\` | ${cell(e.description ?? "")} |`)]
      : [
          "| Property | Type | Default | Description |",
          "|---|---|---|---|",
          ...propertyRows(t.properties ?? {}, t.required ?? [], defaults.get(name)),
        ];
    return [`### ${name}`, "", ...intro, ...body, ""];
  });
}
