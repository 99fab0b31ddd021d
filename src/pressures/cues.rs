//! Pressure cues and their roles, one clause at a time.
//!
//! A verb is a pressure only in one of its frames ("urged X to", "called on X
//! to", "was forced to"); a noun only with what stands around it ("pressure
//! from X", "under pressure", "international pressure"). That is what keeps
//! "press conference", "air force", "in order to" and "a phone call" out.

use super::lexicon::{self, Form, Frame, NounFrame, VerbFrame};
use super::phrases::{clause_subject, demand_right, np_left, np_right, object_phrase, short_np, split_coordination, subject_left};
use super::words::Words;
use std::ops::Range;

/// Longest object between a verb and its "to", in tokens.
const MAX_OBJECT: usize = 8;
/// How far back a negation or a denial is looked for, in tokens.
const NEGATION_WINDOW: usize = 4;
/// How far back a denying verb is looked for, in tokens.
const DENIAL_WINDOW: usize = 8;
/// Longest recipient between "gave" and "an ultimatum", in tokens.
const MAX_GIVEN: usize = 4;
/// Farthest the subject at the clause start may be from "came under pressure".
const MAX_SUBJECT_REACH: usize = 30;

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
    fn new(cue: Range<usize>, rule: &'static str) -> Candidate {
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
fn skip_adverb(w: &Words, k: usize, hi: usize) -> usize {
    if k < hi && w.is_ly_adverb(k) {
        k + 1
    } else {
        k
    }
}

/// At `k`: "(not|never) to VERB"; returns the demand range.
fn to_infinitive(w: &Words, k: usize, hi: usize) -> Option<Range<usize>> {
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
fn ends_phrase(w: &Words, k: usize, hi: usize) -> bool {
    k >= hi || !w.is_word(k) || w.is(k, "stop_right") || w.is(k, "clause_break")
}

/// What a matched frame gives: last token of the cue, target and demand.
struct FrameFit {
    cue_end: usize,
    target: Option<Range<usize>>,
    demand: Option<Range<usize>>,
    /// The agent of a passive.
    agent: Option<Range<usize>>,
}

/// Tries one active frame after the verb at `i`.
fn fit_active(w: &Words, i: usize, hi: usize, f: Frame, verb_form: Form) -> Option<FrameFit> {
    let mut k = skip_adverb(w, i + 1, hi);
    let mut cue_end = i + 1;
    if let Some(p) = f.particle {
        if w.w(k) != p {
            return None;
        }
        k += 1;
        cue_end = k;
    }
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

/// True when a bare demand asks something of someone: it opens with a
/// possessive ("his dismissal") or names an act such as "resignation" or
/// "apology" (policy advocacy like "called for tax fairness" does not).
fn asks_of_someone(w: &Words, d: Range<usize>) -> bool {
    w.is_possessive(d.start) || w.is(d.start, "possessive_determiner") || d.take_while(|&k| !matches!(w.w(k), "of" | "on" | "in" | "for")).any(|k| w.is(k, "demand_noun"))
}

/// True when a phrase can name who is pushed: a name, a pronoun, a plural,
/// or an actor noun ("calls for the minister to resign", not "calls for a
/// dramatic increase in spending to find a cure").
fn actor_like(w: &Words, r: Range<usize>) -> bool {
    r.take_while(|&k| !matches!(w.w(k), "of" | "in" | "on")).any(|k| {
        w.is_cap(k) || w.is_grammar(k, "object_pronoun") || w.is_grammar(k, "pronoun") || w.is(k, "actor_noun") || w.w(k).ends_with('s') && !w.is_possessive(k)
    })
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
    let mut k = skip_adverb(w, i + 1, hi);
    let mut cue_end = i + 1;
    if let Some(p) = f.particle {
        if w.w(k) != p {
            return None;
        }
        k += 1;
        cue_end = k;
    }
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

/// The index of the word before `i` over adverbs (at most three).
fn before_adverbs(w: &Words, lo: usize, i: usize) -> Option<usize> {
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
fn negated(w: &Words, lo: usize, i: usize) -> bool {
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

/// All pressures in the clause `lo..hi`, in order; a participle or relative
/// clause right after another pressure completes it instead of standing alone.
pub fn in_clause(w: &Words, lo: usize, hi: usize) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = lo;
    while i < hi {
        let found = verb_at(w, lo, hi, i).or_else(|| noun_at(w, lo, hi, i)).or_else(|| modal_at(w, lo, hi, i));
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
