//! Native benchmark harness for sourcelens, driven by `bench/run.mjs`.
//!
//! One measurement per process; the result is one line of JSON on stdout.
//!
//! ```text
//! bench_native throughput TEXTS.json REPS MAX_SECONDS   analyze() over every text, REPS passes
//! bench_native scan       TEXTS.json REPS MAX_SECONDS   one-pass quote-mark count (the ceiling)
//! bench_native stages     TEXTS.json REPS MAX_SECONDS   time of each pipeline stage
//! bench_native single     TEXT.txt   REPS               analyze() of one text + peak memory
//! bench_native footprint  TEXT.txt                      heap bytes each stage keeps, peak heap
//! ```
//!
//! `TEXTS.json` is a JSON array of strings. Times are in milliseconds per
//! pass; a pass is preceded by one untimed warm-up pass, and passes stop
//! early once MAX_SECONDS have been spent (at least three are always run).
//!
//! Build: `cargo build --release --example bench_native`.

use sourcelens::attribution::{self, Tuning};
use sourcelens::lexicon::Lowered;
use sourcelens::span::Span;
use sourcelens::{
    analyze, coref, findings::Findings, pipeline, pressures, quotes, sentences, sourcetypes,
    tokens, Options,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// What one timed pass returns: a checksum that keeps the work observable.
type Pass<'a> = Box<dyn FnMut() -> usize + 'a>;

fn read_texts(path: &str) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&raw).map_err(|e| format!("{path}: not a JSON array of strings: {e}"))
}

/// `struct timespec` of the C library on 64-bit Linux.
#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    /// From the C library std already links; `CLOCK_THREAD_CPUTIME_ID` is exact to the nanosecond.
    fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
}

/// Linux's `CLOCK_THREAD_CPUTIME_ID`.
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// On-CPU time of the calling thread in milliseconds, so that figures taken on a busy
/// machine are not inflated by waiting for a core (NaN if the clock is unavailable).
fn cpu_ms() -> f64 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc == 0 {
        ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
    } else {
        f64::NAN
    }
}

/// Wall-clock and on-CPU milliseconds of each timed pass.
#[derive(Default)]
struct Runs {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

impl Runs {
    /// Times one call of `f`, returning its result.
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (c, t) = (cpu_ms(), Instant::now());
        let out = f();
        self.wall.push(t.elapsed().as_secs_f64() * 1e3);
        self.cpu.push(cpu_ms() - c);
        out
    }

    /// `"runs":[..],"cpu":[..]` for the JSON line.
    fn json(&self) -> String {
        format!(
            r#""runs":{},"cpu":{}"#,
            json_runs(&self.wall),
            json_runs(&self.cpu)
        )
    }
}

/// Runs `pass` once untimed, then up to `reps` timed passes (at least 3) within `max_s` seconds.
fn time_passes(reps: usize, max_s: f64, mut pass: impl FnMut() -> usize) -> (Runs, usize) {
    let mut check = black_box(pass());
    let mut runs = Runs::default();
    let started = Instant::now();
    while runs.wall.len() < reps.max(1) {
        check = check.wrapping_add(black_box(runs.time(&mut pass)));
        if runs.wall.len() >= 3 && started.elapsed().as_secs_f64() > max_s {
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
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
    )
}

fn throughput(texts: &[String], reps: usize, max_s: f64) -> String {
    let bytes: usize = texts.iter().map(String::len).sum();
    let (runs, check) = time_passes(reps, max_s, || {
        texts.iter().map(|t| analyze(t).attributions.len()).sum()
    });
    format!(
        r#"{{"engine":"native","bytes":{bytes},"texts":{},{},"check":{check}}}"#,
        texts.len(),
        runs.json()
    )
}

fn scan(texts: &[String], reps: usize, max_s: f64) -> String {
    let bytes: usize = texts.iter().map(String::len).sum();
    let (runs, check) = time_passes(reps, max_s, || {
        texts
            .iter()
            .map(|t| t.chars().filter(|&c| is_quote_mark(c)).count())
            .sum()
    });
    format!(
        r#"{{"engine":"native-scan","bytes":{bytes},"texts":{},{},"check":{check}}}"#,
        texts.len(),
        runs.json()
    )
}

/// The inputs every stage needs for one text, computed once before timing.
struct Prepared<'a> {
    text: &'a str,
    tokens: Vec<tokens::Token>,
    quotes: Vec<quotes::Quote>,
    sentences: Vec<sentences::Sentence>,
    lows: Lowered,
    candidates: Vec<attribution::Candidate>,
    paragraph_of: Vec<usize>,
    mentions: Vec<Vec<Span>>,
    findings: Findings,
}

/// The mentions typing reads, as `pipeline::run` passes them: for each entity some
/// attribution comes from, its first [`pipeline::MAX_TYPED_MENTIONS`] mentions.
fn typed_mentions(linked: &coref::Linked) -> Vec<Vec<Span>> {
    let mut used: Vec<usize> = linked.source_of.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    used.iter()
        .map(|&e| {
            let m = &linked.entities[e].mentions;
            m[..m.len().min(pipeline::MAX_TYPED_MENTIONS)].to_vec()
        })
        .collect()
}

impl<'a> Prepared<'a> {
    fn new(text: &'a str) -> Prepared<'a> {
        let tokens = tokens::tokenize(text);
        let quotes = quotes::find(text, &tokens);
        let sentences = sentences::split(text, &tokens, &quotes);
        let lows = Lowered::new(text, &tokens);
        let candidates =
            attribution::find(text, &tokens, &lows, &quotes, &sentences, Tuning::default());
        let paragraph_of = candidates
            .iter()
            .map(|c| sentences[c.sentence].paragraph)
            .collect::<Vec<_>>();
        let linked = coref::link(text, &tokens, &lows, &quotes, &candidates, &paragraph_of);
        let mentions = typed_mentions(&linked);
        let findings = pipeline::run(text, &Options::default());
        Prepared {
            text,
            tokens,
            quotes,
            sentences,
            lows,
            candidates,
            paragraph_of,
            mentions,
            findings,
        }
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
    let analyses: Vec<_> = prepared
        .iter()
        .map(|p| p.findings.clone().into_analysis(p.text))
        .collect();
    let each = |f: &dyn Fn(&Prepared) -> usize| -> usize { prepared.iter().map(f).sum() };
    let mut table: Vec<(&str, Pass)> = vec![
        (
            "analyze (whole)",
            Box::new(|| texts.iter().map(|t| analyze(t).attributions.len()).sum()),
        ),
        (
            "pipeline::run",
            Box::new(|| {
                texts
                    .iter()
                    .map(|t| pipeline::run(t, &options).sentences.len())
                    .sum()
            }),
        ),
        (
            "tokens::tokenize",
            Box::new(|| each(&|p| tokens::tokenize(p.text).len())),
        ),
        (
            "quotes::find",
            Box::new(|| each(&|p| quotes::find(p.text, &p.tokens).len())),
        ),
        (
            "sentences::split",
            Box::new(|| each(&|p| sentences::split(p.text, &p.tokens, &p.quotes).len())),
        ),
        (
            "lexicon::Lowered::new",
            Box::new(|| {
                each(&|p| {
                    black_box(Lowered::new(p.text, &p.tokens));
                    1
                })
            }),
        ),
        (
            "attribution::find",
            Box::new(|| {
                each(&|p| {
                    attribution::find(
                        p.text,
                        &p.tokens,
                        &p.lows,
                        &p.quotes,
                        &p.sentences,
                        Tuning::default(),
                    )
                    .len()
                })
            }),
        ),
        (
            "coref::link",
            Box::new(|| {
                each(&|p| {
                    coref::link(p.text, &p.tokens, &p.lows, &p.quotes, &p.candidates, &p.paragraph_of)
                        .entities
                        .len()
                })
            }),
        ),
        (
            "sourcetypes::classify",
            Box::new(|| {
                each(&|p| {
                    let words = sourcetypes::Words::around(p.text, &p.mentions.concat(), sourcetypes::WINDOW);
                    p.mentions.iter().map(|m| sourcetypes::classify_in(p.text, &words, m).rule.len()).sum()
                })
            }),
        ),
        (
            "pressures::find",
            Box::new(|| {
                each(&|p| {
                    pressures::find_in(p.text, &p.tokens, &p.findings.sentences, &p.findings.attributions).len()
                })
            }),
        ),
        (
            "Findings::into_analysis",
            Box::new(|| each(&|p| p.findings.clone().into_analysis(p.text).attributions.len())),
        ),
        (
            "Findings::clone",
            Box::new(|| each(&|p| p.findings.clone().sentences.len())),
        ),
        (
            "serde_json::to_string",
            Box::new(|| {
                analyses
                    .iter()
                    .map(|a| serde_json::to_string(a).map(|s| s.len()).unwrap_or(0))
                    .sum()
            }),
        ),
    ];
    let rows: Vec<String> = table
        .iter_mut()
        .map(|(name, pass)| {
            let (runs, check) = time_passes(reps, max_s / 12.0, pass);
            format!(r#"{{"stage":"{name}",{},"check":{check}}}"#, runs.json())
        })
        .collect();
    format!(
        r#"{{"engine":"native-stages","bytes":{bytes},"texts":{},"stages":[{}]}}"#,
        texts.len(),
        rows.join(",")
    )
}

fn single(path: &str, reps: usize) -> Result<String, String> {
    let (base_peak, _) = memory_kib();
    let text = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(text).map_err(|_| format!("{path}: not UTF-8"))?;
    let (loaded_peak, loaded_rss) = memory_kib();
    let options = Options {
        max_input_bytes: usize::MAX,
        ..Options::default()
    };
    let mut runs = Runs::default();
    let mut check = 0usize;
    for _ in 0..reps.max(1) {
        let a = runs
            .time(|| sourcelens::analyze_with(&text, &options))
            .map_err(|e| e.to_string())?;
        check = check.wrapping_add(black_box(a.attributions.len() + a.sentences.len()));
    }
    let (peak, _) = memory_kib();
    Ok(format!(
        r#"{{"engine":"native","bytes":{},{},"check":{check},"baseKiB":{base_peak},"loadedPeakKiB":{loaded_peak},"loadedRssKiB":{loaded_rss},"peakKiB":{peak}}}"#,
        text.len(),
        runs.json()
    ))
}

/// The system allocator, counting live and peak heap bytes while [`COUNTING`] is on
/// (only in `footprint` mode, so the timed modes run on the plain allocator path).
struct CountingAlloc;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; only counters are updated.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            grew(layout.size());
        }
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(layout.size().min(LIVE.load(Relaxed)), Relaxed);
        }
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub((layout.size() - new_size).min(LIVE.load(Relaxed)), Relaxed);
            }
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Heap bytes of one step: kept afterwards and peak above the level before it.
fn heap_step<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    let kept = LIVE.load(Relaxed).saturating_sub(before);
    let peak = PEAK.load(Relaxed).saturating_sub(before);
    (out, kept, peak)
}

/// Heap footprint of analysing one text: what each stage's result keeps, and the peak of the
/// whole `analyze` and of the JSON output, all in bytes.
fn footprint(path: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    COUNTING.store(true, Relaxed);
    let mut rows = Vec::new();
    let mut row = |name: &str, kept: usize, peak: usize| {
        rows.push(format!(
            r#"{{"stage":"{name}","kept":{kept},"peak":{peak}}}"#
        ))
    };
    let (toks, k, p) = heap_step(|| tokens::tokenize(&text));
    row("tokens::tokenize", k, p);
    let (qs, k, p) = heap_step(|| quotes::find(&text, &toks));
    row("quotes::find", k, p);
    let (sents, k, p) = heap_step(|| sentences::split(&text, &toks, &qs));
    row("sentences::split", k, p);
    let (lows, k, p) = heap_step(|| Lowered::new(&text, &toks));
    row("lexicon::Lowered::new", k, p);
    let (cands, k, p) =
        heap_step(|| attribution::find(&text, &toks, &lows, &qs, &sents, Tuning::default()));
    row("attribution::find", k, p);
    let paragraph_of: Vec<usize> = cands.iter().map(|c| sents[c.sentence].paragraph).collect();
    let (linked, k, p) = heap_step(|| coref::link(&text, &toks, &lows, &qs, &cands, &paragraph_of));
    row("coref::link", k, p);
    let typed = typed_mentions(&linked);
    let (_, k, p) = heap_step(|| {
        let words = sourcetypes::Words::around(&text, &typed.concat(), sourcetypes::WINDOW);
        typed.iter().map(|m| sourcetypes::classify_in(&text, &words, m).rule.len()).sum::<usize>()
    });
    row("sourcetypes::classify", k, p);
    let spans: Vec<Span> = sents.iter().map(|s| s.span).collect();
    let attributions = pipeline::run(&text, &Options::default()).attributions;
    let (_, k, p) = heap_step(|| pressures::find(&text, &spans, &attributions).len());
    row("pressures::find", k, p);
    drop((
        toks,
        qs,
        sents,
        lows,
        cands,
        paragraph_of,
        linked,
        spans,
        attributions,
    ));
    let (findings, k, p) = heap_step(|| pipeline::run(&text, &Options::default()));
    row("pipeline::run (Findings kept; peak = all stages)", k, p);
    let (analysis, k, p) = heap_step(|| findings.into_analysis(&text));
    row("Findings::into_analysis", k, p);
    let (json, k, p) = heap_step(|| serde_json::to_string(&analysis).map(|s| s.len()));
    row("serde_json::to_string", k, p);
    drop(analysis);
    let (_, k, p) = heap_step(|| black_box(analyze(&text)).attributions.len());
    row("analyze (whole)", k, p);
    COUNTING.store(false, Relaxed);
    Ok(format!(
        r#"{{"engine":"native-footprint","bytes":{},"jsonBytes":{},"rows":[{}]}}"#,
        text.len(),
        json.unwrap_or(0),
        rows.join(",")
    ))
}

fn parse<T: std::str::FromStr>(arg: Option<&String>, name: &str) -> Result<T, String> {
    let arg = arg.ok_or(format!("missing {name}"))?;
    arg.parse()
        .map_err(|_| format!("{name}: not a number: {arg:?}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = (|| -> Result<String, String> {
        let mode = args
            .first()
            .ok_or("missing mode (throughput|scan|stages|single|footprint)")?;
        let path = args.get(1).ok_or("missing input file")?;
        if mode == "footprint" {
            return footprint(path);
        }
        let reps: usize = parse(args.get(2), "REPS")?;
        let max_s: f64 = if mode == "single" {
            0.0
        } else {
            parse(args.get(3), "MAX_SECONDS")?
        };
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
