// Types of scripts/mocha-timeouts.cjs for the TypeScript tests that scale their own waits the same way.
import type { Runner } from "mocha";

/** How many times slower than quiet the machine is now: the load per core, at least 1. */
export function loadFactor(load?: number, cores?: number): number;
/** The limit for a runnable that declares `declaredMs` (0: none), at this load factor. */
export function scaledTimeout(declaredMs: number, factor: number): number;
/** Scales the limit of every test and hook of `runner` when it starts; rewrites their timeout errors. */
export function scaleTimeouts(runner: Runner, factorNow?: () => number): void;
/** The message of a timeout error: how long the runnable ran, and where its limit came from. */
export function timeoutMessage(limitMs: number, declaredMs: number, factor: number, original: string): string;
