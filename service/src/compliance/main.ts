/**
 * The compliance command: `node --no-warnings dist/compliance/main.js` in the image (the same image and environment
 * as the service, with a command override), `node --no-warnings --import tsx service/src/compliance/main.ts` from the
 * repository. Submits every id whose text the table holds (each post's own, and the retweeted and quoted posts') to
 * X's batch compliance jobs, and deletes or redacts what X reports (X's developer policy asks that stored content
 * deleted or changed on X be deleted or changed too; the stream sends no deletions). See `sweep.ts`.
 * Exit codes: 0 when every id was checked; 1 on a failure, or when a job ended `failed` or `expired` (its ids are
 * checked by the next run; the others were acted on), or a job did not end within `COMPLIANCE_TIMEOUT_MS` (the next run
 * resumes it); 2 on invalid configuration.
 */
import fs from "node:fs";
import { ConfigError, loadConfig, secretValues, type Config } from "../config";
import { createDocumentClient } from "../store/dynamo";
import { errorFields, Logger } from "../ops/log";
import { retrying } from "../x/recovery";
import { Redactor } from "../ops/redact";
import { connectX } from "../x/xApi";
import { complianceOptions, type ComplianceOptions } from "./options";
import { sweep } from "./sweep";
import { complianceApi, withRetries } from "./xJobs";

const CREDENTIAL_VARIABLES = ["CONSUMERKEY", "CONSUMERSECRETKEY", "ACCESSTOKEN", "ACCESSTOKENSECRET", "BEARERTOKEN"];

async function run(config: Config, options: ComplianceOptions, log: Logger, redactor: Redactor): Promise<number> {
  log.info("compliance_start", { table: config.table, region: config.region, xApi: config.xApiBaseUrl.origin, ...options });
  const doc = createDocumentClient(config.region, config.writeTimeoutMs);
  // Transient X failures (timeouts, network errors, 5xx, 429) are retried on X's schedule, as in the service.
  const retry = <T>(request: () => Promise<T>): Promise<T> =>
    retrying(request, {
      policy: config.backoff,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      stopped: () => false,
      onRetry: (error, attempt, delayMs) => log.warn("x_retry", { stage: "compliance", attempt, delayMs, ...errorFields(error) }),
    });
  try {
    const x = await retry(() => connectX(config.credentials, { base: config.xApiBaseUrl, timeoutMs: config.xRequestTimeoutMs }, redactor));
    const totals = await sweep({
      doc,
      table: config.table,
      api: withRetries(complianceApi(x.client, config.xApiBaseUrl, x.bearerToken, config.xRequestTimeoutMs), retry),
      idsPerJob: options.idsPerJob,
      timing: { pollMs: options.pollMs, timeoutMs: options.timeoutMs, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: Date.now },
      onJob: (fields) => (fields["status"] === "complete" ? log.info("compliance_job", fields) : log.error("compliance_job", fields)),
      onWait: (fields) => log.warn("compliance_wait", fields),
    });
    log.info("compliance_done", { ...totals });
    return totals.failedJobs === 0 ? 0 : 1;
  } catch (error) {
    log.error("fatal", { stage: "compliance", ...errorFields(error) });
    return 1;
  } finally {
    doc.destroy();
  }
}

function main(): void {
  const redactor = new Redactor(CREDENTIAL_VARIABLES.map((name) => process.env[name] ?? ""));
  const log = new Logger(redactor);
  let config: Config;
  let options: ComplianceOptions;
  try {
    config = loadConfig(process.env, (path) => fs.readFileSync(path, "utf8"));
    options = complianceOptions(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error("config_error", { variable: error.variable, error: error.message });
    process.exit(2);
  }
  for (const secret of secretValues(config.credentials)) redactor.add(secret);
  void run(config, options, log, redactor).then((code) => process.exit(code));
}

main();
