import { expect } from "chai";
import { iamModel } from "../../scripts/security/iamModel";
import * as pulumi from "@pulumi/pulumi";
import {
  DEAD_LETTER_ROWS,
  EFS_ROWS,
  EXEC_ROWS,
  EXECUTION_ROLE_ROWS,
  FILE_DELIVERY_ROWS,
  FIRELENS_ROWS,
  KEY_POLICY_ROWS,
  ROTATION_ROWS,
  Row,
  SCHEDULE_DEAD_LETTER_ROWS,
  SCHEDULE_ROWS,
  SIDECAR_PARAMETER_ROWS,
  SIDECAR_ROWS,
  STACK_TASK_ROLE_ROWS,
  TASK_ROLE_SECRET_ROWS,
  TRUST_ROWS,
} from "../../scripts/security/rows";
import { decide } from "@twitterstream/test-kit/iam/simulate";
import {
  componentWith,
  componentWithEfs,
  componentWithFileSources,
  componentWithFireLens,
  componentWithParameterSidecar,
  componentWithStackArgs,
  MockSubject,
} from "../../scripts/security/subjects";
import { requests, World } from "../../scripts/security/world";

/** Each subject with the rows that apply to it. */
const SUBJECTS: Array<{ name: string; capture: () => Promise<MockSubject>; rows: Row[] }> = [
  {
    name: "the component with the stack's arguments",
    capture: componentWithStackArgs,
    rows: [...EXECUTION_ROLE_ROWS, ...TASK_ROLE_SECRET_ROWS, ...STACK_TASK_ROLE_ROWS, ...TRUST_ROWS, ...KEY_POLICY_ROWS],
  },
  {
    name: "the component delivering secrets as files, from every source",
    capture: componentWithFileSources,
    rows: [...FILE_DELIVERY_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component following an existing secret's rotation",
    capture: () =>
      componentWith({
        secrets: { API_KEY: { value: pulumi.secret("api-key-value-9") }, DB_PASSWORD: { secretsManager: "cmk/db", followRotation: true } },
      }),
    rows: [...ROTATION_ROWS, ...DEAD_LETTER_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component mounting EFS volumes",
    capture: componentWithEfs,
    rows: [...EFS_ROWS, ...TASK_ROLE_SECRET_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component running its task on a schedule",
    capture: () => componentWith({ runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } }),
    rows: [...SCHEDULE_ROWS, ...SCHEDULE_DEAD_LETTER_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component with ECS Exec on",
    capture: () => componentWith({ enableExecuteCommand: true }),
    rows: [...EXEC_ROWS, ...EXECUTION_ROLE_ROWS.filter((r) => r.on !== "this table"), ...TRUST_ROWS],
  },
  {
    name: "the component with a Datadog agent sidecar",
    capture: () =>
      componentWith({
        sidecars: [
          {
            name: "datadog",
            image: "public.ecr.aws/datadog/agent:7.60.0",
            secrets: { DD_API_KEY: { value: pulumi.secret("dd-api-key-value-7") }, DD_APP_KEY: { secretsManager: "cmk/datadog-app-key" } },
          },
        ],
      }),
    rows: [...SIDECAR_ROWS, ...TASK_ROLE_SECRET_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component with a sidecar from ECR reading an SSM parameter",
    capture: componentWithParameterSidecar,
    rows: [...SIDECAR_PARAMETER_ROWS, ...TASK_ROLE_SECRET_ROWS, ...TRUST_ROWS],
  },
  {
    name: "the component logging through FireLens with a router from ECR and secret options",
    capture: componentWithFireLens,
    rows: [...FIRELENS_ROWS, ...TASK_ROLE_SECRET_ROWS, ...TRUST_ROWS],
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
