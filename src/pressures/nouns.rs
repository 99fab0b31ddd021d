//! Pressure nouns with what stands around them: "under pressure from X",
//! "international pressure", "calls for X to", "the fans' demands".

use super::cues::{actor_like, asks_of_someone, before_adverbs, negated, to_infinitive, Candidate, MAX_OBJECT};
use super::lexicon::{self, NounFrame};
use super::phrases::{clause_subject, demand_right, np_right, object_phrase, short_np, split_coordination, subject_left};
use super::words::Words;
use std::ops::Range;

/// Longest recipient between "gave" and "an ultimatum", in tokens.
const MAX_GIVEN: usize = 4;

/// Farthest the subject at the clause start may be from "came under pressure".
const MAX_SUBJECT_REACH: usize = 30;

/// The possessor ending with the possessive at `p`: "the fans'", "Mr. Lee's".
fn possessor(w: &Words, lo: usize, p: usize) -> Range<usize> {
    let mut start = p;
    while start > lo && p - start < 4 {
        let t = start - 1;
        let abbrev_dot = w.is_punct(t, ".") && t > lo && w.is_grammar(t - 1, "abbrev");
        if !(w.is_cap(t) || w.is_grammar(t, "determiner") || abbrev_dot) {
            break;
        }
        start -= 1;
    }
    start..p + 1
}

/// The pressure stated by the noun at `i`, if what stands around it fits.
pub fn noun_at(w: &Words, lo: usize, hi: usize, i: usize) -> Option<Candidate> {
    let lex = lexicon::get();
    let frames = lex.noun(w.w(i))?;
    if !w.is_word(i) || i > lo && w.is(i - 1, "not_cue_before") || i + 1 < hi && w.is(i + 1, "not_cue_after") {
        return None;
    }
    // "the Court of Appeals": part of a name
    if w.is_cap(i) && i > lo && (w.is_cap(i - 1) || w.w(i - 1) == "of") {
        return None;
    }
    let has = |f: NounFrame| frames.contains(&f);
    let mut c = Candidate::new(i..i + 1, "pressure-noun");
    let mut fits = has(NounFrame::Always);
    // before the noun: "under", a vague actor, a possessive, an applying verb
    let mut b = i;
    while b > lo && (w.is(b - 1, "noun_marker") || w.is_ly_adverb(b - 1)) && w.w(b - 1) != "no" {
        b -= 1;
    }
    if b > lo && has(NounFrame::Adj) && w.is(b - 1, "vague_actor") {
        fits = true;
        c.vague = true;
        c.pressurers.push(b - 1..b);
        c.cue.start = b - 1;
        b -= 1;
    }
    if b > lo && has(NounFrame::Poss) && w.is_possessive(b - 1) {
        fits = true;
        c.pressurers = std::iter::once(possessor(w, lo, b - 1)).collect();
        c.vague = false;
    } else if i > lo && has(NounFrame::Poss) && w.is(i - 1, "possessive_determiner") {
        // "her commands", "their demands"
        fits = true;
        c.pressurers = std::iter::once(i - 1..i).collect();
    }
    if b > lo && has(NounFrame::Under) && w.w(b - 1) == "under" {
        fits = true;
        c.cue.start = b - 1;
        let mut v = b - 1;
        while v > lo && (w.is(v - 1, "undergo") || w.is(v - 1, "skip") || w.is(v - 1, "be")) {
            v -= 1;
        }
        c.target = undergoer(w, lo, v);
    } else if b > lo {
        // "put pressure on", "faced pressure"; and for any pressure noun,
        // "he refused to follow her commands": who defies it is the target
        let anchor = c.pressurers.first().map_or(b, |p| p.start.min(b));
        if let Some(v) = before_adverbs(w, lo, anchor) {
            if w.is(v, "exert") && has(NounFrame::Apply) {
                fits = true;
                if c.pressurers.is_empty() {
                    c.pressurers = subject_left(w, lo, v).map(|s| split_coordination(w, s)).unwrap_or_default();
                }
            } else if w.is(v, "undergo") && has(NounFrame::Apply) || w.is(v, "heed") && !has(NounFrame::Apply) {
                fits |= has(NounFrame::Apply);
                c.target = undergoer(w, lo, v);
            }
        }
    }
    // after the noun: from, of, on, to, for, that ("pressure is mounting on")
    let mut k = i + 1;
    let mut used: Vec<&str> = Vec::new();
    let mut m = k;
    while m < hi && m - k < 3 && w.is(m, "mounting") {
        m += 1;
    }
    if m > k && w.w(m) == "on" {
        k = m;
    }
    for _ in 0..3 {
        // "pressure, particularly from"
        let mut j = k;
        if w.is_punct(j, ",") && w.is(j + 1, "intensifier") {
            j += 1;
        }
        while j < hi && w.is(j, "intensifier") {
            j += 1;
        }
        // "pressure on China on Saturday to": the time phrase is skipped
        if w.is(j, "time_lead") && w.is(j + 1, "time") {
            j += 2;
        }
        let word = w.w(j);
        if used.contains(&word) {
            break;
        }
        // "pressure on prices", "faces pressure on margins": on a thing, not an actor
        if word == "on" && np_right(w, j + 1, hi, MAX_OBJECT).is_some_and(|t| w.is(t.end - 1, "not_target")) {
            return None;
        }
        used.push(word);
        let next = if (word == "from" || word == "by") && has(NounFrame::From) || word == "of" && has(NounFrame::Of) {
            np_right(w, j + 1, hi, MAX_OBJECT).map(|a| {
                if c.vague {
                    c.pressurers.clear();
                    c.vague = false;
                }
                if c.pressurers.is_empty() {
                    c.pressurers = split_coordination(w, a.clone());
                }
                if j == i + 1 {
                    c.cue.end = j + 1;
                }
                // "at the urging of"
                if word == "of" && i >= lo + 2 && w.w(i - 1) == "the" && w.w(i - 2) == "at" {
                    c.cue.start = i - 2;
                }
                a.end
            })
        } else if word == "on" && has(NounFrame::On) {
            np_right(w, j + 1, hi, MAX_OBJECT).map(|t| {
                c.target = Some(t.clone());
                match to_infinitive(w, t.end, hi) {
                    Some(d) => {
                        c.demand = Some(d.clone());
                        d.end
                    }
                    None => t.end,
                }
            })
        } else if word == "to" && has(NounFrame::To) && c.demand.is_none() {
            to_infinitive(w, j, hi).map(|d| {
                c.demand = Some(d.clone());
                d.end
            })
        } else if word == "for" && has(NounFrame::For) && c.demand.is_none() {
            object_phrase(w, j + 1, hi, MAX_OBJECT + 4).map(|what| match to_infinitive(w, what.end, hi).filter(|_| actor_like(w, what.clone())) {
                Some(d) => {
                    c.target = Some(what);
                    c.demand = Some(d.clone());
                    d.end
                }
                None => {
                    if asks_of_someone(w, what.clone()) {
                        c.demand = Some(what.clone());
                    }
                    what.end
                }
            })
            .filter(|_| c.demand.is_some())
        } else if word == "that" && has(NounFrame::That) && c.demand.is_none() {
            demand_right(w, j + 1, hi).map(|d| {
                c.target = short_np(w, j + 1, hi);
                c.demand = Some(d.clone());
                d.end
            })
        } else {
            None
        };
        match next {
            Some(n) => {
                fits = true;
                k = n;
            }
            None => break,
        }
    }
    if !fits || has(NounFrame::Demand) && c.demand.is_none() {
        return None;
    }
    // "Under pressure from shareholders, the board agreed": the subject after the comma
    let opens = (lo..c.cue.start).all(|t| !w.is_word(t));
    if c.target.is_none() && opens && w.is_punct(k, ",") {
        c.target = short_np(w, k + 1, hi);
    }
    if c.pressurers.is_empty() {
        // "sounded a call for", "gave the operators an ultimatum": the
        // subject of that verb pushes, and whom it is given to is pushed
        if let Some(v) = (b.saturating_sub(MAX_GIVEN + 1).max(lo)..b).rev().find(|&v| w.is(v, "exert")) {
            c.pressurers = subject_left(w, lo, v).map(|s| split_coordination(w, s)).unwrap_or_default();
            if c.target.is_none() && v + 1 < b {
                c.target = np_right(w, v + 1, b, MAX_GIVEN).filter(|t| t.end == b);
            }
        }
    }
    c.negated = negated(w, lo, c.cue.start);
    Some(c)
}

/// The one who undergoes a pressure, read leftwards from the verb at `v`
/// ("the plan came under pressure"); the clause subject when that reads
/// better (the head of a long subject is at its start).
fn undergoer(w: &Words, lo: usize, v: usize) -> Option<Range<usize>> {
    let near = subject_left(w, lo, v);
    if v - lo > MAX_SUBJECT_REACH {
        return near;
    }
    let reported = (lo..v).any(|k| matches!(w.w(k), "said" | "says" | "told" | "that" | "which" | "who"));
    match clause_subject(w, lo, v) {
        Some(s) if !reported => Some(s),
        _ => near,
    }
}
