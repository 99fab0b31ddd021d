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

use sourcelens::{analyze, findings::Findings, pipeline, pressures, Options};
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

/// Times each public stage separately over all texts.
///
/// `pipeline::run` is the whole engine; the stages the pipeline exposes are
/// timed on their own, and what is left of `pipeline::run` is reported as
/// "rest of pipeline::run".
fn stages(texts: &[String], reps: usize, max_s: f64) -> String {
    let options = Options::default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let findings: Vec<Findings> = texts.iter().map(|t| pipeline::run(t, &options)).collect();
    let analyses: Vec<_> = texts.iter().zip(&findings).map(|(t, f)| f.clone().into_analysis(t)).collect();
    let mut table: Vec<(&str, Pass)> = vec![
        ("pipeline::run (all stages)", Box::new(|| texts.iter().map(|t| pipeline::run(t, &options).sentences.len()).sum())),
        (
            "pressures::find",
            Box::new(|| {
                texts.iter().zip(&findings).map(|(t, f)| pressures::find(t, &f.sentences, &f.attributions).len()).sum()
            }),
        ),
        (
            "Findings::into_analysis (UTF-16 + model)",
            Box::new(|| texts.iter().zip(&findings).map(|(t, f)| f.clone().into_analysis(t).attributions.len()).sum()),
        ),
        ("Findings::clone (subtract from into_analysis)", Box::new(|| findings.iter().map(|f| f.clone().sentences.len()).sum())),
        (
            "serde_json::to_string (CLI output)",
            Box::new(|| analyses.iter().map(|a| serde_json::to_string(a).map(|s| s.len()).unwrap_or(0)).sum()),
        ),
    ];
    let rows: Vec<String> = table
        .iter_mut()
        .map(|(name, pass)| {
            let (runs, check) = time_passes(reps, max_s / 5.0, pass);
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
