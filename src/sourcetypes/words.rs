//! A small tokenizer for the few dozen words around one mention.
//!
//! It keeps what typing needs: each word's byte span, whether it is
//! capitalised, whether it ends in a possessive (`Clinton’s`, `Jesus’`), and a
//! lookup key (lower case, dots dropped, curly apostrophes folded), so that
//! `U.S.`, `US` and `u.s` all read `us` and `Sen.` reads `sen`.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Letters and digits (with inner apostrophes, hyphens and abbreviation dots).
    Word,
    /// `,`
    Comma,
    /// `(` or `[`
    Open,
    /// `)` or `]`
    Close,
    /// A dash standing between words: `—`, `–`, `--`, or a spaced `-`.
    Dash,
    /// A quotation mark.
    Quote,
    /// `.`, `;`, `:`, `!`, `?`, or a line break: the end of a clause.
    Stop,
    /// `/` or `&` joining two names (`Reuters/Ipsos`, `AT&T`).
    Join,
    /// Anything else (`$`, `%`, `*`...).
    Other,
}

/// One token of a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Bytes of the word itself, without a possessive ending.
    pub span: Span,
    /// Token kind.
    pub tok: Tok,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Ends with a possessive `’s`, `'s` or a bare `’` after `s`.
    pub possessive: bool,
    /// Lower case, dots removed, `’` folded to `'`; empty for punctuation.
    pub key: String,
}

impl Word {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.tok == Tok::Word
    }

    /// True when every letter is upper case and there are at least two (`FBI`, `U.N.`).
    pub fn is_acronym(&self, text: &str) -> bool {
        let t = self.span.text(text);
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '`')
}

/// The lookup key of a word: lower case, dots dropped, apostrophes folded to `'`.
pub fn key(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'@' || b == b'#' || b == b',') {
        return word.to_ascii_lowercase();
    }
    let mut k = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' => {}
            c if is_apostrophe(c) => k.push('\''),
            '‐' | '‑' => k.push('-'),
            c => k.extend(c.to_lowercase()),
        }
    }
    k
}

/// The tokens of a whole text, made once and read by window: typing looks at a
/// few hundred bytes around each mention of each source, and tokenizing those
/// windows one by one read the text some twenty times over.
#[derive(Clone, Debug, Default)]
pub struct Words {
    all: Vec<Word>,
}

impl Words {
    /// Tokenizes all of `text`.
    pub fn new(text: &str) -> Words {
        Words { all: tokenize(text, Span::new(0, text.len())) }
    }

    /// Tokenizes only the stretches of `text` within `margin` bytes of the
    /// `spans` (in any order): the same tokens as [`Words::new`] there, in a
    /// fraction of the memory when the sources are few and the text is long.
    /// Each stretch is widened to whitespace, so that no word is cut.
    pub fn around(text: &str, spans: &[Span], margin: usize) -> Words {
        let mut spans: Vec<Span> = spans.iter().copied().filter(|s| s.end <= text.len()).collect();
        spans.sort_unstable_by_key(|s| s.start);
        let bytes = text.as_bytes();
        let mut stretches: Vec<Span> = Vec::new();
        for s in spans {
            // widen to whitespace, at most 64 bytes more (a text with no spaces stays linear)
            let mut lo = s.start.saturating_sub(margin);
            let floor = lo.saturating_sub(64);
            while lo > floor && !bytes[lo - 1].is_ascii_whitespace() {
                lo -= 1;
            }
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (s.end + margin).min(text.len());
            let ceiling = (hi + 64).min(text.len());
            while hi < ceiling && !bytes[hi].is_ascii_whitespace() {
                hi += 1;
            }
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            match stretches.last_mut() {
                Some(last) if lo <= last.end => last.end = last.end.max(hi),
                _ => stretches.push(Span::new(lo, hi)),
            }
        }
        Words { all: stretches.into_iter().flat_map(|w| tokenize(text, w)).collect() }
    }

    /// The tokens lying wholly inside `window`, in order.
    pub fn window(&self, window: Span) -> &[Word] {
        let a = self.all.partition_point(|w| w.span.start < window.start);
        let b = self.all.partition_point(|w| w.span.end <= window.end).max(a);
        &self.all[a..b]
    }
}

/// Splits `text[window]` into tokens; spans index the whole `text`.
///
/// `window` must lie on char boundaries of `text`.
pub fn tokenize(text: &str, window: Span) -> Vec<Word> {
    let s = window.text(text);
    let base = window.start;
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() && c != '\n' {
            i += 1;
            continue;
        }
        let word_start = c.is_alphanumeric() || ((c == '@' || c == '#') && at(i + 1).is_some_and(|d| d.is_alphanumeric()));
        if word_start {
            let mut j = i + 1;
            let mut dotted = false;
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = at(j + 1).is_some_and(|e| e.is_alphanumeric());
                let joiner = (is_apostrophe(d) || d == '-' || d == '‐' || d == '‑') && next_alnum;
                if d.is_alphanumeric() || d == '_' || joiner {
                    j += 1;
                } else if d == '.' && at(j + 1).is_some_and(|e| e.is_alphabetic()) && chars[j - 1].1.is_alphabetic() {
                    // U.S, D.C: a dot between letters
                    dotted = true;
                    j += 1;
                } else if d == ',' && chars[j - 1].1.is_ascii_digit() && at(j + 1).is_some_and(|e| e.is_ascii_digit()) {
                    j += 1;
                } else {
                    break;
                }
            }
            // a trailing dot belongs to abbreviations: U.S., Sen., J.
            if at(j) == Some('.') {
                let body = &s[b..chars.get(j).map_or(s.len(), |&(e, _)| e)];
                let letters = body.chars().filter(|c| c.is_alphabetic()).count();
                if dotted || (letters == 1 && c.is_uppercase()) || is_abbreviation(body) {
                    j += 1;
                }
            }
            let end_byte = chars.get(j).map_or(s.len(), |&(e, _)| e);
            let mut word_end = end_byte;
            let mut possessive = false;
            let text_w = &s[b..end_byte];
            for suffix in ["'s", "’s", "'S", "’S"] {
                if text_w.len() > suffix.len() && text_w.ends_with(suffix) {
                    word_end = end_byte - suffix.len();
                    possessive = true;
                    break;
                }
            }
            // Jesus’ / voters' : a closing apostrophe right after s
            if !possessive && at(j).is_some_and(is_apostrophe) && text_w.ends_with('s') && !at(j + 1).is_some_and(|e| e.is_alphanumeric()) {
                possessive = true;
                j += 1;
            }
            let span = Span::new(base + b, base + word_end);
            out.push(Word {
                span,
                tok: Tok::Word,
                cap: c.is_uppercase() || starts_with_particle_name(text_w),
                possessive,
                key: key(&s[b..word_end]),
            });
            i = j;
            continue;
        }
        let mut j = i + 1;
        let tok = match c {
            ',' => Tok::Comma,
            '(' | '[' => Tok::Open,
            ')' | ']' => Tok::Close,
            '—' | '–' => Tok::Dash,
            '-' => {
                if at(i + 1) == Some('-') {
                    j += 1;
                    Tok::Dash
                } else {
                    Tok::Dash
                }
            }
            '\n' | '.' | ';' | ':' | '!' | '?' => Tok::Stop,
            '/' | '&' => Tok::Join,
            c if is_quote(c) => Tok::Quote,
            _ => Tok::Other,
        };
        let end_byte = chars.get(j).map_or(s.len(), |&(e, _)| e);
        out.push(Word { span: Span::new(base + b, base + end_byte), tok, cap: false, possessive: false, key: String::new() });
        i = j;
    }
    out
}

/// `al-Kreiti`, `el-Sisi`, `bin-Salman`: a lower-case particle joined to a capitalised name.
fn starts_with_particle_name(w: &str) -> bool {
    match w.split_once('-') {
        Some((p, rest)) => {
            matches!(p, "al" | "el" | "bin" | "ibn" | "abu" | "ad" | "as" | "ash" | "at" | "az" | "ar" | "an")
                && rest.chars().next().is_some_and(|c| c.is_uppercase())
        }
        None => false,
    }
}

/// Abbreviations whose final dot is part of the word (`Sen.`, `Jr.`, `Corp.`).
fn is_abbreviation(body: &str) -> bool {
    let k = key(body);
    crate::sourcetypes::lexicon::get().titles.contains_key(&k)
        || matches!(k.as_str(), "jr" | "sr" | "st" | "mt" | "ft" | "inc" | "corp" | "co" | "ltd" | "no" | "vs" | "gov" | "rep" | "sen")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (word, capitalised, possessive)
    type Expected<'a> = &'a [(&'a str, bool, bool)];

    fn words(t: &str) -> Vec<(String, bool, bool)> {
        tokenize(t, Span::new(0, t.len()))
            .into_iter()
            .filter(|w| w.is_word())
            .map(|w| (w.span.text(t).to_string(), w.cap, w.possessive))
            .collect()
    }

    #[test]
    fn tokenizer_table() {
        let cases: &[(&str, Expected)] = &[
            ("Sen. Ann Lee", &[("Sen.", true, false), ("Ann", true, false), ("Lee", true, false)]),
            ("the U.S. Air Force.", &[("the", false, false), ("U.S.", true, false), ("Air", true, false), ("Force", true, false)]),
            ("Iraq’s envoy", &[("Iraq", true, true), ("envoy", false, false)]),
            ("voters' choice", &[("voters", false, true), ("choice", false, false)]),
            ("lawmaker al-Kreiti said", &[("lawmaker", false, false), ("al-Kreiti", true, false), ("said", false, false)]),
            ("$100,000 or more", &[("100,000", false, false), ("or", false, false), ("more", false, false)]),
            ("@example_user wrote", &[("@example_user", false, false), ("wrote", false, false)]),
        ];
        for (t, want) in cases {
            let got = words(t);
            let want: Vec<(String, bool, bool)> = want.iter().map(|&(a, b, c)| (a.to_string(), b, c)).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn windows_read_the_whole_text_tokens() {
        // (window, words inside it): a word cut by the window's edge stays out
        let t = "Sen. Ann Lee said. The court’s ruling stands.";
        let all = Words::new(t);
        let cases: &[((usize, usize), &[&str])] = &[
            ((0, t.len()), &["Sen.", "Ann", "Lee", "said", ".", "The", "court", "ruling", "stands", "."]),
            ((5, 12), &["Ann", "Lee"]),
            ((6, 12), &["Lee"]),
            ((19, 28), &["The", "court"]),
            ((20, 20), &[]),
        ];
        for &((a, b), want) in cases {
            let got: Vec<&str> = all.window(Span::new(a, b)).iter().map(|w| w.span.text(t)).collect();
            assert_eq!(got, want, "{a}..{b}");
        }
    }

    #[test]
    fn stretches_around_spans_hold_the_same_tokens() {
        let t = "Ann Lee, a lawyer, spoke. Then came a long stretch of other words here. Bob Hale said no.";
        let whole = Words::new(t);
        let lee = Span::new(0, 7);
        let hale = Span::new(t.find("Bob").unwrap(), t.find("Bob").unwrap() + 8);
        let part = Words::around(t, &[hale, lee], 12);
        let texts = |w: &[Word]| w.iter().map(|x| x.span.text(t).to_string()).collect::<Vec<_>>();
        for window in [Span::new(0, 20), Span::new(hale.start - 5, t.len())] {
            assert_eq!(texts(part.window(window)), texts(whole.window(window)), "{window:?}");
        }
        // the middle of the text is not tokenized at all
        assert!(part.all.len() < whole.all.len());
        assert!(Words::around("", &[Span::new(0, 0)], 10).all.is_empty());
    }

    #[test]
    fn ascii_and_unicode_keys_agree() {
        for w in ["Obama", "AL-KREITI", "100,000", "@user_1", "#tag"] {
            let slow: String = w.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(key(w), slow, "{w}");
        }
    }

    #[test]
    fn keys_fold_dots_and_apostrophes() {
        let cases = [("U.S.", "us"), ("Sen.", "sen"), ("O’Brien", "o'brien"), ("ÉLYSÉE", "élysée")];
        for (w, k) in cases {
            assert_eq!(key(w), k);
        }
    }

    #[test]
    fn punctuation_kinds() {
        let t = "a, (b) — c -- d; “e” x/y";
        let kinds: Vec<Tok> = tokenize(t, Span::new(0, t.len())).iter().map(|w| w.tok).collect();
        use Tok::*;
        assert_eq!(kinds, vec![Word, Comma, Open, Word, Close, Dash, Word, Dash, Word, Stop, Quote, Word, Quote, Word, Join, Word]);
    }
}
