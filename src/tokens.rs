//! Tokens: words, numbers, punctuation and quotation marks, with byte spans.
//!
//! One pass over the text. Apostrophes inside and at the edge of words
//! (`Syria’s`, `’90s`, `rock ’n’ roll`, `Jesus’`) stay in the word; only
//! marks that can open or close a quotation become [`Kind::Quote`] tokens.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes, hyphens and abbreviation dots).
    Word,
    /// Digits, possibly with `.`, `,`, `%`.
    Number,
    /// A quotation mark that may open or close a quotation.
    Quote(QuoteMark),
    /// One line break; `breaks` counts consecutive ones.
    Newline,
    /// Any other punctuation or symbol character.
    Punct,
}

/// The shape of a quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// `“`, `„`, `«`, or two backquotes.
    DoubleOpen,
    /// `”`, `»`, or two apostrophes.
    DoubleClose,
    /// `"` (which way it points depends on the neighbours).
    DoubleStraight,
    /// `‘`.
    SingleOpen,
    /// `’` not inside a word.
    SingleClose,
    /// `'` not inside a word.
    SingleStraight,
}

impl QuoteMark {
    /// True for the double marks.
    pub fn is_double(self) -> bool {
        matches!(self, QuoteMark::DoubleOpen | QuoteMark::DoubleClose | QuoteMark::DoubleStraight)
    }
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// True when a word starts with an upper-case letter.
    pub cap: bool,
    /// True when white space (or the start of text) comes right before.
    pub space_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }
    /// True for a word or number.
    pub fn is_wordlike(self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }
    /// True for this punctuation character.
    pub fn is_punct(self, text: &str, c: &str) -> bool {
        self.kind == Kind::Punct && self.text(text) == c
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

/// Byte offsets of the line breaks that wrap a line inside a sentence, in
/// order. A break is soft when both lines around it have text, the first does
/// not end a sentence, and either the next line starts in lower case or the
/// whole text is hard-wrapped (at least three such lower-case continuations,
/// a third of its single line breaks) and the next line starts with a letter
/// or digit. Paragraph breaks (a blank line) never are.
pub fn soft_breaks(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    // (offset of the break, next line starts in lower case)
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut single = 0usize;
    let mut line_start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c != b'\n' {
            continue;
        }
        let line = text[line_start..i].trim_end();
        line_start = i + 1;
        let next = text[i + 1..].split('\n').next().unwrap_or("").trim_start();
        if line.trim_start().is_empty() || next.is_empty() {
            continue;
        }
        single += 1;
        let ends = line.chars().next_back().is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '}' | '|'));
        let first = next.chars().next().unwrap_or(' ');
        // a line opening with a quotation mark, a dash or a bullet starts something new
        if !ends && first.is_alphanumeric() {
            open.push((i, first.is_lowercase()));
        }
    }
    let lower = open.iter().filter(|o| o.1).count();
    let wrapped = lower >= 3 && lower * 3 >= single;
    open.into_iter().filter(|&(_, low)| low || wrapped).map(|(i, _)| i).collect()
}

/// Splits `text` into tokens in one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    // a ‘ opened in this paragraph and not yet closed: a trailing ’ closes it
    let mut single_open = false;
    let next_char = |i: usize| text[i..].chars().next();
    let prev_char = |i: usize| text[..i].chars().next_back();
    let soft = soft_breaks(text);
    let mut next_soft = 0;
    while let Some((i, c)) = chars.next() {
        if c == '\n' && soft.get(next_soft) == Some(&i) {
            // a line wrapped inside a sentence reads as a space
            next_soft += 1;
            space_before = true;
            continue;
        }
        if c == '\n' {
            single_open = false;
            out.push(Token { span: Span::new(i, i + 1), kind: Kind::Newline, cap: false, space_before });
            space_before = true;
            continue;
        }
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let kind;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            // a word: letters, digits, inner apostrophes/hyphens/dots
            while let Some(&(j, d)) = chars.peek() {
                let after = next_char(j + d.len_utf8());
                let inner_ok = after.is_some_and(is_word_char);
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else if (is_apostrophe(d) || d == '-' || d == '‐') && inner_ok {
                    end = j + d.len_utf8();
                    chars.next();
                } else if numeric && (d == '.' || d == ',') && after.is_some_and(|a| a.is_ascii_digit()) {
                    end = j + 1;
                    chars.next();
                } else if d == '.' && !numeric && is_initialism(&text[start..end], after) {
                    // U.S., U.N., a.m.: keep the dots inside
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            // trailing possessive apostrophe: "Jesus’ words", "the states' rights"
            if let Some(&(j, d)) = chars.peek() {
                if is_apostrophe(d) && !single_open && text[start..end].ends_with(['s', 'S']) {
                    let after = next_char(j + d.len_utf8());
                    if after.is_none_or(|a| a.is_whitespace() || a == ',' || a == '.') && possessive_context(text, j + d.len_utf8()) {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                }
            }
            kind = if numeric { Kind::Number } else { Kind::Word };
        } else if let Some(mark) = quote_mark(c) {
            // '' and `` used as double quotes
            if (c == '\'' || c == '`') && bytes.get(i + 1) == Some(&(c as u8)) {
                chars.next();
                end = i + 2;
                let m = if c == '`' { QuoteMark::DoubleOpen } else { double_apostrophe(text, i, end) };
                out.push(Token { span: Span::new(start, end), kind: Kind::Quote(m), cap: false, space_before });
                space_before = false;
                continue;
            }
            // apostrophe opening a word: ’90s, ’em, rock ’n’ roll
            if is_apostrophe(c) {
                let after = next_char(end);
                let before = prev_char(start);
                if after.is_some_and(|a| a.is_ascii_digit()) && before.is_none_or(|b| b.is_whitespace()) {
                    let w = start;
                    while let Some(&(j, d)) = chars.peek() {
                        if is_word_char(d) {
                            end = j + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    out.push(Token { span: Span::new(w, end), kind: Kind::Number, cap: false, space_before });
                    space_before = false;
                    continue;
                }
                if let Some(len) = elision(&text[end..]) {
                    if before.is_none_or(|b| b.is_whitespace()) {
                        for _ in 0..text[end..end + len].chars().count() {
                            chars.next();
                        }
                        end += len;
                        out.push(Token { span: Span::new(start, end), kind: Kind::Word, cap: false, space_before });
                        space_before = false;
                        continue;
                    }
                }
            }
            match mark {
                QuoteMark::SingleOpen => single_open = true,
                QuoteMark::SingleClose => single_open = false,
                QuoteMark::SingleStraight => single_open = !single_open,
                _ => {}
            }
            kind = Kind::Quote(mark);
        } else {
            kind = Kind::Punct;
        }
        let cap = text[start..end].chars().next().is_some_and(|f| f.is_uppercase()) || kind == Kind::Word && particle_name(&text[start..end]);
        out.push(Token { span: Span::new(start, end), kind, cap, space_before });
        space_before = false;
    }
    out
}

/// Names led by a lower-case particle: "al-Kreiti", "el-Sisi", "d'Estaing", "bin-Salman".
fn particle_name(word: &str) -> bool {
    let Some(pos) = word.find(['-', '\'', '’']) else { return false };
    let (head, rest) = word.split_at(pos);
    let after = rest.chars().nth(1);
    (1..=3).contains(&head.len()) && head.chars().all(|c| c.is_ascii_lowercase()) && after.is_some_and(|c| c.is_uppercase())
}

/// Words written with a leading apostrophe ("’n’", "’em", "’til").
fn elision(rest: &str) -> Option<usize> {
    for w in ["n’", "n'", "em", "til", "cause", "bout"] {
        if rest.starts_with(w) {
            let after = rest[w.len()..].chars().next();
            if after.is_none_or(|a| !is_word_char(a)) {
                return Some(w.len());
            }
        }
    }
    None
}

fn is_initialism(word: &str, after: Option<char>) -> bool {
    let letters = word.split('.').all(|p| p.chars().count() == 1);
    letters && after.is_some_and(|a| a.is_alphabetic())
        || (word.contains('.') && after.is_none_or(|a| !a.is_alphanumeric()))
}

fn possessive_context(text: &str, after: usize) -> bool {
    // "the states’ " followed by a lower-case word or a word: treat as possessive
    // unless a single quotation is plausibly closing (followed by punctuation).
    let rest = text[after..].trim_start();
    rest.chars().next().is_some_and(|c| c.is_alphanumeric())
}

fn double_apostrophe(text: &str, start: usize, end: usize) -> QuoteMark {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b)) && after.is_some_and(|a| !a.is_whitespace());
    if open {
        QuoteMark::DoubleOpen
    } else {
        QuoteMark::DoubleClose
    }
}

fn quote_mark(c: char) -> Option<QuoteMark> {
    Some(match c {
        '“' | '„' | '«' | '‟' => QuoteMark::DoubleOpen,
        '”' | '»' => QuoteMark::DoubleClose,
        '"' | '＂' => QuoteMark::DoubleStraight,
        '‘' | '‚' | '‛' => QuoteMark::SingleOpen,
        '’' => QuoteMark::SingleClose,
        '\'' => QuoteMark::SingleStraight,
        '`' => QuoteMark::SingleOpen,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| match t.kind {
                Kind::Quote(_) => format!("Q{}", t.text(text)),
                Kind::Newline => "NL".to_string(),
                _ => t.text(text).to_string(),
            })
            .collect()
    }

    #[test]
    fn soft_breaks_table() {
        // (text, texts of the lines each soft break ends)
        let cases: &[(&str, &[&str])] = &[
            ("The mayor said\nthe plan works.", &["The mayor said"]),
            ("First paragraph.\nSecond paragraph.", &[]),
            ("A title\n\nbody text here.", &[]),
            ("“A quote.” ― Ann Lee\n“Another quote.” ― Bo Chan", &[]),
            // a hard-wrapped text: capitalised continuations join too
            ("One line of a\nlong paragraph that\nwraps at the\nedge, says Ann\nLee today.", &["One line of a", "long paragraph that", "wraps at the", "edge, says Ann"]),
        ];
        for &(text, want) in cases {
            let got: Vec<&str> = soft_breaks(text).iter().map(|&i| text[..i].rsplit('\n').next().unwrap_or("")).collect();
            assert_eq!(got, want, "{text:?}");
        }
        // a soft break yields no token
        assert_eq!(show("said\nthe plan."), ["said", "the", "plan", "."]);
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Syria’s border", &["Syria’s", "border"]),
            ("in the ’90s", &["in", "the", "’90s"]),
            ("rock ’n’ roll", &["rock", "’n’", "roll"]),
            ("“Hi,” he said.", &["Q“", "Hi", ",", "Q”", "he", "said", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("al-Kreiti's view", &["al-Kreiti's", "view"]),
            ("''Yes,'' she said", &["Q''", "Yes", ",", "Q''", "she", "said"]),
            ("3.5 percent, 1,000", &["3.5", "percent", ",", "1,000"]),
            ("Jesus’ words", &["Jesus’", "words"]),
            ("a\n\nb", &["a", "NL", "NL", "b"]),
            ("‘red lines’ now", &["Q‘", "red", "lines", "Q’", "now"]),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), *want, "{text:?}");
        }
    }

    #[test]
    fn caps_and_spacing() {
        let t = tokenize("Al-Kreiti said");
        assert!(t[0].cap && !t[1].cap && t[1].space_before);
    }
}
