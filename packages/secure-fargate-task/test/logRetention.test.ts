/**
 * `logRetentionInDays` against the values CloudWatch Logs' PutRetentionPolicy accepts
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html; 0 = never
 * expire), checked by the logs concern with its exact message.
 */
import { expect } from "chai";
import { validateLogRetention } from "../src/logs/retention";

/** What validateLogRetention returns for `days`, and the problems it reports. */
function check(days: number | undefined): { value: number; problems: string[] } {
  const problems: string[] = [];
  const value = validateLogRetention(days, (field, problem) => problems.push(`\`${field}\` ${problem}`));
  return { value, problems };
}

describe("logRetentionInDays (logs/retention.ts)", () => {
  it("defaults to 30 days", () => {
    expect(check(undefined)).to.deep.equal({ value: 30, problems: [] });
  });

  it("accepts never-expire (0), the API's shortest (1) and longest (3653) retention, and 365 as given", () => {
    for (const days of [0, 1, 365, 3653]) expect(check(days), String(days)).to.deep.equal({ value: days, problems: [] });
  });

  it("refuses a day count the API does not list, naming the field, the value and every accepted one", () => {
    expect(check(31).problems).to.deep.equal([
      "`logRetentionInDays` is not a retention CloudWatch Logs accepts: got 31. Use one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 = never expire).",
    ]);
  });

  it("refuses negative, fractional and too long retentions", () => {
    for (const days of [-1, 1.5, 3654, 4000]) expect(check(days).problems, String(days)).to.have.length(1);
  });
});
