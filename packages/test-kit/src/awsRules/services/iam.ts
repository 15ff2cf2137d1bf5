/**
 * AWS's input rules for IAM (and the policy-document rules every resource policy shares), each with its source
 * (../README.md says how to add one).
 */
import { ARN_SOURCE, arnCheck, DOC, formatCheck, IAM_NAME_CHARS, len, ResourceRules, Rule, Source, SOURCES, tagRules, TF } from "../rules";

export const POLICY_SOURCE: Source = {
  tf: "internal/verify/json.go / ValidIAMPolicyJSON",
  doc: DOC("IAM/latest/UserGuide/reference_policies_elements_resource.html"),
};

/** The rules of an IAM policy document held as a JSON string in `field`. */
export function policyDocumentRules(field: string, maxLength: number, lengthSource: Source): Rule[] {
  return [
    { path: field, checks: [len(1, maxLength)], source: lengthSource },
    { path: `${field}@json.Version`, checks: [{ kind: "oneOf", values: ["2012-10-17", "2008-10-17"] }], source: POLICY_SOURCE },
    { path: `${field}@json.Statement[].Effect`, checks: [{ kind: "oneOf", values: ["Allow", "Deny"] }], source: POLICY_SOURCE },
    {
      path: `${field}@json.Statement[].Sid`,
      checks: [formatCheck(/^[A-Za-z0-9]*$/, "[A-Za-z0-9] (statement ids are alphanumeric)")],
      source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_sid.html") },
    },
    {
      path: `${field}@json.Statement[].Action[]?`,
      checks: [formatCheck(/^(?:\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, "<service>:<action>, wildcards allowed")],
      source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_action.html") },
    },
    { path: `${field}@json.Statement[].Resource[]?`, checks: [arnCheck(true)], source: { ...POLICY_SOURCE, ...ARN_SOURCE } },
  ];
}

/** An IAM managed policy's ARN: AWS's (`iam::aws:policy/...`) or one of an account's. */
const MANAGED_POLICY_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(?:aws|\d{12}):policy\/(?:[\u0021-\u007E]*\/)?[\w+=,.@-]{1,128}$/;

/** The input rules of IAM resource types, by type token. */
export const IAM_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:iam/role:Role": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), IAM_NAME_CHARS],
        source: { tf: TF("iam/role.go", "name validResourceName(roleNameMaxLen = 64)"), doc: DOC("IAM/latest/APIReference/API_CreateRole.html") },
      },
      {
        path: "path",
        checks: [len(1, 512), formatCheck(/^(?:\/|\/[\u0021-\u007E]+\/)$/, String.raw`/ or /[\u0021-\u007E]+/`)],
        source: { tf: TF("iam/role.go", "path StringLenBetween(0, 512)"), doc: DOC("IAM/latest/APIReference/API_CreateRole.html") },
      },
      {
        path: "description",
        checks: [
          len(0, 1000),
          {
            kind: "pattern",
            // eslint-disable-next-line no-control-regex -- AWS's own character rule: tab, line feed and carriage return are allowed
            pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
            what: String.raw`[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]`,
            // eslint-disable-next-line no-control-regex -- the same AWS character rule, one character at a time
            chars: /[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]/,
          },
        ],
        source: {
          tf: TF("iam/role.go", "description StringLenBetween(0, 1000), no [“‘]"),
          doc: DOC("IAM/latest/APIReference/API_CreateRole.html"),
        },
      },
      ...policyDocumentRules("assumeRolePolicy", 2048, {
        doc: DOC("IAM/latest/UserGuide/reference_iam-quotas.html") + " (role trust policy length, default quota 2048)",
      }),
      {
        path: "assumeRolePolicy@json.Statement[].Principal.Service[]?",
        checks: [formatCheck(/^[a-z0-9.-]+\.amazonaws\.com(?:\.cn)?$/, "<service>.amazonaws.com")],
        source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_principal.html") },
      },
      ...tagRules(),
    ],
    autoName: {
      field: "name",
      maxLength: 64,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_iam_role: AutoName("name", 64, "-")` },
    },
  },

  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
    rules: [
      {
        path: "role",
        checks: [len(1, 64), IAM_NAME_CHARS],
        source: {
          tf: TF("iam/role_policy_attachment.go", "role"),
          doc: DOC("IAM/latest/APIReference/API_AttachRolePolicy.html"),
        },
      },
      {
        path: "policyArn",
        checks: [formatCheck(MANAGED_POLICY_ARN, "an IAM managed policy ARN")],
        source: {
          tf: TF("iam/role_policy_attachment.go", "policy_arn verify.ValidARN"),
          doc: DOC("IAM/latest/APIReference/API_AttachRolePolicy.html"),
        },
      },
    ],
  },

  "aws:iam/rolePolicy:RolePolicy": {
    rules: [
      {
        path: "name",
        checks: [len(1, 128), IAM_NAME_CHARS],
        source: {
          tf: TF("iam/validate.go", "validRolePolicyName = validResourceName(rolePolicyNameMaxLen = 128)"),
          doc: DOC("IAM/latest/APIReference/API_PutRolePolicy.html"),
        },
      },
      ...policyDocumentRules("policy", 10240, {
        doc: DOC("IAM/latest/UserGuide/reference_iam-quotas.html") + " (role inline policies, 10,240 characters in all)",
      }),
    ],
    autoName: {
      field: "name",
      maxLength: 255,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_iam_role_policy has no override: 255, above AWS's 128` },
    },
  },
};
