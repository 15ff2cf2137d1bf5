import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeContext } from "@twitterstream/test-kit/mocks";
import type { SecureFargateTaskArgs } from "../src";
import type { ServiceBuildSettings } from "../src/ecs/settings";
import { validateService } from "../src/ecs/validateService";
import { SOURCES } from "../src/secrets/registry";
import { validateArgs } from "../src/validate";

const ROOT = path.join(__dirname, "..");

/** The README's "Where to change what" section. */
function section(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("\n## Where to change what\n");
  expect(start, "README has no 'Where to change what' section").to.be.greaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Every `*.ts` file under a directory of the package, relative to the package. */
function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

describe("the README's 'Where to change what' is true", () => {
  it("names only files and folders that exist", () => {
    const named = [...section().matchAll(/`((?:src|init|test)\/[^`]+|schema\.json)`/g)].map((m) => m[1]);
    expect(named).to.include("src/secrets/registry.ts");
    for (const file of named) expect(fs.existsSync(path.join(ROOT, file)), `${file} is named in the README`).to.equal(true);
  });

  it("adding a secret source: its module is the only file of src/ or init/ that names its kind", () => {
    const files = [...sources("src"), ...sources("init/src")];
    for (const source of SOURCES) {
      const own = path.join("src", "secrets", "sources", `${source.kind}.ts`);
      expect(files, `the module of ${source.kind}`).to.include(own);
      const naming = files.filter((f) => new RegExp(`["']${source.kind}["']`).test(fs.readFileSync(path.join(ROOT, f), "utf8")));
      expect(naming, `files naming "${source.kind}" as a string`).to.deep.equal([own]);
    }
  });

  it("adding an ECS service setting: every setting validateService returns reaches the service builder's settings unchanged", () => {
    // Each service argument away from its default, so that a setting the orchestrator dropped or rewrote would show.
    const args: SecureFargateTaskArgs = {
      image: { context: makeContext() },
      secrets: { API_KEY: { value: "k" } },
      desiredCount: 3,
      deployment: { minimumHealthyPercent: 50, maximumPercent: 150 },
      enableExecuteCommand: true,
      healthCheck: { command: ["CMD", "true"] },
      healthCheckGracePeriodSeconds: 45,
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 2 }],
    };
    const service = validateService(args, { runMode: "service", platform: "linux/amd64", loadBalancer: false, containerHealthCheck: true }, () =>
      expect.fail("the arguments are valid"),
    );
    const builder: ServiceBuildSettings = validateArgs("app", args);
    const reached = Object.fromEntries(Object.keys(service).map((key) => [key, builder[key as keyof ServiceBuildSettings]]));
    expect(reached).to.deep.equal(service);
    expect(service.desiredCount).to.equal(3);
    expect(service.healthCheckGracePeriodSeconds).to.equal(45);
  });
});
