//! Claimed pressures: who pushes whom to do what, and who says so (GUIDE.md §3).

use crate::findings::{FoundAttribution, FoundPressure};
use crate::span::Span;

/// Finds the claimed pressures in `text`.
///
/// `sentences` are the sentence spans in order; `attributions` are the
/// attributions already found (a pressure inside an attribution's content is
/// claimed by that attribution's source).
pub fn find(text: &str, sentences: &[Span], attributions: &[FoundAttribution]) -> Vec<FoundPressure> {
    let _ = (text, sentences, attributions);
    Vec::new()
}
