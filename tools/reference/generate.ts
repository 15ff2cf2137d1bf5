/** The reference as the generator writes it now: reads the package's schema and sources, runs every configuration. */
import * as fs from "node:fs";
import * as path from "node:path";
import { captureAll } from "./capture";
import { componentDefaults } from "./defaults";
import { DEFAULT_OPTION, OPTIONS } from "./options";
import { referenceDoc } from "./render";
import type { Schema } from "./schemaDoc";

/** The reference of the package at `packageDir` (its `schema.json` and `src/`). */
export async function generateReference(packageDir: string): Promise<string> {
  const schema = JSON.parse(fs.readFileSync(path.join(packageDir, "schema.json"), "utf8")) as Schema;
  const captures = await captureAll([DEFAULT_OPTION, ...OPTIONS]);
  return `${referenceDoc(schema, componentDefaults(path.join(packageDir, "src")), captures)}\n`;
}
