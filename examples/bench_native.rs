//! Native benchmark harness for sourcelens, driven by `bench/run.mjs`.
//!
//! One measurement per process; the result is one line of JSON on stdout.
//!
//! ```text
//! bench_native throughput TEXTS.json REPS MAX_SECONDS   analyze() over every text, REPS passes
//! bench_native scan       TEXTS.json REPS MAX_SECONDS   one-pass quote-mark count (the ceiling)
//! bench_native stages     TEXTS.json REPS MAX_SECONDS   time of each pipeline stage
//! bench_native single     TEXT.txt   REPS               analyze() of one text + peak memory
//! ```
//!
//! `TEXTS.json` is a JSON array of strings. Times are in milliseconds per
//! pass; a pass is preceded by one untimed warm-up pass, and passes stop
//! early once MAX_SECONDS have been spent (at least three are always run).
//!
//! Build: `cargo build --release --example bench_native`.

use sourcelens::attribution::{self, Tuning};
use sourcelens::span::Span;
use sourcelens::{analyze, coref, findings::Findings, pipeline, pressures, quotes, sentences, sourcetypes, tokens, Options};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

/// What one timed pass returns: a checksum that keeps the work observable.
type Pass<'a> = Box<dyn FnMut() -> usize + 'a>;

fn read_texts(path: &str) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&raw).map_err(|e| format!("{path}: not a JSON array of strings: {e}"))
}

/// Runs `pass` once untimed, then up to `reps` timed passes (at least 3) within `max_s` seconds.
fn time_passes(reps: usize, max_s: f64, mut pass: impl FnMut() -> usize) -> (Vec<f64>, usize) {
    let mut check = black_box(pass());
    let mut runs = Vec::with_capacity(reps);
    let started = Instant::now();
    while runs.len() < reps.max(1) {
        let t = Instant::now();
        check = check.wrapping_add(black_box(pass()));
        runs.push(t.elapsed().as_secs_f64() * 1e3);
        if runs.len() >= 3 && started.elapsed().as_secs_f64() > max_s {
            break;
        }
    }
    (runs, check)
}

/// Peak and current resident set size of this process in KiB (Linux `/proc/self/status`).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn json_runs(runs: &[f64]) -> String {
    let parts: Vec<String> = runs.iter().map(|r| format!("{r:.4}")).collect();
    format!("[{}]", parts.join(","))
}

/// The quote marks the scan ceiling counts (straight and curly, double and single).
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}')
}

fn throughput(texts: &[String], reps: usize, max_s: f64) -> String {
    let bytes: usize = texts.iter().map(String::len).sum();
    let (runs, check) = time_passes(reps, max_s, || texts.iter().map(|t| analyze(t).attributions.len()).sum());
    format!(r#"{{"engine":"native","bytes":{bytes},"texts":{},"runs":{},"check":{check}}}"#, texts.len(), json_runs(&runs))
}

fn scan(texts: &[String], reps: usize, max_s: f64) -> String {
    let bytes: usize = texts.iter().map(String::len).sum();
    let (runs, check) =
        time_passes(reps, max_s, || texts.iter().map(|t| t.chars().filter(|&c| is_quote_mark(c)).count()).sum());
    format!(
        r#"{{"engine":"native-scan","bytes":{bytes},"texts":{},"runs":{},"check":{check}}}"#,
        texts.len(),
        json_runs(&runs)
    )
}

/// The inputs every stage needs for one text, computed once before timing.
struct Prepared<'a> {
    text: &'a str,
    tokens: Vec<tokens::Token>,
    quotes: Vec<quotes::Quote>,
    sentences: Vec<sentences::Sentence>,
    candidates: Vec<attribution::Candidate>,
    paragraph_of: Vec<usize>,
    mentions: Vec<Vec<Span>>,
    findings: Findings,
}

impl<'a> Prepared<'a> {
    fn new(text: &'a str) -> Prepared<'a> {
        let tokens = tokens::tokenize(text);
        let quotes = quotes::find(text, &tokens);
        let sentences = sentences::split(text, &tokens, &quotes);
        let candidates = attribution::find(text, &tokens, &quotes, &sentences, Tuning::default());
        let paragraph_of = candidates.iter().map(|c| sentences[c.sentence].paragraph).collect::<Vec<_>>();
        let linked = coref::link(text, &tokens, &candidates, &paragraph_of);
        let mentions = linked.entities.iter().map(|e| e.mentions.clone()).collect();
        let findings = pipeline::run(text, &Options::default());
        Prepared { text, tokens, quotes, sentences, candidates, paragraph_of, mentions, findings }
    }
}

/// Times each pipeline stage separately over all texts, each with its real inputs.
///
/// The stages are the public functions `pipeline::run` calls, in its order;
/// "glue in pipeline::run" is what `pipeline::run` spends beyond them.
fn stages(texts: &[String], reps: usize, max_s: f64) -> String {
    let options = Options::default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
    let analyses: Vec<_> = prepared.iter().map(|p| p.findings.clone().into_analysis(p.text)).collect();
    let each = |f: &dyn Fn(&Prepared) -> usize| -> usize { prepared.iter().map(f).sum() };
    let mut table: Vec<(&str, Pass)> = vec![
        ("analyze (whole)", Box::new(|| texts.iter().map(|t| analyze(t).attributions.len()).sum())),
        ("pipeline::run", Box::new(|| texts.iter().map(|t| pipeline::run(t, &options).sentences.len()).sum())),
        ("tokens::tokenize", Box::new(|| each(&|p| tokens::tokenize(p.text).len()))),
        ("quotes::find", Box::new(|| each(&|p| quotes::find(p.text, &p.tokens).len()))),
        ("sentences::split", Box::new(|| each(&|p| sentences::split(p.text, &p.tokens, &p.quotes).len()))),
        (
            "attribution::find",
            Box::new(|| {
                each(&|p| attribution::find(p.text, &p.tokens, &p.quotes, &p.sentences, Tuning::default()).len())
            }),
        ),
        (
            "coref::link",
            Box::new(|| each(&|p| coref::link(p.text, &p.tokens, &p.candidates, &p.paragraph_of).entities.len())),
        ),
        (
            "sourcetypes::classify",
            Box::new(|| each(&|p| p.mentions.iter().map(|m| sourcetypes::classify(p.text, m).rule.len()).sum())),
        ),
        (
            "pressures::find",
            Box::new(|| each(&|p| pressures::find(p.text, &p.findings.sentences, &p.findings.attributions).len())),
        ),
        (
            "Findings::into_analysis",
            Box::new(|| each(&|p| p.findings.clone().into_analysis(p.text).attributions.len())),
        ),
        ("Findings::clone", Box::new(|| each(&|p| p.findings.clone().sentences.len()))),
        (
            "serde_json::to_string",
            Box::new(|| analyses.iter().map(|a| serde_json::to_string(a).map(|s| s.len()).unwrap_or(0)).sum()),
        ),
    ];
    let rows: Vec<String> = table
        .iter_mut()
        .map(|(name, pass)| {
            let (runs, check) = time_passes(reps, max_s / 12.0, pass);
            format!(r#"{{"stage":"{name}","runs":{},"check":{check}}}"#, json_runs(&runs))
        })
        .collect();
    format!(r#"{{"engine":"native-stages","bytes":{bytes},"texts":{},"stages":[{}]}}"#, texts.len(), rows.join(","))
}

fn single(path: &str, reps: usize) -> Result<String, String> {
    let (base_peak, _) = memory_kib();
    let text = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(text).map_err(|_| format!("{path}: not UTF-8"))?;
    let (loaded_peak, loaded_rss) = memory_kib();
    let options = Options { max_input_bytes: usize::MAX, ..Options::default() };
    let mut runs = Vec::new();
    let mut check = 0usize;
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        let a = sourcelens::analyze_with(&text, &options).map_err(|e| e.to_string())?;
        runs.push(t.elapsed().as_secs_f64() * 1e3);
        check = check.wrapping_add(black_box(a.attributions.len() + a.sentences.len()));
    }
    let (peak, _) = memory_kib();
    Ok(format!(
        r#"{{"engine":"native","bytes":{},"runs":{},"check":{check},"baseKiB":{base_peak},"loadedPeakKiB":{loaded_peak},"loadedRssKiB":{loaded_rss},"peakKiB":{peak}}}"#,
        text.len(),
        json_runs(&runs)
    ))
}

fn parse<T: std::str::FromStr>(arg: Option<&String>, name: &str) -> Result<T, String> {
    let arg = arg.ok_or(format!("missing {name}"))?;
    arg.parse().map_err(|_| format!("{name}: not a number: {arg:?}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = (|| -> Result<String, String> {
        let mode = args.first().ok_or("missing mode (throughput|scan|stages|single)")?;
        let path = args.get(1).ok_or("missing input file")?;
        let reps: usize = parse(args.get(2), "REPS")?;
        let max_s: f64 = if mode == "single" { 0.0 } else { parse(args.get(3), "MAX_SECONDS")? };
        match mode.as_str() {
            "throughput" => Ok(throughput(&read_texts(path)?, reps, max_s)),
            "scan" => Ok(scan(&read_texts(path)?, reps, max_s)),
            "stages" => Ok(stages(&read_texts(path)?, reps, max_s)),
            "single" => single(path, reps),
            other => Err(format!("unknown mode {other:?}")),
        }
    })();
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench_native: {e}");
            ExitCode::FAILURE
        }
    }
}
