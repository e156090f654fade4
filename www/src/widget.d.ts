// Types of polso/widget: importing it registers <polso-pulse> and <polso-badge>.
import type { Sentiment, ThreadOptions, ThreadReport } from "./polso_thread.js";

/** A comment as the widget reads it (the same shape thread analytics take). */
export interface PulseComment {
  id: string;
  parentId?: string;
  author?: string;
  /** ISO 8601 date-time. */
  time?: string;
  text: string;
}

export interface PulseSummary {
  /** Mean compound score of the comments, in [−1, 1]. */
  compound: number;
  label: "pos" | "neu" | "neg";
  counts: { pos: number; neu: number; neg: number };
  /** Comments per detected language code. */
  langs: Record<string, number>;
  /** Index of the most positive and of the most negative comment. */
  best: number;
  worst: number;
}

export interface PulseAnalysis {
  comments: PulseComment[];
  results: Sentiment[];
  summary: PulseSummary | null;
  /** The thread analysis (absent with the no-thread attribute). */
  thread?: ThreadReport;
}

export declare class PolsoPulse extends HTMLElement {
  /** Overrides the wasm URL for every instance (default: polso_bg.wasm beside widget.js). */
  static wasmUrl: string | URL | undefined;
  /** The comments to analyse; setting it re-analyses. By default read from the page. */
  comments: PulseComment[];
  /** Options for the thread analysis; by default only `lang` from the analysis-lang attribute. */
  threadOptions: ThreadOptions | undefined;
  /** The last analysis, or undefined before the first. */
  readonly analysis: PulseAnalysis | undefined;
  /** Reads the comments again and re-analyses. */
  refresh(): Promise<void>;
}

export declare class PolsoBadge extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    "polso-pulse": PolsoPulse;
    "polso-badge": PolsoBadge;
  }
  interface HTMLElementEventMap {
    "polso:ready": CustomEvent<{ version: string }>;
    "polso:analysed": CustomEvent<PulseAnalysis>;
    "polso:error": CustomEvent<{ error: unknown }>;
  }
}
