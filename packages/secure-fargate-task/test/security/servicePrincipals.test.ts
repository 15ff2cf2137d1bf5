import { expect } from "chai";
import { serviceGrants, UNCONDITIONED } from "../../scripts/security/servicePrincipals";

/** The keys that hold a service to this account's own resources. */
const SOURCE_KEYS = /^(aws:SourceAccount|aws:SourceArn|aws:SourceOrgID|kms:EncryptionContext:.+)$/;

describe("grants to AWS service principals", () => {
  it("covers every policy with a service principal the component and the stack write", () => {
    expect(new Set(serviceGrants().map((g) => g.service))).to.deep.equal(
      new Set([
        "ecs-tasks.amazonaws.com",
        "events.amazonaws.com",
        "logs.eu-west-1.amazonaws.com",
        "lambda.amazonaws.com",
        "scheduler.amazonaws.com",
        "logging.s3.amazonaws.com",
        "cloudwatch.amazonaws.com",
      ]),
    );
  });

  it("each is held to this account's resources by a source condition, or has a documented reason it cannot be", () => {
    const unheld = serviceGrants()
      .filter((g) => !g.conditionKeys.some((k) => SOURCE_KEYS.test(k)))
      .map((g) => `${g.policy} / ${g.service}`);
    expect(unheld).to.deep.equal(Object.keys(UNCONDITIONED));
  });
});
