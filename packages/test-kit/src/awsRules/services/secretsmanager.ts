/** AWS's input rules for Secrets Manager, each with its source (../README.md says how to add one). */
import { ARN, DOC, formatCheck, len, ResourceRules, SOURCES, tagRules, TF } from "../rules";

/** The input rules of Secrets Manager resource types, by type token. */
export const SECRETSMANAGER_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:secretsmanager/secret:Secret": {
    rules: [
      {
        path: "name",
        checks: [len(1, 512), formatCheck(/^[0-9A-Za-z/_+=.@-]+$/, "[0-9A-Za-z/_+=.@-]")],
        source: { tf: TF("secretsmanager/validate.go", "validSecretName"), doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html") },
      },
      {
        path: "namePrefix",
        // TF appends a 26-character unique suffix (sdkid.UniqueIDSuffixLength); AWS then appends -<6 chars> to the ARN.
        checks: [len(1, 512 - 26), formatCheck(/^[0-9A-Za-z/_+=.@-]+$/, "[0-9A-Za-z/_+=.@-]")],
        source: {
          tf: TF("secretsmanager/validate.go", "validSecretNamePrefix (512 - UniqueIDSuffixLength 26)"),
          doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 2048)],
        source: {
          tf: TF("secretsmanager/secret.go", "description StringLenBetween(0, 2048)"),
          doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html"),
        },
      },
      {
        path: "kmsKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },

  "aws:secretsmanager/secretVersion:SecretVersion": {
    rules: [{ path: "secretString", checks: [len(1, 65536)], source: { doc: DOC("secretsmanager/latest/apireference/API_PutSecretValue.html") } }],
    note: "secretId is the secret resource's id (its ARN) from the mocks",
  },
};
