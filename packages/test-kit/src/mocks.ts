import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { answerInvoke, fakeId, isSecretWrapped, unwrapSecrets, type FakeScope } from "./awsFakes";
import { stepOptions, type StepOptions } from "./lifecycle/engine";
import { recordRegistrations, Registration } from "./platform/registration";
import { platformViolations } from "./platform/violations";

/** One `newResource` call, with secret inputs unwrapped and their property names noted. */
export interface Captured {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
  /** Top-level input names whose value arrived as a secret. */
  secretInputs: string[];
  /** The id the mocks gave the resource. */
  id: string;
  /** The outputs the mocks gave the resource: its inputs plus what AWS computes (ARNs, names, ids). */
  state: Record<string, unknown>;
}

/** What one mock run saw. */
export interface MockRun {
  resources: Captured[];
  /** What the engine would receive for each resource: serialized properties (assets with their paths) and options. */
  registrations: Registration[];
  invokes: string[];
  /** The first resource of this type and name. Fails if none. */
  get(type: string, name: string): Captured;
  /** All resources of this type. */
  ofType(type: string): Captured[];
}

/**
 * What AWS computes for each resource (ARNs, generated names, ids): the code under test's own model, such as the
 * component's `secure-fargate-task/testing` `computedState`. A parameter, so that the kit never imports the component.
 */
export type ComputedState = (type: string, name: string, inputs: Record<string, unknown>, scope: FakeScope) => Record<string, unknown>;

/** A registry of images across updates (the component's test/fakeRegistry.ts): the images it built and lists. */
export interface ImageRegistry {
  /** The outputs of building and pushing `docker:index/image:Image` `name` from these inputs. */
  image(name: string, inputs: Record<string, unknown>, options: StepOptions | undefined): Record<string, unknown>;
  /** `aws:ecr/getImages:getImages`'s answer for this repository. */
  listImages(repositoryName: string): Record<string, unknown>;
}

/** How `mockRun` runs a program. */
export interface MockRunOptions {
  /** Outputs AWS computes per resource type (required: the kit has no model of its own). */
  computedState: ComputedState;
  /** The stack name; default `dev`. */
  stack?: string;
  /** The stack's configuration, `<project>:<key>` to value; default none. */
  config?: Record<string, string>;
  /** The project name; default `proj` (PROJECT). */
  project?: string;
  /** Images across updates; default none (a new repository, images answered by `computedState`). */
  registry?: ImageRegistry;
  /** Answers to invokes that replace the usual ones, by token: an account unlike the default one. Default none. */
  answers?: Record<string, Record<string, unknown>>;
  /** Invokes that fail as the provider would, by token: the error's message. The program must handle them. Default none. */
  refusals?: Record<string, string>;
  /** Run as `pulumi preview` does (unknown values stay unknown); default false. */
  preview?: boolean;
}

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";
export const PROJECT = "proj";
const SCOPE = { account: ACCOUNT, region: REGION };

/**
 * Sets Pulumi's mocks for a fresh run, runs `program`, waits until every registration has settled and returns what
 * was captured. Invokes the component is not known to make throw.
 */
export async function mockRun(program: () => void, options: MockRunOptions): Promise<MockRun> {
  const resources: Captured[] = [];
  const registrations: Registration[] = [];
  const invokes: string[] = [];
  const errors: unknown[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const raw = args.inputs as Record<string, unknown>;
        const inputs = unwrapSecrets(raw) as Record<string, unknown>;
        const secretInputs = Object.keys(raw).filter((k) => isSecretWrapped(raw[k]));
        const id = fakeId(args.type, args.name);
        // The registration's options were recorded as it was sent, just before this call.
        const registration = registrations.filter((r) => r.type === args.type && r.name === args.name).pop();
        const state =
          options.registry && args.type === "docker:index/image:Image"
            ? { ...inputs, ...options.registry.image(args.name, inputs, registration && stepOptions(registration)) }
            : { ...inputs, ...options.computedState(args.type, args.name, inputs, SCOPE) };
        resources.push({ type: args.type, name: args.name, urn: "", inputs, secretInputs, id, state });
        return { id, state };
      },
      call: (args) => {
        invokes.push(args.token);
        const refusal = options.refusals?.[args.token];
        // As the engine fails an invoke: a gRPC error whose `details` the SDK makes the program's Error
        // (@pulumi/pulumi runtime/invoke.js: `innerReject(new Error(err.details))`).
        if (refusal !== undefined) throw Object.assign(new Error(refusal), { details: refusal });
        try {
          const answer = options.answers?.[args.token];
          if (answer) return answer;
          if (options.registry && args.token === "aws:ecr/getImages:getImages") {
            return options.registry.listImages(String((args.inputs as Record<string, unknown>).repositoryName));
          }
          return answerInvoke(args.token, args.inputs as Record<string, unknown>, SCOPE);
        } catch (e) {
          errors.push(e);
          throw e;
        }
      },
    },
    options.project ?? PROJECT,
    options.stack ?? "dev",
    options.preview ?? false,
  );
  recordRegistrations(registrations);
  pulumi.runtime.setAllConfig(options.config ?? {});
  program();
  await settle(() => resources.length);
  if (errors.length > 0) throw errors[0];
  // The platform's own rules, which the mocks alone would let pass.
  const problems = platformViolations(registrations, resources);
  if (problems.length > 0) throw new Error(`a real \`pulumi up\` would fail:\n${problems.join("\n")}`);
  const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, { urn: string }> };
  const urns = [...monitor.resources.keys()];
  for (const r of resources) r.urn = urns.find((u) => u.endsWith(`::${r.name}`) && u.includes(r.type)) ?? "";
  return {
    resources,
    registrations,
    invokes,
    get(type, name) {
      const found = resources.find((r) => r.type === type && r.name === name);
      if (!found) throw new Error(`no ${type} named ${name}; have: ${resources.map((r) => `${r.type} ${r.name}`).join(", ")}`);
      return found;
    },
    ofType: (type) => resources.filter((r) => r.type === type),
  };
}

/** Waits until `count` has not changed for several event-loop turns and timers. */
export async function settle(count: () => number): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = count();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** The resolved value of an output (secret or not). */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((res) => output.apply((v) => res(v)));
}

/** A temporary build context holding a Dockerfile and an app file. */
export function makeContext(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sft-context-"));
  const all = { Dockerfile: "FROM node:20-slim\nCOPY app.js /app/app.js\n", "app.js": "console.log(1)\n", ...files };
  for (const [name, content] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
