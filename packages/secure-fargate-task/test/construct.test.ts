/**
 * The multi-language path as far as it runs without a Pulumi CLI: the package loaded the way the Node.js plugin host
 * loads a source-based plugin for a Python, Go, C# or YAML program (@pulumi/pulumi cmd/run-plugin/run.js: `require`
 * the package, `getPulumiComponents` of its exports, a `ComponentProvider` named from package.json), and the component
 * constructed through the provider's `construct` with inputs encoded as the engine sends them over gRPC, decoded by
 * the provider server's own `deserializeInputs` (@pulumi/pulumi provider/server.js): plain values, secrets (the secret
 * signature, and output values marked secret) and, in a preview, unknowns. Pulumi's mocks stand in for the engine;
 * every mock run fails on a resource whose provider needs node_modules in the program's directory (platformViolations).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isUnknown } from "@pulumi/pulumi";
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { makeContext, type MockRun } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";

const PACKAGE = path.join(__dirname, "..");
const TYPE = "secure-fargate-task:index:SecureFargateTask";
// The engine's encodings (@pulumi/pulumi runtime/rpc.js). The provider server answers Configure with `acceptOutputs`
// (provider/server.js), so the engine sends a secret or unknown value of the program as an output value: a secret one
// with `secret: true`, an unknown one without `value`.
const SIG = "4dabf18193072939515e22adb298388d";
const OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const secretValue = (value: string) => ({ [SIG]: OUTPUT_VALUE, value, secret: true, dependencies: [] });
const unknownValue = (dependency: string) => ({ [SIG]: OUTPUT_VALUE, dependencies: [dependency] });

interface ProviderServer {
  deserializeInputs(inputs: { toJavaScript(): Record<string, unknown> }, dependencies: Map<string, never>): Promise<pulumi.Inputs>;
}

/** Constructs the component through the plugin host's provider, under mocks, from inputs as the engine encodes them. */
async function construct(encoded: Record<string, unknown>, preview: boolean): Promise<{ run: MockRun; urn: unknown; state: pulumi.Inputs }> {
  const { ComponentProvider, getPulumiComponents } = await import("@pulumi/pulumi/provider/experimental");
  const server = (await import("@pulumi/pulumi/provider/server")) as unknown as ProviderServer;
  const packageJson = JSON.parse(fs.readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { name: string };
  let result: Promise<{ urn: unknown; state: pulumi.Inputs }> | undefined;
  const run = await mockRun(
    () => {
      result = (async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the plugin host loads the package: require(<package folder>)
        const components = getPulumiComponents(require(PACKAGE));
        const provider = new ComponentProvider({ name: packageJson.name, dirname: PACKAGE, components });
        const inputs = await server.deserializeInputs({ toJavaScript: () => encoded }, new Map<string, never>());
        return provider.construct("app", TYPE, inputs, {});
      })();
    },
    { preview },
  );
  const { urn, state } = await result!;
  return { run, urn, state };
}

describe("constructed through the plugin host's provider, as for a Python, Go, C# or YAML program", function () {
  this.timeout(180_000);
  const context = makeContext();

  it("finds the component in the package's entry point, by the name the host derives from package.json", async () => {
    const { getPulumiComponents } = await import("@pulumi/pulumi/provider/experimental");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the plugin host loads the package
    expect(getPulumiComponents(require(PACKAGE)).map((c) => c.name)).to.deep.equal(["SecureFargateTask"]);
  });

  it("takes plain and secret inputs: the secrets stay secret, and no resource needs the program's node_modules", async () => {
    const { run, state } = await construct(
      {
        image: { context },
        secrets: { TOKEN: { value: secretValue("tok-123") }, API_KEY: { value: secretValue("key-456") } },
        environment: { TABLE: "tweets" },
      },
      false,
    );
    const version = run.get("aws:secretsmanager/secretVersion:SecretVersion", "app-secrets-version");
    expect(version.secretInputs).to.include("secretString");
    expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({ TOKEN: "tok-123", API_KEY: "key-456" });
    const elsewhere = run.resources.filter((r) => r !== version).map((r) => JSON.stringify(r.inputs));
    expect(elsewhere.filter((text) => text.includes("tok-123") || text.includes("key-456"))).to.deep.equal([]);
    expect(run.resources.map((r) => r.type)).to.include.members(["aws:ecs/service:Service", "time:index/sleep:Sleep"]);
    expect(run.resources.filter((r) => r.type.startsWith("pulumi-nodejs:") || r.type === "pulumi:providers:pulumi-nodejs")).to.deep.equal([]);
    expect(Object.keys(state)).to.include.members(["serviceName", "taskDefinitionArn"]);
  });

  it("takes unknowns in a preview (an output of a resource not created yet)", async () => {
    const { run } = await construct(
      {
        image: { context },
        secrets: { TOKEN: { value: secretValue("tok-123") } },
        environment: { TABLE: unknownValue("urn:pulumi:dev::proj::aws:dynamodb/table:Table::posts") },
      },
      true,
    );
    // The container definitions hold the unknown variable: unknown until the update knows the table's name.
    expect(isUnknown(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.containerDefinitions)).to.equal(true);
  });
});
