//! Sentences: split at final punctuation and line breaks, never inside a quotation.

use crate::lexicon;
use crate::quotes::Quote;
use crate::span::Span;
use crate::tokens::{Kind, Token};

/// One sentence as a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Byte span from the first to the last token.
    pub span: Span,
    /// Ends with a question mark outside any quotation.
    pub question: bool,
    /// Index of the paragraph (line) it starts in.
    pub paragraph: usize,
}

/// Longest sentence, in tokens, before a split is forced: keeps every
/// per-sentence stage bounded on text with no punctuation.
pub const MAX_SENTENCE_TOKENS: usize = 400;

fn is_final(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Splits the tokens into sentences. `quotes` are the quotations found in the
/// same tokens (single-paragraph ones are kept whole).
pub fn split(text: &str, tokens: &[Token], quotes: &[Quote]) -> Vec<Sentence> {
    let lex = lexicon::get();
    // inside[i] is true when token i is inside a one-paragraph quotation
    let mut inside_until = vec![usize::MAX; 0];
    inside_until.resize(tokens.len(), 0);
    for q in quotes.iter().filter(|q| !q.multi_paragraph) {
        for slot in &mut inside_until[q.open..q.close] {
            *slot = q.close;
        }
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut paragraph = 0;
    let mut start_para = 0;
    let mut buf = String::new();
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
        if e > s {
            let last = tokens[e - 1];
            out.push(Sentence {
                first: s,
                end: e,
                span: tokens[s].span.cover(last.span),
                question: last.text(text) == "?",
                paragraph: para,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind == Kind::Newline {
            if let Some(s) = start.take() {
                push(&mut out, s, i, start_para);
            }
            paragraph += 1;
            i += 1;
            continue;
        }
        if start.is_none() {
            start = Some(i);
            start_para = paragraph;
        }
        if let Some(s) = start {
            if i - s >= MAX_SENTENCE_TOKENS {
                push(&mut out, s, i, start_para);
                start = Some(i);
                start_para = paragraph;
            }
        }
        if inside_until[i] > i {
            let close = inside_until[i];
            // "… much.'' According to …": a quotation ending a sentence
            let last_inner = close.checked_sub(1).map(|k| tokens[k]);
            let ends_inside = last_inner.is_some_and(|k| k.kind == Kind::Punct && is_final(k.text(text)));
            let next_cap = tokens.get(close + 1).is_some_and(|n| n.cap && n.space_before);
            // "…?'' Mr. Trump asked": the quotation's speaker follows
            let asks = last_inner.is_some_and(|k| matches!(k.text(text), "?" | "!"));
            let cue_follows = asks
                && (tokens[close + 1..tokens.len().min(close + 7)].iter().any(|t| {
                    t.kind == Kind::Word && lex.verb(lexicon::lower(t.text(text), &mut buf)).is_some_and(|v| v.strong)
                }) || past_closes(text, tokens, close + 1));
            if ends_inside && next_cap && !cue_follows {
                if let Some(s) = start.take() {
                    push(&mut out, s, close + 1, start_para);
                }
                i = close + 1;
                continue;
            }
            i = close;
            continue;
        }
        if t.kind == Kind::Punct && is_final(t.text(text)) {
            // take following closing marks and brackets into the sentence
            let mut e = i + 1;
            while e < tokens.len() && !tokens[e].space_before && matches!(tokens[e].kind, Kind::Quote(_) | Kind::Punct) && tokens[e].text(text) != "(" {
                e += 1;
            }
            let next = tokens.get(e);
            let starts_sentence = next.is_none_or(|n| {
                n.kind == Kind::Newline || n.cap || n.kind == Kind::Number || matches!(n.kind, Kind::Quote(_)) || n.text(text) == "("
            });
            let prev = if i > 0 { Some(tokens[i - 1]) } else { None };
            let abbreviation = t.text(text) == "." && prev.is_some_and(|p| {
                p.span.end == t.span.start && {
                    let w = lexicon::lower(p.text(text), &mut buf);
                    // "Mr.", "F.", and the initial ending "D-N.Y." or "R-S.C."
                    lex.is("abbrev", w) || (p.cap && w.chars().count() == 1) || (p.cap && w.rsplit('-').next().is_some_and(|last| last.chars().count() == 1))
                }
            }) || next.is_some_and(|n| !n.space_before && n.kind == Kind::Word);
            if starts_sentence && !abbreviation {
                if let Some(s) = start.take() {
                    push(&mut out, s, e, start_para);
                }
                i = e;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        push(&mut out, s, tokens.len(), start_para);
    }
    out
}

/// A short speaker and a verb in the past closing its sentence start at
/// `from`: `Hannity pressed.`, `the crowd cried out.`
fn past_closes(text: &str, tokens: &[Token], from: usize) -> bool {
    let end = tokens.len().min(from + 6);
    let Some(k) = (from..end).find(|&k| tokens[k].kind == Kind::Word && !tokens[k].cap) else { return false };
    let w = tokens[k].text(text);
    let mut next = k + 1;
    if tokens.get(next).is_some_and(|t| matches!(t.text(text), "out" | "back")) {
        next += 1;
    }
    k > from && w.len() > 4 && w.ends_with("ed") && tokens.get(next).is_none_or(|t| t.kind == Kind::Punct && matches!(t.text(text), "." | "," | "!"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{quotes, tokens::tokenize};

    fn sents(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let q = quotes::find(text, &toks);
        split(text, &toks, &q).iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two!", &["One.", "Two!"]),
            ("Mr. Smith left. He said so.", &["Mr. Smith left.", "He said so."]),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            ("\"Go. Now,\" he said. Then he left.", &["\"Go. Now,\" he said.", "Then he left."]),
            ("\"Leave!\" he shouted.", &["\"Leave!\" he shouted."]),
            ("Headline\nBody text here.", &["Headline", "Body text here."]),
            ("the U.S. Army said. Next", &["the U.S. Army said.", "Next"]),
            ("It rose 3.5 percent. Then fell.", &["It rose 3.5 percent.", "Then fell."]),
            ("Why? Because.", &["Why?", "Because."]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "{text:?}");
        }
    }

    #[test]
    fn question_and_paragraph() {
        let text = "Is it? Yes.\nNew para.";
        let toks = tokenize(text);
        let s = split(text, &toks, &quotes::find(text, &toks));
        assert!(s[0].question && !s[1].question);
        assert_eq!(s[2].paragraph, 1);
    }
}
