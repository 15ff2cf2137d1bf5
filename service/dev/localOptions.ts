import { parseArgs } from "node:util";

/** Settings of `npm run local`, from its flags. */
export interface LocalOptions {
  /** How long posts are fed (fake X) or the stream is read (real X), in seconds. */
  readonly seconds: number;
  /** Posts the fake X server sends per second. */
  readonly rate: number;
  /** Posts in all; feeding stops early when they are sent. */
  readonly posts: number;
  /** Share of the fake posts that contain the filter phrase. */
  readonly matchRatio: number;
  /** FILTER for the service; with the fake X server also the phrase its matching posts contain. */
  readonly filter: string;
  /** Seed of the post generator. */
  readonly seed: number;
  /** Most rows of the table to print. */
  readonly rows: number;
  /** Use the fake X server even when X credentials are in the environment. */
  readonly fake: boolean;
}

/** Usage text of `npm run local`. */
export const USAGE = `Usage: npm run local [-w service -- [flags]]

Runs dynalite, the fake X API server (or the real X API when X credentials are set) and the real service on
loopback, shows progress, then stops the service with SIGTERM and prints the table.

  --seconds N       how long to feed posts / read the stream (default 20)
  --rate N          fake posts per second (default 50)
  --posts N         fake posts in all (default: rate x seconds)
  --match-ratio R   share of fake posts containing the filter phrase, 0-1 (default 0.3)
  --filter TEXT     FILTER, a phrase of plain words with the fake (default FILTER or "climate change")
  --seed N          seed of the post generator (default 1)
  --rows N          most table rows to print (default 40)
  --fake            use the fake X server even when X credentials are set
  --help            this text`;

/** A flag the local run cannot use; the message names it and says what to give instead. */
export class UsageError extends Error {}

/** Reads the flags; `env` supplies the default FILTER. */
export function parseLocalArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LocalOptions | "help" {
  const values = readFlags(argv);
  if (values.help === true) return "help";
  const seconds = number("--seconds", values.seconds, 20, 1, 24 * 3600);
  const rate = number("--rate", values.rate, 50, 1, 100_000);
  const filter = values.filter ?? env["FILTER"] ?? "climate change";
  if (filter.trim().length === 0) throw new UsageError('--filter is empty: give a phrase such as "climate change"');
  return {
    seconds,
    rate,
    posts: number("--posts", values.posts, Math.ceil(rate * seconds), 1, 10_000_000),
    matchRatio: number("--match-ratio", values["match-ratio"], 0.3, 0, 1, false),
    filter,
    seed: number("--seed", values.seed, 1, 0, 2 ** 32 - 1),
    rows: number("--rows", values.rows, 40, 0, 1_000_000),
    fake: values.fake === true,
  };
}

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        seconds: { type: "string" },
        rate: { type: "string" },
        posts: { type: "string" },
        "match-ratio": { type: "string" },
        filter: { type: "string" },
        seed: { type: "string" },
        rows: { type: "string" },
        fake: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

function number(flag: string, raw: string | undefined, fallback: number, min: number, max: number, integer = true): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got: ${JSON.stringify(raw)}`);
  }
  return value;
}
