/**
 * The twitterstream stack program itself (infra/index.ts, its monitoring and backup included), run under its mocks in a
 * child process (`infra/mocked/scenario.ts`, as the stack's tests run it), as a subject the policy pack can judge: each
 * resource's state is its inputs and what the mocked AWS computes for it (`computedState`), its id `<name>-id`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { RESULT_PREFIX, SCENARIO_REGION, type ScenarioResult } from "@twitterstream/test-kit/scenario";
import { computedState } from "../../../../infra/mocked/mocks";
import type { Subject } from "../../../policy-pack/src/subject";

const REPO = path.resolve(__dirname, "..", "..", "..", "..");
const SCENARIO = path.join(REPO, "infra", "mocked", "scenario.ts");

/** Stand-ins for the stack's four X credentials, set as secrets: none may appear in a container definition. */
const CREDENTIALS: Record<string, string> = {
  consumerKey: "ck-stack-program-1",
  consumerSecretKey: "cs-stack-program-2",
  accessToken: "at-stack-program-3",
  accessTokenSecret: "as-stack-program-4",
};

/** The stack program with these settings (config keys without `twitterstream:`), as a subject; fails when the program does. */
export function stackProgram(label: string, settings: Readonly<Record<string, string>>): Promise<Subject> {
  const config: Record<string, string> = { "aws:region": SCENARIO_REGION };
  for (const [key, value] of Object.entries({ ...CREDENTIALS, ...settings })) config[`twitterstream:${key}`] = value;
  const input = JSON.stringify({ config, secretKeys: Object.keys(CREDENTIALS).map((k) => `twitterstream:${k}`) });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", SCENARIO, input], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (line === undefined) return reject(new Error(`${label}: no result (${String(error)}):\n${stdout}\n${stderr}`));
      const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult;
      if (result.error !== undefined) return reject(new Error(`${label}: ${result.error}`));
      resolve({
        label,
        resources: result.resources.map((r) => ({
          type: r.type,
          name: r.name,
          id: `${r.name}-id`,
          inputs: r.inputs,
          state: { ...r.inputs, ...computedState(r) },
        })),
        secretValues: Object.values(CREDENTIALS),
      });
    });
  });
}
