//! The phrase that grants or explains a source's anonymity.
//!
//! Looked for in the mention itself (`people familiar with the matter`), in
//! the clause right after it (`A source, speaking on condition of anonymity,
//! told...`, `an official who asked not to be named because they were not
//! authorized to speak publicly said`) and in a clause that ends right before
//! it (`Speaking on condition of anonymity, a senior official said`). Windows
//! are bounded and stop at the sentence end.

use super::lexicon;
use super::words::{Tok, Word, Words};
use crate::span::Span;

/// How far after a mention the clause may reach, in bytes.
pub(super) const AFTER: usize = 240;
/// How far before a mention a fronted clause may start, in bytes.
pub(super) const BEFORE: usize = 160;
/// Words that open a marker clause and belong to it.
const OPENERS: &[&str] = &["speaking", "spoke", "talking", "who", "requesting", "asking", "having", "and", "because", "but"];
/// Reporting verbs that close a marker clause.
const CLOSERS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "noted", "explained", "stated", "confirmed", "revealed",
    "stressed", "indicated", "reported", "warned", "claimed", "insisted", "argued", "that",
];
/// Single adjectives that are a marker by themselves.
const ADJECTIVES: &[&str] = &["anonymous", "unnamed", "unidentified", "well-informed"];

/// A found marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The phrase with its clause.
    pub span: Span,
    /// True when it grants anonymity (not only `close to`).
    pub strong: bool,
}

/// Moves `i` back to a char boundary of `text`.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to a char boundary of `text`.
pub fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Start of the sentence containing `pos`, looking back at most `max` bytes.
fn sentence_start(text: &str, pos: usize, max: usize) -> usize {
    let lo = floor_char(text, pos.saturating_sub(max));
    let b = text.as_bytes();
    let mut i = pos;
    while i > lo {
        let c = b[i - 1];
        if c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && b.get(i).is_some_and(|&n| n == b' ')) {
            return i;
        }
        i -= 1;
    }
    floor_char(text, lo)
}

/// End of the sentence containing `pos`, looking ahead at most `max` bytes.
fn sentence_end(text: &str, pos: usize, max: usize) -> usize {
    let hi = floor_char(text, pos + max);
    let b = text.as_bytes();
    let mut i = pos;
    while i < hi {
        let c = b[i];
        if c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && b.get(i + 1).map_or(true, |&n| n == b' ' || n == b'\n')) {
            return i;
        }
        i += 1;
    }
    hi
}

/// Phrase matches over the word tokens: (first token, one past last token, strong).
fn matches(words: &[Word]) -> Vec<(usize, usize, bool)> {
    let lx = lexicon::get();
    let idx: Vec<usize> = (0..words.len()).filter(|&i| words[i].is_word()).collect();
    let mut out = Vec::new();
    let mut p = 0;
    while p < idx.len() {
        let mut hit = None;
        if !lx.anonymity_first.contains(&words[idx[p]].key) {
            p += 1;
            continue;
        }
        for (phrase, strong) in &lx.anonymity {
            let n = phrase.len();
            if p + n <= idx.len() && (0..n).all(|q| words[idx[p + q]].key == phrase[q]) {
                // contiguous words only: no punctuation inside the phrase
                if idx[p + n - 1] - idx[p] == n - 1 {
                    hit = Some((n, *strong));
                    break;
                }
            }
        }
        match hit {
            Some((n, strong)) => {
                out.push((idx[p], idx[p + n - 1] + 1, strong));
                p += n;
            }
            None => p += 1,
        }
    }
    out
}

/// The clause around the match `a..b`: back over an opener, on to the clause end.
fn clause(words: &[Word], a: usize, b: usize, floor: usize, ceiling: usize) -> Span {
    let single = b - a == 1 && ADJECTIVES.contains(&words[a].key.as_str());
    if single {
        return words[a].span;
    }
    let mut s = a;
    for _ in 0..2 {
        if s > floor && words[s - 1].is_word() && OPENERS.contains(&words[s - 1].key.as_str()) {
            s -= 1;
        }
    }
    let mut e = b;
    while e < ceiling {
        let w = &words[e];
        let stop = !w.is_word() && w.tok != Tok::Join && w.tok != Tok::Other || CLOSERS.contains(&w.key.as_str());
        if stop {
            break;
        }
        e += 1;
    }
    Span::new(words[s].span.start, words[e - 1].span.end)
}

/// Finds the anonymity marker of one mention, if any.
pub fn find(text: &str, mention: Span) -> Option<Marker> {
    find_in(text, &Words::around(text, &[mention], BEFORE.max(AFTER)), mention)
}

/// [`find`] reading the text's tokens from `index` (made from the same `text`).
pub fn find_in(text: &str, index: &Words, mention: Span) -> Option<Marker> {
    if mention.is_empty() || mention.end > text.len() {
        return None;
    }
    let lo = sentence_start(text, mention.start, BEFORE);
    let hi = sentence_end(text, mention.end, AFTER).max(mention.end);
    let words = index.window(Span::new(lo, hi));
    let first_in = words.iter().position(|w| w.span.start >= mention.start).unwrap_or(words.len());
    let first_after = words.iter().position(|w| w.span.start >= mention.end).unwrap_or(words.len());
    let mut best: Option<Marker> = None;
    for (a, b, strong) in matches(&words) {
        let found = if a >= first_in && b <= first_after {
            // inside the mention
            Some(clause(&words, a, b, first_in, first_after))
        } else if a >= first_after {
            // after: only commas, openers and a reporting verb may stand between
            let gap = &words[first_after..a];
            let gap_words = gap.iter().filter(|w| w.is_word()).count();
            let clean = gap.iter().all(|w| {
                matches!(w.tok, Tok::Comma | Tok::Word) && !w.cap && !super::phrase::DETERMINERS.contains(&w.key.as_str())
            });
            (clean && gap_words <= 4).then(|| clause(&words, a, b, first_after, words.len()))
        } else if b <= first_in {
            // before: a fronted clause closed by a comma right before the mention
            let c = clause(&words, a, b, 0, first_in);
            let between = text.get(c.end..mention.start).unwrap_or("");
            let close = between.trim_matches(|ch: char| ch.is_whitespace() || ch == ',').is_empty() && between.contains(',');
            close.then_some(c)
        } else {
            None
        };
        if let Some(span) = found {
            let better = match best {
                None => true,
                Some(m) => strong && !m.strong,
            };
            if better {
                best = Some(Marker { span, strong });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_table() {
        // (text, mention, expected marker, strong)
        let cases: &[(&str, &str, Option<&str>, bool)] = &[
            ("A source, speaking on condition of anonymity, told the agency that talks went well.", "A source", Some("speaking on condition of anonymity"), true),
            (
                "A senior official who asked not to be named because he was not authorized to speak publicly said the plan was dead.",
                "A senior official",
                Some("who asked not to be named because he was not authorized to speak publicly"),
                true,
            ),
            ("People familiar with the matter said the deal was close.", "People familiar with the matter", Some("familiar with the matter"), true),
            ("Speaking on condition of anonymity, a diplomat said the vote would slip.", "a diplomat", Some("Speaking on condition of anonymity"), true),
            ("Sources close to the ministry said the minister would resign.", "Sources close to the ministry", Some("close to the ministry"), false),
            ("An anonymous official said no.", "An anonymous official", Some("anonymous"), true),
            ("The official said on condition of anonymity that talks had stalled.", "The official", Some("on condition of anonymity"), true),
            ("The minister said the talks went well.", "The minister", None, false),
            ("Smith said a source, speaking on condition of anonymity, confirmed it.", "Smith", None, false),
        ];
        for &(t, m, want, strong) in cases {
            let s = t.find(m).unwrap();
            let got = find(t, Span::new(s, s + m.len()));
            match want {
                None => assert_eq!(got, None, "{t:?}"),
                Some(w) => {
                    let g = got.unwrap_or_else(|| panic!("no marker in {t:?}"));
                    assert_eq!((g.span.text(t), g.strong), (w, strong), "{t:?}");
                }
            }
        }
    }
}
