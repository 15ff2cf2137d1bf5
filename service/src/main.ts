/**
 * Entry point: `node --no-warnings dist/main.js` in the image, `node --no-warnings --import tsx service/src/main.ts`
 * from the repository. Node's warnings go to the JSON log instead of stderr.
 * Exit codes: 0 after SIGTERM/SIGINT with everything written; 1 after a fatal error; 2 on invalid configuration (and when
 * another tag holds FILTER's rule: DuplicateRule).
 */
import fs from "node:fs";
import { ConfigError, loadConfig, secretValues, type Config } from "./config";
import { errorFields, Logger } from "./ops/log";
import { Redactor } from "./ops/redact";
import { start } from "./service";

const CREDENTIAL_VARIABLES = ["CONSUMERKEY", "CONSUMERSECRETKEY", "ACCESSTOKEN", "ACCESSTOKENSECRET", "BEARERTOKEN"];

function main(): void {
  const redactor = new Redactor(CREDENTIAL_VARIABLES.map((name) => process.env[name] ?? ""));
  const log = new Logger(redactor);
  const die = (error: unknown): void => {
    log.error("fatal", { stage: "process", ...errorFields(error, true) });
    process.exit(1);
  };
  process.on("uncaughtException", die);
  process.on("unhandledRejection", die);
  process.on("warning", (warning) => log.warn("node_warning", { name: warning.name, message: warning.message }));

  let config: Config;
  try {
    config = loadConfig(process.env, (path) => fs.readFileSync(path, "utf8"));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error("config_error", { variable: error.variable, error: error.message });
    process.exit(2);
  }
  for (const secret of secretValues(config.credentials)) redactor.add(secret);

  const service = start(config, log, redactor);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => service.stop(signal));
  void service.done.then((code) => process.exit(code));
}

main();
