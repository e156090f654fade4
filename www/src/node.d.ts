// Types of the Node entry: initialised synchronously at import.
export { score, scoreBatch, version, Analyzer } from "./polso.js";
export type {
  Sentiment,
  Contribution,
  Span,
  Label,
  Lang,
  Rule,
  ScoreOptions,
} from "./polso.js";

/** Already initialised at import: resolves at once. Kept so browser code runs unchanged. */
export default function init(input?: unknown): Promise<void>;
export { init };
/** Already initialised at import: does nothing. */
export function initSync(module?: unknown): void;
/** Always `true` in Node. */
export function isReady(): boolean;
