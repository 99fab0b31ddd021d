//! The pipeline: tokens, quotations, sentences, attributions, sources, types, pressures.
//!
//! Each stage is one module and one pass (or a bounded window per match), so
//! the whole analysis stays linear in the length of the text.

use crate::attribution::{self, Tuning};
use crate::coref;
use crate::lexicon::Lowered;
use crate::findings::{FoundAttribution, FoundSource, Findings};
use crate::{pressures, quotes, sentences, sourcetypes, tokens, Options};

/// Mentions of one source that typing reads (the earliest ones).
pub const MAX_TYPED_MENTIONS: usize = 8;

/// Runs every stage over `text`.
pub fn run(text: &str, options: &Options) -> Findings {
    let tuning = Tuning {
        explain: options.explain,
        min_confidence: (!options.confidence_gate).then_some(0.0),
        join_split_quotes: options.join_split_quotes,
        ..Tuning::default()
    };
    run_tuned(text, options, tuning)
}

/// Runs every stage with explicit cue-gate settings (for tuning tools).
pub fn run_tuned(text: &str, options: &Options, tuning: Tuning) -> Findings {
    let toks = tokens::tokenize(text);
    let qs = quotes::find(text, &toks);
    let sents = sentences::split(text, &toks, &qs);
    let lows = Lowered::new(text, &toks);
    let cands = attribution::find(text, &toks, &lows, &qs, &sents, tuning);
    let paragraph_of: Vec<usize> = cands.iter().map(|c| sents[c.sentence].paragraph).collect();
    let linked = coref::link(text, &toks, &lows, &qs, &cands, &paragraph_of);

    // keep only entities that some attribution comes from, numbered by first mention
    let mut used: Vec<usize> = linked.source_of.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    used.sort_by_key(|&e| linked.entities[e].mentions.first().map(|m| m.start).unwrap_or(usize::MAX));
    let mut index = vec![None; linked.entities.len()];
    for (k, &e) in used.iter().enumerate() {
        index[e] = Some(k);
    }
    // the tokens typing reads, made once for the stretches around the mentions it reads
    let typed: Vec<_> = used.iter().flat_map(|&e| linked.entities[e].mentions.iter().take(MAX_TYPED_MENTIONS).copied()).collect();
    let words = sourcetypes::Words::around(text, &typed, sourcetypes::WINDOW);
    let sources: Vec<FoundSource> = used
        .iter()
        .map(|&e| {
            let ent = &linked.entities[e];
            // typing reads a window around each mention: the first ones say what it needs
            let typing = sourcetypes::classify_in(text, &words, &ent.mentions[..ent.mentions.len().min(MAX_TYPED_MENTIONS)]);
            FoundSource {
                name: ent.name.clone(),
                source_type: typing.source_type,
                role: typing.role,
                affiliation: typing.affiliation,
                affiliation_kind: typing.affiliation_kind,
                anonymity_marker: typing.anonymity_marker,
                mentions: ent.mentions.clone(),
                type_rule: typing.rule,
            }
        })
        .collect();
    let span_of = |r: (usize, usize)| toks[r.0].span.cover(toks[r.1 - 1].span);
    let attributions: Vec<FoundAttribution> = cands
        .iter()
        .zip(&linked.source_of)
        .map(|(c, &e)| FoundAttribution {
            kind: c.kind,
            source: e.and_then(|e| index[e]),
            content: c.content.clone(),
            cue: c.cue.map(span_of),
            speaker: c.speaker.map(|n| span_of((n.first, n.end))),
            rule: c.rule,
            confidence: c.confidence,
            features: c.features.clone(),
        })
        .collect();
    let sentence_spans: Vec<_> = sents.iter().map(|s| s.span).collect();
    let pressures = if options.pressures { pressures::find_in(text, &toks, &sentence_spans, &attributions) } else { Vec::new() };
    Findings { sentences: sentence_spans, sources, attributions, pressures }
}
