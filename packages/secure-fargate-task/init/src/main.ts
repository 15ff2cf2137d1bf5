/**
 * The secrets init container: fetches every secret of `SECRET_FILES_SPEC` at its pinned version (or takes the value ECS
 * injected into its environment), then writes one file per secret, mode 0400, into the shared volume, and exits 0; or
 * writes nothing and exits non-zero (see {@link EXIT}). The app container starts only after this one exits 0
 * (`dependsOn` condition `SUCCESS`).
 */
import { createClients } from "./clients";
import { EXIT, type ExitCode } from "./exitCodes";
import { fetchSource } from "./fetch";
import { errorFacts, log } from "./log";
import { parseSpec, SPEC_ENV_VAR, SpecError, type SecretFilesSpec } from "./spec";
import { writeFilesAtomically, WriteError, type FileContent } from "./write";

async function run(env: NodeJS.ProcessEnv): Promise<ExitCode> {
  let spec: SecretFilesSpec;
  try {
    spec = parseSpec(env[SPEC_ENV_VAR]);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return invalidConfig(error.message);
  }
  const region = env.AWS_REGION;
  if (region === undefined || region === "") {
    return invalidConfig("AWS_REGION is not set");
  }
  const clients = createClients(region, env);
  const fetched = await Promise.all(spec.files.map(async (file) => ({ file, result: await fetchSource(clients, file.source, env) })));
  clients.destroy();

  const contents: FileContent[] = [];
  let exitCode: ExitCode = EXIT.ok;
  for (const { file, result } of fetched) {
    if (result.ok) {
      contents.push({ name: file.name, bytes: result.bytes });
      continue;
    }
    const { exitCode: failure, facts } = result;
    log({ level: "error", event: "fetch_failed", file: file.name, source: file.source, ...facts, exitCode: failure });
    exitCode = exitCode === EXIT.ok ? failure : exitCode;
  }
  if (exitCode !== EXIT.ok) {
    return exitCode;
  }

  try {
    await writeFilesAtomically(spec.targetDir, contents);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    const facts = errorFacts(error.cause);
    log({ level: "error", event: "write_failed", file: error.file, ...facts, exitCode: EXIT.writeFailed });
    return EXIT.writeFailed;
  }
  const names = contents.map((file) => file.name);
  log({ level: "info", event: "secret_files_written", targetDir: spec.targetDir, files: names });
  return EXIT.ok;
}

function invalidConfig(message: string): ExitCode {
  log({ level: "error", event: "invalid_config", message, exitCode: EXIT.badConfig });
  return EXIT.badConfig;
}

run(process.env).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    log({ level: "error", event: "internal_error", ...errorFacts(error), exitCode: EXIT.internal });
    process.exitCode = EXIT.internal;
  },
);
