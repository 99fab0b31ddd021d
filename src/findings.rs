//! What the engine finds, in byte offsets, before the edge conversion.
//!
//! The stages fill a [`Findings`]; [`Findings::into_analysis`] turns it into
//! the public [`Analysis`] with one UTF-16 table.

use crate::model::{
    AffiliationKind, Analysis, Attribution, AttributionKind, Evidence, Pressure, Source, SourceType, Summary,
};
use crate::span::Span;
use crate::utf16::Utf16Map;
use std::collections::BTreeMap;

/// A source found by the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundSource {
    /// Canonical name.
    pub name: String,
    /// Source type.
    pub source_type: SourceType,
    /// Role or title.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Sphere of the affiliation.
    pub affiliation_kind: AffiliationKind,
    /// Phrase granting anonymity.
    pub anonymity_marker: Option<Span>,
    /// All mentions, sorted.
    pub mentions: Vec<Span>,
    /// The typing rule.
    pub type_rule: &'static str,
}

/// An attribution found by the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundAttribution {
    /// Kind.
    pub kind: AttributionKind,
    /// Index into [`Findings::sources`].
    pub source: Option<usize>,
    /// Content pieces, sorted.
    pub content: Vec<Span>,
    /// Cue.
    pub cue: Option<Span>,
    /// Speaker mention.
    pub speaker: Option<Span>,
    /// Stable rule name.
    pub rule: &'static str,
    /// The learned confidence ([`crate::confidence`]).
    pub confidence: f32,
    /// The features it read (only with [`crate::Options::explain`]).
    pub features: Vec<String>,
}

/// A claimed pressure found by the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPressure {
    /// The clause.
    pub span: Span,
    /// The pressure words.
    pub cue: Option<Span>,
    /// Who pushes.
    pub pressurers: Vec<Span>,
    /// Who is pushed.
    pub target: Option<Span>,
    /// What is demanded.
    pub demand: Option<Span>,
    /// Index of the claiming source; `None` for the writer.
    pub claimed_by: Option<usize>,
    /// Denied pressure.
    pub negated: bool,
    /// Stable rule name.
    pub rule: &'static str,
}

/// Everything the engine found in one text, in byte offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Sources.
    pub sources: Vec<FoundSource>,
    /// Attributions.
    pub attributions: Vec<FoundAttribution>,
    /// Pressures.
    pub pressures: Vec<FoundPressure>,
}

/// Counts words (runs of alphanumeric characters) in the spans.
pub fn count_words(text: &str, spans: &[Span]) -> usize {
    spans
        .iter()
        .map(|s| {
            let mut n = 0;
            let mut in_word = false;
            for c in s.text(text).chars() {
                let w = c.is_alphanumeric();
                if w && !in_word {
                    n += 1;
                }
                in_word = w || (in_word && (c == '\'' || c == '’' || c == '-'));
            }
            n
        })
        .sum()
}

fn evidence(rule: &str, detail: String) -> Option<Evidence> {
    Some(Evidence { rule: rule.to_string(), detail, confidence: None, features: Vec::new() })
}

fn describe(text: &str, a: &FoundAttribution) -> String {
    let cue = a.cue.map(|c| c.text(text));
    let who = a.speaker.map(|c| c.text(text));
    let rule = crate::rules::describe(a.rule);
    match (cue, who) {
        (Some(c), Some(w)) => format!("{rule}: cue \u{201c}{c}\u{201d}, speaker \u{201c}{w}\u{201d}"),
        (Some(c), None) => format!("{rule}: cue \u{201c}{c}\u{201d}"),
        _ => rule.to_string(),
    }
}

impl Findings {
    /// Converts to the public analysis, mapping every byte span to UTF-16 once.
    pub fn into_analysis(self, text: &str) -> Analysis {
        let map = Utf16Map::new(text);
        let sid = |i: usize| format!("s{}", i + 1);
        let mut statements = vec![0usize; self.sources.len()];
        let mut words = vec![0usize; self.sources.len()];
        let mut summary = Summary::default();
        for a in &self.attributions {
            let w = count_words(text, &a.content);
            summary.attributed_words += w;
            match a.source {
                Some(i) => {
                    statements[i] += 1;
                    words[i] += w;
                    let st = self.sources[i].source_type;
                    *summary.words_by_type.entry(st.as_str().to_string()).or_default() += w;
                    if st.is_anonymous() {
                        summary.anonymous_words += w;
                    }
                }
                None => *summary.words_by_type.entry("unknown".to_string()).or_default() += w,
            }
        }
        let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
        for s in &self.sources {
            *by_type.entry(s.source_type.as_str().to_string()).or_default() += 1;
            if s.source_type == SourceType::NamedPerson {
                summary.named_people += 1;
            }
            if s.source_type.is_anonymous() {
                summary.unnamed_sources += 1;
            }
        }
        summary.sources = self.sources.len();
        summary.attributions = self.attributions.len();
        summary.sources_by_type = by_type;
        summary.anonymous_share =
            if summary.attributed_words == 0 { 0.0 } else { summary.anonymous_words as f64 / summary.attributed_words as f64 };

        let sources = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| Source {
                id: sid(i),
                name: s.name.clone(),
                source_type: s.source_type,
                anonymous: s.source_type.is_anonymous(),
                role: s.role.clone(),
                affiliation: s.affiliation.clone(),
                affiliation_kind: s.affiliation_kind,
                anonymity_marker: s.anonymity_marker.map(|m| map.span(m)),
                mentions: s.mentions.iter().map(|&m| map.span(m)).collect(),
                statements: statements[i],
                words: words[i],
                evidence: evidence(s.type_rule, crate::rules::describe(s.type_rule).to_string()),
            })
            .collect();
        let attributions = self
            .attributions
            .iter()
            .enumerate()
            .map(|(i, a)| Attribution {
                id: format!("a{}", i + 1),
                kind: a.kind,
                source: a.source.map(sid),
                content: a.content.iter().map(|&c| map.span(c)).collect(),
                cue: a.cue.map(|c| map.span(c)),
                speaker: a.speaker.map(|c| map.span(c)),
                evidence: Some(Evidence {
                    rule: a.rule.to_string(),
                    detail: describe(text, a),
                    // two decimals: the model is not finer than that
                    confidence: Some((f64::from(a.confidence) * 100.0).round() / 100.0),
                    features: a.features.clone(),
                }),
            })
            .collect();
        let pressures = self
            .pressures
            .iter()
            .enumerate()
            .map(|(i, p)| Pressure {
                id: format!("p{}", i + 1),
                span: map.span(p.span),
                cue: p.cue.map(|c| map.span(c)),
                pressurers: p.pressurers.iter().map(|&c| map.span(c)).collect(),
                target: p.target.map(|c| map.span(c)),
                demand: p.demand.map(|c| map.span(c)),
                claimed_by: p.claimed_by.map(sid),
                negated: p.negated,
                evidence: evidence(p.rule, crate::rules::describe(p.rule).to_string()),
            })
            .collect();
        Analysis {
            id: None,
            version: crate::VERSION.to_string(),
            length: map.total(),
            sentences: self.sentences.iter().map(|&s| map.span(s)).collect(),
            sources,
            attributions,
            pressures,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts() {
        let cases: &[(&str, usize)] = &[("", 0), ("one", 1), ("Syria’s new-found calm, 2024", 4), ("“a b”", 2)];
        for &(t, n) in cases {
            assert_eq!(count_words(t, &[Span::new(0, t.len())]), n, "{t:?}");
        }
    }
}
