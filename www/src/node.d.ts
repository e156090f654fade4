// Types of the Node entry: initialised synchronously at import.
export { score, scoreBatch, analyzeThread, version, Analyzer, OpenThread } from "./polso.js";
export type {
  Sentiment,
  Contribution,
  Span,
  Label,
  Lang,
  Rule,
  ScoreOptions,
  Signals,
  Cue,
  CueHit,
  ThreadComment,
  ThreadOptions,
  ThreadReport,
  ThreadWarning,
  Band,
  Tension,
  TensionComponent,
  Shape,
  Spread,
  Responsiveness,
  People,
  PersonCount,
  QuietMember,
  Mood,
  MoodBucket,
  CommentScore,
  Needs,
  Need,
  Heat,
} from "./polso.js";

/** Already initialised at import: resolves at once. Kept so browser code runs unchanged. */
export default function init(input?: unknown): Promise<void>;
export { init };
/** Already initialised at import: does nothing. */
export function initSync(module?: unknown): void;
/** Always `true` in Node. */
export function isReady(): boolean;
