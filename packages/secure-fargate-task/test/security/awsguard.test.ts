import { expect } from "chai";
import { TYPES } from "../../../policy-pack/src/subject";
import { PolicyPackProcess, ProgramResource } from "./analyzer";
import { AWSGUARD_COVERAGE, AWSGUARD_PACK, AWSGUARD_RUNS } from "./awsguard";

/** A resource's name, from the URN a diagnostic names. */
function resourceName(urn: string): string {
  return urn.split("::").pop()!;
}

describe("Pulumi AWSGuard's policies on the component, a peer review through the same analyzer", () => {
  let pack: PolicyPackProcess;
  before(async function () {
    this.timeout(300_000); // AWSGuard loads @pulumi/aws v4 and the AWS SDK v2 at start
    pack = await PolicyPackProcess.start(AWSGUARD_PACK);
  });
  after(() => pack?.stop());

  it("serves the AWSGuard policies the docs account for, all advisory", async () => {
    const info = await pack.info();
    const names = info.policies.map((p) => p.name);
    for (const row of AWSGUARD_COVERAGE) for (const policy of row.policy.split(", ")) expect(names, policy).to.include(policy);
    expect(new Set(info.policies.map((p) => p.enforcementLevel))).to.deep.equal(new Set(["advisory"]));
  });

  for (const run of AWSGUARD_RUNS) {
    it(`finds exactly what docs/SECURITY.md records, on ${run.name}`, async () => {
      const found = (await pack.update(await run.program())).map((d) => ({ policy: d.policyName, resource: resourceName(d.urn) }));
      expect(found).to.deep.equal(run.findings.map((f) => ({ policy: f.policy, resource: f.resource })));
    });
  }

  // Proof that the policies our resources pass are evaluated and can fail.
  const violators: Array<{ policy: string; resource: ProgramResource }> = [
    {
      policy: "cmk-backing-key-rotation-enabled",
      resource: { type: TYPES.key, name: "key", id: "key-id", inputs: { enableKeyRotation: false }, state: {} },
    },
    {
      policy: "dynamodb-table-encryption-enabled",
      resource: { type: TYPES.table, name: "table", id: "table-id", inputs: { serverSideEncryption: { enabled: false } }, state: {} },
    },
  ];
  for (const { policy, resource } of violators) {
    it(`${policy} flags a ${resource.type} that breaks it`, async () => {
      const found = (await pack.update({ resources: [resource] })).map((d) => ({ policy: d.policyName, resource: resourceName(d.urn) }));
      expect(found).to.deep.equal([{ policy, resource: resource.name }]);
    });
  }
});
