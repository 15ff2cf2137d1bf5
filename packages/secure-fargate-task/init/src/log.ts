import type { SecretFileSource } from "./spec";
import type { ExitCode } from "./exitCodes";

/** What an AWS or file-system error is reduced to before it is logged: codes and ids, never a message. */
export interface ErrorFacts {
  /** The AWS error code (`AccessDeniedException`), the Node error code (`ECONNREFUSED`) or our own code. */
  readonly errorCode: string;
  readonly httpStatusCode?: number;
  /** The AWS request id, to find the call in CloudTrail. */
  readonly requestId?: string;
}

/** Every line the init program logs. None holds a secret value: only names, ARNs, version ids and codes. */
export type LogEntry =
  | { readonly level: "info"; readonly event: "secret_files_written"; readonly targetDir: string; readonly files: string[] }
  | { readonly level: "error"; readonly event: "invalid_config"; readonly message: string; readonly exitCode: ExitCode }
  | Failure<"fetch_failed", { readonly file: string; readonly source: SecretFileSource }>
  | Failure<"write_failed", { readonly file: string }>
  | Failure<"internal_error", object>;

type Failure<E extends string, T> = T & ErrorFacts & { readonly level: "error"; readonly event: E; readonly exitCode: ExitCode };

/** Writes one JSON object per line to stdout. */
export function log(entry: LogEntry): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** The codes of an error thrown by the AWS SDK or Node, without its message (a message may quote a response). */
export function errorFacts(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) {
    return { errorCode: "UnknownError" };
  }
  const { code, $metadata } = error as { code?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string } };
  return {
    errorCode: typeof code === "string" ? code : error.name,
    ...($metadata?.httpStatusCode === undefined ? {} : { httpStatusCode: $metadata.httpStatusCode }),
    ...($metadata?.requestId === undefined ? {} : { requestId: $metadata.requestId }),
  };
}
