/** The compliance command's own settings, beside the service's configuration (`../config.ts`). */
import { ConfigError } from "../config";

/** Settings of the sweep. */
export interface ComplianceOptions {
  /** Stored ids per job; also the ids and keys held in memory at once. @default 100000 */
  readonly idsPerJob: number;
  /** Wait between two status polls of a job. @default 30000 */
  readonly pollMs: number;
  /** Longest wait for one job. @default 7200000 (2 h) */
  readonly timeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw new ConfigError(name, `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** Reads `COMPLIANCE_IDS_PER_JOB`, `COMPLIANCE_POLL_MS` and `COMPLIANCE_TIMEOUT_MS`. */
export function complianceOptions(env: Env): ComplianceOptions {
  return {
    idsPerJob: integer(env, "COMPLIANCE_IDS_PER_JOB", 100_000, 1, 1_000_000),
    pollMs: integer(env, "COMPLIANCE_POLL_MS", 30_000, 10, 3_600_000),
    timeoutMs: integer(env, "COMPLIANCE_TIMEOUT_MS", 7_200_000, 1000, 86_400_000),
  };
}
