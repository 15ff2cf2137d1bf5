import * as fs from "node:fs";
import * as path from "node:path";

/** This package's name, as its package.json gives it. */
const PACKAGE_NAME = "secure-fargate-task";

/**
 * The folder of this package's package.json, found by walking up from this module: the same answer from the source
 * (`src/`), from the compiled output (`dist/src/`) and from an installed copy (`node_modules/secure-fargate-task/…`), so
 * the files the component ships (the init image's build context, the rotation function's code) are found wherever it
 * runs.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: no package.json named ${PACKAGE_NAME} above ${from}`);
  }
}

/** The files this package ships and the component names at deployment, relative to the package root. */
export const SHIPPED = {
  /** The secrets init image's Docker build context. */
  initContext: "init",
  /** The rotation function's handler: plain JavaScript, zipped as is. */
  rotationHandler: path.join("src", "secrets", "rotation", "restartService.js"),
} as const;
