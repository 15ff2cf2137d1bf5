/**
 * A CrossGuard policy pack run the way `pulumi preview --policy-pack <dir>` runs it, without the CLI.
 *
 * The CLI's Node.js language host starts the pack's program in the pack's folder as a child process
 * (`@pulumi/pulumi/cmd/run-policy-pack <engine> <dir>`, pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs
 * `RunPlugin`); constructing the `PolicyPack` starts @pulumi/policy's analyzer gRPC server and prints its port
 * (`serve`, @pulumi/policy server.js). The engine then speaks the Analyzer service (pulumi/pulumi
 * pkg/resource/plugin/analyzer_plugin.go): `GetAnalyzerInfo`, `Configure` with the policy config, `Analyze` for each
 * resource with its inputs as it is registered, and `AnalyzeStack` at the end with every resource's outputs, URN,
 * parent and dependencies, properties marshalled with secrets kept (a secret travels as a signed `{ value }` object).
 *
 * Here the child runs the pack's `main` with tsx rather than ts-node: `run-policy-pack` registers ts-node with
 * `typeCheck: true`, which type-checks the pack and everything it imports (the component's types, @pulumi/aws) at
 * every start, about a minute on this machine; `npm run build` already type-checks the same files. Everything after
 * the start is the CLI's path: the same server, the same RPCs, the same marshalling.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Resource } from "../../../policy-pack/src/subject";
import type { Captured } from "@twitterstream/test-kit/mocks";
import type { Registration } from "@twitterstream/test-kit/platform/registration";

/** Our pack's folder: what `pulumi preview --policy-pack packages/policy-pack` runs. */
export const POLICY_PACK = path.resolve(__dirname, "../../../policy-pack");

/** What a policy reported, as the engine receives it. */
export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  /** The policy's description, then the violation's message on the next line. */
  message: string;
  /** The resource it names, when a policy gave one. */
  urn: string;
  enforcementLevel: EnforcementLevel;
}

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";

const LEVELS: Record<number, EnforcementLevel> = {
  [proto.EnforcementLevel.ADVISORY]: "advisory",
  [proto.EnforcementLevel.MANDATORY]: "mandatory",
  [proto.EnforcementLevel.DISABLED]: "disabled",
  [proto.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_OF: Record<EnforcementLevel, proto.EnforcementLevel> = {
  advisory: proto.EnforcementLevel.ADVISORY,
  mandatory: proto.EnforcementLevel.MANDATORY,
  disabled: proto.EnforcementLevel.DISABLED,
  remediate: proto.EnforcementLevel.REMEDIATE,
};

/** One resource of a program, as a mock run captured it (or a synthetic one: no URN, no registration). */
export type ProgramResource = Resource & Partial<Pick<Captured, "urn" | "secretInputs">>;

/** A program's resources and, when it ran under the mocks, what the engine received for each. */
export interface Program {
  resources: ProgramResource[];
  registrations?: Registration[];
}

/** A policy pack's analyzer, started as the CLI starts it; `stop()` it when done. */
export class PolicyPackProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: AnalyzerClient,
  ) {}

  /** Runs the pack whose `PulumiPolicy.yaml` and `package.json` are in `dir` and connects to its analyzer. */
  static async start(dir: string): Promise<PolicyPackProcess> {
    const main = path.resolve(dir, (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { main: string }).main);
    const child = spawn(process.execPath, ["--import", "tsx", main], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    const port = await new Promise<string>((resolve, reject) => {
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = /^(\d+)\r?\n/.exec(out);
        if (line) resolve(line[1]);
      });
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`policy pack ${dir} exited (${code}) before serving:\n${out}${err}`)));
    });
    return new PolicyPackProcess(child, new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
  }

  stop(): void {
    this.client.close();
    this.child.kill();
  }

  /** The pack's name and its policies with their enforcement levels (`GetAnalyzerInfo`). */
  async info(): Promise<{ name: string; policies: Array<{ name: string; description: string; enforcementLevel: EnforcementLevel }> }> {
    const info = await this.call<proto.AnalyzerInfo>((cb) => this.client.getAnalyzerInfo(new Empty(), cb));
    return {
      name: info.getName(),
      policies: info.getPoliciesList().map((p) => ({
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel: LEVELS[p.getEnforcementlevel()],
      })),
    };
  }

  /** Sets each named policy's enforcement level, as `--policy-pack-config` does (`Configure`). */
  async configure(levels: Record<string, EnforcementLevel>): Promise<void> {
    const request = new proto.ConfigureAnalyzerRequest();
    for (const [name, level] of Object.entries(levels)) {
      const config = new proto.PolicyConfig();
      config.setEnforcementlevel(LEVEL_OF[level]);
      config.setProperties(Struct.fromJavaScript({}));
      request.getPolicyconfigMap().set(name, config);
    }
    await this.call((cb) => this.client.configure(request, cb));
  }

  /** What the engine's policy checks report on an update of `program`: `Analyze` for each resource, then `AnalyzeStack`. */
  async update(program: Program): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    for (const r of program.resources) {
      const request = new proto.AnalyzeRequest();
      request.setType(r.type);
      request.setName(r.name);
      request.setUrn(urnOf(r));
      request.setProperties(Struct.fromJavaScript(inputsOf(r, program.registrations) as Record<string, JavaScriptValue>));
      request.setOptions(optionsOf(r, program.registrations));
      const response = await this.call<proto.AnalyzeResponse>((cb) => this.client.analyze(request, cb));
      // A resource policy's violation names no URN: the engine reports it against the resource analyzed.
      diagnostics.push(...response.getDiagnosticsList().map((d) => ({ ...diagnostic(d), urn: d.getUrn() || urnOf(r) })));
    }
    return [...diagnostics, ...(await this.analyzeStack(program))];
  }

  /** What the stack policies report on `program`'s resources (`AnalyzeStack`). */
  async analyzeStack(program: Program): Promise<Diagnostic[]> {
    const request = new proto.AnalyzeStackRequest();
    request.setResourcesList(
      program.resources.map((r) => {
        const resource = new proto.AnalyzerResource();
        const registration = registrationOf(r, program.registrations);
        resource.setType(r.type);
        resource.setName(r.name);
        resource.setUrn(urnOf(r));
        resource.setProperties(Struct.fromJavaScript(withSecrets(r.state, r.secretInputs) as Record<string, JavaScriptValue>));
        resource.setOptions(optionsOf(r, program.registrations));
        resource.setParent(registration?.parent ?? "");
        resource.setDependenciesList(registration?.dependencies ?? []);
        return resource;
      }),
    );
    return (await this.call<proto.AnalyzeResponse>((cb) => this.client.analyzeStack(request, cb))).getDiagnosticsList().map(diagnostic);
  }

  private call<T>(send: (callback: (error: grpc.ServiceError | null, response: T) => void) => unknown): Promise<T> {
    return new Promise((resolve, reject) => send((error, response) => (error ? reject(error) : resolve(response))));
  }
}

function diagnostic(d: proto.AnalyzeDiagnostic): Diagnostic {
  return {
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    message: d.getMessage(),
    urn: d.getUrn(),
    enforcementLevel: LEVELS[d.getEnforcementlevel()],
  };
}

function urnOf(r: ProgramResource): string {
  return r.urn || `urn:pulumi:test::test::${r.type}::${r.name}`;
}

function registrationOf(r: ProgramResource, registrations: Registration[] = []): Registration | undefined {
  return registrations.find((x) => x.type === r.type && x.name === r.name);
}

/** The inputs as the SDK sent them (secrets and assets signed), or, for a synthetic resource, its inputs. */
function inputsOf(r: ProgramResource, registrations?: Registration[]): Record<string, unknown> {
  return registrationOf(r, registrations)?.serialized ?? withSecrets(r.inputs, r.secretInputs);
}

function optionsOf(r: ProgramResource, registrations?: Registration[]): proto.AnalyzerResourceOptions {
  const registration = registrationOf(r, registrations);
  const options = new proto.AnalyzerResourceOptions();
  options.setParent(registration?.parent ?? "");
  if (registration) {
    options.setDeletebeforereplace(registration.deleteBeforeReplace);
    options.setDeletebeforereplacedefined(true);
  }
  return options;
}

/** Plain JSON properties with the top-level `secret` ones signed as the engine marshals a secret. */
function withSecrets(props: Record<string, unknown>, secret: string[] = []): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(props)) as Record<string, unknown>;
  for (const key of secret.filter((k) => k in plain)) {
    plain[key] = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: plain[key] };
  }
  return plain;
}
