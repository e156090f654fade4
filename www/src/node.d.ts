// Types of the Node entry: the embedded wasm is compiled synchronously on the first call.
export { score, scoreBatch, version, Analyzer } from "./polso.js";
export * from "./types.js";

/** Compiles the embedded wasm now rather than on the first call. Optional and idempotent; kept so
 * browser code runs unchanged. */
export default function init(input?: unknown): Promise<void>;
export { init };
/** Compiles the embedded wasm now. Optional and idempotent. */
export function initSync(module?: unknown): void;
/** Whether the wasm has been compiled (it is on the first call). */
export function isReady(): boolean;
