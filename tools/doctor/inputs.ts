/**
 * What the doctor checks: the stack's outputs, from `pulumi stack output --json` on stdin or from flags. Flags win
 * over stdin, so one output can be overridden.
 */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";

/** The stack outputs the doctor reads (see infra/index.ts), and the region to ask. */
export interface DoctorInputs {
  /** `clusterName`: the ECS cluster. */
  readonly cluster: string;
  /** `serviceName`: the ECS service. */
  readonly service: string;
  /** `taskDefinitionArn`: the revision the last `pulumi up` registered. */
  readonly taskDefinitionArn: string;
  /** `logGroupName`: where the service logs. */
  readonly logGroupName: string;
  /** `tableName`: the DynamoDB table the service writes. */
  readonly tableName: string;
  /** `--region`; @default the region in `taskDefinitionArn`. */
  readonly region: string;
}

/** Bad input: the message says which output or flag, and what to do. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** One stack output: its key in `pulumi stack output --json`, its flag, and its field here. */
interface OutputSpec {
  readonly output: string;
  readonly flag: string;
  readonly field: Exclude<keyof DoctorInputs, "region">;
}

/** Every output the doctor needs, in the order a missing one is reported. */
export const OUTPUTS: readonly OutputSpec[] = [
  { output: "clusterName", flag: "--cluster", field: "cluster" },
  { output: "serviceName", flag: "--service", field: "service" },
  { output: "taskDefinitionArn", flag: "--task-definition", field: "taskDefinitionArn" },
  { output: "logGroupName", flag: "--log-group", field: "logGroupName" },
  { output: "tableName", flag: "--table", field: "tableName" },
];

/** The command line's usage text. */
export const USAGE = `Usage: pulumi stack output --json | npm run -s doctor
       npm run -s doctor -- --cluster <name> --service <name> --task-definition <arn> --log-group <name> --table <name> [--region <region>]

Checks that the deployed service really runs: the deployment ECS kept, why tasks stopped, the running count, the
service's last log lines and the table. Exit code 0: healthy; 1: something is wrong; 2: the doctor could not check.`;

/** Parsed command line: flag values by flag name, and whether help was asked for. */
export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string>;
  readonly help: boolean;
}

const VALUE_FLAGS = [...OUTPUTS.map((o) => o.flag), "--region"];

/**
 * Parses `--flag value` and `--flag=value` with `node:util`'s parseArgs (strict: an unknown flag, a positional argument
 * and a flag whose value is missing or looks like another flag are refused), into the doctor's own messages.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const arg = argv.find((a) => a.startsWith("-") && !VALUE_FLAGS.includes(a.split("=")[0]) && a !== "--help" && a !== "-h");
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const bad = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? arg : argv.find((a) => !a.startsWith("-"));
      throw new InputError(`unknown argument \`${bad ?? ""}\`; expected one of ${VALUE_FLAGS.map((f) => `\`${f}\``).join(", ")}`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const flag = VALUE_FLAGS.find((f) => (error as Error).message.includes(`'${f}`)) ?? "";
      throw new InputError(`\`${flag}\` needs a value`);
    }
    throw error;
  }
  const flags = new Map<string, string>();
  for (const flag of VALUE_FLAGS) {
    const value = parsed.values[flag.slice(2)];
    if (value === "") throw new InputError(`\`${flag}\` needs a value`);
    if (typeof value === "string") flags.set(flag, value);
  }
  return { flags, help: parsed.values.help === true };
}

function parseFlags(argv: readonly string[]): { values: Record<string, string | boolean | Array<string | boolean> | undefined> } {
  const options: NonNullable<ParseArgsConfig["options"]> = { help: { type: "boolean", short: "h" } };
  for (const flag of VALUE_FLAGS) options[flag.slice(2)] = { type: "string" };
  return nodeParseArgs({ args: [...argv], strict: true, allowPositionals: false, options });
}

/** True when the flags alone name every output, so stdin need not be read. */
export function flagsComplete(args: ParsedArgs): boolean {
  return OUTPUTS.every((o) => args.flags.has(o.flag));
}

/** Reads the outputs the doctor needs from `pulumi stack output --json`; other outputs are ignored, never printed. */
export function parseStackOutputs(text: string): Partial<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError("stdin is not JSON: pipe `pulumi stack output --json` into the doctor, or pass the outputs as flags");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InputError("stdin is not a JSON object of stack outputs: pipe `pulumi stack output --json` into the doctor");
  }
  const outputs: Partial<Record<string, string>> = {};
  for (const { output } of OUTPUTS) {
    const value: unknown = (parsed as Record<string, unknown>)[output];
    if (value === undefined) continue;
    if (typeof value !== "string") throw new InputError(`stack output \`${output}\` is not a string`);
    outputs[output] = value;
  }
  return outputs;
}

/** The region in an ECS task definition ARN (`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`). */
export function regionOfTaskDefinition(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):\d{12}:task-definition\/[A-Za-z0-9_-]+:\d+$/.exec(arn)?.[1];
}

/**
 * The doctor's inputs from the stack outputs on stdin (when given) and the flags. Throws an `InputError` naming every
 * missing output and the flag that supplies it.
 */
export function resolveInputs(args: ParsedArgs, stdinText: string | undefined): DoctorInputs {
  const fromStdin = stdinText === undefined || stdinText.trim() === "" ? {} : parseStackOutputs(stdinText);
  const values: Partial<Record<OutputSpec["field"], string>> = {};
  const missing: string[] = [];
  for (const spec of OUTPUTS) {
    const value = args.flags.get(spec.flag) ?? fromStdin[spec.output];
    if (value === undefined || value === "") missing.push(`\`${spec.output}\` (or \`${spec.flag}\`)`);
    else values[spec.field] = value;
  }
  if (missing.length > 0) {
    const where =
      stdinText === undefined || stdinText.trim() === ""
        ? "no stack outputs on stdin"
        : `the stack outputs on stdin lack ${missing.length === 1 ? "it" : "them"}`;
    throw new InputError(
      `missing stack output ${missing.join(", ")}: ${where}; run \`pulumi stack output --json | npm run -s doctor\` ` +
        "in the stack's directory after `pulumi up`, or pass the flag",
    );
  }
  const taskDefinitionArn = values.taskDefinitionArn ?? "";
  const arnRegion = regionOfTaskDefinition(taskDefinitionArn);
  if (arnRegion === undefined) {
    throw new InputError(
      `\`taskDefinitionArn\` is not an ECS task definition ARN: got '${taskDefinitionArn}', expected ` +
        "arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>",
    );
  }
  return {
    cluster: values.cluster ?? "",
    service: values.service ?? "",
    taskDefinitionArn,
    logGroupName: values.logGroupName ?? "",
    tableName: values.tableName ?? "",
    region: args.flags.get("--region") ?? arnRegion,
  };
}
