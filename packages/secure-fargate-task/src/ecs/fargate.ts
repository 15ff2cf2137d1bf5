import type { ImagePlatform } from "../image/args";

/**
 * Fargate task sizes: the CPU / memory pairs AWS offers.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */

/** Memory values (MiB) Fargate accepts for each CPU value (CPU units, 1024 = 1 vCPU). */
const MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/** The CPU values Fargate offers, ascending. */
export const FARGATE_CPU_VALUES: readonly number[] = [...MEMORY_BY_CPU.keys()];

/** The memory values (MiB) Fargate offers with `cpu`, or an empty list when `cpu` is not a Fargate CPU value. */
export function fargateMemoryValues(cpu: number): readonly number[] {
  return MEMORY_BY_CPU.get(cpu) ?? [];
}

/** Whether Fargate offers this CPU / memory pair. */
export function isFargateSize(cpu: number, memory: number): boolean {
  return fargateMemoryValues(cpu).includes(memory);
}

/** The smallest Fargate CPU value that offers `memory`, if any: used to suggest a fix. */
export function cpuForMemory(memory: number): number | undefined {
  return FARGATE_CPU_VALUES.find((cpu) => fargateMemoryValues(cpu).includes(memory));
}

/** The Fargate CPU architecture each Docker platform needs. */
export const PLATFORM_ARCHITECTURE: Readonly<Record<ImagePlatform, "X86_64" | "ARM64">> = {
  "linux/amd64": "X86_64",
  "linux/arm64": "ARM64",
};
