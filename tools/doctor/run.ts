/**
 * One run of the doctor, without the process around it: inputs in, report out, exit code back. `main.ts` wires it to
 * argv, stdin, stdout and the exit code; the tests call it with clients pointed at a fake AWS.
 */
import { CannotCheck, createClients, destroyClients, observe, type DoctorClients } from "./aws";
import { diagnose } from "./diagnose";
import { InputError, USAGE, flagsComplete, parseArgs, resolveInputs, type DoctorInputs } from "./inputs";
import { formatReport } from "./report";

/** Exit codes: healthy, something is wrong, the doctor could not check. */
export const EXIT = { healthy: 0, problems: 1, cannotCheck: 2 } as const;

/** How far back the doctor reads the log group. */
export const LOG_WINDOW_MINUTES = 60;

/** What a run reads from and writes to. */
export interface RunIo {
  readonly argv: readonly string[];
  /** Reads all of stdin; undefined when stdin is a terminal (nothing piped). */
  readonly readStdin: () => Promise<string | undefined>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** @default clients with the SDK's defaults in the inputs' region */
  readonly clients?: (inputs: DoctorInputs) => DoctorClients;
  /** @default the current time */
  readonly now?: () => Date;
}

/** Runs the doctor and returns its exit code. */
export async function runDoctor(io: RunIo): Promise<number> {
  let inputs: DoctorInputs;
  try {
    const args = parseArgs(io.argv);
    if (args.help) {
      io.out(`${USAGE}\n`);
      return EXIT.healthy;
    }
    inputs = resolveInputs(args, flagsComplete(args) ? undefined : await io.readStdin());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(`doctor: ${error.message}\n`);
    return EXIT.cannotCheck;
  }

  const clients = (io.clients ?? ((i) => createClients({ region: i.region })))(inputs);
  try {
    const now = (io.now ?? (() => new Date()))();
    const observed = await observe(clients, inputs, now, LOG_WINDOW_MINUTES);
    const diagnosis = diagnose(inputs, observed, { now, logWindowMinutes: LOG_WINDOW_MINUTES });
    io.out(formatReport(inputs, diagnosis));
    return diagnosis.problems === 0 ? EXIT.healthy : EXIT.problems;
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error;
    io.err(`doctor: ${error.message}\n`);
    return EXIT.cannotCheck;
  } finally {
    destroyClients(clients);
  }
}
