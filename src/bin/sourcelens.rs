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
  --lossy            replace invalid UTF-8 (and, in JSONL, lone \\uD800-style
                     surrogates) with U+FFFD instead of refusing them
  --max-bytes N      refuse texts larger than N bytes (default 33554432)
  --no-pressures     skip the claimed-pressure layer
  --explain          list in each attribution's evidence the features its
                     confidence read
  --no-confidence-gate
                     keep attributions under the learned confidence threshold
  --join-split-quotes
                     read \"…,\" he said. \"…\" as one attribution in two pieces
                     (PolNeAR's convention) instead of a follow-on (GUIDE.md)
  -h, --help         this help
  --                 end of options (for a FILE whose name starts with -)

exit status: 0 success, 1 an input (or any JSONL line) refused, 2 bad usage.
JSONL errors go to standard error as \"line N: ...\"; every other line is answered, in order.
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
            "--explain" => args.options.explain = true,
            "--no-confidence-gate" => args.options.confidence_gate = false,
            "--join-split-quotes" => args.options.join_split_quotes = true,
            "--max-bytes" => {
                let v = argv.next().ok_or("--max-bytes needs a number")?;
                args.options.max_input_bytes = v.parse().map_err(|_| format!("--max-bytes: not a number: {v:?}"))?;
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "--" => {
                for s in argv.by_ref() {
                    if args.input.replace(s).is_some() {
                        return Err("more than one input file".to_string());
                    }
                }
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s:?}")),
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

/// Reads the whole input, refusing it as soon as it is known to exceed `limit`
/// bytes (no more than `limit + 1` bytes are ever held).
fn read_input(path: Option<&str>, limit: usize) -> Result<Vec<u8>, String> {
    let name = path.unwrap_or("-");
    let too_large = |size: Option<u64>| match size {
        Some(size) => format!("{name}: input is {size} bytes, larger than the limit of {limit} bytes (raise --max-bytes to analyse it)"),
        None => format!("{name}: input is more than {limit} bytes, the limit (raise --max-bytes to analyse it)"),
    };
    let reader: Box<dyn Read> = match path {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => {
            let file = std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?;
            let meta = file.metadata().map_err(|e| format!("{p}: {e}"))?;
            if meta.is_dir() {
                return Err(format!("{p}: is a directory"));
            }
            if meta.is_file() && meta.len() > limit as u64 {
                return Err(too_large(Some(meta.len())));
            }
            Box::new(file)
        }
    };
    let mut buf = Vec::new();
    let cap = (limit as u64).saturating_add(1);
    reader.take(cap).read_to_end(&mut buf).map_err(|e| format!("{name}: {e}"))?;
    if buf.len() > limit {
        return Err(too_large(None));
    }
    Ok(buf)
}

/// Makes text of `bytes`: refuses invalid UTF-8 with the byte offset of the
/// first bad byte (`start` is the offset of `bytes` in the whole input), or
/// replaces bad bytes with U+FFFD when `lossy`.
fn decode(bytes: Vec<u8>, lossy: bool, name: &str, start: usize) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let whole = if start > 0 { format!(", byte offset {} of the input", start + at) } else { String::new() };
            Err(format!("{name}: invalid UTF-8 at byte offset {at}{whole} (use --lossy to replace bad bytes)"))
        }
    }
}

fn run_single(args: &Args) -> Result<(), String> {
    let name = args.input.as_deref().unwrap_or("-");
    let text = decode(read_input(args.input.as_deref(), args.options.max_input_bytes)?, args.lossy, name, 0)?;
    let analysis = analyze_with(&text, &args.options).map_err(|e| format!("{name}: {e}"))?;
    let json = if args.compact { serde_json::to_string(&analysis) } else { serde_json::to_string_pretty(&analysis) };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(write_error)
}

/// Answers one line of input: `Ok(None)` for a blank line.
fn answer_line(raw: Vec<u8>, line_no: usize, start: usize, args: &Args) -> Result<Option<String>, String> {
    let name = format!("line {line_no}");
    let mut line = decode(raw, args.lossy, &name, start)?;
    if line_no == 1 && line.starts_with('\u{feff}') {
        line.drain(..'\u{feff}'.len_utf8()); // a byte order mark is not part of the JSON
    }
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return Ok(None);
    }
    let replaced = jsonl::replace_lone_surrogates(line);
    let has_lone = matches!(replaced, std::borrow::Cow::Owned(_));
    let line = if args.lossy { replaced } else { line.into() };
    jsonl::process_line(&line, &args.options).map(Some).map_err(|e| {
        let hint = if has_lone && !args.lossy { " (a lone surrogate escape: use --lossy to replace it)" } else { "" };
        format!("{name}: {e}{hint}")
    })
}

/// Answers every line it can, in order; returns how many lines failed.
/// Each failure is reported on standard error with its line number.
fn run_jsonl(args: &Args) -> Result<usize, String> {
    let mut reader: Box<dyn BufRead> = match args.input.as_deref() {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?)),
    };
    let name = args.input.as_deref().unwrap_or("-");
    let cap = jsonl::line_limit(args.options.max_input_bytes);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0;
    let mut buf = Vec::new();
    let mut start = 0usize;
    let mut line_no = 0usize;
    while let Some(line) = jsonl::read_line(&mut reader, cap, &mut buf).map_err(|e| format!("{name}: {e}"))? {
        line_no += 1;
        let answer = match line {
            jsonl::Line::Complete => {
                let len = buf.len();
                let answer = answer_line(std::mem::take(&mut buf), line_no, start, args);
                start = start.saturating_add(len + 1);
                answer
            }
            jsonl::Line::TooLong { bytes } => {
                start = start.saturating_add(bytes + 1);
                Err(format!(
                    "line {line_no}: {bytes} bytes, longer than any line holding a text within the limit of {} bytes (raise --max-bytes)",
                    args.options.max_input_bytes
                ))
            }
        };
        match answer {
            Ok(Some(json)) => writeln!(out, "{json}").map_err(write_error)?,
            Ok(None) => {} // blank line: nothing to answer
            Err(e) => {
                failed += 1;
                // Answers so far go out first, so both streams stay in input order.
                out.flush().map_err(write_error)?;
                eprintln!("sourcelens: {name}: {e}");
            }
        }
    }
    out.flush().map_err(write_error)?;
    Ok(failed)
}

/// Marks a closed standard output (`sourcelens ... | head`): not worth a message.
const BROKEN_PIPE: &str = "";

/// The message for a failed write to standard output.
fn write_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        BROKEN_PIPE.to_string()
    } else {
        format!("standard output: {e}")
    }
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
        // the reader went away: stop quietly, with the status a SIGPIPE death gives
        Err(e) if e == BROKEN_PIPE => ExitCode::from(141),
        Err(e) => {
            eprintln!("sourcelens: {e}");
            ExitCode::from(1)
        }
    }
}
