//! Who claims a pressure: the source of the attribution whose content holds it.

use crate::findings::FoundAttribution;
use crate::span::Span;

/// Content pieces sorted by start, each with its attribution's source.
pub struct Claims {
    pieces: Vec<(Span, Option<usize>)>,
}

/// How many pieces before the one found are also checked (pieces may nest).
const LOOK_BACK: usize = 4;

impl Claims {
    /// Indexes the content pieces of `attributions`.
    pub fn new(attributions: &[FoundAttribution]) -> Claims {
        let mut pieces: Vec<(Span, Option<usize>)> =
            attributions.iter().flat_map(|a| a.content.iter().map(move |&c| (c, a.source))).collect();
        pieces.sort_by_key(|p| (p.0.start, std::cmp::Reverse(p.0.end)));
        Claims { pieces }
    }

    /// The source of the innermost attribution content that contains `cue`;
    /// `None` when the writer states it (or the attribution has no source).
    pub fn claimant(&self, cue: Span) -> Option<usize> {
        let n = self.pieces.partition_point(|p| p.0.start <= cue.start);
        self.pieces[n.saturating_sub(LOOK_BACK)..n]
            .iter()
            .rev()
            .find(|p| p.0.contains(cue))
            .and_then(|p| p.1)
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
            speaker: None,
            rule: "speaker-cue-clause",
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
            assert_eq!(claims.claimant(Span::new(s, e)), want, "cue {s}..{e}");
        }
    }
}
