// Types of scripts/test-phases.cjs for its test.

/** One phase: its name, the command and arguments it runs, and whether its output is held until it ends. */
export interface Phase {
  name: string;
  command: [string, string[]];
  silent: boolean;
}
/** Each suite's steps in order; a step's phases run side by side. */
export const COMMANDS: Record<string, Phase[][]>;
/** Runs the steps in order, a step only when every phase before it passed; resolves with the exit code. */
export function runSteps(steps: Phase[][], label: string): Promise<number>;
