//! Modal pressures: "Mr. Lee should resign", "He ought to apologise"
//! (claimed only when a speaker says them; the caller checks).

use super::cues::Candidate;
use super::phrases::{demand_right, subject_left};
use super::words::Words;

/// Words after "should" that predict or describe rather than push.
fn modal_predicts(w: &str) -> bool {
    matches!(w, "be" | "have" | "know" | "expect" | "see" | "feel" | "find" | "hear" | "understand" | "remember" | "get" | "help" | "boost" | "hurt" | "happen" | "mean")
}

/// "Mr. Lee should resign", "He ought to apologise", "She really should":
/// someone named (or he, she) told what to do. Only a pressure when a speaker
/// says it, which the caller checks.
pub fn modal_at(w: &Words, lo: usize, hi: usize, i: usize) -> Option<Candidate> {
    let ought = w.w(i) == "ought" && w.w(i + 1) == "to";
    if w.w(i) != "should" && !ought {
        return None;
    }
    if (i.saturating_sub(8).max(lo)..i).any(|k| matches!(w.w(k), "if" | "whether" | "why" | "how" | "what" | "when" | "unless")) {
        return None;
    }
    let subject = subject_left(w, lo, i)?;
    let last = subject.end - 1;
    let person = matches!(w.w(last), "he" | "she") && subject.len() == 1;
    // a name at the end of it or of a conjunct ("Mr. Lee", "Trump and all
    // candidates"; not "GOP voters"), and not a plural capitalised only
    // because it opens the sentence ("Voters", "People")
    let opens = |k: usize| k == lo || !w.is_word(k - 1);
    let not_a_name = |k: usize| {
        w.is_possessive(k)
            || w.is(k, "noun_marker")
            || w.is(k, "generic_subject")
            || w.is_grammar(k, "pronoun")
            || w.is_grammar(k, "not_name")
            || opens(k) && w.w(k).ends_with('s')
    };
    let conjunct_end = |k: usize| k + 1 == subject.end || matches!(w.w(k + 1), "and" | "or" | ",");
    let named = subject.clone().any(|k| w.is_cap(k) && !not_a_name(k) && conjunct_end(k));
    // "the mayor", "the government": one definite actor (not "voters", "it")
    let definite = w.w(subject.start) == "the" && subject.len() <= 4 && w.is(last, "actor_noun");
    if !(person || named || definite) {
        return None;
    }
    // "should he win the nomination": a condition, not a push
    if w.is_grammar(i + 1, "pronoun") || w.is_cap(i + 1) {
        return None;
    }
    let mut k = i + 1 + usize::from(ought);
    while k < hi && (w.is_ly_adverb(k) || matches!(w.w(k), "just" | "also" | "now" | "not" | "never" | "at" | "least")) {
        k += 1;
    }
    let demand = if k >= hi || !w.is_word(k) {
        None
    } else if w.is_verbish(k) && !modal_predicts(w.w(k)) {
        demand_right(w, k, hi)
    } else {
        return None;
    };
    let mut c = Candidate::new(i..i + 1 + usize::from(ought), "pressure-modal");
    c.target = Some(subject);
    c.demand = demand;
    Some(c)
}
