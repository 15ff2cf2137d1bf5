/**
 * Sidecars: their arguments checked against ECS's rules and the task's other containers, defaults filled in.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
 */
import { DependencyCondition, type SidecarArgs } from "./args";
import { type RunMode } from "../args";
import type { PortMappingSettings } from "../loadBalancer/settings";
import { validatePortMappings } from "../loadBalancer/validateLoadBalancer";
import { injectableNouns, sourceOf } from "../secrets/registry";
import { validateSecretMap } from "../secrets/validateSecrets";
import { validateFollowRotation } from "../secrets/validateWithTask";
import { type Reject, show } from "../errors";
import { CONTAINER_NAME, validateEnvironment, validateUser } from "./validateContainer";
import { validateHealthCheck } from "./healthCheck";
import type { SidecarSettings } from "./settings";

/**
 * At most 10 container definitions per task definition (ECS service quota "Container definitions per task definition",
 * not adjustable). https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html
 */
export const MAX_CONTAINERS = 10;
/** Memory (MiB) a container gets at least: Docker refuses less than 6 MiB (API_ContainerDefinition `memory`). */
export const MIN_CONTAINER_MEMORY = 6;
/** A sidecar's memory when none is given (MiB). */
export const DEFAULT_SIDECAR_MEMORY = 128;
/** The longest sidecar name: its `/tmp` volume, `<name>-tmp`, must be a valid ECS volume name (255). */
const MAX_SIDECAR_NAME = 255 - "-tmp".length;

/** What checking the sidecars needs from the rest of the arguments. */
export interface SidecarContext {
  /** The app container's name. */
  containerName: string;
  /** Names of the containers the component adds (the secrets init container, the log router): never a sidecar's. */
  reservedNames: readonly string[];
  /** How many containers the task has besides the sidecars. */
  otherContainers: number;
  /** The app's user, a sidecar's default. */
  user: string;
  /** The task's CPU units and memory (MiB), and the CPU and memory the component's own containers take. */
  cpu: number;
  memory: number;
  reservedCpu: number;
  reservedMemory: number;
  /** Whether the app container has a health check (then `HEALTHY` on it is allowed). */
  appHealthCheck: boolean;
  /** The app's ports: the task's containers share one network namespace. */
  appPortMappings: readonly PortMappingSettings[];
  runMode: RunMode;
}

/** Checks the sidecars; returns them with defaults filled in, in the order given. */
export function validateSidecars(sidecars: SidecarArgs[] | undefined, ctx: SidecarContext, reject: Reject): SidecarSettings[] {
  const list = sidecars ?? [];
  if (list.length + ctx.otherContainers > MAX_CONTAINERS) {
    reject(
      "sidecars",
      `has ${list.length} containers; with the task's other ${ctx.otherContainers} that is ${list.length + ctx.otherContainers}, and a task definition holds at most ${MAX_CONTAINERS}. Remove ${list.length + ctx.otherContainers - MAX_CONTAINERS}.`,
    );
  }
  const names = new Set<string>();
  const settings = list.map((sidecar, i) => {
    const at = `sidecars[${i}]`;
    if (typeof sidecar.name !== "string" || !CONTAINER_NAME.test(sidecar.name) || sidecar.name.length > MAX_SIDECAR_NAME) {
      reject(`${at}.name`, `must be 1 to ${MAX_SIDECAR_NAME} letters, digits, hyphens or underscores: got ${show(sidecar.name)}.`);
    } else if (sidecar.name === ctx.containerName || ctx.reservedNames.includes(sidecar.name)) {
      reject(
        `${at}.name`,
        `${show(sidecar.name)} is taken by ${sidecar.name === ctx.containerName ? "the app container (`containerName`)" : "a container the component adds"}: ${[ctx.containerName, ...ctx.reservedNames].map(show).join(", ")} are reserved. Rename the sidecar.`,
      );
    } else if (names.has(sidecar.name)) {
      reject(`${at}.name`, `${show(sidecar.name)} names another sidecar too. Give each container its own name.`);
    }
    names.add(sidecar.name);
    return validateSidecar(sidecar, at, ctx, reject);
  });
  validateDependencies(settings, ctx, reject);
  validateShares(settings, ctx, reject);
  validatePorts(settings, ctx, reject);
  return settings;
}

function validateSidecar(sidecar: SidecarArgs, at: string, ctx: SidecarContext, reject: Reject): SidecarSettings {
  if (sidecar.image === undefined || sidecar.image === "") {
    reject(`${at}.image`, `is required: an image reference such as "public.ecr.aws/datadog/agent@sha256:...".`);
  }
  const command = sidecar.command;
  if (command !== undefined && (!Array.isArray(command) || command.length === 0 || command.some((c) => typeof c !== "string" || c === ""))) {
    reject(`${at}.command`, `must be a non-empty list of non-empty strings: got ${show(command)}. Leave it out to run the image's CMD.`);
  }
  const secretArgs = sidecar.secrets ?? {};
  const secrets = validateSecretMap(`${at}.secrets`, secretArgs, reject).filter((spec) => {
    const source = sourceOf(spec);
    if (!source.injectable) {
      reject(
        `${at}.secrets.${spec.name}`,
        `is ${source.noun}, which only the app's secrets init container can deliver, as a file; a sidecar's secrets are injected by ECS. Use ${injectableNouns()}.`,
      );
      return false;
    }
    validateFollowRotation(`${at}.secrets`, [spec], ctx.runMode, reject);
    return true;
  });
  const environment = sidecar.environment ?? {};
  validateEnvironment(`${at}.environment`, environment, { field: `${at}.secrets`, names: Object.keys(secretArgs) }, reject);
  const essential = sidecar.essential ?? true;
  if (typeof essential !== "boolean") reject(`${at}.essential`, `must be true or false: got ${show(essential)}.`);
  const dependsOn = (sidecar.dependsOn ?? []).map((d, j) => {
    if (!(Object.values(DependencyCondition) as string[]).includes(d.condition)) {
      reject(`${at}.dependsOn[${j}].condition`, `must be "START", "COMPLETE", "SUCCESS" or "HEALTHY": got ${show(d.condition)}.`);
    }
    return { containerName: d.containerName, condition: d.condition };
  });
  const healthCheck = sidecar.healthCheck === undefined ? undefined : validateHealthCheck(sidecar.healthCheck, `${at}.healthCheck`, reject);
  const portMappings = validatePortMappings(sidecar.portMappings, reject, `${at}.portMappings`);
  const cpu = sidecar.cpu ?? 0;
  if (!Number.isInteger(cpu) || cpu < 0) reject(`${at}.cpu`, `must be a whole number of CPU units, 0 or more: got ${show(cpu)}.`);
  const memory = sidecar.memory ?? DEFAULT_SIDECAR_MEMORY;
  if (!Number.isInteger(memory) || memory < MIN_CONTAINER_MEMORY) {
    reject(`${at}.memory`, `must be a whole number of MiB, ${MIN_CONTAINER_MEMORY} or more (Docker's minimum): got ${show(memory)}.`);
  }
  const user = sidecar.user ?? ctx.user;
  validateUser(`${at}.user`, user, reject);
  return {
    name: sidecar.name,
    image: sidecar.image,
    command: command === undefined ? undefined : [...command],
    environment,
    secrets,
    essential,
    dependsOn,
    healthCheck,
    portMappings,
    cpu,
    memory,
    user,
  };
}

/**
 * Each dependency names the app or another sidecar, with a condition that container can meet (ECS ContainerDependency:
 * `COMPLETE` and `SUCCESS` not on an essential container, `HEALTHY` only on one with a health check); no cycles.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html
 */
function validateDependencies(sidecars: readonly SidecarSettings[], ctx: SidecarContext, reject: Reject): void {
  const byName = new Map(sidecars.map((s) => [s.name, s]));
  sidecars.forEach((sidecar, i) => {
    const seen = new Set<string>();
    sidecar.dependsOn.forEach((d, j) => {
      const field = `sidecars[${i}].dependsOn[${j}]`;
      const target = byName.get(d.containerName);
      const isApp = d.containerName === ctx.containerName;
      if (d.containerName === sidecar.name) {
        reject(`${field}.containerName`, `names the sidecar itself: got ${show(d.containerName)}. A container cannot wait for itself.`);
        return;
      }
      if (!isApp && target === undefined) {
        reject(
          `${field}.containerName`,
          `names no container of the task: got ${show(d.containerName)}. Use the app's (${show(ctx.containerName)}) or another sidecar's name.`,
        );
        return;
      }
      if (seen.has(d.containerName)) reject(`${field}.containerName`, `names ${show(d.containerName)} a second time. Keep one dependency on it.`);
      seen.add(d.containerName);
      const essential = isApp || target!.essential;
      if ((d.condition === "COMPLETE" || d.condition === "SUCCESS") && essential) {
        reject(
          `${field}.condition`,
          `${show(d.condition)} waits for ${show(d.containerName)} to exit, but it is essential: its exit stops the task. Use "START" or "HEALTHY", or make that sidecar \`essential: false\`.`,
        );
      }
      if (d.condition === "HEALTHY" && !(isApp ? ctx.appHealthCheck : target!.healthCheck !== undefined)) {
        reject(
          `${field}.condition`,
          `"HEALTHY" needs a health check on ${show(d.containerName)}, which has none. Give it a \`healthCheck\`, or use "START".`,
        );
      }
    });
  });
  // A dependency on itself is reported above.
  const cycle = dependencyCycle(sidecars.map((s) => ({ name: s.name, dependsOn: s.dependsOn.filter((d) => d.containerName !== s.name) })));
  if (cycle) reject("sidecars", `have a dependency cycle: ${cycle.join(" -> ")}. ECS could start none of them; remove one of these dependencies.`);
}

/** The first cycle among the sidecars' dependencies, as a path that ends where it starts; undefined when there is none. */
export function dependencyCycle(
  sidecars: ReadonlyArray<{ name: string; dependsOn: ReadonlyArray<{ containerName: string }> }>,
): string[] | undefined {
  const edges = new Map(sidecars.map((s) => [s.name, s.dependsOn.map((d) => d.containerName)]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === "done") return undefined;
    if (state.get(name) === "visiting") return [...path.slice(path.indexOf(name)), name];
    state.set(name, "visiting");
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(name, "done");
    return undefined;
  };
  for (const s of sidecars) {
    const found = visit(s.name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The sidecars' CPU and memory come out of the task's; the app gets the rest. ECS: the containers' reservations must
 * not exceed the task's CPU and memory (API_ContainerDefinition `cpu`, `memory`), and every container needs 6 MiB.
 */
function validateShares(sidecars: readonly SidecarSettings[], ctx: SidecarContext, reject: Reject): void {
  const cpu = sidecars.reduce((sum, s) => sum + s.cpu, 0);
  if (cpu + ctx.reservedCpu >= ctx.cpu && sidecars.length > 0) {
    reject(
      "sidecars",
      `reserve ${cpu} CPU units of the task's ${ctx.cpu}${ctx.reservedCpu > 0 ? ` (the component's own containers take ${ctx.reservedCpu} more)` : ""}, leaving the app none. Lower the sidecars' \`cpu\`, or raise the task's.`,
    );
  }
  const memory = sidecars.reduce((sum, s) => sum + s.memory, 0);
  const app = ctx.memory - ctx.reservedMemory - memory;
  if (sidecars.length > 0 && app < MIN_CONTAINER_MEMORY) {
    reject(
      "sidecars",
      `reserve ${memory} MiB of the task's ${ctx.memory}${ctx.reservedMemory > 0 ? ` (of which the component's own containers take ${ctx.reservedMemory})` : ""}, leaving the app ${app} MiB; a container needs at least ${MIN_CONTAINER_MEMORY}. Lower the sidecars' \`memory\`, or raise the task's.`,
    );
  }
}

/** The task's containers share one network namespace (awsvpc): a port, or a port name, belongs to one of them. */
function validatePorts(sidecars: readonly SidecarSettings[], ctx: SidecarContext, reject: Reject): void {
  const owners = new Map<string, string>();
  const names = new Map<string, string>();
  const claim = (owner: string, field: string | undefined, m: PortMappingSettings): void => {
    const key = `${m.containerPort}/${m.protocol}`;
    const taken = owners.get(key);
    if (taken !== undefined && taken !== owner && field) {
      reject(`${field}.containerPort`, `${key} is already ${taken}'s: the task's containers share one network namespace. Use another port.`);
    }
    if (taken === undefined) owners.set(key, owner);
    if (m.name === undefined) return;
    const named = names.get(m.name);
    if (named !== undefined && named !== owner && field)
      reject(`${field}.name`, `${show(m.name)} names a port of ${named} too. Give each port its own name.`);
    if (named === undefined) names.set(m.name, owner);
  };
  for (const m of ctx.appPortMappings) claim(`the app container ${show(ctx.containerName)}`, undefined, m);
  sidecars.forEach((s, i) => s.portMappings.forEach((m, j) => claim(`sidecar ${show(s.name)}`, `sidecars[${i}].portMappings[${j}]`, m)));
}
