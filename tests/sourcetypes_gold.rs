//! Source typing on the GOLD mentions of the shared gold files: a regression
//! gate for `sourcetypes::classify`. Skips cleanly when `../shared` is absent.

use serde_json::Value;
use sourcelens::model::{AffiliationKind, SourceType};
use sourcelens::sourcetypes::{classify, Typing};
use sourcelens::span::Span;
use std::path::Path;

const EVAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval");

/// Every gold source of the articles with a `sources` layer: (text, gold source, typing).
fn typed(file: &str) -> Option<Vec<(String, Value, Typing)>> {
    let path = Path::new(EVAL).join(file);
    let body = std::fs::read_to_string(&path).ok()?;
    let mut out = Vec::new();
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).expect("gold line is JSON");
        if !doc["layers"].as_array().is_some_and(|l| l.iter().any(|x| x == "sources")) {
            continue;
        }
        let text = doc["text"].as_str().unwrap_or("").to_string();
        let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        map.push(text.len());
        for s in doc["sources"].as_array().into_iter().flatten() {
            let mut spans: Vec<Span> = s["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| Some(Span::new(map[m[0].as_u64()? as usize], map[m[1].as_u64()? as usize])))
                .collect();
            spans.sort();
            let t = classify(&text, &spans);
            out.push((text.clone(), s.clone(), t));
        }
    }
    Some(out)
}

#[test]
fn polnear_dev_types_and_anonymity() {
    let Some(rows) = typed("polnear-dev.jsonl") else {
        eprintln!("skipped: {EVAL} not found");
        return;
    };
    let n = rows.len();
    assert!(n >= 100, "expected the 30 typed articles, got {n} sources");
    let ok = rows.iter().filter(|(_, s, t)| s["type"].as_str() == Some(t.source_type.as_str())).count();
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for (_, s, t) in &rows {
        let g = s["anonymous"].as_bool().unwrap_or(false);
        let p = t.source_type.is_anonymous();
        tp += (g && p) as usize;
        pred += p as usize;
        gold += g as usize;
    }
    let accuracy = ok as f64 / n as f64;
    let (pr, rc) = (tp as f64 / pred.max(1) as f64, tp as f64 / gold.max(1) as f64);
    let f1 = 2.0 * pr * rc / (pr + rc).max(f64::EPSILON);
    eprintln!("gold mentions: type accuracy {accuracy:.3}, anonymous F1 {f1:.3} over {n} sources");
    assert!(accuracy >= 0.90, "type accuracy {accuracy:.3}");
    assert!(f1 >= 0.90, "anonymous F1 {f1:.3}");
}

#[test]
fn seed_sources_fully_typed() {
    let Some(rows) = typed("seed.jsonl") else {
        eprintln!("skipped: {EVAL} not found");
        return;
    };
    let by_id = |id: &str| rows.iter().find(|(_, s, _)| s["id"] == id).expect("seed source");
    let (_, _, s1) = by_id("S1");
    assert_eq!(s1.source_type, SourceType::NamedPerson);
    assert_eq!(s1.role.as_deref(), Some("lawmaker"));
    assert_eq!(s1.affiliation.as_deref(), Some("State of Law Coalition"));
    assert_eq!(s1.affiliation_kind, AffiliationKind::Political);
    let (text, gold, s2) = by_id("S2");
    assert_eq!(s2.source_type, SourceType::AnonymousSource);
    assert_eq!(s2.affiliation.as_deref(), Some("Iraqi government"));
    assert_eq!(s2.affiliation_kind, AffiliationKind::Government);
    let chars: Vec<char> = text.chars().collect();
    let m = &gold["anonymity_marker"];
    let want: String = chars[m[0].as_u64().unwrap() as usize..m[1].as_u64().unwrap() as usize].iter().collect();
    assert_eq!(s2.anonymity_marker.map(|x| x.text(text)), Some(want.as_str()));
}
