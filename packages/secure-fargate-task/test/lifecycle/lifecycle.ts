import * as pulumi from "@pulumi/pulumi";
import { isSecretWrapped, unwrapSecrets } from "@twitterstream/test-kit/awsFakes";
import { FakeRegistry } from "../fakeRegistry";
import { settle } from "@twitterstream/test-kit/mocks";
import { recordRegistrations, type Registration } from "@twitterstream/test-kit/platform/registration";
import { awsDiff } from "./awsDiff";
import { AwsWorld } from "./awsWorld";
import { planStep, stepOptions, type Inputs, type Op, type Step, type StepOptions } from "@twitterstream/test-kit/lifecycle/engine";

/** One resource's step in an update: what the engine would do, and why. */
export interface PlannedStep {
  urn: string;
  type: string;
  name: string;
  op: Op | "delete";
  /** The inputs that changed (update, replace). */
  changed: string[];
  /** The inputs that forced a replacement. */
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** What one `pulumi up` or `pulumi destroy` would do to the custom resources (components have no provider). */
export interface Plan {
  steps: PlannedStep[];
  /** Every step but `same`, as `<op> <type> <name>`, sorted: what the CLI's summary lists as changes. */
  changes: string[];
  /** What AWS refused: a name still taken, a resource that already exists. */
  failures: string[];
}

/** The stack's state of one custom resource: its inputs and outputs as the last update left them. */
interface Entry {
  type: string;
  name: string;
  id: string;
  inputs: Inputs;
  outputs: Inputs;
}

/** Where the stack lives, and what AWS answers to invokes there. */
export interface LifecycleScope {
  project: string;
  stack: string;
  /** The outputs the mocks give a new resource (before `AwsWorld` makes its identifiers unique). */
  computedState(type: string, name: string, inputs: Inputs): Inputs;
  /** The answer to an invoke other than `aws:ecr/getImages:getImages`, which the registry answers. */
  answerInvoke(token: string, inputs: Inputs): Inputs;
}

/**
 * A stack across `pulumi up`s and `pulumi destroy`s: each run of the program under Pulumi's mocks is stepped the way the
 * engine steps it (`planStep`), against the state the previous run left, with each provider's diff rule (pulumi-docker's
 * through `FakeRegistry`, the AWS provider's through `awsDiff`); a resource that is `same` keeps its old outputs, as the
 * engine keeps them; a created one gets new AWS identifiers (`AwsWorld`). State carries from step to step.
 */
export class Lifecycle {
  readonly registry = new FakeRegistry();
  readonly aws = new AwsWorld();
  private state = new Map<string, Entry>();

  constructor(private readonly scope: LifecycleScope) {}

  /** One `pulumi up` of `program` with this stack config (`<namespace>:<key>` → value) and these secret keys. */
  async up(program: () => void, config: Record<string, string> = {}, secretKeys: string[] = []): Promise<Plan> {
    const registrations: Registration[] = [];
    const steps: PlannedStep[] = [];
    const failures: string[] = [];
    const next = new Map<string, Entry>();
    const errors: unknown[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          const registration = registrations.filter((r) => r.type === args.type && r.name === args.name).pop()!;
          const urn = urnOf(registration, this.scope);
          const raw = args.inputs as Inputs;
          const inputs = unwrapSecrets(raw) as Inputs;
          // A component has no provider and no step; a remote one (awsx's) still hands the program its outputs.
          if (!args.custom) return { id: undefined, state: { ...inputs, ...this.scope.computedState(args.type, args.name, inputs) } };
          let result: { step: Step; entry: Entry; exists: boolean };
          try {
            result = this.apply(urn, args.type, args.name, inputs, stepOptions(registration), failures);
          } catch (e) {
            errors.push(e);
            throw e;
          }
          const { step, entry, exists } = result;
          if (exists) next.set(urn, entry);
          steps.push(plannedStep(urn, args.type, args.name, step));
          const { id, outputs } = entry;
          // Secret inputs stay secret in the outputs the program reads back.
          const state = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, isSecretWrapped(raw[k]) ? pulumi.secret(v) : v]));
          return { id, state };
        },
        call: (args) => {
          try {
            const inputs = args.inputs as Inputs;
            if (args.token === "aws:ecr/getImages:getImages") return this.registry.listImages(String(inputs.repositoryName));
            return this.scope.answerInvoke(args.token, inputs);
          } catch (e) {
            errors.push(e);
            throw e;
          }
        },
      },
      this.scope.project,
      this.scope.stack,
      false,
    );
    recordRegistrations(registrations);
    pulumi.runtime.setAllConfig(config, secretKeys);
    program();
    await settle(() => registrations.length);
    if (errors.length > 0) throw errors[0];
    for (const [urn, entry] of this.state) if (!next.has(urn)) this.remove(urn, entry, steps, failures, next);
    this.state = next;
    return plan(steps, failures);
  }

  /** `pulumi destroy`: every resource deleted; AWS keeps what it keeps; a refused delete stays in the state. */
  destroy(): Plan {
    const steps: PlannedStep[] = [];
    const failures: string[] = [];
    const kept = new Map<string, Entry>();
    for (const [urn, entry] of this.state) this.remove(urn, entry, steps, failures, kept);
    this.state = kept;
    return plan(steps, failures);
  }

  /**
   * The step for one registration and the state it leaves: same and update keep what AWS generated; a create or a
   * replacement gets new identifiers, or fails and leaves the old resource as it was (`exists` false when a
   * delete-before-create removed it first).
   */
  private apply(
    urn: string,
    type: string,
    name: string,
    inputs: Inputs,
    options: StepOptions,
    failures: string[],
  ): { step: Step; entry: Entry; exists: boolean } {
    const old = this.state.get(urn);
    if (type.startsWith("docker:")) {
      const outputs = { ...inputs, ...this.registry.image(name, inputs, options) };
      const step = this.registry.steps.get(name)!;
      return { step, entry: { type, name, id: old?.id ?? `${name}-id`, inputs: step.inputs, outputs }, exists: true };
    }
    const step = planStep(old?.inputs, inputs, options, awsDiff(type));
    if (old && step.op !== "replace")
      return { step, entry: { ...old, inputs: step.inputs, outputs: { ...old.outputs, ...step.inputs } }, exists: true };
    const created = this.create(type, name, step, old, failures);
    if (created.outputs) return { step, entry: { type, name, id: `${name}-id`, inputs: step.inputs, outputs: created.outputs }, exists: true };
    if (created.old === "kept") return { step, entry: old!, exists: true };
    return { step, entry: { type, name, id: "", inputs: step.inputs, outputs: step.inputs }, exists: false };
  }

  /**
   * A new resource's outputs (a create, or a replacement). When AWS refuses the delete or the create, the refusal is
   * recorded and the update stops there: no outputs, and the old resource `kept`, or `gone` when a delete-before-create
   * deleted it before the create failed.
   */
  private create(type: string, name: string, step: Step, old: Entry | undefined, failures: string[]): { outputs?: Inputs; old?: "kept" | "gone" } {
    let deleted = false;
    try {
      // Delete-before-create frees the old name first; create-before-delete meets it.
      if (old && step.deleteBeforeReplace) {
        this.aws.delete(type, old.inputs, old.outputs);
        deleted = true;
      }
      const outputs = this.aws.create(type, name, step.inputs, (salted) => this.scope.computedState(type, salted, step.inputs));
      if (old && !step.deleteBeforeReplace) this.aws.delete(type, old.inputs, old.outputs);
      return { outputs: { ...step.inputs, ...outputs } };
    } catch (e) {
      failures.push((e as Error).message);
      return { old: old && !deleted ? "kept" : "gone" };
    }
  }

  /** Deletes a resource; one AWS refuses to delete stays in `kept`, its refusal in `failures`. */
  private remove(urn: string, entry: Entry, steps: PlannedStep[], failures: string[], kept: Map<string, Entry>): void {
    try {
      if (entry.type.startsWith("docker:")) this.registry.forget(entry.name);
      else this.aws.delete(entry.type, entry.inputs, entry.outputs);
    } catch (e) {
      failures.push((e as Error).message);
      kept.set(urn, entry);
      return;
    }
    if (entry.type === "aws:ecr/repository:Repository") this.registry.deleteRepository(String(entry.outputs.repositoryUrl));
    steps.push({ urn, type: entry.type, name: entry.name, op: "delete", changed: [], replaces: [], deleteBeforeReplace: false });
  }
}

function plannedStep(urn: string, type: string, name: string, step: Step): PlannedStep {
  return { urn, type, name, op: step.op, changed: step.changed, replaces: step.replaces, deleteBeforeReplace: step.deleteBeforeReplace };
}

/** The URN the engine gives a registration (the mock monitor's form: the parent's type, then the resource's). */
function urnOf(registration: Registration, scope: { project: string; stack: string }): string {
  const parentType = registration.parent ? registration.parent.split("::")[2].split("$").pop()! : "";
  const type = parentType ? `${parentType}$${registration.type}` : registration.type;
  return `urn:pulumi:${scope.stack}::${scope.project}::${type}::${registration.name}`;
}

function plan(steps: PlannedStep[], failures: string[]): Plan {
  const changes = steps
    .filter((s) => s.op !== "same")
    .map((s) => `${s.op} ${s.type} ${s.name}`)
    .sort();
  return { steps, changes, failures };
}
