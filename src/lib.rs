//! # sourcelens
//!
//! Finds who is speaking in a news story: every quote and reported statement,
//! linked to its speaker across all mentions; what kind of source each is; and
//! which pressures the story claims (who pushes whom to do what, and who says so).
//!
//! The analysis core is plain Rust over `&str` and knows nothing of
//! WebAssembly. It works in byte offsets and converts them to UTF-16 code
//! units once, when it builds the [`Analysis`] (the JSON contract shared by
//! the page, the npm module, the command line and the scorer).
//!
//! ```
//! let text = "\"We will not back down,\" the minister said on Monday.";
//! let analysis = sourcelens::analyze(text);
//! assert_eq!(analysis.attributions.len(), 1);
//! let speaker = analysis.attributions[0].speaker.unwrap();
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16_lossy(&utf16[speaker.start..speaker.end]), "the minister");
//! ```

#![warn(missing_docs)]

pub mod attribution;
pub mod confidence;
pub mod coref;
pub mod findings;
pub mod lexicon;
pub mod quotes;
pub mod sentences;
pub mod speakers;
pub mod tokens;
pub mod jsonl;
pub mod model;
pub mod rules;
pub mod span;
pub mod utf16;

pub mod pipeline;
pub mod pressures;
pub mod sourcetypes;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{Analysis, Attribution, AttributionKind, AffiliationKind, Evidence, Pressure, Source, SourceType, Summary, Utf16Span};

/// The crate version, as reported by `version()` in JavaScript and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Default largest input accepted by [`analyze_with`]: 32 MiB of UTF-8.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Settings for one analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Largest input accepted, in bytes of UTF-8; larger input is an [`Error::InputTooLarge`].
    pub max_input_bytes: usize,
    /// Find claimed pressures (on by default).
    pub pressures: bool,
    /// Drop attributions under the learned confidence threshold (on by default;
    /// off keeps every candidate the rules propose, as training needs).
    pub confidence_gate: bool,
    /// List in each attribution's evidence the features its confidence read.
    pub explain: bool,
    /// Join a quotation that opens the sentence right after `"…," he said.`
    /// to that attribution as its second piece, as PolNeAR and most
    /// newsrooms read it. Off by default: GUIDE.md §1 (and the seed's
    /// annotation) make it a follow-on attribution of its own.
    pub join_split_quotes: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_input_bytes: DEFAULT_MAX_INPUT_BYTES, pressures: true, confidence_gate: true, explain: false, join_split_quotes: false }
    }
}

/// Why an analysis was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The text is longer than [`Options::max_input_bytes`].
    InputTooLarge {
        /// Size of the text in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InputTooLarge { size, limit } => {
                write!(f, "input is {size} bytes, larger than the limit of {limit} bytes (raise maxInputBytes to analyse it)")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Analyses `text` with default options and no size limit.
pub fn analyze(text: &str) -> Analysis {
    pipeline::run(text, &Options { max_input_bytes: usize::MAX, ..Options::default() }).into_analysis(text)
}

/// Analyses `text` with `options`, refusing input over the size limit.
pub fn analyze_with(text: &str, options: &Options) -> Result<Analysis, Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { size: text.len(), limit: options.max_input_bytes });
    }
    Ok(pipeline::run(text, options).into_analysis(text))
}
