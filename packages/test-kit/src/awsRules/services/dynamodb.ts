/** AWS's input rules for DynamoDB, each with its source (../README.md says how to add one). */
import { Check, DOC, formatCheck, len, MODEL, ResourceRules, Source, SOURCES, tagRules, TF } from "../rules";

const INDEX_DOC = DOC("amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html");
const PROJECTION_DOC = DOC("amazondynamodb/latest/APIReference/API_Projection.html");

/** A table's and its indexes' key attributes against its attribute definitions, both ways. */
const KEY_ATTRIBUTES_SOURCE: Source = {
  tf: TF(
    "dynamodb/table.go",
    'validateTableAttributes ("all attributes must be indexed", "all indexes must match a defined attribute": the table\'s, the local and the global secondary indexes\' hash and range keys)',
  ),
  doc: `${DOC("amazondynamodb/latest/APIReference/API_CreateTable.html")} (AttributeDefinitions: the attributes that describe the key schema for the table and indexes)`,
};

/** One index as the program gives it: the fields the key-attribute rule reads. */
interface IndexKeys {
  name?: unknown;
  hashKey?: unknown;
  rangeKey?: unknown;
}

/**
 * Every key attribute of the table and its indexes is defined in `attributes`, and every attribute defined there is
 * one of those keys. Left to a later update when `attributes` is not known yet.
 */
const KEY_ATTRIBUTES: Check = {
  kind: "custom",
  what: "key attributes",
  test: (inputs) => {
    const fields = inputs as {
      attributes?: unknown;
      hashKey?: unknown;
      rangeKey?: unknown;
      globalSecondaryIndexes?: unknown;
      localSecondaryIndexes?: unknown;
    };
    if (!Array.isArray(fields.attributes)) return undefined;
    const defined = (fields.attributes as Array<{ name?: unknown }>).map((a) => a.name);
    const indexes = (field: "globalSecondaryIndexes" | "localSecondaryIndexes"): Array<[string, unknown]> =>
      (Array.isArray(fields[field]) ? (fields[field] as IndexKeys[]) : []).flatMap((index, i): Array<[string, unknown]> => [
        [`${field}[${i}] (${String(index.name)}).hashKey`, index.hashKey],
        [`${field}[${i}] (${String(index.name)}).rangeKey`, index.rangeKey],
      ]);
    const keys: Array<[string, unknown]> = [
      ["hashKey", fields.hashKey],
      ["rangeKey", fields.rangeKey],
      ...indexes("localSecondaryIndexes"),
      ...indexes("globalSecondaryIndexes"),
    ].filter((key): key is [string, unknown] => typeof key[1] === "string");
    const problems = [
      ...keys
        .filter(([, key]) => !defined.includes(key))
        .map(([field, key]) => `${field} "${String(key)}" is not defined in attributes: add it there`),
      ...defined
        .filter((name) => !keys.some(([, key]) => key === name))
        .map(
          (name) => `attributes "${String(name)}" is no key of the table or an index: AWS refuses an attribute definition no key uses, remove it`,
        ),
    ];
    return problems.length === 0 ? undefined : problems.join("; ");
  },
};

/** Non-key attributes projected with INCLUDE, and only with INCLUDE. */
const PROJECTION: Check = {
  kind: "custom",
  what: "projection",
  test: (index) => {
    const { projectionType, nonKeyAttributes } = index as { projectionType?: unknown; nonKeyAttributes?: unknown };
    const listed = Array.isArray(nonKeyAttributes) && nonKeyAttributes.length > 0;
    if (projectionType === "INCLUDE" && !listed) return 'projectionType "INCLUDE" takes the nonKeyAttributes to project: list them';
    if (projectionType !== "INCLUDE" && listed)
      return `nonKeyAttributes go with projectionType "INCLUDE" only, not ${JSON.stringify(projectionType)}`;
    return undefined;
  },
};

/** 1 to 20 non-key attributes in one index. */
const NON_KEY_COUNT: Check = {
  kind: "custom",
  what: "non-key attribute list",
  test: (v) => (Array.isArray(v) && v.length >= 1 && v.length <= 20 ? undefined : "must list 1 to 20 attribute names"),
};

/** The input rules of DynamoDB resource types, by type token. */
export const DYNAMODB_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:dynamodb/table:Table": {
    rules: [
      {
        path: "name",
        checks: [len(3, 255), formatCheck(/^[a-zA-Z0-9_.-]+$/, "[a-zA-Z0-9_.-]")],
        source: {
          tf: `${TF("dynamodb/table.go", "name (no ValidateFunc: AWS refuses)")}; ${TF("dynamodb/validate.go", "validGlobalTableName (the same 3..255 [0-9A-Za-z_.-] rule, for global tables)")}`,
          doc: `${DOC("amazondynamodb/latest/APIReference/API_CreateTable.html")}; ${DOC("amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html")}`,
          model: MODEL(
            "dynamodb/2012-08-10",
            "TableName shape",
            "{min: 3, max: 255, pattern: [a-zA-Z0-9_.-]+} (CreateTable's TableName now also takes a table ARN, 1..1024)",
          ),
        },
      },
      {
        path: "attributes[].name",
        checks: [len(1, 255)],
        source: {
          doc: DOC("amazondynamodb/latest/APIReference/API_AttributeDefinition.html"),
          model: MODEL("dynamodb/2012-08-10", "AttributeDefinition.AttributeName", "{min: 1, max: 255}"),
        },
      },
      {
        path: "attributes[].type",
        checks: [{ kind: "oneOf", values: ["S", "N", "B"] }],
        source: { doc: DOC("amazondynamodb/latest/APIReference/API_AttributeDefinition.html") },
      },
      {
        path: "globalSecondaryIndexes[].name",
        checks: [len(3, 255), formatCheck(/^[a-zA-Z0-9_.-]+$/, "[a-zA-Z0-9_.-]")],
        source: {
          tf: TF("dynamodb/table.go", "global_secondary_index name (no ValidateFunc: AWS refuses)"),
          doc: `${INDEX_DOC} (IndexName: 3 to 255, [a-zA-Z0-9_.-]+)`,
        },
      },
      {
        path: "globalSecondaryIndexes[].projectionType",
        checks: [{ kind: "oneOf", values: ["ALL", "KEYS_ONLY", "INCLUDE"] }],
        source: { tf: TF("dynamodb/table.go", "global_secondary_index projection_type (enum ProjectionType)"), doc: PROJECTION_DOC },
      },
      {
        path: "globalSecondaryIndexes[].nonKeyAttributes",
        checks: [NON_KEY_COUNT],
        source: { doc: `${PROJECTION_DOC} (NonKeyAttributes: 1 to 20 items)` },
      },
      {
        path: "globalSecondaryIndexes[].nonKeyAttributes[]",
        checks: [len(1, 255)],
        source: { doc: `${PROJECTION_DOC} (NonKeyAttributes: each 1 to 255)` },
      },
      {
        path: "globalSecondaryIndexes[]",
        checks: [PROJECTION],
        source: {
          doc: `${PROJECTION_DOC} (INCLUDE: "other non-key attributes that you specify"; NonKeyAttributes: the non-key attributes projected)`,
          unverified:
            "the page says what INCLUDE projects, not that DynamoDB refuses INCLUDE without NonKeyAttributes or NonKeyAttributes with ALL or KEYS_ONLY: that is the ValidationException users report",
        },
      },
      { path: "", checks: [KEY_ATTRIBUTES], source: KEY_ATTRIBUTES_SOURCE },
      {
        path: "billingMode",
        checks: [{ kind: "oneOf", values: ["PROVISIONED", "PAY_PER_REQUEST"] }],
        source: { doc: DOC("amazondynamodb/latest/APIReference/API_CreateTable.html") },
      },
      ...tagRules({ doc: DOC("amazondynamodb/latest/developerguide/Tagging.html") }),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },
};
