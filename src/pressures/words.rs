//! The text as lower-case words over the crate's tokens, cut into clauses.
//!
//! Every rule of the pressure finder reads [`Words`]: token `i`'s lower-case
//! text, whether it is a word, and the byte span of a run of tokens. Windows
//! are token ranges inside one clause, so no rule looks past a sentence end.

use super::lexicon;
use crate::lexicon::Lowered;
use crate::span::Span;
use crate::tokens::{Kind, Token};
use std::borrow::Cow;
use std::ops::Range;

/// The tokens of a text with their lower-case forms.
pub struct Words<'t> {
    text: &'t str,
    toks: Cow<'t, [Token]>,
    lower: Lowered,
}

impl<'t> Words<'t> {
    /// Tokenizes `text`.
    #[cfg(test)]
    pub fn new(text: &'t str) -> Words<'t> {
        let toks = crate::tokens::tokenize(text);
        let lower = Lowered::every(text, &toks);
        Words { text, toks: Cow::Owned(toks), lower }
    }

    /// Reads the tokens the pipeline already made of `text`.
    pub fn from_tokens(text: &'t str, toks: &'t [Token]) -> Words<'t> {
        Words { text, toks: Cow::Borrowed(toks), lower: Lowered::every(text, toks) }
    }

    /// Number of tokens.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The lower-case text of token `i` (`'` for `’`); empty past the end.
    pub fn w(&self, i: usize) -> &str {
        if i < self.lower.len() {
            self.lower.get(i)
        } else {
            ""
        }
    }

    /// True when token `i` is a word or number.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_wordlike())
    }

    /// True when token `i` is a word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
    }

    /// True when token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Quote(_)))
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(self.text, c))
    }

    /// True when token `i` is in the pressure section `section`.
    pub fn is(&self, i: usize, section: &str) -> bool {
        self.is_word(i) && lexicon::get().is(section, self.w(i))
    }

    /// True when token `i` is in the shared grammar section `section`.
    pub fn is_grammar(&self, i: usize, section: &str) -> bool {
        self.is_word(i) && crate::lexicon::get().is(section, self.w(i))
    }

    /// True for a possessive word: "Trump's", "the states'".
    pub fn is_possessive(&self, i: usize) -> bool {
        let w = self.w(i);
        self.is_word(i) && (w.ends_with("'s") || w.ends_with("s'")) && !self.is(i, "not_possessive")
    }

    /// True for an adverb in -ly written in lower case ("strongly").
    pub fn is_ly_adverb(&self, i: usize) -> bool {
        let w = self.w(i);
        self.is_word(i) && !self.is_cap(i) && w.len() > 4 && w.ends_with("ly") && !self.is(i, "not_adverb")
    }

    /// True when token `i` can start a verb phrase after "to": a lower-case
    /// word that is not a determiner, pronoun or number ("to act", not "to the").
    pub fn is_verbish(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap)
            && !self.is_grammar(i, "determiner")
            && !self.is_grammar(i, "object_pronoun")
            && !self.is_possessive(i)
            && !self.is(i, "not_verb_after_to")
    }

    /// True when the clause ends with a question mark (before any closing quotation mark).
    pub fn is_question(&self, r: &Range<usize>) -> bool {
        r.clone().rev().find(|&k| !matches!(self.toks[k].kind, Kind::Quote(_))).is_some_and(|k| self.is_punct(k, "?"))
    }

    /// The byte span from the start of token `r.start` to the end of token `r.end - 1`.
    pub fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end)
    }

    /// Token ranges of the clauses: the given sentences, cut again at line
    /// breaks and at `.`, `!`, `?` and `;` (not after an abbreviation).
    pub fn clauses(&self, sentences: &[Span]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut t = 0;
        for s in sentences {
            while t < self.toks.len() && self.toks[t].span.start < s.start {
                t += 1;
            }
            let mut start = t;
            while t < self.toks.len() && self.toks[t].span.end <= s.end {
                let tok = self.toks[t];
                let cut = match tok.kind {
                    Kind::Newline => true,
                    Kind::Punct => {
                        let p = tok.text(self.text);
                        matches!(p, "!" | "?" | ";") || (p == "." && !(t > 0 && self.is_grammar(t - 1, "abbrev")))
                    }
                    _ => false,
                };
                t += 1;
                if cut {
                    // a closing quotation mark stays with its sentence
                    while t < self.toks.len() && self.toks[t].span.end <= s.end && matches!(self.toks[t].kind, Kind::Quote(_)) && !self.toks[t].space_before {
                        t += 1;
                    }
                    let end = if tok.kind == Kind::Newline { t - 1 } else { t };
                    if end > start {
                        out.push(start..end);
                    }
                    start = t;
                }
            }
            if t > start {
                out.push(start..t);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause_texts(text: &str) -> Vec<String> {
        let w = Words::new(text);
        w.clauses(&[Span::new(0, text.len())]).iter().map(|r| w.span(r).text(text).to_string()).collect()
    }

    #[test]
    fn clause_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Lee urged calm. Nobody listened.", &["Mr. Lee urged calm.", "Nobody listened."]),
            ("\u{201c}Go home.\u{201d} She left", &["\u{201c}Go home.\u{201d}", "She left"]),
            ("One; two\n\nthree", &["One;", "two", "three"]),
            // a line wrapped inside a sentence is no boundary
            ("One; two\nthree", &["One;", "two\nthree"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(clause_texts(text), *want, "{text:?}");
        }
    }

    #[test]
    fn word_tests() {
        let text = "The president\u{2019}s aides strongly urged them to act";
        let w = Words::new(text);
        let cases: &[(usize, &str, bool, bool, bool)] = &[
            // index, lower, possessive, -ly adverb, verbish
            (1, "president's", true, false, false),
            (3, "strongly", false, true, true),
            (5, "them", false, false, false),
            (7, "act", false, false, true),
        ];
        for &(i, lower, poss, ly, verbish) in cases {
            assert_eq!(w.w(i), lower);
            assert_eq!(w.is_possessive(i), poss, "{lower}");
            assert_eq!(w.is_ly_adverb(i), ly, "{lower}");
            assert_eq!(w.is_verbish(i), verbish, "{lower}");
        }
        assert!(w.is_cap(0) && !w.is_cap(2));
    }
}
