declare module "dynalite" {
  import type { Server } from "node:http";

  /** Options of dynalite 4. */
  interface DynaliteOptions {
    /** Time a table stays CREATING, ms. @default 500 */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB directory; in memory when absent. */
    path?: string;
  }

  /** Creates a DynamoDB-compatible HTTP server (not yet listening). */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
