import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { accessReport, REGENERATE } from "../../scripts/security/accessReport";
import { REGENERATE_SECURITY, securityReport, withPolicyList } from "../../scripts/security/securityReport";
import { componentWithStackArgs } from "../../scripts/security/subjects";

const DOCS = path.resolve(__dirname, "../../../../docs");

function committed(file: string): string {
  return fs.readFileSync(path.join(DOCS, file), "utf8");
}

describe("generated security docs are current", () => {
  it("docs/ACCESS.md is what the access report prints now", async () => {
    expect(committed("ACCESS.md"), `docs/ACCESS.md is stale: run ${REGENERATE}`).to.equal(await accessReport(await componentWithStackArgs()));
  });

  it("docs/SECURITY.md is the control list the control tests run", () => {
    expect(committed("SECURITY.md"), `docs/SECURITY.md is stale: run ${REGENERATE_SECURITY}`).to.equal(securityReport());
  });

  it("the policy pack's README lists the policies the pack serves", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../../policy-pack/README.md"), "utf8");
    expect(readme, `packages/policy-pack/README.md is stale: run ${REGENERATE_SECURITY}`).to.equal(withPolicyList(readme));
  });
});
