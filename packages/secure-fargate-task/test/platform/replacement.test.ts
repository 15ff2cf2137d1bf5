import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../../src";
import { makeContext, type MockRun } from "@twitterstream/test-kit/mocks";
import { mockRun } from "../mockRun";
import { runComponent } from "../runComponent";
import { nameFields, namedResources, REPLACEMENT } from "@twitterstream/test-kit/platform/replacement";

/** The component with every child it can make: file delivery, an S3 object, rotation, one secret per variable. */
const EVERYTHING: Partial<SecureFargateTaskArgs> = {
  secrets: {
    TOKEN: { value: pulumi.secret("t") },
    DB: { secretsManager: "prod/db", followRotation: true },
    TLS: { s3Object: pulumi.secret("pem") },
  },
  secretLayout: "perVariable",
  secretDelivery: "files",
  portMappings: [{ containerPort: 8080 }],
  loadBalancer: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666" },
};

describe("children with a fixed physical name, and how each is replaced without a name clash", () => {
  it("lists every child that sets a physical name, with the fields it sets", async () => {
    for (const args of [{}, EVERYTHING]) {
      const { run } = await runComponent(args);
      for (const r of namedResources(run.resources)) {
        const entry = REPLACEMENT.find((e) => e.type === r.type);
        expect(entry, `${r.type} ${r.name} sets ${r.fields.join(", ")}: add it to test/platform/replacement.ts`).to.not.equal(undefined);
        expect(entry!.nameFields, `${r.type} ${r.name}`).to.include.members(r.fields);
      }
    }
  });

  it("sets, where only the name replaces a child, none of the other inputs that would", async () => {
    const { run } = await runComponent(EVERYTHING);
    for (const entry of REPLACEMENT.filter((e) => e.strategy === "only the name replaces it")) {
      for (const r of run.ofType(entry.type)) {
        const others = entry.replacedBy.filter((f) => !entry.nameFields.includes(f) && r.inputs[f] !== undefined);
        expect(others, `${r.type} ${r.name}`).to.deep.equal([]);
      }
    }
  });

  it("gives the ECR repository a new name, and the image a new URL, when what replaces it (its key) changes", async () => {
    const { SecureFargateTask } = await import("../../src");
    const context = makeContext();
    const withKey = (kmsKeyArn: string) =>
      mockRun(() => void new SecureFargateTask("app", { image: { context }, secrets: { T: { value: pulumi.secret("t") } }, kmsKeyArn }));
    // One mock run at a time: Pulumi's mocks are global.
    const a = await withKey("arn:aws:kms:eu-west-1:123456789012:key/11111110-2222-3333-4444-555555555555");
    const b = await withKey("arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555");
    const name = (r: MockRun) => String(r.get("aws:ecr/repository:Repository", "app-repo").inputs.name);
    const image = (r: MockRun) => String(r.get("docker:index/image:Image", "app-image").inputs.imageName);
    expect(name(a)).to.not.equal(name(b));
    expect(image(a).replace(/:[^:]+$/, "")).to.not.equal(image(b).replace(/:[^:]+$/, ""));
  });

  it("gives the target group a new name when what replaces it (the container port) changes, and the same name when nothing does", async () => {
    const certificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";
    const tgName = async (port: number) => {
      const { run } = await runComponent({ portMappings: [{ containerPort: port }], loadBalancer: { certificateArn } });
      return String(run.get("aws:lb/targetGroup:TargetGroup", "app-tg").inputs.name);
    };
    const [a, again, b] = [await tgName(8080), await tgName(8080), await tgName(8081)];
    expect(a).to.equal(again);
    expect(a).to.not.equal(b);
  });

  it("names by prefix where it says so, and names each entry's name fields among what replaces it", async () => {
    const { run } = await runComponent(EVERYTHING);
    for (const entry of REPLACEMENT.filter((e) => e.strategy === "name prefix")) {
      for (const r of run.ofType(entry.type)) {
        expect(
          Object.keys(r.inputs).filter((k) => nameFields(r.type).includes(k)),
          r.name,
        ).to.deep.equal(entry.nameFields);
      }
    }
    for (const entry of REPLACEMENT) expect(entry.replacedBy, entry.type).to.include.members(entry.nameFields);
  });
});
