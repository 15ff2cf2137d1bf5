/** AWS's input rules for DynamoDB, each with its source (../README.md says how to add one). */
import { DOC, formatCheck, len, MODEL, ResourceRules, SOURCES, tagRules, TF } from "../rules";

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
        path: "billingMode",
        checks: [{ kind: "oneOf", values: ["PROVISIONED", "PAY_PER_REQUEST"] }],
        source: { doc: DOC("amazondynamodb/latest/APIReference/API_CreateTable.html") },
      },
      ...tagRules({ doc: DOC("amazondynamodb/latest/developerguide/Tagging.html") }),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },
};
