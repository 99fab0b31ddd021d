//! Quotations: pairs of marks, across paragraphs when news style continues them.
//!
//! Straight and curly, double and single marks are paired per paragraph. A
//! quotation left open at the end of a paragraph continues only when the next
//! paragraph opens with a mark (news style); otherwise the stray mark is
//! dropped, so an unbalanced mark never swallows the rest of the text.
//! Quotations nested inside another are not reported: only the outermost.

use crate::span::Span;
use crate::tokens::{Kind, QuoteMark, Token};

/// One outermost quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    /// From the opening mark to the end of the closing mark.
    pub span: Span,
    /// True when it runs over more than one paragraph.
    pub multi_paragraph: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

fn direction(tokens: &[Token], i: usize, text: &str, mark: QuoteMark) -> Dir {
    let t = tokens[i];
    let before_space = t.space_before || i == 0 || matches!(tokens[i - 1].kind, Kind::Newline);
    let after_space = tokens.get(i + 1).is_none_or(|n| n.space_before || n.kind == Kind::Newline);
    let after_punct = tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Punct && !n.space_before && ",.;:!?)".contains(n.text(text)));
    match mark {
        // a curly double mark set the wrong way round ("It's unusual,“ said …) reads by its place
        QuoteMark::DoubleOpen if !before_space && (after_space || after_punct) && i > 0 && tokens[i - 1].kind == Kind::Punct => Dir::Close,
        QuoteMark::DoubleClose if before_space && !after_space && !after_punct => Dir::Open,
        QuoteMark::DoubleOpen | QuoteMark::SingleOpen => Dir::Open,
        QuoteMark::DoubleClose | QuoteMark::SingleClose => Dir::Close,
        QuoteMark::DoubleStraight | QuoteMark::SingleStraight => {
            match (before_space, after_space || after_punct) {
                (true, false) => Dir::Open,
                (false, true) => Dir::Close,
                _ => Dir::Either,
            }
        }
    }
}

/// Finds the outermost quotations in token order.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    // the open outermost quotation: (token index, double?, crossed a paragraph?)
    let mut open: Option<(usize, bool, bool)> = None;
    // marks of the other family nested inside it
    let mut inner_open = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        match t.kind {
            Kind::Newline => {
                if let Some((o, d, _)) = open {
                    // skip further blank lines to the next paragraph's first token
                    let mut j = i + 1;
                    while j < tokens.len() && tokens[j].kind == Kind::Newline {
                        j += 1;
                    }
                    let continues = tokens.get(j).is_some_and(|n| match n.kind {
                        Kind::Quote(m) => m.is_double() == d && direction(tokens, j, text, m) != Dir::Close,
                        _ => false,
                    });
                    if continues {
                        open = Some((o, d, true));
                        inner_open = false;
                        i = j + 1;
                        continue;
                    }
                    open = None;
                    inner_open = false;
                }
            }
            Kind::Quote(m) => {
                let dir = direction(tokens, i, text, m);
                match open {
                    None => {
                        if dir != Dir::Close {
                            open = Some((i, m.is_double(), false));
                            inner_open = false;
                        }
                    }
                    Some((o, d, multi)) if d == m.is_double() => {
                        if dir == Dir::Open && !(m.is_double() && inner_open) {
                            // a second opening mark of the same family: the first was stray
                            if t.space_before {
                                open = Some((i, d, false));
                            }
                        } else if dir == Dir::Open {
                            inner_open = false;
                        } else {
                            out.push(Quote { open: o, close: i, span: tokens[o].span.cover(t.span), multi_paragraph: multi });
                            open = None;
                        }
                    }
                    Some(_) => {
                        // the other family nests inside: track it loosely
                        inner_open = match dir {
                            Dir::Open => true,
                            Dir::Close => false,
                            Dir::Either => !inner_open,
                        };
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn quoted(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        find(text, &toks).iter().map(|q| q.span.text(text)).collect()
    }

    #[test]
    fn quote_table() {
        let cases: &[(&str, &[&str])] = &[
            ("\"We won,\" he said.", &["\"We won,\""]),
            ("“We won,” he said.", &["“We won,”"]),
            ("“We won,“ he said. ”Again.”", &["“We won,“", "”Again.”"]),
            ("‘We won,’ he said.", &["‘We won,’"]),
            ("'We won,' he said.", &["'We won,'"]),
            ("Syria’s ’90s were rock ’n’ roll.", &[]),
            ("He said: “They call it ‘red lines’ now.”", &["“They call it ‘red lines’ now.”"]),
            ("‘They said “no” twice,’ she said.", &["‘They said “no” twice,’"]),
            ("An unbalanced “mark here.\n\nNext paragraph “fine” stays.", &["“fine”"]),
            ("“First part.\n\n“Second part,” he said.", &["“First part.\n\n“Second part,”"]),
            ("''Yes,'' she said.", &["''Yes,''"]),
            ("the protesters’ demands, ‘now’ he said", &["‘now’"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn multi_paragraph_flag() {
        let text = "“One.\n“Two.”";
        let toks = tokenize(text);
        let q = find(text, &toks);
        assert_eq!(q.len(), 1);
        assert!(q[0].multi_paragraph);
    }
}
