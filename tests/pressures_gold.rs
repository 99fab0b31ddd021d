//! Dev harness: claimed pressures against the gold sets in `../shared/eval`.
//!
//! Reads `polnear-dev.jsonl` and `seed.jsonl` at run time (the texts are never
//! copied into the repository) and skips cleanly when they are absent. It
//! prints the figures `score.py` reports for pressures (detection by span
//! overlap, then pressurer, target and demand overlap) and fails when they
//! fall below floors set under the measured figures, so that a change that
//! loses pressures shows up in `cargo test`. Claimants need the attribution
//! engine and are left to `score.py`.

use serde_json::Value;
use sourcelens::{analyze, Utf16Span};
use std::path::PathBuf;

/// A span in UTF-16 code units, `start..end`.
type Range = (usize, usize);

fn gold_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.is_dir().then_some(dir)
}

/// Code point offsets (the gold's) to UTF-16 offsets (the analysis').
fn utf16_table(text: &str) -> Vec<usize> {
    let mut table = Vec::with_capacity(text.len() + 1);
    let mut units = 0;
    for c in text.chars() {
        table.push(units);
        units += c.len_utf16();
    }
    table.push(units);
    table
}

fn gold_span(v: &Value, table: &[usize]) -> Option<Range> {
    let a = v.get(0)?.as_u64()? as usize;
    let b = v.get(1)?.as_u64()? as usize;
    Some((table[a.min(table.len() - 1)], table[b.min(table.len() - 1)]))
}

fn overlaps(a: Range, b: Option<Utf16Span>) -> bool {
    b.is_some_and(|b| a.0 < b.end && b.start < a.1)
}

/// Counts like score.py's pressure block.
#[derive(Default, Debug)]
struct Tally {
    gold: usize,
    pred: usize,
    found: usize,
    roles: [(usize, usize); 3],
}

impl Tally {
    fn f1(&self) -> f64 {
        let p = self.found as f64 / self.pred.max(1) as f64;
        let r = self.found as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn accuracy(&self, role: usize) -> f64 {
        let (ok, n) = self.roles[role];
        ok as f64 / n.max(1) as f64
    }
}

fn score(file: &str) -> Option<Tally> {
    let text = std::fs::read_to_string(gold_dir()?.join(file)).ok()?;
    let mut t = Tally::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("gold line is JSON");
        let layers = g["layers"].as_array().cloned().unwrap_or_default();
        if !layers.iter().any(|l| l == "pressures") {
            continue;
        }
        let body = g["text"].as_str().unwrap_or("");
        let table = utf16_table(body);
        let predicted = analyze(body).pressures;
        let gold = g["pressures"].as_array().cloned().unwrap_or_default();
        t.gold += gold.len();
        t.pred += predicted.len();
        let mut used = vec![false; predicted.len()];
        for gp in &gold {
            let Some(span) = gold_span(&gp["span"], &table) else { continue };
            let Some(j) = (0..predicted.len()).find(|&j| !used[j] && overlaps(span, Some(predicted[j].span))) else { continue };
            used[j] = true;
            t.found += 1;
            let p = &predicted[j];
            let pressurers: Vec<Range> =
                gp["pressurers"].as_array().into_iter().flatten().filter_map(|x| gold_span(&x["span"], &table)).collect();
            if !pressurers.is_empty() {
                t.roles[0].1 += 1;
                t.roles[0].0 += usize::from(pressurers.iter().any(|&g| p.pressurers.iter().any(|&s| overlaps(g, Some(s)))));
            }
            for (k, role, got) in [(1, "target", p.target), (2, "demand", p.demand)] {
                if let Some(span) = gold_span(&gp[role]["span"], &table) {
                    t.roles[k].1 += 1;
                    t.roles[k].0 += usize::from(overlaps(span, got));
                }
            }
        }
    }
    eprintln!(
        "{file}: pressures F1 {:.3} (found {} of {}, {} predicted); pressurer {:.3} target {:.3} demand {:.3}",
        t.f1(),
        t.found,
        t.gold,
        t.pred,
        t.accuracy(0),
        t.accuracy(1),
        t.accuracy(2)
    );
    Some(t)
}

#[test]
fn polnear_dev_pressures_stay_above_floor() {
    let Some(t) = score("polnear-dev.jsonl") else {
        eprintln!("skipped: ../shared/eval/polnear-dev.jsonl is not here");
        return;
    };
    // measured: F1 0.70, pressurer 0.86, target 0.79, demand 0.88
    assert!(t.f1() >= 0.62, "detection F1 fell to {:.3}", t.f1());
    assert!(t.accuracy(0) >= 0.75, "pressurer accuracy fell to {:.3}", t.accuracy(0));
    assert!(t.accuracy(1) >= 0.65, "target accuracy fell to {:.3}", t.accuracy(1));
    assert!(t.accuracy(2) >= 0.75, "demand accuracy fell to {:.3}", t.accuracy(2));
}

#[test]
fn seed_pressures_are_all_found() {
    let Some(t) = score("seed.jsonl") else {
        eprintln!("skipped: ../shared/eval/seed.jsonl is not here");
        return;
    };
    assert_eq!(t.found, t.gold, "seed pressures found");
    assert!(t.pred <= t.gold + 1, "{} pressures predicted on the seed", t.pred);
    assert!(t.accuracy(2) >= 0.75, "seed demand accuracy fell to {:.3}", t.accuracy(2));
}
