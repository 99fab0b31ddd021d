//! Noun phrases and clauses around a cue, found without a parser.
//!
//! Every function reads a bounded window of one clause (`lo..hi` token
//! range), so the cost per cue is constant. Scoring counts an overlap with the
//! gold role, so the phrases aim to cover the head word, and stay short.

use super::words::Words;
use std::ops::Range;

/// Longest subject or object, in tokens.
const MAX_NP: usize = 10;
/// Longest demand, in tokens.
const MAX_DEMAND: usize = 25;
/// Farthest back a comma pair around an apposition is looked for.
const MAX_APPOSITION: usize = 20;

/// Words that cannot start a noun phrase found leftwards.
fn np_lead_junk(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "of" | "in" | "on" | "at" | "with" | "from" | "by" | "for" | "about" | "both" | "but" | "also" | "against" | "into" | "than" | "like"
    )
}

/// True when token `t` looks like a finite verb that ends a subject read
/// leftwards ("decried Trump's", "Obama hired Bill Daley"): a lower-case -ed
/// word not after a determiner ("a retired judge"), or a common verb.
fn looks_finite(w: &Words, lo: usize, t: usize) -> bool {
    if !w.is_word(t) || w.is_cap(t) {
        return false;
    }
    let lw = w.w(t);
    let after_det = t > lo && (w.is_grammar(t - 1, "determiner") || w.is(t - 1, "noun_marker") || w.is_ly_adverb(t - 1));
    (lw.ends_with("ed") && lw.len() > 4 && !after_det)
        || w.is(t, "exert")
        || w.is(t, "undergo")
        || w.is(t, "heed")
        || w.is(t, "control")
        || w.is(t, "subject_verb")
        || super::lexicon::get().verb(lw).is_some()
}

/// The noun phrase ending at `end` (exclusive), read leftwards; `None` when
/// a stop word or punctuation comes first.
pub fn np_left(w: &Words, lo: usize, end: usize) -> Option<Range<usize>> {
    let mut k = end;
    while k > lo && end - k < MAX_NP {
        let t = k - 1;
        if !w.is_word(t) {
            // "Mr. Obama": the dot of an abbreviation stays inside
            if w.is_punct(t, ".") && t > lo && w.is_grammar(t - 1, "abbrev") {
                k -= 1;
                continue;
            }
            break;
        }
        // a stop word inside a capitalised name ("Tariq Said") is part of it
        if w.is(t, "stop_left") && !(w.is_cap(t) && t > lo && w.is_cap(t - 1)) {
            break;
        }
        if k < end && looks_finite(w, lo, t) || w.w(t).ends_with("n't") {
            break;
        }
        k -= 1;
        // "voters he'd": a subject pronoun is the whole subject
        if matches!(w.w(t).split('\'').next().unwrap_or(""), "he" | "she" | "they" | "we" | "i" | "you") {
            break;
        }
    }
    // "accused of threatening": a preposition before the verb, no subject
    if end > lo && np_lead_junk(w.w(end - 1)) {
        return None;
    }
    while k < end && (np_lead_junk(w.w(k)) || w.is_punct(k, ".")) {
        k += 1;
    }
    (k < end).then_some(k..end)
}

/// The noun phrase before an apposition closed by the comma at `comma`
/// ("Dana Reyes, the head of the union,"), when the opening comma is near.
fn before_apposition(w: &Words, lo: usize, comma: usize) -> Option<Range<usize>> {
    let floor = comma.saturating_sub(MAX_APPOSITION).max(lo);
    for k in (floor..comma).rev() {
        if w.is_punct(k, ",") {
            return np_left(w, lo, k);
        }
        if !w.is_word(k) && !w.is_punct(k, ".") {
            break;
        }
    }
    None
}

/// True when token `t` ends a two-word time phrase ("on Wednesday", "in 2015").
fn is_time_phrase(w: &Words, t: usize) -> bool {
    t > 0 && (w.is(t, "time") || w.is_word(t) && w.w(t).chars().all(|c| c.is_ascii_digit())) && w.is(t - 1, "time_lead")
}

/// The subject of a verb at `end`, read leftwards over adverbs, auxiliaries,
/// time phrases ("on Wednesday"), "trying to", relative pronouns (to their
/// antecedent) and appositions between commas (to the name before them).
pub fn subject_left(w: &Words, lo: usize, end: usize) -> Option<Range<usize>> {
    let mut j = end;
    loop {
        if j <= lo {
            return None;
        }
        let t = j - 1;
        if w.is(t, "skip") || w.is_ly_adverb(t) || w.is_quote(t) || w.w(t).ends_with("n't") {
            j -= 1;
        } else if t > lo && (is_time_phrase(w, t) || w.w(t) == "to" && w.is(t - 1, "control")) {
            // "on Wednesday", "in 2015"; "trying to"
            j -= 2;
        } else {
            break;
        }
    }
    let t = j - 1;
    if w.is(t, "relative") {
        // "Ana Ruiz, an aide to the mayor, who": the name before the apposition
        if t > lo && w.is_punct(t - 1, ",") {
            if let Some(name) = before_apposition(w, lo, t - 1).filter(|n| w.is_cap(n.end - 1)) {
                return Some(name);
            }
            return np_left(w, lo, t - 1);
        }
        let np = np_left(w, lo, t)?;
        if np.start > lo && w.is_punct(np.start - 1, ",") && !w.is_cap(np.start) {
            if let Some(name) = np_left(w, lo, np.start - 1).filter(|n| w.is_cap(n.end - 1)) {
                return Some(name);
            }
        }
        return Some(np);
    }
    if w.is_punct(t, ",") {
        return before_apposition(w, lo, t);
    }
    let np = np_left(w, lo, j)?;
    // "Democrats are the ones trying to": the subject before the copula
    if np.len() == 2 && matches!(w.w(np.start + 1), "one" | "ones") && np.start > lo && w.is(np.start - 1, "be") {
        return np_left(w, lo, np.start - 1).or(Some(np));
    }
    Some(np)
}

/// The noun phrase starting at `start`, read rightwards up to a stop word or
/// punctuation, at most `max` tokens.
pub fn np_right(w: &Words, start: usize, hi: usize, max: usize) -> Option<Range<usize>> {
    let mut k = start;
    while k < hi && k - start < max {
        if !w.is_word(k) {
            if w.is_punct(k, ".") && k > start && w.is_grammar(k - 1, "abbrev") {
                k += 1;
                continue;
            }
            break;
        }
        // "the Subcommittee on Consumer Protection": a name goes on
        let in_name = k > start && w.is_cap(k - 1) && w.is_cap(k + 1) && !w.is(k + 1, "time") && matches!(w.w(k), "on" | "of" | "for" | "in");
        if w.is(k, "stop_right") && !(k == start && w.w(k) == "both") && !in_name {
            break;
        }
        // "pressure from donors shaped the bill": a verb ends the phrase
        if k > start && looks_finite(w, start, k) {
            break;
        }
        // "told reporters he would": a new subject starts a clause
        let bare = w.w(k).split('\'').next().unwrap_or("");
        if k > start && matches!(bare, "he" | "she" | "they" | "we" | "i" | "it") {
            break;
        }
        // "urged Obama last year": a time phrase is not part of the object
        if k > start && (w.is(k, "time_lead") && w.is(k + 1, "time") || w.w(k + 1) == "ago") {
            break;
        }
        k += 1;
    }
    while k > start && matches!(w.w(k - 1), "and" | "or" | ".") {
        k -= 1;
    }
    (k > start).then_some(start..k)
}

/// A longer object that is itself the demand ("a ban on the pesticide"):
/// read like [`demand_right`] but it also stops before "from", "by", a
/// relative pronoun or a to-infinitive, where other roles begin.
pub fn object_phrase(w: &Words, start: usize, hi: usize, max: usize) -> Option<Range<usize>> {
    let d = demand_right(w, start, hi)?;
    let mut k = start;
    while k < d.end && k - start < max {
        let lw = w.w(k);
        if k > start && (matches!(lw, "from" | "by" | "which" | "who" | "that") || lw == "to" && w.is_verbish(k + 1) || w.is(k, "be")) {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

/// A short noun phrase opening a clause: a pronoun, a run of capitalised
/// words, or a determiner with the word after it ("the government").
pub fn short_np(w: &Words, start: usize, hi: usize) -> Option<Range<usize>> {
    if start >= hi || !w.is_word(start) {
        return None;
    }
    if w.is_grammar(start, "pronoun") || w.is_grammar(start, "object_pronoun") {
        return Some(start..start + 1);
    }
    let mut k = start;
    if w.is_grammar(k, "determiner") || w.is_possessive(k) {
        k += 1;
        if k < hi && w.is_word(k) && !w.is(k, "stop_right") {
            k += 1;
        }
        // "the prime minister", "the club chairman"
        while k < hi && k - start < 4 && w.is(k, "actor_noun") {
            k += 1;
        }
    }
    while k < hi && w.is_cap(k) {
        k += 1;
    }
    (k > start).then_some(start..k)
}

/// What is demanded, from `start` to the end of the clause: the next comma,
/// semicolon, dash, bracket, quotation mark, or a word that opens a new
/// clause ("amid", "despite", "because"), at most [`MAX_DEMAND`] tokens.
pub fn demand_right(w: &Words, start: usize, hi: usize) -> Option<Range<usize>> {
    let mut k = start;
    while k < hi && k - start < MAX_DEMAND {
        if !w.is_word(k) {
            let abbrev_dot = w.is_punct(k, ".") && k > start && w.is_grammar(k - 1, "abbrev");
            let inner = (w.is_punct(k, "'") || w.is_punct(k, "-")) && k > start;
            if !(abbrev_dot || inner) {
                break;
            }
        } else if k > start && (w.is(k, "clause_break") || matches!(w.w(k), "said" | "says" | "told")) {
            break;
        } else if k == start + 1 && w.is(k, "be") | matches!(w.w(k), "has" | "have" | "had" | "will" | "would") {
            // "the pressure on him to resign has grown": the main verb follows
            break;
        }
        k += 1;
    }
    while k > start && !w.is_word(k - 1) {
        k -= 1;
    }
    (k > start).then_some(start..k)
}

/// The subject at the start of the clause `lo..hi`: after any opening
/// quotation mark, conjunction or short introductory phrase ("On Monday,"),
/// up to the first stop word or common finite verb.
pub fn clause_subject(w: &Words, lo: usize, hi: usize) -> Option<Range<usize>> {
    let mut k = lo;
    while k < hi && !w.is_word(k) {
        k += 1;
    }
    if k < hi && matches!(w.w(k), "but" | "and" | "so" | "yet" | "meanwhile" | "however" | "still") {
        k += 1;
    }
    // an introductory phrase closed by a comma within a few words
    if let Some(c) = (k..(k + 6).min(hi)).find(|&i| w.is_punct(i, ",")) {
        if !w.is_cap(k) || w.is_grammar(k, "not_name") {
            k = c + 1;
        }
    }
    let start = k;
    while k < hi && k - start < MAX_NP {
        if !w.is_word(k) {
            if w.is_punct(k, ".") && k > start && w.is_grammar(k - 1, "abbrev") {
                k += 1;
                continue;
            }
            break;
        }
        let lw = w.w(k);
        let verb_like = k > start && !w.is_cap(k) && lw.ends_with("ed") || w.is_ly_adverb(k);
        if w.is(k, "stop_right") || w.is(k, "skip") || w.is(k, "subject_verb") || verb_like || lw.ends_with("n't") || super::lexicon::get().verb(lw).is_some() {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

/// Splits coordinated actors into one range each: "both the United States
/// and Gulf states" gives "the United States" and "Gulf states".
pub fn split_coordination(w: &Words, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = r.start;
    if start < r.end && matches!(w.w(start), "both" | "either" | "neither") {
        start += 1;
    }
    let mut k = start;
    while k < r.end {
        let sep = match w.w(k) {
            "and" | "or" | "nor" | "," => 1,
            "as" if w.w(k + 1) == "well" && w.w(k + 2) == "as" => 3,
            _ => 0,
        };
        if sep > 0 {
            if k > start {
                out.push(start..k);
            }
            start = k + sep;
            k = start;
        } else {
            k += 1;
        }
    }
    if r.end > start {
        out.push(start..r.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds the token index of the first token with this lower-case text.
    fn at(w: &Words, word: &str) -> usize {
        (0..w.len()).find(|&i| w.w(i) == word).unwrap_or_else(|| panic!("{word} not found"))
    }

    fn show(text: &str, w: &Words, r: Option<Range<usize>>) -> String {
        r.map_or(String::new(), |r| w.span(&r).text(text).to_string())
    }

    #[test]
    fn subjects_read_leftwards() {
        // sentence, the verb, expected subject
        let cases: &[(&str, &str, &str)] = &[
            ("The senator on Tuesday urged them to act", "urged", "The senator"),
            ("Ms. Ortiz has repeatedly pressed the board", "pressed", "Ms. Ortiz"),
            ("Dana Reyes, the head of the union, told members to strike", "told", "Dana Reyes"),
            ("the mayor, who urged calm", "urged", "the mayor"),
            ("Farmers are the ones trying to pressure the council", "pressure", "Farmers"),
            ("He said the coalition demanded a vote", "demanded", "the coalition"),
            (", urged", "urged", ""),
        ];
        for (text, verb, want) in cases {
            let w = Words::new(text);
            let got = show(text, &w, subject_left(&w, 0, at(&w, verb)));
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn phrases_read_rightwards() {
        // sentence, the first word, which reader, expected phrase
        type Reader = fn(&Words, usize, usize) -> Option<Range<usize>>;
        let np: Reader = |w, s, h| np_right(w, s, h, MAX_NP);
        let cases: &[(&str, &str, Reader, &str)] = &[
            ("urged the city council to act", "the", np, "the city council"),
            ("urged Mr. Park and his aides to wait", "mr", np, "Mr. Park and his aides"),
            ("to rebuild the old bridge, amid protests", "rebuild", demand_right, "rebuild the old bridge"),
            ("to stop the project despite costs", "stop", demand_right, "stop the project"),
            ("that the mayor must resign", "the", short_np, "the mayor"),
            ("that Rosa Diaz quit", "rosa", short_np, "Rosa Diaz"),
            ("that they leave", "they", short_np, "they"),
        ];
        for (text, first, reader, want) in cases {
            let w = Words::new(text);
            let got = show(text, &w, reader(&w, at(&w, first), w.len()));
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn clause_subjects() {
        let cases: &[(&str, &str)] = &[
            ("The regional council's plan to widen the road came under pressure", "The regional council's plan"),
            ("\u{201c}On Monday, the union sent a letter", "the union"),
            ("But Lena Fox wrote to the board", "Lena Fox"),
            ("Officials released figures", "Officials"),
        ];
        for (text, want) in cases {
            let w = Words::new(text);
            assert_eq!(show(text, &w, clause_subject(&w, 0, w.len())), *want, "{text:?}");
        }
    }

    #[test]
    fn coordination() {
        let cases: &[(&str, &[&str])] = &[
            ("both the United States and Gulf states", &["the United States", "Gulf states"]),
            ("Norway, Chile or Peru", &["Norway", "Chile", "Peru"]),
            ("the bank as well as its lenders", &["the bank", "its lenders"]),
            ("the union", &["the union"]),
        ];
        for (text, want) in cases {
            let w = Words::new(text);
            let got: Vec<&str> = split_coordination(&w, 0..w.len()).iter().map(|r| w.span(r).text(text)).collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }
}
