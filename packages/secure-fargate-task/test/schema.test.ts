import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { componentSchema } from "../scripts/schema";
import { runComponent } from "./runComponent";

const PACKAGE = path.join(__dirname, "..");
const TYPE = "secure-fargate-task:index";

interface Property {
  type?: string;
  $ref?: string;
  additionalProperties?: Property;
  items?: Property;
}
interface Schema {
  resources: Record<string, { inputProperties: Record<string, Property>; properties: Record<string, Property>; requiredInputs: string[] }>;
  types: Record<string, { type: string; properties?: Record<string, Property>; enum?: Array<{ value: string }> }>;
}

describe("the component's Pulumi schema, for every language", function () {
  this.timeout(120_000);
  const committed = fs.readFileSync(path.join(PACKAGE, "schema.json"), "utf8");
  const schema = JSON.parse(committed) as Schema;
  const component = schema.resources[`${TYPE}:SecureFargateTask`];
  const type = (name: string) => schema.types[`${TYPE}:${name}`];

  it("is what @pulumi/pulumi's analyzer derives from the args today (regenerate: npm run -s schema > packages/secure-fargate-task/schema.json)", async () => {
    expect(committed).to.equal(await componentSchema());
  });

  it("keeps every secret source: secrets map names to one reference type with all its fields", () => {
    expect(component.requiredInputs.sort()).to.deep.equal(["image", "secrets"]);
    expect(component.inputProperties.secrets.additionalProperties!.$ref).to.equal(`#/types/${TYPE}:SecretRefArgs`);
    expect(Object.keys(type("SecretRefArgs").properties!).sort()).to.deep.equal([
      "followRotation",
      "jsonKey",
      "kmsKeyArn",
      "s3Object",
      "secretsManager",
      "ssmParameter",
      "value",
      "versionId",
      "versionStage",
    ]);
    expect(type("LoggingArgs").properties!.secretOptions.additionalProperties!.$ref).to.equal(`#/types/${TYPE}:SecretRefArgs`);
  });

  it("keeps both kinds of image in one type, with registry credentials of both kinds", () => {
    expect(component.inputProperties.image.$ref).to.equal(`#/types/${TYPE}:ImageArgs`);
    expect(Object.keys(type("ImageArgs").properties!).sort()).to.deep.equal([
      "buildArgs",
      "context",
      "dockerfile",
      "keepImages",
      "name",
      "platform",
      "repositoryCredentials",
    ]);
    expect(Object.keys(type("RegistryCredentialsArgs").properties!).sort()).to.deep.equal(["kmsKeyArn", "password", "secretsManager", "username"]);
  });

  it("takes EFS volumes as a list of one object type with every field", () => {
    expect(component.inputProperties.efsVolumes.items!.$ref).to.equal(`#/types/${TYPE}:EfsVolumeArgs`);
    expect(Object.keys(type("EfsVolumeArgs").properties!).sort()).to.deep.equal([
      "accessPointId",
      "containerPath",
      "fileSystemId",
      "mountTargetSecurityGroupId",
      "name",
      "readOnly",
    ]);
    expect(component.inputProperties.ephemeralStorageGiB.type).to.equal("number");
  });

  it("makes every string choice an enum with exactly its values", () => {
    const values = (name: string) =>
      type(name)
        .enum!.map((e) => e.value)
        .sort();
    expect(values("SecretDelivery")).to.deep.equal(["environment", "files"]);
    expect(values("SecretLayout")).to.deep.equal(["perVariable", "single"]);
    expect(values("RunMode")).to.deep.equal(["service", "task"]);
    expect(values("LogDriver")).to.deep.equal(["awsfirelens", "awslogs", "splunk"]);
    expect(values("Effect")).to.deep.equal(["Allow", "Deny"]);
    expect(values("ImagePlatform")).to.deep.equal(["linux/amd64", "linux/arm64"]);
  });

  it("lists every output the component registers", async () => {
    const { component: instance } = await runComponent();
    // Every Output field of the instance but the URN every resource has.
    const outputs = Object.entries(instance)
      .filter(([k, v]) => k !== "urn" && pulumi.Output.isInstance(v))
      .map(([k]) => k)
      .sort();
    expect(outputs).to.include.members(["clusterName", "serviceName", "taskDefinitionArn", "secretArns", "runTaskCommand"]);
    expect(Object.keys(component.properties).sort()).to.deep.equal(outputs);
  });

  it("is served by the entry point the plugin host loads: the package's main, which exports the component", () => {
    expect(fs.readFileSync(path.join(PACKAGE, "PulumiPlugin.yaml"), "utf8")).to.match(/^runtime: nodejs$/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as {
      main: string;
      exports: { ".": { default: string } };
    };
    expect(manifest.exports["."].default).to.equal(`./${manifest.main}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the package's main the way Pulumi's plugin host does, by path at run time
    const entry = require(path.join(PACKAGE, manifest.main)) as Record<string, unknown>;
    expect(getPulumiComponents(entry).map((c) => c.name)).to.deep.equal(["SecureFargateTask"]);
  });
});
