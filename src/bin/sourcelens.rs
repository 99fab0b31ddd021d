//! The sourcelens command line: the same analysis JSON as the library and the page.

use sourcelens::{analyze_with, jsonl, Options};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
sourcelens — who is speaking in a news story

usage:
  sourcelens analyze [OPTIONS] FILE     analyse a text file (- for standard input)
  sourcelens analyze --jsonl [FILE]     read {\"id\", \"text\"} lines, write one analysis per line
  sourcelens version                    print the version

options:
  --jsonl            JSON Lines in and out (standard input when no FILE)
  --compact          one line of JSON instead of indented JSON
  --lossy            replace invalid UTF-8 instead of refusing it
  --max-bytes N      refuse texts larger than N bytes (default 33554432)
  --no-pressures     skip the claimed-pressure layer
  -h, --help         this help
";

struct Args {
    jsonl: bool,
    compact: bool,
    lossy: bool,
    input: Option<String>,
    options: Options,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args { jsonl: false, compact: false, lossy: false, input: None, options: Options::default() };
    match argv.next().as_deref() {
        Some("analyze") => {}
        Some("version") | Some("--version") | Some("-V") => {
            println!("sourcelens {}", sourcelens::VERSION);
            return Ok(None);
        }
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            return Ok(None);
        }
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("missing command".to_string()),
    }
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--jsonl" => args.jsonl = true,
            "--compact" => args.compact = true,
            "--lossy" => args.lossy = true,
            "--no-pressures" => args.options.pressures = false,
            "--max-bytes" => {
                let v = argv.next().ok_or("--max-bytes needs a number")?;
                args.options.max_input_bytes = v.parse().map_err(|_| format!("--max-bytes: not a number: {v:?}"))?;
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => {
                if args.input.replace(s.to_string()).is_some() {
                    return Err("more than one input file".to_string());
                }
            }
        }
    }
    if args.input.is_none() && !args.jsonl {
        return Err("missing FILE (use - for standard input)".to_string());
    }
    Ok(Some(args))
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match path {
        None | Some("-") => io::stdin().read_to_end(&mut buf).map(|_| ()).map_err(|e| format!("standard input: {e}"))?,
        Some(p) => buf = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?,
    }
    Ok(buf)
}

fn decode(bytes: Vec<u8>, lossy: bool, name: &str) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "{name}: invalid UTF-8 at byte offset {} (use --lossy to replace bad bytes)",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn run_single(args: &Args) -> Result<(), String> {
    let name = args.input.as_deref().unwrap_or("-");
    let text = decode(read_input(args.input.as_deref())?, args.lossy, name)?;
    let analysis = analyze_with(&text, &args.options).map_err(|e| format!("{name}: {e}"))?;
    let json = if args.compact { serde_json::to_string(&analysis) } else { serde_json::to_string_pretty(&analysis) };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// Answers every line it can; returns how many lines failed.
fn run_jsonl(args: &Args) -> Result<usize, String> {
    let reader: Box<dyn BufRead> = match args.input.as_deref() {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?)),
    };
    let name = args.input.as_deref().unwrap_or("-");
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0;
    for (i, raw) in reader.split(b'\n').enumerate() {
        let raw = raw.map_err(|e| format!("{name}: {e}"))?;
        let line_no = i + 1;
        let answer = decode(raw, args.lossy, &format!("line {line_no}"))
            .and_then(|l| if l.trim().is_empty() { Err(String::new()) } else { Ok(l) })
            .and_then(|l| jsonl::process_line(l.trim_end_matches('\r'), &args.options).map_err(|e| format!("line {line_no}: {e}")));
        match answer {
            Ok(json) => writeln!(out, "{json}").map_err(|e| e.to_string())?,
            Err(e) if e.is_empty() => {} // blank line: nothing to answer
            Err(e) => {
                failed += 1;
                eprintln!("sourcelens: {name}: {e}");
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(failed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sourcelens: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl { run_jsonl(&args).map(|failed| failed == 0) } else { run_single(&args).map(|_| true) };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("sourcelens: {e}");
            ExitCode::from(1)
        }
    }
}
