/**
 * The component's log groups (logs/logGroups.ts): which exist, and that each is created as the key policy expects. The
 * key lets CloudWatch Logs use it for exactly the groups created (kms:EncryptionContext:aws:logs:arn,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/logs/encrypt-log-data-kms.html), each keeps events for
 * `logRetentionInDays` and is encrypted with that key.
 */
import { expect } from "chai";
import { ACCOUNT, REGION, type MockRun } from "@twitterstream/test-kit/mocks";
import { SECRETS, secretValues } from "@twitterstream/test-kit/secrets";
import { logGroupArn } from "../src/iam/policies";
import { logGroupNames } from "../src/logs/logGroups";
import { deriveNames } from "../src/names";
import { runComponent } from "./runComponent";

const NAMES = deriveNames("proj", "dev", "app");
const SCOPE = { partition: "aws", region: REGION, accountId: ACCOUNT };

/** The log group ARNs the key policy lets CloudWatch Logs encrypt for. */
function keyPolicyLogGroups(r: MockRun): string[] {
  const policy = JSON.parse(String(r.get("aws:kms/key:Key", "app-key").inputs.policy)) as {
    Statement: Array<{ Sid: string; Condition?: { ArnEquals: Record<string, string | string[]> } }>;
  };
  const logs = policy.Statement.find((s) => s.Sid === "CloudWatchLogsForTheseLogGroupsOnly");
  return [logs!.Condition!.ArnEquals["kms:EncryptionContext:aws:logs:arn"]].flat();
}

describe("the component's log groups (logs/logGroups.ts)", () => {
  it("are the app's alone, and the rotation function's besides when the service follows a rotation", () => {
    expect(logGroupNames(NAMES, false)).to.deep.equal([NAMES.logGroup]);
    expect(logGroupNames(NAMES, true)).to.deep.equal([NAMES.logGroup, NAMES.rotationLogGroup]);
    expect(NAMES.rotationLogGroup).to.not.equal(NAMES.logGroup);
  });

  for (const followRotation of [false, true]) {
    it(`are created exactly as the key policy names them, with the retention and the key${followRotation ? ", following a rotation" : ""}`, async () => {
      const { run: r } = await runComponent({
        secrets: { ...secretValues(SECRETS), DB_PASSWORD: { secretsManager: "prod/db", followRotation } },
        logRetentionInDays: 90,
        tags: { team: "stream" },
      });
      const groups = r.ofType("aws:cloudwatch/logGroup:LogGroup");
      const names = logGroupNames(NAMES, followRotation);
      expect(groups.map((g) => g.inputs.name)).to.have.members(names);
      expect(keyPolicyLogGroups(r)).to.have.members(names.map((n) => logGroupArn(SCOPE, n)));
      const keyArn = r.get("aws:kms/key:Key", "app-key").state.arn;
      for (const group of groups) {
        expect(group.inputs, group.name).to.include({ retentionInDays: 90, kmsKeyId: keyArn });
        expect(group.inputs.tags, group.name).to.deep.equal({ team: "stream" });
      }
    });
  }
});
