/** `runMode`: whether the component runs an ECS service (ecs/service.ts) or only defines the task (ecs/runTask.ts). */
import { RunMode } from "../args";
import { checkOneOf, type Reject } from "../errors";

/** Checks `runMode` against {@link RunMode}. Returns it, defaulted to `"service"`. */
export function validateRunMode(runMode: RunMode | undefined, reject: Reject): RunMode {
  return checkOneOf("runMode", runMode ?? RunMode.Service, RunMode, reject);
}
