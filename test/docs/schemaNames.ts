/**
 * Blocks in the languages `pulumi package add` generates an SDK for (Python, Go, C#, YAML), held to the names in the
 * component's schema.json: the resource, the input types (each generator names an input type `<SchemaName>Args`),
 * the input properties of each constructor call, and the outputs read. Python's names are snake_case, Go's and
 * C#'s PascalCase, YAML's the schema's own camelCase.
 */
import { parse } from "yaml";
import type { Block } from "./markdown";

interface SchemaProperty {
  $ref?: string;
  type?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
}
interface SchemaType {
  properties?: Record<string, SchemaProperty>;
}
export interface Schema {
  name: string;
  resources: Record<string, { inputProperties: Record<string, SchemaProperty>; properties: Record<string, unknown> }>;
  types: Record<string, SchemaType>;
}

/** The names a generated SDK has, by schema name: its resource and its object types, each with its properties. */
interface Names {
  packageName: string;
  resource: string;
  token: string;
  inputs: Record<string, SchemaProperty>;
  outputs: Set<string>;
  /** Object types by their schema name (`ImageArgs`), with their properties. */
  types: Map<string, Record<string, SchemaProperty>>;
}

function namesOf(schema: Schema): Names {
  const [[token, resource]] = Object.entries(schema.resources);
  return {
    packageName: schema.name,
    resource: token.split(":").pop()!,
    token,
    inputs: resource.inputProperties,
    outputs: new Set(Object.keys(resource.properties)),
    types: new Map(
      Object.entries(schema.types)
        .filter(([, t]) => t.properties)
        .map(([tok, t]) => [tok.split(":").pop()!, t.properties!]),
    ),
  };
}

const camelOfSnake = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const camelOfPascal = (s: string): string => s[0].toLowerCase() + s.slice(1);
const pascalOfKebab = (s: string): string => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The properties a class of the generated SDK takes: the resource's args, or an input type's. */
function propertiesOfClass(names: Names, cls: string): Record<string, SchemaProperty> | undefined {
  if (cls === names.resource || cls === `${names.resource}Args`) return names.inputs;
  return cls.endsWith("Args") ? names.types.get(cls.slice(0, -"Args".length)) : undefined;
}

/**
 * The text between the bracket at `open` and its match, with strings emptied and nested brackets' content blanked, so
 * that a regular expression sees only the top level; and the nested `{...}` groups' own text.
 */
function topLevel(code: string, open: number, comment: string): { flat: string; end: number; groups: number[] } {
  const closing: Record<string, string> = { "(": ")", "{": "}", "[": "]" };
  const stack = [closing[code[open]]];
  let flat = "";
  const groups: number[] = [];
  let i = open + 1;
  for (; i < code.length && stack.length > 0; i++) {
    const c = code[i];
    if (code.startsWith(comment, i)) {
      while (i < code.length && code[i] !== "\n") i++;
      if (stack.length === 1) flat += "\n";
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === "\\" ? 2 : 1;
      if (stack.length === 1) flat += '""';
      i = j;
      continue;
    }
    if (closing[c]) {
      if (stack.length === 1 && c === "{") groups.push(i);
      if (stack.length === 1) flat += c;
      stack.push(closing[c]);
      continue;
    }
    if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 1 || stack.length === 0) flat += stack.length === 0 ? "" : c;
      continue;
    }
    if (stack.length === 1) flat += c;
  }
  return { flat, end: i, groups };
}

interface Language {
  /** Where a class of the SDK is constructed: the class name and the index of the bracket its properties are in. */
  constructions(code: string, names: Names): Array<{ cls: string; open: number; map: boolean }>;
  /** The property names at the top level of a constructor's brackets, as written. */
  keys: RegExp;
  /** The schema's name for a property name as written, or undefined if the case is wrong for the language. */
  schemaName(written: string): string | undefined;
  comment: string;
  /** The names of the SDK this block refers to, as `[written, known]`. */
  references(code: string, names: Names): Array<[string, boolean]>;
}

const LANGUAGES: Record<string, Language> = {
  python: {
    constructions: (code) => [...code.matchAll(/\bsft\.(\w+)\(/g)].map((m) => ({ cls: m[1], open: m.index + m[0].length - 1, map: false })),
    keys: /(?:^|[(,\s])([A-Za-z_]\w*)\s*=(?!=)/g,
    schemaName: (w) => (/^[a-z][a-z0-9_]*$/.test(w) ? camelOfSnake(w) : undefined),
    comment: "#",
    references: (code, names) => [
      ...[...code.matchAll(/^import (\S+) as sft$/gm)].map((m): [string, boolean] => [
        m[1],
        m[1] === `pulumi_${names.packageName.replace(/-/g, "_")}`,
      ]),
    ],
  },
  go: {
    constructions: (code) =>
      [...code.matchAll(/(map\[string\])?\bsft\.(\w+)\{/g)].map((m) => ({ cls: m[2], open: m.index + m[0].length - 1, map: Boolean(m[1]) })),
    keys: /(?:^|[{,\s])([A-Za-z_]\w*)\s*:/g,
    schemaName: (w) => (/^[A-Z]/.test(w) ? camelOfPascal(w) : undefined),
    comment: "//",
    references: (code, names) =>
      [...code.matchAll(/\bsft\.New(\w+)\(/g)].map((m): [string, boolean] => [`sft.New${m[1]}`, m[1] === names.resource]),
  },
  csharp: {
    constructions: (code, names) => {
      const found: Array<{ cls: string; open: number; map: boolean }> = [];
      for (const m of code.matchAll(/\bnew ((?:\w+\.)*\w+)\s*(\([^)]*\))?\s*\{/g)) {
        found.push({ cls: m[1].split(".").pop()!, open: m.index + m[0].length - 1, map: false });
      }
      // The resource's args, target-typed: new SecureFargateTask.SecureFargateTask("name", new() { ... }).
      for (const m of code.matchAll(new RegExp(`\\bnew (?:\\w+\\.)*${names.resource}\\([^,]*,\\s*new\\(\\)\\s*\\{`, "g"))) {
        const open = m.index + m[0].length - 1;
        if (!found.some((f) => f.open === open)) found.push({ cls: names.resource, open, map: false });
      }
      return found;
    },
    keys: /(?:^|[{,\s])([A-Za-z_]\w*)\s*=(?![=>])/g,
    schemaName: (w) => (/^[A-Z]/.test(w) ? camelOfPascal(w) : undefined),
    comment: "//",
    references: (code, names) =>
      [...code.matchAll(/\bnew (\w+)\.(\w+)\(/g)].map((m): [string, boolean] => [
        `${m[1]}.${m[2]}`,
        m[1] === pascalOfKebab(names.packageName) && m[2] === names.resource,
      ]),
  },
};

/** What is wrong in a Python, Go or C# block, as `file.md:line: ...` lines. */
function checkCode(block: Block, lang: Language, names: Names): string[] {
  const problems: string[] = [];
  const at = (index: number): string => `${block.file}:${block.line + block.code.slice(0, index).split("\n").length - 1}`;
  for (const [written, known] of lang.references(block.code, names)) {
    if (!known) problems.push(`${block.file}:${block.line}: ${written} is not what the ${block.lang} SDK of ${names.token} is named`);
  }
  const readKeys = (cls: string, props: Record<string, SchemaProperty>, open: number): void => {
    const { flat } = topLevel(block.code, open, lang.comment);
    for (const m of flat.matchAll(lang.keys)) {
      const name = lang.schemaName(m[1]);
      if (name === undefined || !(name in props)) {
        problems.push(`${at(open)}: ${cls} has no property ${m[1]} (schema.json: ${Object.keys(props).join(", ")})`);
      }
    }
  };
  const constructions = lang.constructions(block.code, names);
  if (constructions.length === 0) problems.push(`${block.file}:${block.line}: no constructor of the ${names.resource} SDK found`);
  for (const { cls, open, map } of constructions) {
    const props = propertiesOfClass(names, cls);
    if (!props) {
      problems.push(`${at(open)}: ${cls} is neither ${names.resource} nor <type>Args of a schema.json type`);
      continue;
    }
    if (!map) readKeys(cls, props, open);
    else for (const group of topLevel(block.code, open, lang.comment).groups) readKeys(cls, props, group);
  }
  // Outputs read from the resource's variable: app.service_name, app.ServiceName.
  for (const v of block.code.matchAll(new RegExp(`(\\w+)\\s*(?::=|=)\\s*(?:sft\\.New|new (?:\\w+\\.)*|sft\\.)${names.resource}\\(`, "g"))) {
    for (const m of block.code.matchAll(new RegExp(`\\b${v[1]}\\.(\\w+)`, "g"))) {
      const name = lang.schemaName(m[1]);
      if (name === undefined || !names.outputs.has(name)) problems.push(`${at(m.index)}: ${names.resource} has no output ${m[1]}`);
    }
  }
  return problems;
}

/** What is wrong in a Pulumi YAML block: a resource of this package with a type or a property the schema lacks. */
function checkYaml(block: Block, names: Names): string[] {
  const problems: string[] = [];
  const doc = parse(block.code) as { resources?: Record<string, { type?: string; properties?: Record<string, unknown> }> };
  const ours = Object.entries(doc.resources ?? {}).filter(([, r]) => r.type?.startsWith(`${names.packageName}:`));
  if (ours.length === 0) problems.push(`${block.file}:${block.line}: no resource of package ${names.packageName}`);
  const visit = (value: unknown, schema: SchemaProperty | undefined, where: string): void => {
    if (!schema || typeof value !== "object" || value === null) return;
    if (schema.$ref) {
      const props = names.types.get(schema.$ref.split(":").pop()!);
      if (props) visitObject(value as Record<string, unknown>, props, where);
    } else if (schema.items && Array.isArray(value)) value.forEach((v, i) => visit(v, schema.items, `${where}[${i}]`));
    else if (schema.additionalProperties) for (const [k, v] of Object.entries(value)) visit(v, schema.additionalProperties, `${where}.${k}`);
  };
  const visitObject = (value: Record<string, unknown>, props: Record<string, SchemaProperty>, where: string): void => {
    for (const [k, v] of Object.entries(value)) {
      if (!(k in props))
        problems.push(`${block.file}:${block.line}: ${where} has no property ${k} (schema.json: ${Object.keys(props).join(", ")})`);
      else visit(v, props[k], `${where}.${k}`);
    }
  };
  for (const [name, resource] of ours) {
    // Pulumi YAML takes `pkg:Name` for `pkg:index:Name`, the token of a resource in the package's index module.
    const type = resource.type!.split(":").length === 2 ? resource.type!.replace(":", ":index:") : resource.type!;
    if (type !== names.token) problems.push(`${block.file}:${block.line}: resource ${name}'s type ${resource.type} is not ${names.token}`);
    else visitObject(resource.properties ?? {}, names.inputs, name);
  }
  return problems;
}

/** The languages this module checks, as fence info strings. */
export const SCHEMA_CHECKED = ["python", "go", "csharp", "yaml"];

/** What is wrong in a block of one of SCHEMA_CHECKED, held to the schema. */
export function checkAgainstSchema(block: Block, schema: Schema): string[] {
  const names = namesOf(schema);
  return block.lang === "yaml" ? checkYaml(block, names) : checkCode(block, LANGUAGES[block.lang], names);
}
