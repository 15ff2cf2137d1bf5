import { expect } from "chai";
import { iamModel } from "./iamModel";
import { EXECUTION_ROLE_ROWS, FILE_DELIVERY_ROWS, KEY_POLICY_ROWS, Row, STACK_TASK_ROLE_ROWS, TASK_ROLE_SECRET_ROWS, TRUST_ROWS } from "./rows";
import { decide } from "./simulate";
import type { Subject } from "./subject";
import { componentWith, componentWithStackArgs } from "./subjects";
import { requests, World } from "./world";

/**
 * Each subject with the rows that apply to it. To add: the stack program itself once it runs under these mocks, and
 * a followed rotation (its restart function's role shows up in the IAM model by its resource name).
 */
const SUBJECTS: Array<{ name: string; capture: () => Promise<Subject>; rows: Row[] }> = [
  {
    name: "the component with the stack's arguments",
    capture: componentWithStackArgs,
    rows: [...EXECUTION_ROLE_ROWS, ...TASK_ROLE_SECRET_ROWS, ...STACK_TASK_ROLE_ROWS, ...TRUST_ROWS, ...KEY_POLICY_ROWS],
  },
  {
    name: "the component delivering secrets as files",
    capture: () => componentWith({ secretDelivery: "files" }),
    rows: [...FILE_DELIVERY_ROWS, ...TRUST_ROWS],
  },
];

for (const { name, capture, rows } of SUBJECTS) {
  describe(`IAM evaluation (iam-simulate) of ${name}`, () => {
    let world: World;
    before(async () => {
      const subject = await capture();
      world = { model: iamModel(subject), account: subject.account, region: subject.region };
    });

    for (const r of rows) {
      const context = r.context ? ` ${r.context}` : "";
      it(`${r.who} ${r.action} on ${r.on}${context}: ${r.expected}`, async () => {
        for (const request of requests(world, r.who, r.action, r.on, r.context)) {
          expect(await decide(request), `${request.action} on ${request.resource}`).to.equal(r.expected);
        }
      });
    }
  });
}
