//! The pressure word lists, built in from `src/lexicon/pressure/*.txt`.
//!
//! Three files: `verbs.txt` (pressure verbs, their inflections and the
//! complements that make them a pressure), `nouns.txt` (pressure nouns and
//! what must stand around them) and `words.txt` (word classes in sections).
//! Each is parsed once, on first use; look-ups take lower-case words with
//! `'` for the typographic apostrophe.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const VERBS: &str = include_str!("../lexicon/pressure/verbs.txt");
const NOUNS: &str = include_str!("../lexicon/pressure/nouns.txt");
const WORDS: &str = include_str!("../lexicon/pressure/words.txt");

/// A complement pattern that makes a verb a pressure (see `verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbFrame {
    /// Object and to-infinitive: "urged Baghdad to act".
    ObjTo,
    /// Object and "into": "forced him into exile".
    ObjInto,
    /// Object and "against": "warned them against it".
    ObjAgainst,
    /// Object and "for": "pressed him for answers".
    ObjFor,
    /// Object and "with": "threatened them with sanctions".
    ObjWith,
    /// A bare object that is the target: "pressured the moderators".
    Obj,
    /// A bare object that is the demand: "demanded an apology".
    Np,
    /// A that-clause: "demanded that he resign".
    That,
    /// A that-clause with an obligation in it: "insisted that they must leave".
    ThatMust,
    /// A to-infinitive: "threatened to resign".
    To,
    /// "against" and what is opposed: "warned against crossing them".
    Against,
}

impl VerbFrame {
    fn parse(s: &str) -> Option<VerbFrame> {
        Some(match s {
            "obj-to" => VerbFrame::ObjTo,
            "obj-into" => VerbFrame::ObjInto,
            "obj-against" => VerbFrame::ObjAgainst,
            "obj-for" => VerbFrame::ObjFor,
            "obj-with" => VerbFrame::ObjWith,
            "obj" => VerbFrame::Obj,
            "np" => VerbFrame::Np,
            "that" => VerbFrame::That,
            "that-must" => VerbFrame::ThatMust,
            "to" => VerbFrame::To,
            "against" => VerbFrame::Against,
            _ => return None,
        })
    }

    /// True for the frames whose object is the one pushed (they have a passive).
    pub fn has_object(self) -> bool {
        matches!(
            self,
            VerbFrame::ObjTo | VerbFrame::ObjInto | VerbFrame::ObjAgainst | VerbFrame::ObjFor | VerbFrame::ObjWith | VerbFrame::Obj
        )
    }
}

/// A frame, possibly after a particle ("on" in "called on X to").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The particle that must follow the verb first.
    pub particle: Option<&'static str>,
    /// The complement after it.
    pub frame: VerbFrame,
}

/// Which inflection a verb form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "urge".
    Base,
    /// "urges".
    Third,
    /// "urged" (past and past participle).
    Past,
    /// "urging".
    Ing,
}

/// A pressure verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// Index into [`Lexicon::verb_frames`].
    pub verb: usize,
    /// The inflection.
    pub form: Form,
}

/// A pressure-noun frame (see `nouns.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NounFrame {
    /// from/by + who pushes.
    From,
    /// of + who pushes.
    Of,
    /// on + who is pushed.
    On,
    /// to-infinitive demand.
    To,
    /// for + demand.
    For,
    /// that-clause demand.
    That,
    /// "under" before.
    Under,
    /// vague actor adjective before.
    Adj,
    /// possessive before.
    Poss,
    /// applying or undergoing verb before.
    Apply,
    /// the word alone.
    Always,
    /// fits only when a demand is found.
    Demand,
}

impl NounFrame {
    fn parse(s: &str) -> Option<NounFrame> {
        Some(match s {
            "from" => NounFrame::From,
            "of" => NounFrame::Of,
            "on" => NounFrame::On,
            "to" => NounFrame::To,
            "for" => NounFrame::For,
            "that" => NounFrame::That,
            "under" => NounFrame::Under,
            "adj" => NounFrame::Adj,
            "poss" => NounFrame::Poss,
            "apply" => NounFrame::Apply,
            "always" => NounFrame::Always,
            "demand" => NounFrame::Demand,
            _ => return None,
        })
    }
}

/// The parsed lists.
pub struct Lexicon {
    verb_forms: HashMap<&'static str, VerbForm>,
    verb_frames: Vec<Vec<Frame>>,
    nouns: HashMap<&'static str, Vec<NounFrame>>,
    sections: HashMap<&'static str, HashSet<&'static str>>,
}

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut verb_forms = HashMap::new();
        let mut verb_frames = Vec::new();
        for line in data_lines(VERBS) {
            let mut parts = line.split('|').map(str::trim);
            let (Some(_lemma), Some(forms), Some(frames)) = (parts.next(), parts.next(), parts.next()) else { continue };
            let index = verb_frames.len();
            let kinds = [Form::Base, Form::Third, Form::Past, Form::Ing];
            for (slot, kind) in forms.split_whitespace().zip(kinds) {
                for f in slot.split('/') {
                    verb_forms.entry(f).or_insert(VerbForm { verb: index, form: kind });
                }
            }
            let parsed = frames
                .split_whitespace()
                .filter_map(|f| match f.split_once('+') {
                    Some((p, rest)) => VerbFrame::parse(rest).map(|frame| Frame { particle: Some(p), frame }),
                    None => VerbFrame::parse(f).map(|frame| Frame { particle: None, frame }),
                })
                .collect();
            verb_frames.push(parsed);
        }
        let mut nouns = HashMap::new();
        for line in data_lines(NOUNS) {
            if let Some((form, frames)) = line.split_once('|') {
                nouns.insert(form.trim(), frames.split_whitespace().filter_map(NounFrame::parse).collect());
            }
        }
        let mut sections: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
        let mut current = "";
        for line in data_lines(WORDS) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
                continue;
            }
            sections.entry(current).or_default().extend(line.split_whitespace());
        }
        Lexicon { verb_forms, verb_frames, nouns, sections }
    }

    /// The pressure verb this lower-case form belongs to.
    pub fn verb(&self, word: &str) -> Option<VerbForm> {
        self.verb_forms.get(word).copied()
    }

    /// The frames of the verb `index` (from [`VerbForm::verb`]), in order.
    pub fn verb_frames(&self, index: usize) -> &[Frame] {
        &self.verb_frames[index]
    }

    /// The frames of a pressure noun form.
    pub fn noun(&self, word: &str) -> Option<&[NounFrame]> {
        self.nouns.get(word).map(Vec::as_slice)
    }

    /// True when the lower-case `word` is in the section `section` of `words.txt`.
    pub fn is(&self, section: &str, word: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.contains(word))
    }
}

/// The lists, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_and_frames() {
        let lex = get();
        let cases: &[(&str, Form, Frame)] = &[
            ("urged", Form::Past, Frame { particle: None, frame: VerbFrame::ObjTo }),
            ("calls", Form::Third, Frame { particle: Some("on"), frame: VerbFrame::ObjTo }),
            ("leant", Form::Past, Frame { particle: Some("on"), frame: VerbFrame::ObjTo }),
            ("threatening", Form::Ing, Frame { particle: None, frame: VerbFrame::To }),
        ];
        for &(word, form, first) in cases {
            let v = lex.verb(word).unwrap_or_else(|| panic!("{word} missing"));
            assert_eq!(v.form, form, "{word}");
            assert_eq!(lex.verb_frames(v.verb)[0], first, "{word}");
        }
        assert!(lex.verb("conference").is_none());
    }

    #[test]
    fn every_frame_name_parses() {
        for line in data_lines(VERBS) {
            let frames = line.rsplit('|').next().unwrap_or("");
            for f in frames.split_whitespace() {
                let name = f.split_once('+').map_or(f, |(_, r)| r);
                assert!(VerbFrame::parse(name).is_some(), "unknown verb frame {f:?} in {line:?}");
            }
        }
        for line in data_lines(NOUNS) {
            for f in line.split_once('|').map_or("", |(_, r)| r).split_whitespace() {
                assert!(NounFrame::parse(f).is_some(), "unknown noun frame {f:?} in {line:?}");
            }
        }
    }

    #[test]
    fn sections() {
        let lex = get();
        let cases: &[(&str, &str, bool)] = &[
            ("be", "was", true),
            ("vague_actor", "external", true),
            ("not_cue_before", "blood", true),
            ("not_cue_after", "conference", true),
            ("negator", "never", true),
            ("vague_actor", "washington", false),
        ];
        for &(section, word, want) in cases {
            assert_eq!(lex.is(section, word), want, "{section} {word}");
        }
    }
}
