//! The JSON Lines protocol of the command line: `{"id": ..., "text": ...}` in,
//! one analysis per line out, with the same `id`.
//!
//! [`read_line`] reads one input line with a memory cap ([`line_limit`]), so
//! an endless line cannot exhaust memory; [`process_line`] answers it.

use crate::{analyze_with, Options};
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// Room for the `id`, the keys and the braces of one line, on top of the text.
pub const LINE_OVERHEAD_BYTES: usize = 1024 * 1024;

/// The longest input line worth reading when texts may have up to
/// `max_input_bytes` bytes: JSON escaping takes at most 6 bytes per byte of
/// text (`\u001f`), plus [`LINE_OVERHEAD_BYTES`]. Longer lines are skipped
/// without being held in memory.
pub fn line_limit(max_input_bytes: usize) -> usize {
    max_input_bytes.saturating_mul(6).saturating_add(LINE_OVERHEAD_BYTES)
}

/// How [`read_line`] found the line it read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// The whole line is in the buffer, without its `\n`.
    Complete,
    /// The line was longer than the cap: the buffer is empty and the line was
    /// skipped; `bytes` is its full length without the `\n`.
    TooLong {
        /// Length of the line in bytes.
        bytes: usize,
    },
}

/// Reads the next line into `buf` (cleared first), keeping at most `cap`
/// bytes of it. Returns `None` at the end of the input, and
/// [`Line::TooLong`] for a longer line, which is read to its end and dropped.
pub fn read_line<R: BufRead + ?Sized>(reader: &mut R, cap: usize, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
    buf.clear();
    let mut total = 0usize;
    let mut started = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        started = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        total = total.saturating_add(part.len());
        if total <= cap {
            buf.extend_from_slice(part);
        } else if !buf.is_empty() {
            *buf = Vec::new();
        }
        let used = part.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (started, total > cap) {
        (false, _) => None,
        (true, false) => Some(Line::Complete),
        (true, true) => Some(Line::TooLong { bytes: total }),
    })
}

/// Reads one input line: returns its `id` (any JSON value, `null` when absent)
/// and its `text`, or a message saying what is wrong with the line.
pub fn parse_line(line: &str) -> Result<(Value, String), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(mut obj) = value else {
        return Err("expected a JSON object with a \"text\" field".to_string());
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text") {
        Some(Value::String(text)) => Ok((id, text)),
        Some(other) => Err(format!("\"text\" must be a string, not {}", kind(&other))),
        None => Err("missing the \"text\" field".to_string()),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Analyses `text` and renders the analysis as one line of JSON, with `id`
/// first when it is not `null`.
pub fn render(id: &Value, text: &str, options: &Options) -> Result<String, String> {
    let analysis = analyze_with(text, options).map_err(|e| e.to_string())?;
    let Value::Object(body) = serde_json::to_value(&analysis).map_err(|e| e.to_string())? else {
        return Err("analysis did not serialize to an object".to_string());
    };
    let mut out = Map::new();
    if !id.is_null() {
        out.insert("id".to_string(), id.clone());
    }
    for (k, v) in body {
        if k != "id" {
            out.insert(k, v);
        }
    }
    serde_json::to_string(&Value::Object(out)).map_err(|e| e.to_string())
}

/// Handles one input line: the output line, or the error message for it.
pub fn process_line(line: &str, options: &Options) -> Result<String, String> {
    let (id, text) = parse_line(line)?;
    render(&id, &text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_table() {
        // (input line, Ok(id json) or Err(message fragment))
        let cases: &[(&str, Result<&str, &str>)] = &[
            (r#"{"id":"a","text":"He said so."}"#, Ok("\"a\"")),
            (r#"{"id":7,"text":""}"#, Ok("7")),
            (r#"{"text":"x"}"#, Ok("null")),
            (r#"{"id":"a"}"#, Err("missing the \"text\" field")),
            (r#"{"text":3}"#, Err("must be a string, not a number")),
            (r#"[1,2]"#, Err("expected a JSON object")),
            (r#"{"text":"#, Err("not valid JSON")),
        ];
        for (line, want) in cases {
            match (parse_line(line), want) {
                (Ok((id, _)), Ok(w)) => assert_eq!(id.to_string(), *w, "{line}"),
                (Err(e), Err(w)) => assert!(e.contains(w), "{line}: {e}"),
                (got, _) => panic!("{line}: unexpected {got:?}"),
            }
        }
    }

    #[test]
    fn read_line_table() {
        // (input, cap, expected lines: Ok(text) or Err(full length of a skipped line))
        let cases: &[(&str, usize, &[Result<&str, usize>])] = &[
            ("", 10, &[]),
            ("a\nbb\n", 10, &[Ok("a"), Ok("bb")]),
            ("a\nbb", 10, &[Ok("a"), Ok("bb")]),
            ("\n\n", 10, &[Ok(""), Ok("")]),
            ("abc\r\n", 10, &[Ok("abc\r")]),
            ("abcdef\nxy\n", 3, &[Err(6), Ok("xy")]),
            ("abc\nabcd", 3, &[Ok("abc"), Err(4)]),
            ("x\n", 0, &[Err(1)]),
        ];
        for &(input, cap, want) in cases {
            // A one-byte buffer makes every line arrive in many chunks.
            let mut reader = io::BufReader::with_capacity(1, input.as_bytes());
            let mut buf = Vec::new();
            let mut got = Vec::new();
            while let Some(line) = read_line(&mut reader, cap, &mut buf).unwrap() {
                got.push(match line {
                    Line::Complete => Ok(String::from_utf8(buf.clone()).unwrap()),
                    Line::TooLong { bytes } => {
                        assert!(buf.is_empty(), "{input:?}: a skipped line stays in memory");
                        Err(bytes)
                    }
                });
            }
            let want: Vec<Result<String, usize>> = want.iter().map(|w| w.map(str::to_string)).collect();
            assert_eq!(got, want, "{input:?} cap {cap}");
        }
    }

    #[test]
    fn line_limit_covers_the_worst_escaping() {
        let text = "\u{1}".repeat(100);
        let line = serde_json::json!({ "id": "x", "text": text }).to_string();
        assert!(line.len() <= line_limit(text.len()), "{} > {}", line.len(), line_limit(text.len()));
        assert_eq!(line_limit(usize::MAX), usize::MAX);
    }

    #[test]
    fn render_keeps_id_first() {
        let out = process_line(r#"{"id":"x1","text":"Hello."}"#, &Options::default()).unwrap();
        assert!(out.starts_with(r#"{"id":"x1","#), "{out}");
    }
}
