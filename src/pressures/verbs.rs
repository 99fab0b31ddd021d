//! Pressure verbs in their frames: "urged X to", "called on X to",
//! "demanded that", and passives ("was forced to", "was hauled before X to").

use super::cues::{actor_like, asks_of_someone, before_adverbs, ends_phrase, negated, skip_adverb, to_infinitive, Candidate, MAX_OBJECT};
use super::lexicon::{self, Form, Frame, VerbFrame};
use super::phrases::{clause_subject, demand_right, np_left, np_right, object_phrase, short_np, split_coordination, subject_left};
use super::words::Words;
use std::ops::Range;

/// What a matched frame gives: last token of the cue, target and demand.
struct FrameFit {
    cue_end: usize,
    target: Option<Range<usize>>,
    demand: Option<Range<usize>>,
    /// The agent of a passive.
    agent: Option<Range<usize>>,
}

/// The token after the verb at `i` and its particle ("called on"), and the
/// end of the cue; `None` when the frame's particle is not there.
fn after_particle(w: &Words, i: usize, hi: usize, f: Frame) -> Option<(usize, usize)> {
    let k = skip_adverb(w, i + 1, hi);
    match f.particle {
        Some(p) if w.w(k) != p => None,
        Some(_) => Some((k + 1, k + 1)),
        None => Some((k, i + 1)),
    }
}

/// Tries one active frame after the verb at `i`.
fn fit_active(w: &Words, i: usize, hi: usize, f: Frame, verb_form: Form) -> Option<FrameFit> {
    let (k, cue_end) = after_particle(w, i, hi, f)?;
    let fit = |target, demand: Option<Range<usize>>| Some(FrameFit { cue_end, target, demand, agent: None });
    match f.frame {
        VerbFrame::ObjTo | VerbFrame::ObjInto | VerbFrame::ObjAgainst | VerbFrame::ObjFor | VerbFrame::ObjWith | VerbFrame::Obj => {
            let obj = np_right(w, k, hi, MAX_OBJECT).filter(|o| !matches!(w.w(o.start), "and" | "or" | "but"))?;
            // "urged Tokyo last week to": the time phrase is skipped
            let after = if w.is(obj.end, "time_lead") && w.is(obj.end + 1, "time") || w.w(obj.end + 1) == "ago" { obj.end + 2 } else { obj.end };
            let prep = match f.frame {
                VerbFrame::ObjInto => "into",
                VerbFrame::ObjAgainst => "against",
                VerbFrame::ObjFor => "for",
                VerbFrame::ObjWith => "with",
                _ => "",
            };
            match f.frame {
                VerbFrame::ObjTo => {
                    let d = to_infinitive(w, after, hi)?;
                    if verb_form_asks_only(w, i, d.start) {
                        return None;
                    }
                    fit(Some(obj), Some(d))
                }
                VerbFrame::Obj => {
                    // a bare object must end the phrase: "pressured the moderators.";
                    // and a clause does not open with it ("Pressure rises")
                    let opens = i == 0 || !w.is_word(i - 1);
                    if opens || !ends_phrase(w, after, hi) || w.w(after) == "to" || w.is_grammar(obj.start, "pronoun") && verb_form == Form::Base {
                        return None;
                    }
                    fit(Some(obj), None)
                }
                VerbFrame::ObjWith => (w.w(after) == prep).then(|| fit(Some(obj), None)).flatten(),
                _ => {
                    if w.w(after) != prep || !complement_fits(w, f.frame, after + 1) {
                        return None;
                    }
                    fit(Some(obj), demand_right(w, after + 1, hi))
                }
            }
        }
        VerbFrame::Np => {
            if w.is(k, "stop_right") || w.is_grammar(k, "pronoun") || w.is_grammar(k, "object_pronoun") || w.is_cap(k) && !w.is_possessive(k) {
                return None;
            }
            let d = object_phrase(w, k, hi, MAX_OBJECT + 4)?;
            // "demanded an apology from Trump" (not "a ban ... from entering")
            let target = if matches!(w.w(d.end), "from" | "of") && !w.w(d.end + 1).ends_with("ing") {
                np_right(w, d.end + 1, hi, MAX_OBJECT)
            } else {
                None
            };
            if target.is_none() && f.particle != Some("against") && !asks_of_someone(w, d.clone()) {
                return None;
            }
            // "threatened legal action", not "threatened women's privacy"
            if w.w(i).starts_with("threat") && !d.clone().any(|k| w.is(k, "demand_noun")) {
                return None;
            }
            fit(target, Some(d))
        }
        VerbFrame::That | VerbFrame::ThatMust => {
            if w.w(k) != "that" {
                return None;
            }
            let d = demand_right(w, k + 1, hi)?;
            if f.frame == VerbFrame::ThatMust && !has_obligation(w, d.clone()) {
                return None;
            }
            fit(short_np(w, k + 1, hi), Some(d))
        }
        VerbFrame::To => {
            if w.w(k) != "to" || !w.is_verbish(k + 1) || verb_form_asks_only(w, i, k + 1) {
                return None;
            }
            fit(None, demand_right(w, k + 1, hi))
        }
        VerbFrame::Against => {
            // "warned against crossing them", not "warned against hackers"
            if w.w(k) != "against" || !(w.w(k + 1).ends_with("ing") || w.w(k + 1) == "any" && w.w(k + 2).ends_with("ing")) {
                return None;
            }
            fit(None, demand_right(w, k + 1, hi))
        }
    }
}

/// True when what follows "into" can be what one is pushed to do: an
/// -ing verb or a word like "exile" ("forced into exile", not "into the flat").
fn complement_fits(w: &Words, frame: VerbFrame, k: usize) -> bool {
    if frame != VerbFrame::ObjInto {
        return true;
    }
    let k = if w.w(k) == "not" { k + 1 } else { k };
    let k = if matches!(w.w(k), "a" | "an") { k + 1 } else { k };
    !w.is_cap(k) && w.w(k).ends_with("ing") || w.is(k, "into_noun")
}

/// "asked X to comment": asking for words, not for an act.
fn verb_form_asks_only(w: &Words, verb: usize, demand_start: usize) -> bool {
    let lemma_asks = matches!(w.w(verb), "ask" | "asks" | "asked" | "asking" | "tell" | "tells" | "told" | "telling");
    let mut k = demand_start;
    while matches!(w.w(k), "not" | "never" | "to") {
        k += 1;
    }
    // "demanded to know why": a question, however loud
    lemma_asks && w.is(k, "not_demand") || w.w(k) == "know"
}

/// True when the clause has "must", "should", "has to", "need to"...
fn has_obligation(w: &Words, r: Range<usize>) -> bool {
    r.clone().any(|k| matches!(w.w(k), "must" | "should" | "ought") || (matches!(w.w(k), "has" | "have" | "need" | "needs") && w.w(k + 1) == "to"))
}

/// Tries the passive reading of the past form at `i` ("was urged to act").
fn fit_passive(w: &Words, i: usize, hi: usize, f: Frame) -> Option<FrameFit> {
    if !f.frame.has_object() {
        return None;
    }
    let (k, cue_end) = after_particle(w, i, hi, f)?;
    // the agent may come first: "was pressured by his manager into signing",
    // "was hauled before the committee to testify"
    let mut agent = None;
    if w.w(k) == "by" || f.particle == Some("before") {
        agent = np_right(w, k + usize::from(w.w(k) == "by"), hi, MAX_OBJECT);
    }
    let after = agent.as_ref().map_or(k, |a| a.end);
    let demand = match f.frame {
        VerbFrame::ObjTo => to_infinitive(w, after, hi),
        VerbFrame::ObjInto | VerbFrame::ObjAgainst | VerbFrame::ObjFor => {
            let prep = match f.frame {
                VerbFrame::ObjInto => "into",
                VerbFrame::ObjAgainst => "against",
                _ => "for",
            };
            (w.w(after) == prep && complement_fits(w, f.frame, after + 1)).then(|| demand_right(w, after + 1, hi)).flatten()
        }
        _ => None,
    };
    if demand.as_ref().is_some_and(|d| verb_form_asks_only(w, i, d.start)) {
        return None;
    }
    // or after the demand: "was forced to resign by the board"
    if agent.is_none() {
        let end = demand.as_ref().map_or(k, |d| d.end);
        if w.w(end) == "by" {
            agent = np_right(w, end + 1, hi, MAX_OBJECT);
        }
    }
    // "was intimidated by the legal language": a feeling, not a push
    if demand.is_none() && agent.as_ref().is_some_and(|a| !actor_like(w, a.clone())) {
        return None;
    }
    let bare_particle = f.particle.is_some() && w.is(i, "bare_passive");
    let bare = matches!(f.frame, VerbFrame::Obj | VerbFrame::ObjWith) || f.particle.is_some();
    if demand.is_none() && !(bare && (bare_particle || agent.is_some())) {
        return None;
    }
    Some(FrameFit { cue_end, target: None, demand, agent })
}

/// The pressure stated by the verb form at `i`, if one of its frames fits.
pub fn verb_at(w: &Words, lo: usize, hi: usize, i: usize) -> Option<Candidate> {
    let lex = lexicon::get();
    let vf = lex.verb(w.w(i))?;
    if !w.is_word(i) || i + 1 < hi && w.is(i + 1, "not_cue_after") {
        return None;
    }
    // a base form opening a clause or after a quotation mark is a noun or an
    // imperative ("Push inside the party", quoted "stand down" order that)
    if vf.form == Form::Base && (i == lo || !w.is_word(i - 1)) {
        return None;
    }
    // "the Associated Press and ...": part of a name, not a verb
    if w.is_cap(i) && i > lo && w.is_cap(i - 1) && w.is_word(i + 1) && !w.is_cap(i + 1) {
        return None;
    }
    // "an easier appeal", "a bigger push": after a comparative, a noun
    if vf.form == Form::Base && i > lo && !w.is_cap(i - 1) && w.is_word(i - 1) && (w.w(i - 1).ends_with("er") || w.w(i - 1).ends_with("est")) && w.w(i - 1).len() > 4 {
        return None;
    }
    // "blood pressure", "foreign pressure": a noun, not a verb
    if i > lo && (w.is(i - 1, "not_cue_before") || w.is(i - 1, "vague_actor") && vf.form != Form::Past) {
        return None;
    }
    // "the press", "a push", "Trump's demands": a noun, not a verb
    if matches!(vf.form, Form::Base | Form::Third) && i > lo && (w.is(i - 1, "noun_marker") || w.is_possessive(i - 1)) {
        return None;
    }
    if matches!(vf.form, Form::Ing | Form::Past) && i > lo && (w.is_grammar(i - 1, "determiner") || w.is(i - 1, "possessive_determiner") || w.w(i - 1) == "no" || w.is_possessive(i - 1)) {
        return None;
    }
    let prev = before_adverbs(w, lo, i);
    let passive = vf.form == Form::Past && prev.is_some_and(|p| w.is(p, "be"));
    for &f in lex.verb_frames(vf.verb) {
        let fit = if passive { fit_passive(w, i, hi, f) } else { fit_active(w, i, hi, f, vf.form) };
        let Some(fit) = fit else { continue };
        let mut c = Candidate::new(i..fit.cue_end, "pressure-verb");
        c.target = fit.target;
        c.demand = fit.demand;
        c.negated = negated(w, lo, i);
        if passive {
            c.rule = "pressure-passive";
            c.target = prev.and_then(|p| subject_left(w, lo, p + 1 - usize::from(w.is(p, "be"))));
            c.pressurers = fit.agent.map(|a| split_coordination(w, a)).unwrap_or_default();
        } else if vf.form == Form::Ing && prev.is_some_and(|p| w.is_punct(p, ",")) {
            // "..., urging Baghdad to": the subject of the main clause pushes
            c.rule = "pressure-participle";
            c.continues = true;
            c.pressurers = clause_subject(w, lo, i).map(|s| split_coordination(w, s)).unwrap_or_default();
        } else if prev.is_some_and(|p| w.is(p, "relative")) {
            // "..., which urged Baghdad to": the antecedent pushes
            c.rule = "pressure-participle";
            c.continues = true;
            c.pressurers = subject_left(w, lo, i).map(|s| split_coordination(w, s)).unwrap_or_default();
        } else if let Some(recipient) = prev.filter(|&p| w.w(p) == "and").and_then(|p| np_left(w, lo, p)).filter(|r| r.start > lo && w.w(r.start - 1) == "to") {
            // "outlined its red lines to the new rulers and warned against
            // crossing them": the first verb's recipient is pushed, and what
            // stands before "and" is not the subject
            if c.target.is_none() {
                c.target = Some(recipient);
            }
        } else {
            c.pressurers = subject_left(w, lo, i).map(|s| split_coordination(w, s)).unwrap_or_default();
        }
        return Some(c);
    }
    None
}
