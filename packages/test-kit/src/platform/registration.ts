import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/**
 * What the engine receives for each resource, beyond what the mocks' `newResource` sees: the serialized properties as
 * sent (the mocks replace an archive's file assets with `{assets: {}}` before `newResource`, so a wrong path would pass
 * them and fail `pulumi up`) and the resource options that decide how a replacement runs.
 */
export interface Registration {
  type: string;
  name: string;
  /** The properties as the SDK serialized them: assets and archives keep their paths. */
  serialized: Record<string, unknown>;
  deleteBeforeReplace: boolean;
  /** Whether the program set `deleteBeforeReplace` (else the provider decides). */
  deleteBeforeReplaceDefined: boolean;
  /** The parent's URN ("" for none). */
  parent: string;
  /** URNs of the resources it depends on (`dependsOn` and the resources its inputs come from). */
  dependencies: string[];
  /** Inputs whose drift the engine ignores (`ignoreChanges`). */
  ignoreChanges: string[];
  /** Inputs whose change replaces the resource, whatever its provider says (`replaceOnChanges`). */
  replaceOnChanges: string[];
}

/** The shape of the register request the SDK sends the (mock) monitor, as far as we read it. */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getParent(): string;
  getDependenciesList(): string[];
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
}

type RegisterResource = (req: RegisterRequest, callback: (...args: unknown[]) => void) => unknown;

/** Records every registration the current mock monitor receives; call right after `setMocks`. */
export function recordRegistrations(into: Registration[]): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: RegisterResource };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    into.push({
      type: req.getType(),
      name: req.getName(),
      serialized: req.getObject()?.toJavaScript() ?? {},
      deleteBeforeReplace: req.getDeletebeforereplace(),
      deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
      parent: req.getParent(),
      dependencies: req.getDependenciesList(),
      ignoreChanges: req.getIgnorechangesList(),
      replaceOnChanges: req.getReplaceonchangesList(),
    });
    return register(req, callback);
  };
}

const SIG = pulumi.runtime.specialSigKey;
const FILE_SIGS = new Set([pulumi.runtime.specialAssetSig, pulumi.runtime.specialArchiveSig]);

/**
 * Every file and folder a registration names that does not exist where `pulumi up` would look (relative paths from
 * the working directory): file assets and file archives anywhere in the properties, and a Docker image's build context
 * and Dockerfile, which @pulumi/docker's `Check` refuses when they are missing (pulumi/pulumi-docker provider.go).
 */
export function missingFiles(registrations: readonly Registration[], cwd = process.cwd()): string[] {
  const missing: string[] = [];
  const exists = (p: string, kind: "file" | "directory" | "any"): boolean => {
    const stat = fs.statSync(path.resolve(cwd, p), { throwIfNoEntry: false });
    return stat !== undefined && (kind === "any" || (kind === "file" ? stat.isFile() : stat.isDirectory()));
  };
  for (const r of registrations) {
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
      if (value === null || typeof value !== "object") return;
      const record = value as Record<string, unknown>;
      if (FILE_SIGS.has(String(record[SIG])) && typeof record.path === "string" && !exists(record.path, "any")) {
        missing.push(`${r.type} ${r.name} ${at}: ${record.path} does not exist`);
      }
      for (const [k, v] of Object.entries(record)) walk(v, at ? `${at}.${k}` : k);
    };
    walk(r.serialized, "");
    if (r.type === "docker:index/image:Image") {
      const build = (r.serialized.build ?? {}) as Record<string, unknown>;
      if (typeof build.context === "string" && !exists(build.context, "directory"))
        missing.push(`${r.type} ${r.name} build.context: ${build.context} is not a directory`);
      if (typeof build.dockerfile === "string" && !exists(build.dockerfile, "file"))
        missing.push(`${r.type} ${r.name} build.dockerfile: ${build.dockerfile} is not a file`);
    }
  }
  return missing;
}
