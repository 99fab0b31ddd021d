//! Pressure candidates in one clause: what the verb, noun and modal
//! readers share, and the pass that runs them and joins participles.
//!
//! A verb is a pressure only in one of its frames ("urged X to", "called on X
//! to", "was forced to"); a noun only with what stands around it ("pressure
//! from X", "under pressure", "international pressure"). That is what keeps
//! "press conference", "air force", "in order to" and "a phone call" out.

use super::phrases::demand_right;
use super::words::Words;
use super::{modal, nouns, verbs};
use std::ops::Range;

/// Longest object between a verb and its "to", in tokens.
pub const MAX_OBJECT: usize = 8;

/// How far back a negation or a denial is looked for, in tokens.
const NEGATION_WINDOW: usize = 4;

/// How far back a denying verb is looked for, in tokens.
const DENIAL_WINDOW: usize = 8;

/// A pressure found in one clause, in token ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The pressure words.
    pub cue: Range<usize>,
    /// Who pushes, one range per actor.
    pub pressurers: Vec<Range<usize>>,
    /// True when the only pressurer is a vague adjective ("international").
    pub vague: bool,
    /// Who is pushed.
    pub target: Option<Range<usize>>,
    /// What is demanded.
    pub demand: Option<Range<usize>>,
    /// Denied pressure.
    pub negated: bool,
    /// A participle or relative clause that may continue the pressure before it.
    pub continues: bool,
    /// Rule name (see `crate::rules`).
    pub rule: &'static str,
}

impl Candidate {
    /// A pressure with only its cue and rule.
    pub fn new(cue: Range<usize>, rule: &'static str) -> Candidate {
        Candidate { cue, pressurers: Vec::new(), vague: false, target: None, demand: None, negated: false, continues: false, rule }
    }

    /// The token range of the whole clause: the cue, its roles after it and
    /// the pressurer or target just before it.
    pub fn extent(&self) -> Range<usize> {
        let start = self.cue.start;
        let mut lo = start;
        let mut hi = self.cue.end;
        for r in self.pressurers.iter().chain(self.target.iter()) {
            if r.end <= start && start - r.end <= 3 {
                lo = lo.min(r.start);
            }
            if r.start >= self.cue.end {
                hi = hi.max(r.end);
            }
        }
        if let Some(d) = &self.demand {
            if d.start >= self.cue.start {
                hi = hi.max(d.end);
            }
        }
        lo..hi
    }
}

/// The index after `k` with one lower-case -ly adverb skipped ("urged strongly").
pub fn skip_adverb(w: &Words, k: usize, hi: usize) -> usize {
    if k < hi && w.is_ly_adverb(k) {
        k + 1
    } else {
        k
    }
}

/// At `k`: "(not|never) to VERB"; returns the demand range.
pub fn to_infinitive(w: &Words, k: usize, hi: usize) -> Option<Range<usize>> {
    let neg = usize::from(matches!(w.w(k), "not" | "never"));
    // 'to "think again"': the quoted verb phrase is the demand
    let quoted = usize::from(w.is_quote(k + neg + 1));
    let verb = k + neg + 1 + quoted;
    if w.w(k + neg) == "to" && verb < hi && w.is_verbish(verb) {
        let d = demand_right(w, verb, hi)?;
        return Some(if neg == 1 { k..d.end } else { d });
    }
    None
}

/// True when token `k` ends a verb phrase: punctuation or a clause word.
pub fn ends_phrase(w: &Words, k: usize, hi: usize) -> bool {
    k >= hi || !w.is_word(k) || w.is(k, "stop_right") || w.is(k, "clause_break")
}

/// True when a bare demand asks something of someone: it opens with a
/// possessive ("his dismissal") or names an act such as "resignation" or
/// "apology" (policy advocacy like "called for tax fairness" does not).
pub fn asks_of_someone(w: &Words, d: Range<usize>) -> bool {
    w.is_possessive(d.start) || w.is(d.start, "possessive_determiner") || d.take_while(|&k| !matches!(w.w(k), "of" | "on" | "in" | "for")).any(|k| w.is(k, "demand_noun"))
}

/// True when a phrase can name who is pushed: a name, a pronoun, a plural,
/// or an actor noun ("calls for the minister to resign", not "calls for a
/// dramatic increase in spending to find a cure").
pub fn actor_like(w: &Words, r: Range<usize>) -> bool {
    r.take_while(|&k| !matches!(w.w(k), "of" | "in" | "on")).any(|k| {
        w.is_cap(k) || w.is_grammar(k, "object_pronoun") || w.is_grammar(k, "pronoun") || w.is(k, "actor_noun") || w.w(k).ends_with('s') && !w.is_possessive(k)
    })
}

/// The index of the word before `i` over adverbs (at most three).
pub fn before_adverbs(w: &Words, lo: usize, i: usize) -> Option<usize> {
    let mut k = i;
    for _ in 0..4 {
        if k <= lo {
            return None;
        }
        k -= 1;
        if !(w.is_ly_adverb(k) || matches!(w.w(k), "not" | "never" | "also" | "then" | "reportedly" | "allegedly")) {
            return Some(k);
        }
    }
    None
}

/// True when the words before `i` deny the pressure ("did not force",
/// "denied any pressure", "no pressure", "was not leaned on").
/// Negation of what stands between it and the cue, not of the pressure
/// ("did not follow their demands": the demands stand) nor of a new verb.
pub fn negated(w: &Words, lo: usize, i: usize) -> bool {
    let between_heed = |k: usize| (k + 1..i).any(|m| w.is(m, "heed"));
    let near = (i.saturating_sub(NEGATION_WINDOW).max(lo)..i)
        .any(|k| (w.is(k, "negator") || w.w(k).ends_with("n't")) && w.w(k + 1) != "only" && !between_heed(k));
    // "denied any pressure"; "rejected the notion that pressure..." (rejecting
    // a push is not denying it)
    let denied = (i.saturating_sub(DENIAL_WINDOW).max(lo)..i).any(|k| {
        w.is(k, "deny") && !between_heed(k) || w.is(k, "reject") && (k + 1..i).any(|m| w.is(m, "claim_noun"))
    });
    near || denied
}

/// All pressures in the clause `lo..hi`, in order; a participle or relative
/// clause right after another pressure completes it instead of standing alone.
pub fn in_clause(w: &Words, lo: usize, hi: usize) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = lo;
    while i < hi {
        let found = verbs::verb_at(w, lo, hi, i).or_else(|| nouns::noun_at(w, lo, hi, i)).or_else(|| modal::modal_at(w, lo, hi, i));
        let Some(c) = found else {
            i += 1;
            continue;
        };
        i = c.cue.end.max(i + 1);
        if c.continues {
            if let Some(prev) = out.last_mut() {
                if prev.demand.is_none() || prev.rule == "pressure-noun" && prev.extent().end <= c.cue.start {
                    merge(prev, c);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Completes `prev` with what the participle `c` says.
fn merge(prev: &mut Candidate, c: Candidate) {
    if prev.pressurers.is_empty() || prev.vague && !c.pressurers.is_empty() {
        prev.pressurers = c.pressurers;
        prev.vague = false;
    }
    if prev.target.is_none() {
        prev.target = c.target;
    }
    if prev.demand.is_none() {
        prev.demand = c.demand;
    }
}
