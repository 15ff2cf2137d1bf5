/**
 * Runs the stack program once under Pulumi mocks, in a process of its own (the program is a module with top-level
 * side effects, and Pulumi's runtime state is global), and prints what it produced as one JSON line.
 *
 * Usage: node --import tsx scenario.ts '<JSON {config: {key: value}, secretKeys: [key]}>'
 */
import * as pulumi from "@pulumi/pulumi";
import { recordRegistrations, type Registration } from "@twitterstream/test-kit/platform/registration";
import { platformViolations } from "@twitterstream/test-kit/platform/violations";
import { capture, RESULT_PREFIX, type CapturedOutput, type ScenarioResult } from "@twitterstream/test-kit/scenario";
import { answerInvoke, computedState } from "./mocks";

interface ScenarioInput {
  config: Record<string, string>;
  secretKeys: string[];
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? "") as ScenarioInput;
  const result: ScenarioResult = { resources: [], invokes: [], outputs: {} };
  const failures: string[] = [];
  const fail = (e: unknown): void => void failures.push(e instanceof Error ? e.message : String(e));
  let printed = false;
  const finish = (): void => {
    if (printed) return;
    printed = true;
    if (failures.length > 0) result.error = failures.join("\n");
    process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  };
  process.on("unhandledRejection", fail);
  // Nothing left to run but the program not done: an output never resolved (a failed invoke leaves it pending).
  process.on("beforeExit", () => {
    fail(new Error("the program never finished: an output never resolved"));
    finish();
  });

  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const resource = capture(args);
        result.resources.push(resource);
        return { id: `${args.name}-id`, state: { ...resource.inputs, ...computedState(resource) } };
      },
      call: (args) => {
        result.invokes.push(args.token);
        try {
          return answerInvoke(args.token, args.inputs as Record<string, unknown>);
        } catch (e) {
          fail(e);
          throw e;
        }
      },
    },
    "twitterstream",
    "dev",
    false,
  );
  const registrations: Registration[] = [];
  recordRegistrations(registrations);
  pulumi.runtime.setAllConfig(input.config, input.secretKeys);

  try {
    const program = (await import("../index")) as Record<string, unknown>;
    for (const [key, value] of Object.entries(program)) {
      if (pulumi.Output.isInstance(value)) result.outputs[key] = await resolveOutput(value);
    }
    await pulumi.runtime.disconnect();
    // The platform's own rules, which the mocks alone would let pass.
    for (const problem of platformViolations(registrations, result.resources)) fail(new Error(`a real \`pulumi up\` would fail: ${problem}`));
  } catch (e) {
    fail(e);
  }
  finish();
}

async function resolveOutput(output: pulumi.Output<unknown>): Promise<CapturedOutput> {
  const value = await new Promise<unknown>((resolve) => output.apply(resolve));
  return { value, secret: await pulumi.isSecret(output) };
}

void main().then(() => process.exit(0));
