//! Speaker mentions: the noun phrase next to a cue.
//!
//! No part-of-speech tagger: phrases are read from capitalisation, closed
//! word classes ([`crate::lexicon`]) and a few shapes of news English —
//! `lawmaker Issam al-Kreiti`, `Sen. Warren`, `a prominent leader of the
//! State of Law Coalition`, `the government source`, `he`, `who`.

use crate::lexicon::{self, Lexicon, Lowered};
use crate::tokens::{Kind, Token};

/// What a speaker phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpKind {
    /// he, she, they, it, we, I, you.
    Pronoun,
    /// who, which: the antecedent stands before.
    Relative,
    /// Contains a name (capitalised words beyond the first determiner).
    Name,
    /// A description: `the lawmaker`, `a source`, `officials`.
    Description,
}

/// A noun phrase as a token range `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Its shape.
    pub kind: NpKind,
}

/// Reads noun phrases over one text's tokens.
pub struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'static Lexicon,
    lows: &'a Lowered,
}

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la",
    "le", "ter", "dos", "das", "st", "y", "ould", "ben",
];
const LINKS: &[&str] = &["of", "for", "and", "&", "on", "de"];
const EXTENDERS: &[&str] = &["of", "for", "at", "from", "with", "in", "on"];
const MAX_NP: usize = 14;
/// Number words, for proportions of people ("one in three").
pub const NUMBERS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
/// Quantifiers that stand alone for a person or a group before a cue.
pub const STANDALONE: &[&str] = &["another", "one", "some", "many", "others", "several", "both", "most", "few", "neither", "either"];

impl<'a> Reader<'a> {
    /// A reader over `tokens` of `text`.
    pub fn new(text: &'a str, tokens: &'a [Token], lows: &'a Lowered) -> Reader<'a> {
        Reader { text, tokens, lex: lexicon::get(), lows }
    }

    /// The lower-case text of word token `i` (empty for other tokens).
    pub fn low(&self, i: usize) -> &'a str {
        self.lows.get(i)
    }

    fn is(&self, section: &str, i: usize) -> bool {
        self.lex.is(section, self.low(i))
    }

    fn word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn low_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i) && list.contains(&self.low(i))
    }

    /// True when token `i` is the dot of an abbreviation or initial ("Mr.", "F.").
    fn abbrev_dot(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].is_punct(self.text, ".")
            && self.tokens[i - 1].span.end == self.tokens[i].span.start
            && self.word(i - 1)
            && (self.is("abbrev", i - 1) || (self.tokens[i - 1].cap && self.tokens[i - 1].text(self.text).chars().count() == 1))
    }

    /// A capitalised word that can be part of a name.
    fn name_word(&self, i: usize) -> bool {
        let t = self.tokens[i];
        t.kind == Kind::Word && t.cap && !self.is("not_name", i) && !self.is("determiner", i) && !self.is("pronoun", i)
    }

    /// Token `i` is the punctuation mark `mark`.
    fn is_punct_at(&self, i: usize, mark: &str) -> bool {
        self.tokens[i].kind == Kind::Punct && self.tokens[i].text(self.text) == mark
    }

    /// A possessive: `his`, `their`, `the senator's`.
    fn possessive(&self, i: usize) -> bool {
        let w = self.low(i);
        self.tokens[i].kind == Kind::Word && (matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your") || w.ends_with("'s") || w.ends_with("\u{2019}s"))
    }

    /// A lower-case word that can be part of a description (noun or adjective).
    fn content_word(&self, i: usize) -> bool {
        let t = self.tokens[i];
        if t.kind != Kind::Word {
            return t.kind == Kind::Number;
        }
        let w = self.low(i);
        !(self.lex.is("not_name", w)
            || self.lex.is("skip_before_cue", w)
            || self.lex.is("pronoun", w)
            || self.lex.is("object_pronoun", w)
            || self.lex.is("determiner", w)
            || self.lex.verb(w).is_some_and(|v| !v.participle && !self.lex.is("honorific", w) && !self.lex.is("document_noun", w))
            || matches!(w, "who" | "which" | "that" | "said" | "says" | "and" | "or" | "but" | "to" | "not")
            // participles that work as prepositions: "economists, including Ms. Roe,"
            || matches!(w, "including" | "according" | "regarding" | "concerning" | "following" | "excluding" | "notwithstanding" | "like")
            || w.ends_with("ly") && w.len() > 4)
    }

    /// The phrase whose last token is `end - 1`, not reaching before `lo`.
    pub fn before(&self, end: usize, lo: usize) -> Option<Np> {
        self.before_depth(end, lo, 0)
    }

    fn before_depth(&self, end: usize, lo: usize, depth: u8) -> Option<Np> {
        if end <= lo || end == 0 {
            return None;
        }
        let last = end - 1;
        let t = self.tokens[last];
        // "those close to him said", "people familiar with it said": the phrase is the speaker
        if depth < 2 && last >= lo + 3 && self.is("object_pronoun", last) && self.close_to(last - 1) {
            if self.low_in(last - 3, &["those", "some", "many", "others"]) {
                return Some(Np { first: last - 3, end, kind: NpKind::Description });
            }
            let head = self.before_depth(last - 2, lo, depth + 1)?;
            return Some(Np { first: head.first, end, kind: head.kind });
        }
        // "4 in 10 said", "more than 4 in 10 said"
        if t.kind == Kind::Number && last >= lo + 2 && self.low(last - 1) == "in" && (self.tokens[last - 2].kind == Kind::Number || NUMBERS.contains(&self.low(last - 2))) {
            let mut first = last - 2;
            if first >= lo + 2 && matches!(self.low(first - 1), "than") && matches!(self.low(first - 2), "more" | "fewer" | "less") {
                first -= 2;
            } else if first > lo && matches!(self.low(first - 1), "nearly" | "almost" | "about" | "roughly" | "some" | "only" | "just" | "over") {
                first -= 1;
            }
            return Some(Np { first, end, kind: NpKind::Description });
        }
        if t.kind == Kind::Word && !t.cap || t.kind == Kind::Word && last == lo {
            let w = self.low(last);
            if matches!(w, "who" | "which") {
                return Some(Np { first: last, end, kind: NpKind::Relative });
            }
            if self.lex.is("pronoun", w) && w != "that" {
                return Some(Np { first: last, end, kind: NpKind::Pronoun });
            }
            // "one in three said", "nearly three in five said"
            if last >= lo + 2 && NUMBERS.contains(&w) && self.low(last - 1) == "in" && (NUMBERS.contains(&self.low(last - 2)) || self.tokens[last - 2].kind == Kind::Number) {
                let first = if last >= lo + 3 && matches!(self.low(last - 3), "nearly" | "almost" | "about" | "roughly" | "some" | "only" | "just") { last - 3 } else { last - 2 };
                return Some(Np { first, end, kind: NpKind::Description });
            }
            // "yet another said", "one added": a quantifier standing for a person
            if STANDALONE.contains(&w) && (last == lo || self.tokens[last - 1].cap || !self.content_word(last - 1) && !self.is("determiner", last - 1)) {
                return Some(Np { first: last, end, kind: NpKind::Description });
            }
        }
        if !(t.kind == Kind::Word || t.kind == Kind::Number || self.abbrev_dot(last)) {
            return None;
        }
        let mut first = end;
        let mut has_name = false;
        let mut has_head = false;
        let mut i = end;
        while i > lo && end - i < MAX_NP {
            let j = i - 1;
            let tok = self.tokens[j];
            if self.abbrev_dot(j) {
                i = j;
                first = j;
                continue;
            }
            if tok.kind == Kind::Word && tok.cap && (self.name_word(j) || (has_name && self.is("honorific", j))) {
                has_name = true;
                has_head = true;
                first = j;
                i = j;
                continue;
            }
            if tok.kind == Kind::Word && has_name && first == j + 1 && self.low_in(j, PARTICLES) {
                first = j;
                i = j;
                continue;
            }
            if tok.kind == Kind::Word && has_name && first == j + 1 && j > lo && self.low_in(j, LINKS) && self.name_word(j - 1) {
                first = j;
                i = j;
                continue;
            }
            // "a source familiar with the senator's thinking": a verb form owned by a possessive is a noun
            let owned = j + 1 == end && j > lo && !tok.cap && tok.kind == Kind::Word && self.possessive(j - 1);
            // "state officials", "the state party": a verb's bare form before the head noun modifies it
            let modifier = has_head && !has_name && tok.kind == Kind::Word && !tok.cap && self.lex.verb(self.low(j)).is_some_and(|v| v.lemma == self.low(j)) && j > lo && (self.is("determiner", j - 1) || self.tokens[j - 1].kind == Kind::Number);
            if tok.kind == Kind::Word && (!tok.cap || j == lo || self.is("honorific", j)) && (self.content_word(j) || owned || modifier) {
                // a lower-case noun or adjective, or a role before a name
                has_head = true;
                first = j;
                i = j;
                continue;
            }
            if tok.kind == Kind::Number && has_head {
                first = j;
                i = j;
                continue;
            }
            if tok.kind == Kind::Word && self.is("determiner", j) && has_head {
                // "noted that Trump has …": before a name, `that` opens a clause
                if !(has_name && self.low(j) == "that" && self.tokens[j + 1].cap) {
                    first = j;
                }
                break;
            }
            // "the bespectacled, 71-year-old diplomat": adjectives set apart by a comma
            if has_head && !has_name && self.is_punct_at(j, ",") && j >= lo + 2 && self.word(j - 1) && !self.tokens[j - 1].cap && self.content_word(j - 1) && self.is("determiner", j - 2) {
                first = j - 2;
                break;
            }
            break;
        }
        if first >= end || !has_head {
            return None;
        }
        let mut np = Np { first, end, kind: if has_name { NpKind::Name } else { NpKind::Description } };
        // "sources close to the minister": the sources speak, not the minister
        if depth < 2 && np.first >= lo + 3 && self.close_to(np.first - 1) && self.low(np.first - 1) == "to" {
            if let Some(head) = self.before_depth(np.first - 2, lo, depth + 1).filter(|h| matches!(h.kind, NpKind::Description | NpKind::Name)) {
                return Some(Np { first: head.first, end: np.end, kind: head.kind });
            }
        }
        // "a leader of the State of Law Coalition", "a spokesman for the ministry"
        if depth < 2 && np.first > lo + 1 && self.low_in(np.first - 1, EXTENDERS) {
            if let Some(head) = self.before_depth(np.first - 1, lo, depth + 1) {
                if matches!(head.kind, NpKind::Description | NpKind::Name) {
                    // the head decides: "a leader of the State of Law Coalition" is a description
                    np = Np { first: head.first, end: np.end, kind: head.kind };
                }
            }
        }
        Some(np)
    }

    /// Token `k` ends `close to`, `near to` or `familiar with`.
    fn close_to(&self, k: usize) -> bool {
        k >= 1 && (self.low_in(k, &["to"]) && self.low_in(k - 1, &["close", "near"]) || self.low_in(k, &["with"]) && self.low_in(k - 1, &["familiar"]))
    }

    /// The phrase starting at `start`, not reaching `hi`.
    pub fn after(&self, start: usize, hi: usize) -> Option<Np> {
        if start >= hi {
            return None;
        }
        let t = self.tokens[start];
        if t.kind == Kind::Number {
            // "9/11 survivor Ann Reyes": a number modifies the phrase
            let mut k = start;
            while k < hi && k - start < 4 && (self.tokens[k].kind == Kind::Number || self.is_punct_at(k, "/")) {
                k += 1;
            }
            if k < hi && k > start + 1 && self.tokens[k].kind == Kind::Word && !self.tokens[k].cap && self.content_word(k) {
                return self.after(k, hi).filter(|np| np.kind != NpKind::Pronoun).map(|np| Np { first: start, ..np });
            }
            return None;
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.low(start);
        if self.lex.is("pronoun", w) && !matches!(w, "who" | "which") {
            return Some(Np { first: start, end: start + 1, kind: NpKind::Pronoun });
        }
        let mut i = start;
        if self.lex.is("determiner", w) {
            i += 1;
        }
        let mut has_name = false;
        // "one of those advisers", "some of the delegates": the quantifier heads the phrase
        let partitive = i == start + 1 && i + 1 < hi && self.low(i) == "of" && !matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those");
        let mut has_head = partitive;
        while !partitive && i < hi && i - start < MAX_NP {
            let tok = self.tokens[i];
            if self.abbrev_dot(i) {
                i += 1;
                continue;
            }
            if tok.kind == Kind::Word && tok.cap && (self.name_word(i) || self.is("honorific", i)) {
                has_name = true;
                has_head = true;
                i += 1;
                continue;
            }
            if tok.kind == Kind::Word && has_name && self.low_in(i, PARTICLES) && self.tokens.get(i + 1).is_some_and(|n| n.cap) {
                i += 1;
                continue;
            }
            if tok.kind == Kind::Word && has_name && self.low_in(i, LINKS) && i + 1 < hi && self.name_word(i + 1) {
                i += 1;
                continue;
            }
            if tok.kind == Kind::Word && !tok.cap && !has_name && self.content_word(i) {
                has_head = true;
                i += 1;
                continue;
            }
            if tok.kind == Kind::Word && !tok.cap && has_name && self.content_word(i) && !self.is("skip_after_cue", i) {
                // "the Iraqi government source", "Trump’s campaign"
                has_head = true;
                i += 1;
                continue;
            }
            break;
        }
        if !has_head || i == start {
            return None;
        }
        let mut np = Np { first: start, end: i, kind: if has_name { NpKind::Name } else { NpKind::Description } };
        // "one Democrat familiar with the talks", "a source close to the family"
        if i + 1 < hi && i > start && self.close_to(i) {
            if let Some(tail) = self.after_simple(i + 1, hi) {
                return Some(Np { end: tail, ..np });
            }
        }
        // "a statement from the ministry", "a spokesman for the council"
        if i + 1 < hi && self.low_in(i, &["of", "from", "for", "at"]) {
            if let Some(tail) = self.after_simple(i + 1, hi) {
                np.end = tail;
                if self.tokens[i + 1..tail].iter().any(|t| t.cap) {
                    np.kind = NpKind::Name;
                }
            }
        }
        Some(np)
    }

    /// One determiner-and-name-or-nouns run from `start` (no extension); its end.
    fn after_simple(&self, start: usize, hi: usize) -> Option<usize> {
        let mut i = start;
        if i < hi && self.word(i) && self.is("determiner", i) {
            i += 1;
        }
        let from = i;
        while i < hi && i - start < MAX_NP {
            let tok = self.tokens[i];
            let ok = (tok.kind == Kind::Word && tok.cap && self.name_word(i))
                || (tok.kind == Kind::Word && !tok.cap && self.content_word(i) && !self.is("skip_after_cue", i))
                || (i > from && self.low_in(i, LINKS) && i + 1 < hi && self.name_word(i + 1))
                || self.abbrev_dot(i);
            if !ok {
                break;
            }
            i += 1;
        }
        (i > from).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn np_before_word(text: &str, word: &str) -> Option<String> {
        let toks = tokenize(text);
        let lows = Lowered::new(text, &toks);
        let r = Reader::new(text, &toks, &lows);
        let c = toks.iter().position(|t| t.text(text) == word)?;
        let np = r.before(c, 0)?;
        Some(text[toks[np.first].span.start..toks[np.end - 1].span.end].to_string())
    }

    fn np_after_word(text: &str, word: &str) -> Option<String> {
        let toks = tokenize(text);
        let lows = Lowered::new(text, &toks);
        let r = Reader::new(text, &toks, &lows);
        let c = toks.iter().position(|t| t.text(text) == word)?;
        let np = r.after(c + 1, toks.len())?;
        Some(text[toks[np.first].span.start..toks[np.end - 1].span.end].to_string())
    }

    #[test]
    fn before_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("lawmaker Issam al-Kreiti told reporters", Some("lawmaker Issam al-Kreiti")),
            ("A prominent leader of the State of Law Coalition revealed", Some("A prominent leader of the State of Law Coalition")),
            ("The government source stressed", Some("The government source")),
            ("Then he told", Some("he")),
            ("Sen. Elizabeth Warren said", Some("Sen. Elizabeth Warren")),
            ("On Monday Mr. Obama said", Some("Mr. Obama")),
            ("the spokesman for the ministry said", Some("the spokesman for the ministry")),
            ("Iraqi officials said", Some("Iraqi officials")),
            ("the Ministry of Defense said", Some("the Ministry of Defense")),
            ("residents, who said", Some("who")),
            ("But Trump’s campaign said", Some("Trump’s campaign")),
            ("Yet another said", Some("another")),
            ("But nearly three in five said", Some("nearly three in five")),
            ("the bespectacled, 71-year-old diplomat said", Some("the bespectacled, 71-year-old diplomat")),
            ("Another said", Some("Another")),
            ("The post said", Some("The post")),
            ("A source familiar with the senator's thinking said", Some("A source familiar with the senator's thinking")),
            ("Sources close to the minister said", Some("Sources close to the minister")),
            ("Those close to him said", Some("Those close to him")),
            ("People close to Mr. Lee told", Some("People close to Mr. Lee")),
            ("It was cold, said", None),
        ];
        for (text, want) in cases {
            let word = ["told", "revealed", "stressed", "said"].iter().find(|w| text.contains(*w)).unwrap();
            assert_eq!(np_before_word(text, word).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn after_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("said the source.", Some("the source")),
            ("said spokesman John Kirby, referring", Some("spokesman John Kirby")),
            ("said Issam al-Kreiti, a lawmaker", Some("Issam al-Kreiti")),
            ("said he.", Some("he")),
            ("said in a statement", None),
            ("said the Boston Globe on Thursday.", Some("the Boston Globe")),
            ("said one Democrat familiar with the talks.", Some("one Democrat familiar with the talks")),
        ];
        for (text, want) in cases {
            assert_eq!(np_after_word(text, "said").as_deref(), *want, "{text:?}");
        }
    }
}
