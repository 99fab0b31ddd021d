//! A learned confidence for each attribution candidate.
//!
//! The shapes of [`crate::attribution`] propose candidates; this module says
//! how likely each one is to be an attribution a careful annotator would mark,
//! with its speaker right. It is a logistic model over a few named facts of
//! the candidate (the rule, the cue word, the speaker's shape, how the content
//! opens, its length…), with weights learned from the PolNeAR training gold by
//! `scripts/train_confidence.py` and built into the crate from
//! `src/lexicon/confidence.tsv`. Candidates under the file's threshold are
//! dropped; the others carry their confidence into their evidence.

use crate::lexicon::Fnv;
use crate::model::AttributionKind;
use crate::speakers::NpKind;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

const WEIGHTS: &str = include_str!("lexicon/confidence.tsv");

/// What the model reads of one candidate.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    /// The rule that proposed it.
    pub rule: &'static str,
    /// Its kind.
    pub kind: AttributionKind,
    /// The cue's first word, lower-case (`said`, `according`, `:`), if any.
    pub cue: Option<&'a str>,
    /// The cue verb's lemma (`say` for `said`), when it is a known reporting verb.
    pub cue_lemma: Option<&'a str>,
    /// The speaker phrase's shape, if any.
    pub speaker: Option<NpKind>,
    /// The speaker phrase is written in capitals (`PENCE`), as transcripts name speakers.
    pub speaker_caps: bool,
    /// The speaker phrase's last word, lower-case (`he`, `officials`, `obama`).
    pub speaker_head: Option<&'a str>,
    /// The first word of the content, lower-case (empty when it opens with a mark).
    pub content_first: &'a str,
    /// Words in the content.
    pub content_words: usize,
    /// The content has an auxiliary or modal (`is`, `would`, `has`…): a clause, not a noun phrase.
    pub content_finite: bool,
    /// A `that` stands between the cue and the content.
    pub that: bool,
    /// The sentence is a question.
    pub question: bool,
    /// The sentence has no closing punctuation (a headline or a caption).
    pub unpunctuated: bool,
    /// The word or mark just before the cue, lower-case (`to` in `refused to
    /// say`, `^` at the sentence start, `"` for a quotation mark).
    pub cue_before: &'a str,
    /// The word or mark just after the cue (`that`, `to`, `,`, `$` at the end).
    pub cue_after: &'a str,
}

fn kind_name(k: AttributionKind) -> &'static str {
    match k {
        AttributionKind::Direct => "direct",
        AttributionKind::Indirect => "indirect",
        AttributionKind::Mixed => "mixed",
        AttributionKind::AccordingTo => "according",
    }
}

fn np_name(k: Option<NpKind>) -> &'static str {
    match k {
        None => "none",
        Some(NpKind::Pronoun) => "pronoun",
        Some(NpKind::Relative) => "relative",
        Some(NpKind::Name) => "name",
        Some(NpKind::Description) => "description",
    }
}

fn length_bucket(words: usize) -> &'static str {
    match words {
        0..=2 => "1-2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

/// The named features of a candidate, in a stable order.
pub fn features(f: &Facts) -> Vec<String> {
    let kind = kind_name(f.kind);
    let spk = np_name(f.speaker);
    let cue = f.cue.unwrap_or("-");
    let quoted = if f.kind == AttributionKind::Direct { "direct" } else { "clause" };
    let mut out = vec![
        "bias".to_string(),
        format!("rule={}", f.rule),
        format!("kind={kind}"),
        format!("rule={}|kind={kind}", f.rule),
        format!("cue={cue}"),
        format!("cue={cue}|{quoted}"),
        format!("spk={spk}"),
        format!("rule={}|spk={spk}", f.rule),
        format!("len={}", length_bucket(f.content_words)),
        format!("len={}|{quoted}", length_bucket(f.content_words)),
        format!("first={}|{quoted}", if f.content_first.is_empty() { "-" } else { f.content_first }),
    ];
    if let Some(l) = f.cue_lemma {
        out.push(format!("lemma={l}|{quoted}"));
    }
    if let Some(h) = f.speaker_head {
        out.push(format!("head={h}"));
    }
    if f.kind != AttributionKind::Direct {
        out.push(format!("finite={}", f.content_finite));
        out.push(format!("cue={cue}|finite={}", f.content_finite || f.that));
    }
    if f.speaker_caps {
        out.push(format!("caps|rule={}", f.rule));
    }
    if f.that {
        out.push("that".to_string());
    }
    if f.question {
        out.push("question".to_string());
    }
    if f.unpunctuated {
        out.push("unpunctuated".to_string());
    }
    if f.cue.is_some() {
        out.push(format!("before={}|{quoted}", f.cue_before));
        out.push(format!("after={}|{quoted}", f.cue_after));
    }
    out
}

/// The learned weights and the confidence under which candidates are dropped.
#[derive(Debug)]
pub struct Model {
    weights: HashMap<String, f32, BuildHasherDefault<Fnv>>,
    /// Candidates whose confidence is below this are dropped.
    pub threshold: f32,
}

impl Model {
    fn parse(data: &str) -> Model {
        let mut weights = HashMap::default();
        let mut threshold = 0.0;
        for line in data.lines() {
            let line = line.trim_end();
            if let Some(t) = line.strip_prefix("#threshold\t") {
                threshold = t.trim().parse().unwrap_or(0.0);
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((name, w)) = line.rsplit_once('\t') {
                if let Ok(w) = w.trim().parse::<f32>() {
                    weights.insert(name.to_string(), w);
                }
            }
        }
        Model { weights, threshold }
    }

    /// The probability that a candidate with these features is right.
    pub fn confidence(&self, features: &[String]) -> f32 {
        let z: f32 = features.iter().filter_map(|f| self.weights.get(f.as_str())).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The built-in model, parsed on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(rule: &'static str, cue: &'static str) -> Facts<'static> {
        Facts {
            rule,
            kind: AttributionKind::Indirect,
            cue: Some(cue),
            cue_lemma: None,
            speaker: Some(NpKind::Name),
            speaker_caps: false,
            speaker_head: Some("smith"),
            content_first: "the",
            content_words: 9,
            content_finite: true,
            that: true,
            question: false,
            unpunctuated: false,
            cue_before: "^",
            cue_after: "that",
        }
    }

    #[test]
    fn parses_weights_and_threshold() {
        let m = Model::parse("# comment\n#threshold\t0.4\nbias\t-1\ncue=said\t3\n");
        assert_eq!(m.threshold, 0.4);
        let f = features(&facts("speaker-cue-clause", "said"));
        let p = m.confidence(&f);
        assert!((p - 1.0 / (1.0 + (-2.0f32).exp())).abs() < 1e-6, "{p}");
    }

    #[test]
    fn built_in_model_keeps_a_plain_quote_and_drops_a_verb_of_feeling() {
        let m = model();
        let mut quote = facts("quote-speaker-cue", "said");
        quote.kind = AttributionKind::Direct;
        quote.speaker = Some(NpKind::Pronoun);
        quote.speaker_head = Some("he");
        let quote = m.confidence(&features(&quote));
        // "His behavior has angered the party's top figures": no statement
        let mut weak = facts("speaker-cue-clause", "angered");
        weak.speaker = Some(NpKind::Description);
        weak.speaker_head = Some("behavior");
        weak.content_finite = false;
        weak.that = false;
        let weak = m.confidence(&features(&weak));
        assert!(quote > 0.9 && quote > m.threshold, "quote {quote}");
        assert!(weak < m.threshold, "angered {weak}");
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn features_are_stable_and_named() {
        let f = features(&facts("speaker-cue-clause", "said"));
        assert_eq!(f[0], "bias");
        assert!(f.contains(&"cue=said|clause".to_string()));
        assert!(f.contains(&"cue=said|finite=true".to_string()));
        assert!(f.contains(&"that".to_string()));
    }
}
