/**
 * The FireLens log router's arguments checked against ECS's rules and the task's size, defaults filled in.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html
 */
import type { LoggingArgs } from "./args";
import { type Reject, show } from "../errors";
import { DEFAULT_ROUTER_IMAGE, DEFAULT_ROUTER_MEMORY, FIRELENS_PORT } from "./logRouter";
import { MIN_CONTAINER_MEMORY } from "./validateSidecars";
import type { LogRouterSettings, SidecarSettings } from "./settings";
import type { PortMappingSettings } from "../loadBalancer/settings";

/** What checking the router needs from the rest of the arguments. */
export interface LogRouterContext {
  /** The task's CPU units and memory (MiB), and the memory the component's other containers take. */
  cpu: number;
  memory: number;
  reservedMemory: number;
}

/** The keys of `firelensConfiguration.options` (API_FirelensConfiguration). */
const FIRELENS_OPTIONS = ["config-file-type", "config-file-value", "enable-ecs-log-metadata"];

/** Checks `logging.router`; returns the router with `awsfirelens`, undefined with another driver. */
export function validateLogRouter(logging: LoggingArgs, ctx: LogRouterContext, reject: Reject): LogRouterSettings | undefined {
  const router = logging.router;
  if (logging.logDriver !== "awsfirelens") {
    if (router !== undefined) {
      reject(
        "logging.router",
        `configures the FireLens log router, which only the "awsfirelens" driver uses: logDriver is ${show(logging.logDriver)}. Remove it, or use "awsfirelens".`,
      );
    }
    return undefined;
  }
  const image = router?.image ?? DEFAULT_ROUTER_IMAGE;
  if (image === "") {
    reject("logging.router.image", `must be an image reference: got ${show(image)}. Leave it out for ${show(DEFAULT_ROUTER_IMAGE)}.`);
  }
  const firelensOptions = router?.firelensOptions ?? {};
  validateFirelensOptions(firelensOptions, reject);
  const cpu = router?.cpu ?? 0;
  if (!Number.isInteger(cpu) || cpu < 0) {
    reject("logging.router.cpu", `must be a whole number of CPU units, 0 or more: got ${show(cpu)}.`);
  } else if (cpu >= ctx.cpu) {
    reject(
      "logging.router.cpu",
      `reserves ${cpu} CPU units of the task's ${ctx.cpu}, leaving the app none. Lower it, or raise the task's \`cpu\`.`,
    );
  }
  const memory = router?.memory ?? DEFAULT_ROUTER_MEMORY;
  if (!Number.isInteger(memory) || memory < MIN_CONTAINER_MEMORY) {
    reject("logging.router.memory", `must be a whole number of MiB, ${MIN_CONTAINER_MEMORY} or more (Docker's minimum): got ${show(memory)}.`);
  } else if (ctx.memory - ctx.reservedMemory - memory < MIN_CONTAINER_MEMORY) {
    reject(
      "logging.router.memory",
      `reserves ${memory} MiB of the task's ${ctx.memory}, leaving the app ${ctx.memory - ctx.reservedMemory - memory} MiB; a container needs at least ${MIN_CONTAINER_MEMORY}. Lower it, or raise the task's \`memory\`.`,
    );
  }
  return { image, firelensOptions, cpu, memory };
}

/**
 * What a message says in place of an option's value: a value may be a secret (an API key put in the wrong place), and
 * error messages reach consoles and CI logs, so they name the key and never echo the value.
 */
const NOT_SHOWN = "got another value (not shown here: an option's value may be a secret)";

/**
 * API_FirelensConfiguration: `enable-ecs-log-metadata` is `true` or `false`; `config-file-type` is `s3` or `file`, and
 * tasks on Fargate support only `file`; a configuration file needs both its type and its value (CDK FirelensOptions).
 * Messages name the option's key, never its value ({@link NOT_SHOWN}).
 */
function validateFirelensOptions(options: Record<string, string>, reject: Reject): void {
  const field = "logging.router.firelensOptions";
  for (const key of Object.keys(options).sort()) {
    if (!FIRELENS_OPTIONS.includes(key)) {
      reject(`${field}.${key}`, `is not a FireLens option: got ${show(key)}. Use ${FIRELENS_OPTIONS.map(show).join(", ")}.`);
    }
  }
  const metadata = options["enable-ecs-log-metadata"];
  if (metadata !== undefined && metadata !== "true" && metadata !== "false") {
    reject(`${field}.enable-ecs-log-metadata`, `must be "true" or "false": ${NOT_SHOWN}.`);
  }
  const type = options["config-file-type"];
  const value = options["config-file-value"];
  if (type !== undefined && type !== "file") {
    reject(
      `${field}.config-file-type`,
      `must be "file": ${NOT_SHOWN}. Tasks on Fargate read no configuration file from S3; put the file in the router's image.`,
    );
  }
  if ((type === undefined) !== (value === undefined)) {
    reject(
      field,
      `gives ${type === undefined ? "config-file-value without config-file-type" : "config-file-type without config-file-value"}. Give both, or neither.`,
    );
  } else if (value !== undefined && !value.startsWith("/")) {
    reject(`${field}.config-file-value`, `must be the absolute path of the file in the router's image, starting with "/": ${NOT_SHOWN}.`);
  }
}

/**
 * FireLens listens on port 24224 in the task's network namespace, which the app and the sidecars share (awsvpc): none
 * of them may listen on it. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
 */
export function validateFirelensPort(app: readonly PortMappingSettings[], sidecars: readonly SidecarSettings[], reject: Reject): void {
  const taken = (m: PortMappingSettings) => m.containerPort === FIRELENS_PORT && m.protocol === "tcp";
  const clash = (field: string) =>
    reject(field, `is ${FIRELENS_PORT}/tcp, where the FireLens log router listens in the task's shared network namespace. Use another port.`);
  app.forEach((m, i) => taken(m) && clash(`portMappings[${i}].containerPort`));
  sidecars.forEach((s, i) => s.portMappings.forEach((m, j) => taken(m) && clash(`sidecars[${i}].portMappings[${j}].containerPort`)));
}
