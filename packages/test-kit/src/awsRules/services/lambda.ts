/** AWS's input rules for Lambda, each with its source (../README.md says how to add one). */
import {
  ARN,
  ARN_SOURCE,
  arnCheck,
  DOC,
  formatCheck,
  len,
  LOG_GROUP_NAME,
  LOG_GROUP_SOURCE,
  MODEL,
  ResourceRules,
  SOURCES,
  tagRules,
  TF,
} from "../rules";

/** Lambda's reserved environment variable names: a function may not set them. */
const LAMBDA_RESERVED_ENV = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
];

const LAMBDA_DOC = DOC("lambda/latest/api/API_CreateFunction.html");

const LAMBDA_MODEL = (member: string, constraints: string): string => MODEL("lambda/2015-03-31", `CreateFunctionRequest.${member}`, constraints);

/** The input rules of Lambda resource types, by type token. */
export const LAMBDA_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:lambda/function:Function": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[a-zA-Z0-9_-]+$/, "[a-zA-Z0-9-_]")],
        source: { tf: TF("lambda/validate.go", "validFunctionName"), doc: DOC("lambda/latest/api/API_CreateFunction.html") },
      },
      {
        path: "description",
        checks: [len(0, 256)],
        source: {
          tf: TF("lambda/function.go", "description (no validator: AWS refuses)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Description", "{min: 0, max: 256}"),
        },
      },
      {
        path: "handler",
        checks: [len(1, 128), formatCheck(/^[^\s]+$/, String.raw`[^\s]+`)],
        source: {
          tf: TF("lambda/function.go", "handler StringLenBetween(1, 128)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Handler", "{min: 0, max: 128, pattern: [^\\s]+}"),
        },
      },
      {
        path: "runtime",
        checks: [
          {
            kind: "oneOf",
            values: [
              "nodejs20.x",
              "nodejs22.x",
              "nodejs24.x",
              "python3.10",
              "python3.11",
              "python3.12",
              "python3.13",
              "python3.14",
              "java11",
              "java17",
              "java21",
              "java25",
              "dotnet8",
              "dotnet10",
              "ruby3.3",
              "ruby3.4",
              "provided.al2",
              "provided.al2023",
            ],
          },
        ],
        source: {
          tf: TF("lambda/function.go", "runtime enum.Validate[awstypes.Runtime] (every Runtime value, deprecated ones included)"),
          doc: DOC("lambda/latest/dg/lambda-runtimes.html") + " (runtimes a new function can use)",
          model: LAMBDA_MODEL("Runtime", "enum (every value listed here is in it; it also has deprecated runtimes and ruby4.0)"),
          unverified:
            "the subset a new function can still use comes from the runtimes page's deprecation table, which could not be read here (only its introduction); ruby4.0, in the API enum, is not listed and may be refused wrongly",
        },
      },
      {
        path: "memorySize",
        checks: [{ kind: "intRange", min: 128, max: 10240 }],
        source: {
          tf: TF("lambda/function.go", "memory_size IntBetween(128, 10240)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("MemorySize", "{min: 128, max: 32768} (the provider's 10240 is the stricter, binding limit)"),
        },
      },
      {
        path: "timeout",
        checks: [{ kind: "intRange", min: 1, max: 900 }],
        source: {
          tf: TF("lambda/function.go", "timeout IntBetween(1, 900)"),
          doc: LAMBDA_DOC + " (Timeout: maximum 900 seconds)",
          model: LAMBDA_MODEL("Timeout", "{min: 1}"),
        },
      },
      {
        path: "role",
        checks: [formatCheck(ARN.iamRole, "an IAM role ARN")],
        source: {
          tf: TF("lambda/function.go", "role verify.ValidARN"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Role", "{pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+}"),
        },
      },
      {
        path: "environment.variables.{key}",
        checks: [
          formatCheck(/^[a-zA-Z]([a-zA-Z0-9_])+$/, "[a-zA-Z]([a-zA-Z0-9_])+"),
          {
            kind: "custom",
            what: "not reserved",
            test: (v) => (typeof v === "string" && LAMBDA_RESERVED_ENV.includes(v) ? "is reserved by Lambda" : undefined),
          },
        ],
        source: {
          tf: TF("lambda/function.go", "environment.variables (TypeMap, no key validator: AWS refuses)"),
          doc: `${DOC("lambda/latest/api/API_Environment.html")}; ${DOC("lambda/latest/dg/configuration-envvars-runtime.html")}`,
          model: MODEL("lambda/2015-03-31", "Environment.Variables key EnvironmentVariableName", "{pattern: [a-zA-Z]([a-zA-Z0-9_])+}"),
          unverified:
            "the pattern is read from the API model; the reserved names are not: the AWS page that lists them could not be read here, the list matches copies of it (TZ, formerly reserved, is no longer)",
        },
      },
      {
        path: "environment.variables",
        checks: [
          {
            kind: "custom",
            what: "≤ 4 KB",
            test: (v) => (v !== null && typeof v === "object" && JSON.stringify(v).length > 4096 ? "environment variables exceed 4 KB" : undefined),
          },
        ],
        source: { doc: DOC("lambda/latest/dg/gettingstarted-limits.html") },
      },
      { path: "loggingConfig.logGroup", checks: LOG_GROUP_NAME, source: LOG_GROUP_SOURCE },
      {
        path: "loggingConfig.logFormat",
        checks: [{ kind: "oneOf", values: ["Text", "JSON"] }],
        source: { doc: DOC("lambda/latest/api/API_LoggingConfig.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 64, source: { code: `${SOURCES.pulumiAutoName.code}; aws_lambda_function: AutoName("name", 64, "-")` } },
  },

  "aws:lambda/permission:Permission": {
    rules: [
      {
        path: "statementId",
        checks: [len(1, 100), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-]")],
        source: { tf: TF("lambda/validate.go", "validPolicyStatementID"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "action",
        checks: [formatCheck(/^(?:lambda:[*]|lambda:[A-Za-z]+|[*])$/, "lambda:<Action>")],
        source: { tf: TF("lambda/validate.go", "validPermissionAction"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "function",
        checks: [
          len(1, 140),
          formatCheck(/^(?:arn:[\w-]+:lambda:[a-z]{2}-(?:[a-z]+-){1,2}\d:\d{12}:function:)?[0-9A-Za-z_-]{1,64}$/, "a function name or ARN"),
        ],
        source: { tf: TF("lambda/validate.go", "validFunctionName"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "principal",
        checks: [formatCheck(/^[^\s]+$/, String.raw`[^\s]+`)],
        source: { doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      { path: "sourceArn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("lambda/latest/api/API_AddPermission.html") } },
    ],
    autoName: {
      field: "statementId",
      maxLength: 100,
      suppressedBy: ["statementIdPrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_lambda_permission: AutoName("statementId", 100, "-")` },
    },
  },

  "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": {
    rules: [
      {
        path: "maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 2 }],
        source: {
          tf: TF("lambda/function_event_invoke_config.go", "maximum_retry_attempts IntBetween(0, 2)"),
          doc: DOC("lambda/latest/api/API_PutFunctionEventInvokeConfig.html"),
        },
      },
      {
        path: "maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 21600 }],
        source: {
          tf: TF("lambda/function_event_invoke_config.go", "maximum_event_age_in_seconds IntBetween(60, 21600)"),
          doc: DOC("lambda/latest/api/API_PutFunctionEventInvokeConfig.html"),
        },
      },
      {
        path: "destinationConfig.onFailure.destination",
        checks: [arnCheck(), len(0, 350)],
        source: { ...ARN_SOURCE, doc: DOC("lambda/latest/api/API_OnFailure.html") },
      },
    ],
  },
};
