//! Dev harness for source typing: runs `sourcetypes::classify` on the GOLD
//! source mentions of the gold files and prints type accuracy, anonymous
//! P/R/F1, role/affiliation/kind agreement and a confusion table.
//!
//! ```text
//! cargo run --release --example type_gold [-- [-v] FILE.jsonl...]
//! ```
//!
//! Without files it reads `../shared/eval/polnear-dev.jsonl` and
//! `../shared/eval/seed.jsonl` (only articles whose `layers` include
//! `sources`). `-v` lists every disagreement; `--show TEXT` prints the
//! sources with a mention containing TEXT. `--speakers FILE` types every
//! gold speaker span of FILE on its own (e.g. polnear-train, which has no
//! source types) and prints the type distribution and every 50th speaker,
//! for reading rather than scoring. Gold offsets are Unicode code
//! points; they are converted to byte offsets here.

use serde_json::Value;
use sourcelens::model::SourceType;
use sourcelens::sourcetypes::classify;
use sourcelens::span::Span;
use std::collections::BTreeMap;

/// Byte offset of every code point index (one past the end included).
fn cp_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse_type(s: &str) -> Option<SourceType> {
    SourceType::ALL.iter().copied().find(|t| t.as_str() == s)
}

/// Loose agreement of two free-text values: one contains the other, or they
/// share at least half of the shorter one's words.
fn agree(gold: &str, pred: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(['.', ','], "");
    let (g, p) = (norm(gold), norm(pred));
    if g.contains(&p) || p.contains(&g) {
        return true;
    }
    let gw: Vec<&str> = g.split_whitespace().collect();
    let pw: Vec<&str> = p.split_whitespace().collect();
    let shared = pw.iter().filter(|w| gw.contains(w)).count();
    shared * 2 >= gw.len().min(pw.len()).max(1) && shared > 0
}

#[derive(Default)]
struct Tally {
    n: usize,
    type_ok: usize,
    anon_tp: usize,
    anon_pred: usize,
    anon_gold: usize,
    role_gold: usize,
    role_ok: usize,
    aff_gold: usize,
    aff_ok: usize,
    kind_ok: usize,
    marker_gold: usize,
    marker_ok: usize,
}

fn main() {
    let mut verbose = false;
    let mut show: Option<String> = None;
    let mut speakers: Option<String> = None;
    let mut files: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "-v" {
            verbose = true;
        } else if a == "--show" {
            show = args.next();
        } else if a == "--speakers" {
            speakers = args.next();
        } else {
            files.push(a);
        }
    }
    if let Some(file) = speakers {
        speaker_sample(&file);
        return;
    }
    if files.is_empty() {
        files = vec!["../shared/eval/polnear-dev.jsonl".into(), "../shared/eval/seed.jsonl".into()];
    }
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for file in &files {
        let Ok(body) = std::fs::read_to_string(file) else {
            eprintln!("skip {file}: not readable");
            continue;
        };
        let mut t = Tally::default();
        let mut articles = 0;
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(doc) = serde_json::from_str::<Value>(line) else { continue };
            let has_layer = doc["layers"].as_array().is_some_and(|l| l.iter().any(|x| x == "sources"));
            if !has_layer {
                continue;
            }
            articles += 1;
            let text = doc["text"].as_str().unwrap_or("");
            let map = cp_to_byte(text);
            let byte = |i: &Value| i.as_u64().and_then(|i| map.get(i as usize).copied());
            for s in doc["sources"].as_array().into_iter().flatten() {
                let Some(gt) = s["type"].as_str().and_then(parse_type) else { continue };
                let mut spans: Vec<Span> = s["mentions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|m| Some(Span::new(byte(&m[0])?, byte(&m[1])?)))
                    .collect();
                spans.sort();
                let typing = classify(text, &spans);
                if let Some(needle) = &show {
                    if spans.iter().any(|m| m.text(text).contains(needle.as_str())) {
                        let all: Vec<&str> = spans.iter().map(|m| m.text(text)).collect();
                        println!("SHOW {all:?}\n  gold {} role {:?} aff {:?} kind {}\n  got  {typing:?}", s["type"], s["role"], s["affiliation"], s["affiliation_kind"]);
                    }
                }
                t.n += 1;
                let pt = typing.source_type;
                *confusion.entry((gt.as_str().to_string(), pt.as_str().to_string())).or_default() += 1;
                t.type_ok += (pt == gt) as usize;
                let ga = s["anonymous"].as_bool().unwrap_or(gt.is_anonymous());
                t.anon_gold += ga as usize;
                t.anon_pred += pt.is_anonymous() as usize;
                t.anon_tp += (ga && pt.is_anonymous()) as usize;
                let mut notes = Vec::new();
                if let Some(gr) = s["role"].as_str() {
                    t.role_gold += 1;
                    let ok = typing.role.as_deref().is_some_and(|r| agree(gr, r));
                    t.role_ok += ok as usize;
                    if !ok {
                        notes.push(format!("role {gr:?} got {:?}", typing.role));
                    }
                }
                if let Some(ga) = s["affiliation"].as_str() {
                    t.aff_gold += 1;
                    let ok = typing.affiliation.as_deref().is_some_and(|r| agree(ga, r));
                    t.aff_ok += ok as usize;
                    if !ok {
                        notes.push(format!("aff {ga:?} got {:?}", typing.affiliation));
                    }
                }
                let gk = s["affiliation_kind"].as_str().unwrap_or("unknown");
                let pk = serde_json::to_value(typing.affiliation_kind).ok();
                let kind_ok = pk.as_ref().and_then(|v| v.as_str()) == Some(gk);
                t.kind_ok += kind_ok as usize;
                if !kind_ok {
                    notes.push(format!("kind {gk} got {:?}", typing.affiliation_kind));
                }
                if let Some(m) = s["anonymity_marker"].as_array() {
                    t.marker_gold += 1;
                    let want = (byte(&m[0]), byte(&m[1]));
                    let ok = typing.anonymity_marker.map(|x| (Some(x.start), Some(x.end))) == Some(want);
                    t.marker_ok += ok as usize;
                    if !ok {
                        notes.push(format!("marker got {:?}", typing.anonymity_marker.map(|x| x.text(text))));
                    }
                }
                if verbose && (pt != gt || !notes.is_empty()) {
                    let shown: Vec<&str> = spans.iter().take(4).map(|m| m.text(text)).collect();
                    let flag = if pt != gt { format!("{} -> {} ({})", gt.as_str(), pt.as_str(), typing.rule) } else { "type ok".into() };
                    println!("  {flag}: {shown:?} | {}", notes.join("; "));
                }
            }
        }
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, rc) = (r(t.anon_tp, t.anon_pred), r(t.anon_tp, t.anon_gold));
        let f1 = if p + rc == 0.0 { 0.0 } else { 2.0 * p * rc / (p + rc) };
        println!(
            "{file}: {articles} articles, {} sources; type accuracy {:.3}; anonymous P {p:.3} R {rc:.3} F1 {f1:.3}; role {}/{} ({:.3}); affiliation {}/{} ({:.3}); kind {:.3}; markers {}/{}",
            t.n,
            r(t.type_ok, t.n),
            t.role_ok,
            t.role_gold,
            r(t.role_ok, t.role_gold),
            t.aff_ok,
            t.aff_gold,
            r(t.aff_ok, t.aff_gold),
            r(t.kind_ok, t.n),
            t.marker_ok,
            t.marker_gold
        );
    }
    println!("confusion (gold -> predicted: count), errors only:");
    for ((g, p), n) in &confusion {
        if g != p {
            println!("  {g:>18} -> {p:<18} {n}");
        }
    }
}

/// Types each gold speaker span alone; prints the distribution and a sample.
fn speaker_sample(file: &str) {
    let Ok(body) = std::fs::read_to_string(file) else {
        eprintln!("skip {file}: not readable");
        return;
    };
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut n = 0usize;
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(doc) = serde_json::from_str::<Value>(line) else { continue };
        let text = doc["text"].as_str().unwrap_or("");
        let map = cp_to_byte(text);
        let byte = |i: &Value| i.as_u64().and_then(|i| map.get(i as usize).copied());
        for a in doc["attributions"].as_array().into_iter().flatten() {
            let sp = &a["speaker"];
            let (Some(s), Some(e)) = (byte(&sp[0]), byte(&sp[1])) else { continue };
            let t = classify(text, &[Span::new(s, e)]);
            *counts.entry(t.source_type.as_str()).or_default() += 1;
            n += 1;
            if n % 50 == 0 {
                println!("{:>18} {:<14} {:?} role {:?} aff {:?}", t.source_type.as_str(), t.rule, Span::new(s, e).text(text), t.role, t.affiliation);
            }
        }
    }
    println!("{n} speakers: {counts:?}");
}
