// Types of the sourcelens npm module (hand-written; they mirror eval/SCHEMA.md and src/model.rs).

/**
 * A half-open range of UTF-16 code units: `text.slice(start, end)` gives the spanned words.
 */
export interface Span {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
}

/** What kind of source an entity is. */
export type SourceType =
  | 'named_person'
  | 'named_organization'
  | 'media_outlet'
  | 'document'
  | 'social_media'
  | 'anonymous_source'
  | 'unnamed_person'
  | 'unnamed_group';

/** The sphere a source belongs to. */
export type AffiliationKind =
  | 'government'
  | 'political'
  | 'military_security'
  | 'international'
  | 'business'
  | 'academic'
  | 'civil_society'
  | 'media'
  | 'religious'
  | 'legal'
  | 'citizen'
  | 'unknown';

/**
 * How an attribution renders what was said: quoted words only (`direct`), a paraphrase
 * (`indirect`), a paraphrase with quoted fragments (`mixed`), or "according to X" (`according_to`).
 */
export type AttributionKind = 'direct' | 'indirect' | 'mixed' | 'according_to';

/** Why a highlight is there: the rule that fired and the cue it read. */
export interface Evidence {
  /** Stable name of the rule, e.g. `quote-then-cue-speaker`. */
  rule: string;
  /** A short human explanation. */
  detail: string;
  /** On attributions: the learned confidence (0 to 1) that it is right, speaker included. */
  confidence?: number;
  /** The features that confidence read (only when the engine runs with `explain`). */
  features?: string[];
}

/** One entity that at least one attribution comes from. */
export interface Source {
  /** `s1`, `s2`, ... in order of first mention. */
  id: string;
  /** Canonical name: the fullest name or description found. */
  name: string;
  /** Source type. */
  type: SourceType;
  /** True for anonymous sources, unnamed people and unnamed groups. */
  anonymous: boolean;
  /** Role or title ("lawmaker", "spokesperson"), if the text gives one. */
  role: string | null;
  /** Organisation the source belongs to, if the text says. */
  affiliation: string | null;
  /** The sphere of that affiliation. */
  affiliationKind: AffiliationKind;
  /** The phrase granting or explaining anonymity. */
  anonymityMarker: Span | null;
  /** Every mention of the source, in text order. */
  mentions: Span[];
  /** Number of attributions from this source. */
  statements: number;
  /** Number of words in those attributions' contents. */
  words: number;
  /** How the type was decided. */
  evidence?: Evidence;
}

/** One quote or reported statement. */
export interface Attribution {
  /** `a1`, `a2`, ... in text order. */
  id: string;
  /** Direct, indirect, mixed or according-to. */
  kind: AttributionKind;
  /** The id of the {@link Source} it comes from, if one was found. */
  source: string | null;
  /** What is attributed, in one or more pieces; direct quotes keep their quotation marks. */
  content: Span[];
  /** The words marking the attribution ("said", "according to"). */
  cue: Span | null;
  /** The mention of the speaker next to the cue. */
  speaker: Span | null;
  /** The rule that produced it. */
  evidence?: Evidence;
}

/** One claim that an actor pushes another to do something. */
export interface Pressure {
  /** `p1`, `p2`, ... in text order. */
  id: string;
  /** The clause that states the pressure. */
  span: Span;
  /** The pressure words. */
  cue: Span | null;
  /** Who pushes; each actor its own span. */
  pressurers: Span[];
  /** Who is pushed. */
  target: Span | null;
  /** What the target is pushed to do or not do. */
  demand: Span | null;
  /** The id of the source whose attribution contains the claim; `null` when the writer states it. */
  claimedBy: string | null;
  /** True when the text denies the pressure. */
  negated: boolean;
  /** The rule that produced it. */
  evidence?: Evidence;
}

/** Sourcing at a glance. */
export interface Summary {
  /** Number of sources. */
  sources: number;
  /** Number of attributions. */
  attributions: number;
  /** Number of sources of each type (types with none are left out). */
  sourcesByType: Partial<Record<SourceType, number>>;
  /** Attributed words by source type; unattributed statements count under `unknown`. */
  wordsByType: Partial<Record<SourceType | 'unknown', number>>;
  /** Words in all attributions' contents. */
  attributedWords: number;
  /** Words from anonymous sources. */
  anonymousWords: number;
  /** `anonymousWords / attributedWords`, 0 when nothing is attributed. */
  anonymousShare: number;
  /** Named people among the sources. */
  namedPeople: number;
  /** Unnamed people, anonymous sources and unnamed groups among the sources. */
  unnamedSources: number;
}

/** Everything sourcelens finds in one text. All spans count UTF-16 code units. */
export interface Analysis {
  /** The input's id, when it had one (command-line JSONL mode only). */
  id?: string;
  /** Version of sourcelens that made the analysis. */
  version: string;
  /** Length of the text in UTF-16 code units (`text.length`). */
  length: number;
  /** Sentences, in order. */
  sentences: Span[];
  /** Sources, in order of first mention. */
  sources: Source[];
  /** Attributions, in text order. */
  attributions: Attribution[];
  /** Claimed pressures, in text order (empty when `pressures: false`). */
  pressures: Pressure[];
  /** Counts for a summary bar. */
  summary: Summary;
}

/** Settings for one analysis. */
export interface AnalyzeOptions {
  /**
   * Largest input accepted, in bytes of UTF-8 (default 32 MiB); a longer text makes
   * `analyze` throw a `RangeError`. A non-negative integer.
   */
  maxInputBytes?: number;
  /** Find claimed pressures (default `true`). */
  pressures?: boolean;
  /** List in each attribution's `evidence.features` what its confidence read (default `false`). */
  explain?: boolean;
  /**
   * Read `"…," she said. "…"` as one attribution with two content pieces, as
   * PolNeAR annotates it, instead of an attribution followed by a follow-on
   * quotation of the same source, as GUIDE.md does (default `false`).
   */
  joinSplitQuotes?: boolean;
}

/** The bytes of a `.wasm` file. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

/**
 * A compiled `WebAssembly.Module` (resolves to `never` where the TypeScript libs in use do not
 * declare `WebAssembly`, e.g. Node-only projects without the `dom` lib).
 */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } }
  ? M
  : never;

/**
 * What `init` accepts: where the `.wasm` file is (a URL or `Request`), its bytes or response,
 * or a compiled module.
 */
export type WasmSource = string | URL | Request | Response | WasmBytes | WasmModule;

/**
 * Loads the WebAssembly module; resolves once `analyze` can be called. Without an argument
 * browsers fetch `sourcelens_bg.wasm` next to the package's generated glue, and Node reads it
 * from the package. Calling it again is harmless.
 *
 * @throws (rejects) when the `.wasm` file cannot be fetched or compiled.
 */
export default function init(input?: { module_or_path?: WasmSource | Promise<WasmSource> } | WasmSource): Promise<void>;

/** Loads the WebAssembly module synchronously from its bytes or a compiled module (in Node, with no argument, from the package). */
export function initSync(input?: { module: WasmBytes | WasmModule } | WasmBytes | WasmModule): void;

/**
 * Analyses a news text: who speaks (attributions and their sources), what kind of source each
 * is, and which pressures the text claims.
 *
 * @throws {TypeError} when `text` is not a string or `options` is malformed.
 * @throws {RangeError} when `text` is longer than `options.maxInputBytes`.
 * @throws {Error} in browsers, when called before `init()` has resolved.
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis;

/** The version of the analysis engine, e.g. `"0.1.0"`. Browsers: after `init()`. */
export function version(): string;

/** The types of marks {@link segments} reports. */
export type MarkType =
  | 'pressure'
  | 'quote'
  | 'demand'
  | 'target'
  | 'pressurer'
  | 'pressureCue'
  | 'mention'
  | 'speaker'
  | 'cue';

/** Every mark type, outermost first (the order used for marks sharing a span). */
export const MARK_TYPES: readonly MarkType[];

/** One highlighted span of an analysis. */
export interface Mark extends Span {
  /** What the span is: an attribution's `quote` (content piece), `speaker` or `cue`; a source's `mention`; a pressure or one of its parts. */
  type: MarkType;
  /** The attribution id (`a…`) for quote/speaker/cue, the source id (`s…`) for mention, the pressure id (`p…`) otherwise. */
  id: string;
  /** The source the mark belongs to: the attribution's source, the mentioned source, or the pressure's `claimedBy`. */
  source: string | null;
}

/** A mark as seen from one run of {@link segments}: its whole span is kept in `span`. */
export interface Layer {
  /** See {@link Mark.type}. */
  type: MarkType;
  /** See {@link Mark.id}. */
  id: string;
  /** See {@link Mark.source}. */
  source: string | null;
  /** The whole span of the mark (it may reach beyond this run). */
  span: Span;
}

/** A run of text with the same marks throughout. */
export interface Segment extends Span {
  /** `text.slice(start, end)`: insert it as text (e.g. `textContent`), never as HTML. */
  text: string;
  /** The marks covering the run, outermost first; empty for unmarked text. */
  layers: Layer[];
}

/** Options of {@link segments}. */
export interface SegmentsOptions {
  /** Keep only marks of these types. */
  types?: readonly MarkType[];
}

/** Lists every highlighted span of an analysis. */
export function marks(analysis: Analysis): Mark[];

/**
 * Cuts `text` into contiguous, non-overlapping runs covering it from start to end, each with
 * the marks covering it, so that a UI can render highlights as plain text nodes.
 *
 * @throws {TypeError} when the arguments are not a string and an analysis.
 * @throws {RangeError} when `analysis.length` is not `text.length` (an analysis of another text).
 */
export function segments(text: string, analysis: Analysis, options?: SegmentsOptions): Segment[];

/**
 * Analyses in a Web Worker (browsers) or a worker thread (Node); results equal {@link analyze}'s.
 * Requests are answered one at a time, in order. If the engine traps (a
 * `WebAssembly.RuntimeError`, which leaves its instance unusable), that request rejects with it
 * and the worker is replaced by a fresh one, which answers the requests still pending.
 */
export interface WorkerAnalyzer {
  /** Like {@link analyze}, off the main thread; rejects with the same error classes. */
  analyze(text: string, options?: AnalyzeOptions): Promise<Analysis>;
  /** Like {@link version}. */
  version(): Promise<string>;
  /** Stops the worker; pending and later requests reject. */
  terminate(): void;
}

/** Options of {@link createWorkerAnalyzer}. */
export interface WorkerAnalyzerOptions {
  /** Where the worker script (`js/worker-browser.js`, or `js/worker-node.js` in Node) is; default: inside the package. */
  workerUrl?: string | URL;
  /** Browsers: where `sourcelens_bg.wasm` is served; default: the package's `dist/`. */
  wasmUrl?: string | URL;
}

/**
 * Starts a worker that runs analyses off the main thread. In Node the worker thread does not
 * keep the process alive while idle.
 *
 * @throws {Error} when the platform has no workers.
 */
export function createWorkerAnalyzer(options?: WorkerAnalyzerOptions): WorkerAnalyzer;
