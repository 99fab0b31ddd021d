//! Who claims a pressure: the source of the attribution whose content holds it.

use crate::findings::FoundAttribution;
use crate::span::Span;

/// The attribution that holds a pressure: its source and its speaker mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    /// Index of the source, when linked.
    pub source: Option<usize>,
    /// The speaker mention next to the cue.
    pub speaker: Option<Span>,
}

/// Content pieces sorted by start, each with its attribution.
pub struct Claims {
    pieces: Vec<(Span, Holder)>,
}

/// How many pieces before the one found are also checked (pieces may nest).
const LOOK_BACK: usize = 4;

impl Claims {
    /// Indexes the content pieces of `attributions`.
    pub fn new(attributions: &[FoundAttribution]) -> Claims {
        let mut pieces: Vec<(Span, Holder)> = attributions
            .iter()
            .flat_map(|a| a.content.iter().map(move |&c| (c, Holder { source: a.source, speaker: a.speaker })))
            .collect();
        pieces.sort_by_key(|p| (p.0.start, std::cmp::Reverse(p.0.end)));
        Claims { pieces }
    }

    /// The innermost attribution whose content contains `cue`; `None` when
    /// the writer states it.
    pub fn holder(&self, cue: Span) -> Option<Holder> {
        let n = self.pieces.partition_point(|p| p.0.start <= cue.start);
        self.pieces[n.saturating_sub(LOOK_BACK)..n].iter().rev().find(|p| p.0.contains(cue)).map(|p| p.1)
    }

}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttributionKind;

    fn attribution(source: Option<usize>, content: &[(usize, usize)]) -> FoundAttribution {
        FoundAttribution {
            kind: AttributionKind::Indirect,
            source,
            content: content.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            cue: None,
            speaker: Some(Span::new(0, 3)),
            rule: "speaker-cue-clause",
            confidence: 1.0,
            features: Vec::new(),
        }
    }

    #[test]
    fn claimant_table() {
        let claims = Claims::new(&[
            attribution(Some(0), &[(10, 50), (80, 120)]),
            attribution(Some(1), &[(20, 30)]),
            attribution(None, &[(200, 260)]),
        ]);
        // cue, expected claimant
        let cases: &[((usize, usize), Option<usize>)] = &[
            ((12, 18), Some(0)),
            ((22, 28), Some(1)),
            ((90, 95), Some(0)),
            ((45, 55), None),
            ((60, 70), None),
            ((210, 220), None),
            ((0, 5), None),
        ];
        for &((s, e), want) in cases {
            assert_eq!(claims.holder(Span::new(s, e)).and_then(|h| h.source), want, "cue {s}..{e}");
        }
        assert_eq!(claims.holder(Span::new(210, 220)), Some(Holder { source: None, speaker: Some(Span::new(0, 3)) }));
        assert_eq!(claims.holder(Span::new(0, 5)), None);
    }
}
