/** AWS's input rules for ECR, each with its source (../README.md says how to add one). */
import { ARN, Check, DOC, formatCheck, len, MODEL, ResourceRules, Source, SOURCES, tagRules, TF } from "../rules";

const LIFECYCLE_SOURCE: Source = {
  tf: `${TF("ecr/lifecycle_policy.go", "policy validation.StringIsJSON, sent as structure.NormalizeJsonString")}; ${TF("ecr/lifecycle_policy_document_data_source.go", "rule schema (priority AtLeast(1), tag_status OneOf(tagged, untagged, any), count_type OneOf(imageCountMoreThan, sinceImagePushed), count_number AtLeast(1), action type OneOf(expire))")}`,
  doc: `${DOC("AmazonECR/latest/APIReference/API_PutLifecyclePolicy.html")}; ${DOC("AmazonECR/latest/userguide/LifecyclePolicies.html")}`,
};

const LIFECYCLE_TEXT_SOURCE: Source = {
  ...LIFECYCLE_SOURCE,
  model: MODEL("ecr/2015-09-21", "PutLifecyclePolicyRequest.lifecyclePolicyText", "{min: 100, max: 30720}"),
};

const LIFECYCLE_DESCRIPTION_SOURCE: Source = {
  ...LIFECYCLE_SOURCE,
  unverified:
    "no length or character limit for a rule's description was found: TF's lifecycle_policy_document_data_source.go description has no validator, the policy text is only length-limited (100..30720); only the type is checked",
};

const LIFECYCLE_PARAMETERS = DOC("AmazonECR/latest/userguide/lifecycle_policy_parameters.html");

/**
 * A rule's selection of tagged images: with tagStatus "tagged", one of tagPrefixList and tagPatternList (each is
 * "required if ... and you're not specifying" the other); with "untagged" neither ("you must omit both"), and with "any"
 * neither, as the lists select among tagged images only.
 */
const TAG_LISTS: Check = {
  kind: "custom",
  what: "selection's tag lists",
  test: (selection) => {
    const { tagStatus, tagPrefixList, tagPatternList } = selection as { tagStatus?: unknown; tagPrefixList?: unknown; tagPatternList?: unknown };
    const lists = [
      ["tagPrefixList", tagPrefixList],
      ["tagPatternList", tagPatternList],
    ].filter(([, list]) => list !== undefined);
    if (tagStatus !== "tagged")
      return lists.length === 0
        ? undefined
        : `${lists.map(([name]) => String(name)).join(" and ")} only with tagStatus "tagged", not ${JSON.stringify(tagStatus)}`;
    if (lists.length !== 1) return 'tagStatus "tagged" takes exactly one of tagPrefixList and tagPatternList';
    const [name, list] = lists[0];
    return Array.isArray(list) && list.length > 0 ? undefined : `${String(name)} must list at least one tag`;
  },
};

/** One tag pattern: a non-empty string with at most four `*` wildcards. */
const TAG_PATTERN: Check = {
  kind: "custom",
  what: "tag pattern",
  test: (v) => {
    if (typeof v !== "string" || v === "") return "must be a non-empty string";
    const wildcards = [...v].filter((c) => c === "*").length;
    return wildcards <= 4 ? undefined : `${wildcards} wildcards (*), at most 4 allowed`;
  },
};

/** The input rules of ECR resource types, by type token. */
export const ECR_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:ecr/repository:Repository": {
    rules: [
      {
        path: "name",
        // `__` and runs of `-` are allowed between components; `.`, a single `_` too. Not `--`-free as older docs said.
        checks: [
          len(2, 256),
          formatCheck(
            /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/,
            String.raw`[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`,
          ),
        ],
        source: {
          tf: TF("ecr/repository.go", "name (no ValidateFunc: AWS refuses)"),
          doc: DOC("AmazonECR/latest/APIReference/API_CreateRepository.html"),
          model: MODEL(
            "ecr/2015-09-21",
            "CreateRepositoryRequest.repositoryName",
            String.raw`{min: 2, max: 256, pattern: [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*}`,
          ),
        },
      },
      {
        path: "imageTagMutability",
        checks: [{ kind: "oneOf", values: ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"] }],
        source: {
          doc: DOC("AmazonECR/latest/APIReference/API_CreateRepository.html"),
          model: MODEL("ecr/2015-09-21", "CreateRepositoryRequest.imageTagMutability", "enum"),
        },
      },
      {
        path: "encryptionConfigurations[].kmsKey",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonECR/latest/APIReference/API_EncryptionConfiguration.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
    rules: [
      { path: "policy", checks: [len(100, 30720)], source: LIFECYCLE_TEXT_SOURCE },
      { path: "policy@json.rules[].rulePriority", checks: [{ kind: "intRange", min: 1, max: 999 }], source: LIFECYCLE_SOURCE },
      {
        path: "policy@json.rules[].description",
        checks: [{ kind: "custom", what: "a string", test: (v) => (typeof v === "string" ? undefined : "must be a string") }],
        source: LIFECYCLE_DESCRIPTION_SOURCE,
      },
      {
        path: "policy@json.rules[].selection.tagStatus",
        checks: [{ kind: "oneOf", values: ["tagged", "untagged", "any"] }],
        source: LIFECYCLE_SOURCE,
      },
      {
        path: "policy@json.rules[].selection.countType",
        checks: [{ kind: "oneOf", values: ["imageCountMoreThan", "sinceImagePushed"] }],
        source: LIFECYCLE_SOURCE,
      },
      { path: "policy@json.rules[].selection.countNumber", checks: [{ kind: "intRange", min: 1, max: 2147483647 }], source: LIFECYCLE_SOURCE },
      {
        path: "policy@json.rules[].selection",
        checks: [TAG_LISTS],
        source: { doc: `${LIFECYCLE_PARAMETERS} (tagStatus, tagPatternList, tagPrefixList)` },
      },
      {
        path: "policy@json.rules[].selection.tagPatternList[]",
        checks: [TAG_PATTERN],
        source: { doc: `${LIFECYCLE_PARAMETERS} (tagPatternList: "a maximum limit of four wildcards (*) per string")` },
      },
      { path: "policy@json.rules[].action.type", checks: [{ kind: "oneOf", values: ["expire"] }], source: LIFECYCLE_SOURCE },
    ],
  },
};
