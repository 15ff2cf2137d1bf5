/** Runs the doctor in this process, its real SDK clients pointed at a fake AWS, and collects what it prints. */
import { createClients } from "../aws";
import { runDoctor } from "../run";
import type { FakeAws } from "./fakeAws";

/** What a run printed and returned. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout's lines, for exact-line assertions. */
  readonly lines: readonly string[];
}

/** Runs the doctor with `argv` and `stdin` against `fake`, at time `now`. */
export async function runAgainst(fake: FakeAws, now: number, argv: readonly string[], stdin?: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runDoctor({
    argv,
    readStdin: () => Promise.resolve(stdin),
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    now: () => new Date(now),
    clients: (inputs) =>
      createClients({
        region: inputs.region,
        endpoints: { ecs: fake.url, logs: fake.url, dynamodb: fake.url },
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "fake-secret" },
        maxAttempts: 1,
      }),
  });
  return { code, stdout, stderr, lines: stdout.split("\n") };
}
