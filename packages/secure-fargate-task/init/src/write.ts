import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { secretFilePath } from "./spec";

/** One file to write: its name in the target directory and its content. */
export interface FileContent {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Writing `file` (a file name, or the target directory when syncing it) failed; `cause` is the file-system error.
 * Every file of the batch has been removed.
 */
export class WriteError extends Error {
  override readonly name = "WriteError";
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`could not write ${file}`);
  }
}

/**
 * Writes every file into `targetDir`, each atomically: a temporary file in the same directory, created exclusively
 * (`wx`) with mode 0400, synced, then renamed over the final name; then the directory itself is synced, so that the
 * names survive a crash too. The files belong to the process's user. If any step fails, every file and temporary
 * file of this call is removed before the {@link WriteError} is thrown: all the files, or none.
 */
export async function writeFilesAtomically(targetDir: string, files: readonly FileContent[]): Promise<void> {
  const written: string[] = [];
  let current = targetDir;
  try {
    for (const file of files) {
      current = file.name;
      const temporary = `${targetDir}/.${file.name}.${randomBytes(8).toString("hex")}.tmp`;
      written.push(temporary);
      await writeSynced(temporary, file.bytes);
      await rename(temporary, secretFilePath(targetDir, file.name));
      written.push(secretFilePath(targetDir, file.name));
    }
    current = targetDir;
    await syncDirectory(targetDir);
  } catch (error) {
    await Promise.allSettled(written.map((path) => rm(path, { force: true })));
    await syncDirectory(targetDir).catch(() => undefined);
    throw new WriteError(current, error);
  }
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, "wx", 0o400);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
