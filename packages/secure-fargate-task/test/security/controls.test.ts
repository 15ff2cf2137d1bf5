import { expect } from "chai";
import { CONTROLS } from "../../../policy-pack/src/controls";
import { ofType, Subject, TYPES } from "../../../policy-pack/src/subject";
import { componentWith, componentWithStackArgs } from "./subjects";

describe("AWS security controls on the component's defaults", () => {
  let defaults: Subject;
  before(async () => {
    defaults = await componentWith();
  });

  for (const control of CONTROLS) {
    const { verdict } = control;
    const rule = control.rule === control.id ? "" : ` (${control.rule})`;
    it(`${control.id}${rule} ${control.checks}: ${verdict.status}`, async () => {
      const findings = control.findings(defaults);
      switch (verdict.status) {
        case "met":
        case "not applicable":
          expect(findings).to.deep.equal([]);
          break;
        case "met with an option":
          expect(findings, "the documented default does not meet it").to.not.deep.equal([]);
          expect(control.findings(await componentWith(verdict.args)), verdict.option).to.deep.equal([]);
          break;
        case "not met":
          expect(findings, "the documented default does not meet it").to.not.deep.equal([]);
          break;
      }
    });
  }

  it("evaluates something for every control: each resource type a control reads exists in the defaults", () => {
    for (const type of [
      TYPES.cluster,
      TYPES.service,
      TYPES.taskDefinition,
      TYPES.repository,
      TYPES.key,
      TYPES.logGroup,
      TYPES.secret,
      TYPES.rolePolicy,
    ]) {
      expect(ofType(defaults, type), type).to.not.deep.equal([]);
    }
  });

  it("CloudWatch.16 accepts logs that never expire (0)", async () => {
    const control = CONTROLS.find((c) => c.id === "CloudWatch.16")!;
    expect(control.findings(await componentWith({ logRetentionInDays: 0 }))).to.deep.equal([]);
  });

  it("flags, with the stack's arguments too, exactly the controls documented as not met by default", async () => {
    const stack = await componentWithStackArgs();
    const documented = CONTROLS.filter((c) => c.verdict.status !== "met" && c.verdict.status !== "not applicable").map((c) => c.id);
    const flagged = CONTROLS.filter((c) => c.findings(stack).length > 0).map((c) => c.id);
    expect(flagged).to.deep.equal(documented);
  });
});
