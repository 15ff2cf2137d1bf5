/**
 * The task definition the image tests run: the one SecureFargateTask registers (run under the component tests' mocks)
 * for the twitterstream service as infra/index.ts declares it, with file delivery of its X credentials, so that both
 * images run with what ECS would get: the app and the secrets init container definitions, and the task's volumes.
 */
import type { ContainerDefinition } from "../../packages/secure-fargate-task/src/ecs/containerDefinition";
import { parseSpec, SPEC_ENV_VAR, type SecretFilesSpec } from "../../packages/secure-fargate-task/init/src/spec";
import { SECRETS } from "@twitterstream/test-kit/secrets";
import { containerDefinitions, runComponent } from "../../packages/secure-fargate-task/test/runComponent";
import { serviceHealthCheck } from "../../infra/health";
import { liveness } from "../../service/src/config";

/**
 * The service's liveness settings in the tests: a stream counts as dead after seconds, not the defaults' minutes, so
 * that a stall fails the health check within a test. The health bound is 2 × STALL_TIMEOUT_MS + the longest wait.
 */
export const SHORT_LIVENESS: Readonly<Record<string, string>> = {
  STALL_TIMEOUT_MS: "2000",
  NETWORK_BACKOFF_STEP_MS: "100",
  NETWORK_BACKOFF_MAX_MS: "1000",
  HTTP_BACKOFF_INITIAL_MS: "200",
  HTTP_BACKOFF_MAX_MS: "1000",
  RATE_LIMIT_BACKOFF_INITIAL_MS: "200",
  RATE_LIMIT_BACKOFF_MAX_MS: "1000",
  USAGE_CAP_WAIT_MS: "1000",
  RECONNECT_PAUSE_MS: "200",
};

/** The posts table's name in the tests. */
export const TABLE = "twitterStream";
/** The service's FILTER in the tests. */
export const FILTER = "climate change";

/** The task as ECS would get it: its containers and its volumes' names. */
export interface Task {
  readonly app: ContainerDefinition;
  readonly init: ContainerDefinition;
  readonly volumes: readonly string[];
  /** The init container's spec, parsed from its environment. */
  readonly spec: SecretFilesSpec;
  /** The secret values the component stored, by variable name: what the init container must write. */
  readonly secretValues: Readonly<Record<string, string>>;
}

/**
 * Registers the service's task definition under mocks. `environment` is the service's, as infra/index.ts gives it
 * (its values here point at the loopback doubles), plus {@link SHORT_LIVENESS}; the health check is infra's, for
 * those settings.
 */
export async function serviceTask(environment: Record<string, string>): Promise<Task> {
  const settings = { ...environment, ...SHORT_LIVENESS };
  const { run } = await runComponent({
    environment: settings,
    secretDelivery: "files",
    healthCheck: serviceHealthCheck(liveness(settings)),
  });
  const definitions = containerDefinitions(run) as unknown as ContainerDefinition[];
  const app = definitions.find((d) => d.essential);
  const init = definitions.find((d) => d.environment.some((e) => e.name === SPEC_ENV_VAR));
  if (app === undefined || init === undefined) throw new Error("the task has no app container or no secrets init container");
  const specValue = init.environment.find((e) => e.name === SPEC_ENV_VAR)?.value;
  const volumes = run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes as Array<{ name: string }>;
  return { app, init, volumes: volumes.map((v) => v.name), spec: parseSpec(specValue), secretValues: SECRETS };
}
