//! The output invariants every analysis must satisfy, whatever the text.
//!
//! Shared by the proptest suite (`tests/invariants.rs`), the hostile-input
//! tests (`tests/hostile.rs`) and the fuzz targets (`fuzz/fuzz_targets/*`,
//! which include this file by path). Every check works in one pass or a sort,
//! so it stays linear on multi-megabyte inputs.
//!
//! [`check`] returns the first violation as a sentence naming the field, so a
//! failing proptest or fuzz case says what broke, not only that it broke.

#![allow(dead_code)]

use sourcelens::{Analysis, Utf16Span};

/// The text as JavaScript sees it: UTF-16 code units, and for every UTF-16
/// offset the byte offset it stands for (`None` between the two halves of a
/// surrogate pair, which is not a character boundary).
pub struct Utf16Text<'a> {
    text: &'a str,
    units: Vec<u16>,
    byte_at: Vec<Option<usize>>,
}

impl<'a> Utf16Text<'a> {
    /// Encodes `text` independently of the library's own offset table.
    pub fn new(text: &'a str) -> Utf16Text<'a> {
        let mut units = Vec::with_capacity(text.len());
        let mut byte_at = Vec::with_capacity(text.len() + 1);
        let mut buf = [0u16; 2];
        for (i, c) in text.char_indices() {
            let enc = c.encode_utf16(&mut buf);
            byte_at.push(Some(i));
            if enc.len() == 2 {
                byte_at.push(None);
            }
            units.extend_from_slice(enc);
        }
        byte_at.push(Some(text.len()));
        Utf16Text { text, units, byte_at }
    }

    /// Length in UTF-16 code units (JavaScript's `text.length`).
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// What JavaScript's `text.slice(start, end)` returns, as Rust text, or
    /// why the span is not a valid slice of whole characters.
    pub fn slice(&self, span: Utf16Span) -> Result<&'a str, String> {
        if span.start > span.end {
            return Err(format!("start {} after end {}", span.start, span.end));
        }
        if span.end > self.len() {
            return Err(format!("end {} beyond the text's {} code units", span.end, self.len()));
        }
        let (Some(b0), Some(b1)) = (self.byte_at[span.start], self.byte_at[span.end]) else {
            return Err(format!("{}..{} splits a surrogate pair", span.start, span.end));
        };
        let rust = &self.text[b0..b1];
        // The JavaScript view of the same code units must decode to the same text.
        if !rust.encode_utf16().eq(self.units[span.start..span.end].iter().copied()) {
            return Err(format!("{}..{}: UTF-16 slice differs from the byte slice", span.start, span.end));
        }
        Ok(rust)
    }
}

/// Invariants known to be broken by the engine, by name, with the ignored
/// regression test in `tests/hostile.rs` that still checks each. [`check`]
/// skips them so that proptest and the fuzzers keep looking for new bugs;
/// [`check_strict`] does not. Empty this list when the owner fixes the bug.
pub const OPEN_BUGS: &[(&str, &str)] = &[];

/// Checks every invariant of `analysis` against the `text` it was made from,
/// except the [`OPEN_BUGS`].
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let skip: Vec<&str> = OPEN_BUGS.iter().map(|b| b.0).collect();
    check_except(text, analysis, &skip)
}

/// Checks every invariant, the [`OPEN_BUGS`] included.
pub fn check_strict(text: &str, analysis: &Analysis) -> Result<(), String> {
    check_except(text, analysis, &[])
}

/// Checks every invariant but those named in `skip`.
pub fn check_except(text: &str, analysis: &Analysis, skip: &[&str]) -> Result<(), String> {
    let t = Utf16Text::new(text);
    if analysis.length != t.len() {
        return Err(format!("length is {}, the text has {} UTF-16 code units", analysis.length, t.len()));
    }
    if analysis.version != sourcelens::VERSION {
        return Err(format!("version {:?} is not the crate's {:?}", analysis.version, sourcelens::VERSION));
    }
    check_spans(&t, analysis)?;
    check_ids(analysis)?;
    check_sentences(analysis)?;
    check_attributions(analysis)?;
    check_sources(analysis, !skip.contains(&"speaker-in-mentions"))?;
    check_pressures(analysis)?;
    check_summary(analysis)?;
    check_evidence(analysis)?;
    Ok(())
}

/// Every span the analysis carries, with a name saying where it sits.
pub fn labelled_spans(a: &Analysis) -> Vec<(String, Utf16Span)> {
    let mut out = Vec::new();
    for (i, s) in a.sentences.iter().enumerate() {
        out.push((format!("sentences[{i}]"), *s));
    }
    for s in &a.sources {
        for (j, m) in s.mentions.iter().enumerate() {
            out.push((format!("{}.mentions[{j}]", s.id), *m));
        }
        if let Some(m) = s.anonymity_marker {
            out.push((format!("{}.anonymityMarker", s.id), m));
        }
    }
    for at in &a.attributions {
        for (j, c) in at.content.iter().enumerate() {
            out.push((format!("{}.content[{j}]", at.id), *c));
        }
        if let Some(c) = at.cue {
            out.push((format!("{}.cue", at.id), c));
        }
        if let Some(c) = at.speaker {
            out.push((format!("{}.speaker", at.id), c));
        }
    }
    for p in &a.pressures {
        out.push((format!("{}.span", p.id), p.span));
        for (j, c) in p.pressurers.iter().enumerate() {
            out.push((format!("{}.pressurers[{j}]", p.id), *c));
        }
        for (name, s) in [("cue", p.cue), ("target", p.target), ("demand", p.demand)] {
            if let Some(s) = s {
                out.push((format!("{}.{name}", p.id), s));
            }
        }
    }
    out
}

/// Spans lie inside the text, on character boundaries, cover something, and
/// do not start or end on white space.
fn check_spans(t: &Utf16Text, a: &Analysis) -> Result<(), String> {
    for (label, span) in labelled_spans(a) {
        let s = t.slice(span).map_err(|e| format!("{label}: {e}"))?;
        if s.is_empty() {
            return Err(format!("{label}: empty span at {}", span.start));
        }
        if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
            return Err(format!("{label}: {s:?} is not trimmed"));
        }
    }
    Ok(())
}

/// Ids are `s1, s2, ...`, `a1, a2, ...`, `p1, p2, ...` in order.
fn check_ids(a: &Analysis) -> Result<(), String> {
    let sequences: [(&str, Vec<&str>); 3] = [
        ("s", a.sources.iter().map(|s| s.id.as_str()).collect()),
        ("a", a.attributions.iter().map(|s| s.id.as_str()).collect()),
        ("p", a.pressures.iter().map(|s| s.id.as_str()).collect()),
    ];
    for (prefix, ids) in sequences {
        for (i, id) in ids.iter().enumerate() {
            if *id != format!("{prefix}{}", i + 1) {
                return Err(format!("id {id:?} in position {i}, expected {prefix}{}", i + 1));
            }
        }
    }
    Ok(())
}

/// Spans sorted by start and pairwise disjoint.
fn sorted_disjoint(label: &str, spans: &[Utf16Span]) -> Result<(), String> {
    for w in spans.windows(2) {
        if w[1].start < w[0].end {
            return Err(format!("{label}: {:?} and {:?} overlap or are out of order", w[0], w[1]));
        }
    }
    Ok(())
}

fn check_sentences(a: &Analysis) -> Result<(), String> {
    sorted_disjoint("sentences", &a.sentences)
}

/// Contents are pieces in order, no piece overlaps its own cue, no two
/// attributions share a character, attributions come in text order, and
/// every referenced source exists.
fn check_attributions(a: &Analysis) -> Result<(), String> {
    let mut pieces: Vec<(Utf16Span, usize)> = Vec::new();
    let mut last_start = 0;
    for (i, at) in a.attributions.iter().enumerate() {
        if at.content.is_empty() {
            return Err(format!("{}: no content", at.id));
        }
        sorted_disjoint(&format!("{}.content", at.id), &at.content)?;
        if let Some(cue) = at.cue {
            if let Some(c) = at.content.iter().find(|c| overlaps(**c, cue)) {
                return Err(format!("{}: content {:?} includes its own cue {:?}", at.id, c, cue));
            }
        }
        if let Some(src) = &at.source {
            if !a.sources.iter().any(|s| &s.id == src) {
                return Err(format!("{}: source {src:?} does not exist", at.id));
            }
        }
        if at.content[0].start < last_start {
            return Err(format!("{}: starts at {}, before the previous attribution", at.id, at.content[0].start));
        }
        last_start = at.content[0].start;
        pieces.extend(at.content.iter().map(|&c| (c, i)));
    }
    pieces.sort();
    for w in pieces.windows(2) {
        if overlaps(w[0].0, w[1].0) {
            let (x, y) = (&a.attributions[w[0].1].id, &a.attributions[w[1].1].id);
            return Err(format!("contents of {x} {:?} and {y} {:?} overlap", w[0].0, w[1].0));
        }
    }
    Ok(())
}

/// Every source has an attribution (GUIDE.md §2), its counts agree, its
/// mentions are in order and include the speaker mention of each of its
/// attributions; sources come in order of first mention.
fn check_sources(a: &Analysis, speaker_in_mentions: bool) -> Result<(), String> {
    let mut statements = vec![0usize; a.sources.len()];
    for at in &a.attributions {
        let Some(src) = &at.source else { continue };
        let Some(k) = a.sources.iter().position(|s| &s.id == src) else { continue };
        statements[k] += 1;
        if let Some(sp) = at.speaker.filter(|_| speaker_in_mentions) {
            if a.sources[k].mentions.binary_search(&sp).is_err() {
                return Err(format!("{}: speaker {:?} is not among the mentions of {src}", at.id, sp));
            }
        }
    }
    let mut last_first = 0;
    for (k, s) in a.sources.iter().enumerate() {
        if s.statements != statements[k] || s.statements == 0 {
            return Err(format!("{}: statements {} but {} attributions name it", s.id, s.statements, statements[k]));
        }
        if s.anonymous != s.source_type.is_anonymous() {
            return Err(format!("{}: anonymous {} disagrees with type {:?}", s.id, s.anonymous, s.source_type));
        }
        if s.name.trim().is_empty() {
            return Err(format!("{}: blank name", s.id));
        }
        if s.mentions.is_empty() {
            return Err(format!("{}: no mentions", s.id));
        }
        for w in s.mentions.windows(2) {
            if w[1] <= w[0] {
                return Err(format!("{}: mentions {:?}, {:?} out of order or repeated", s.id, w[0], w[1]));
            }
        }
        if s.mentions[0].start < last_first {
            return Err(format!("{}: first mentioned at {}, before the previous source", s.id, s.mentions[0].start));
        }
        last_first = s.mentions[0].start;
    }
    Ok(())
}

/// Pressures in text order; `claimedBy` names an existing source.
fn check_pressures(a: &Analysis) -> Result<(), String> {
    let mut last = 0;
    for p in &a.pressures {
        if let Some(src) = &p.claimed_by {
            if !a.sources.iter().any(|s| &s.id == src) {
                return Err(format!("{}: claimedBy {src:?} does not exist", p.id));
            }
        }
        if p.span.start < last {
            return Err(format!("{}: starts at {}, before the previous pressure", p.id, p.span.start));
        }
        last = p.span.start;
    }
    Ok(())
}

/// The summary counts what the lists hold.
fn check_summary(a: &Analysis) -> Result<(), String> {
    let s = &a.summary;
    let sum_by_type: usize = s.sources_by_type.values().sum();
    let words_by_type: usize = s.words_by_type.values().sum();
    let problems = [
        (s.sources != a.sources.len(), "sources"),
        (s.attributions != a.attributions.len(), "attributions"),
        (sum_by_type != a.sources.len(), "sourcesByType"),
        (words_by_type != s.attributed_words, "wordsByType"),
        (s.anonymous_words > s.attributed_words, "anonymousWords"),
        (!(0.0..=1.0).contains(&s.anonymous_share), "anonymousShare"),
        (s.named_people + s.unnamed_sources > a.sources.len(), "namedPeople + unnamedSources"),
    ];
    match problems.iter().find(|p| p.0) {
        Some((_, field)) => Err(format!("summary.{field} disagrees with the lists: {s:?}")),
        None => Ok(()),
    }
}

/// Every evidence names a rule listed in `rules::RULES`.
fn check_evidence(a: &Analysis) -> Result<(), String> {
    let known = |rule: &str| sourcelens::rules::RULES.iter().any(|(n, _)| *n == rule);
    let all = a
        .sources
        .iter()
        .map(|s| (&s.id, &s.evidence))
        .chain(a.attributions.iter().map(|x| (&x.id, &x.evidence)))
        .chain(a.pressures.iter().map(|x| (&x.id, &x.evidence)));
    for (id, ev) in all {
        if let Some(ev) = ev {
            if !known(&ev.rule) {
                return Err(format!("{id}: evidence names unknown rule {:?}", ev.rule));
            }
        }
    }
    Ok(())
}

/// True when the two spans share a code unit.
pub fn overlaps(a: Utf16Span, b: Utf16Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Largest serialized analysis accepted for a text of `bytes` bytes: output
/// must grow linearly with the input, never with its square.
pub fn json_budget(bytes: usize) -> usize {
    64 * bytes + 16 * 1024
}

/// Checks that `analysis` serializes within [`json_budget`] and returns the JSON.
pub fn check_output_size(text: &str, analysis: &Analysis) -> Result<String, String> {
    let json = serde_json::to_string(analysis).map_err(|e| format!("does not serialize: {e}"))?;
    if json.len() > json_budget(text.len()) {
        return Err(format!("{} bytes of JSON for {} bytes of text (budget {})", json.len(), text.len(), json_budget(text.len())));
    }
    Ok(json)
}

/// Runs the analysis twice and checks determinism, invariants (but the
/// [`OPEN_BUGS`]) and output size.
pub fn analyze_checked(text: &str) -> Result<Analysis, String> {
    analyze_checked_with(text, check)
}

/// [`analyze_checked`] with the [`OPEN_BUGS`] checked too.
pub fn analyze_checked_strict(text: &str) -> Result<Analysis, String> {
    analyze_checked_with(text, check_strict)
}

fn analyze_checked_with(text: &str, check: fn(&str, &Analysis) -> Result<(), String>) -> Result<Analysis, String> {
    let a = sourcelens::analyze(text);
    check(text, &a)?;
    let json = check_output_size(text, &a)?;
    let again = serde_json::to_string(&sourcelens::analyze(text)).map_err(|e| e.to_string())?;
    if json != again {
        return Err("the same text gave two different analyses".to_string());
    }
    Ok(a)
}
