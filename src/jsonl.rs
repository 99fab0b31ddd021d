//! The JSON Lines protocol of the command line: `{"id": ..., "text": ...}` in,
//! one analysis per line out, with the same `id`.
//!
//! [`read_line`] reads one input line with a memory cap ([`line_limit`]), so
//! an endless line cannot exhaust memory; [`process_line`] answers it.

use crate::{analyze_with, Options};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;
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

/// The `id` of an input line exactly as written there (any JSON value), so
/// that the answer carries it byte for byte: `1e400` or a 30-digit number
/// would not survive a round trip through `f64`.
pub type Id = Box<RawValue>;

/// Reads one input line: returns its `id` (`None` when absent or `null`) and
/// its `text`, or a message saying what is wrong with the line.
pub fn parse_line(line: &str) -> Result<(Option<Id>, String), String> {
    let mut fields: BTreeMap<String, Box<RawValue>> = match serde_json::from_str(line) {
        Ok(fields) => fields,
        // only the error path parses twice, to say what the line is instead
        Err(e) => {
            return Err(match serde_json::from_str::<Value>(line) {
                Ok(other) => format!("expected a JSON object with a \"text\" field, not {}", kind(&other)),
                Err(_) => format!("not valid JSON: {e}"),
            })
        }
    };
    let id = fields.remove("id").filter(|raw| raw.get() != "null");
    if let Some(raw) = &id {
        // the answer must read back within the usual depth limit of JSON readers
        if nesting(raw.get()) > MAX_ID_NESTING {
            return Err(format!("the \"id\" is nested deeper than {MAX_ID_NESTING} levels"));
        }
        // the answer echoes the id as written, so it must be JSON a strict reader takes:
        // the raw reader lets a lone surrogate escape ("\ud83d\b") through
        if let Err(e) = strict_strings(raw.get()) {
            return Err(format!("the \"id\" is not valid JSON: {e}"));
        }
    }
    let Some(raw) = fields.remove("text") else {
        return Err("missing the \"text\" field".to_string());
    };
    match serde_json::from_str::<String>(raw.get()) {
        Ok(text) => Ok((id, text)),
        Err(e) => match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::String(_)) | Err(_) => Err(format!("\"text\" is not a valid string: {e}")),
            Ok(other) => Err(format!("\"text\" must be a string, not {}", kind(&other))),
        },
    }
}

/// Deepest nesting of arrays and objects accepted in an `id`: `serde_json`
/// reads at most 127 levels and the answer wraps the id in one more, so every
/// answer reads back.
pub const MAX_ID_NESTING: usize = 126;

/// Decodes every string literal of a piece of JSON that the raw reader took,
/// which does not check escapes; numbers stay as written (`1e400` is kept).
fn strict_strings(json: &str) -> Result<(), serde_json::Error> {
    let bytes = json.as_bytes();
    let (mut start, mut escaped) = (None, false);
    for (i, &b) in bytes.iter().enumerate() {
        match (start, escaped, b) {
            (Some(_), true, _) => escaped = false,
            (Some(_), false, b'\\') => escaped = true,
            (Some(s), false, b'"') => {
                serde_json::from_str::<String>(&json[s..=i])?;
                start = None;
            }
            (Some(_), false, _) => {}
            (None, _, b'"') => start = Some(i),
            (None, _, _) => {}
        }
    }
    Ok(())
}

/// How deep arrays and objects nest in a piece of valid JSON.
fn nesting(json: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in json.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                max = max.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
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
/// first, exactly as it was written, when there is one.
pub fn render(id: Option<&RawValue>, text: &str, options: &Options) -> Result<String, String> {
    let analysis = analyze_with(text, options).map_err(|e| e.to_string())?;
    let body = serde_json::to_string(&analysis).map_err(|e| e.to_string())?;
    match (id, body.strip_prefix('{')) {
        (None, _) => Ok(body),
        (Some(id), Some(rest)) if analysis.id.is_none() => Ok(format!("{{\"id\":{},{rest}", id.get())),
        _ => Err("analysis did not serialize to an object without an id".to_string()),
    }
}

/// Replaces every `\u` escape of a lone UTF-16 surrogate in a JSON line by
/// `\ufffd`, the way JavaScript hands such a string to the WebAssembly
/// module (one code unit for one, so offsets agree); pairs are kept. JSON
/// has backslashes only inside strings, so no string tracking is needed.
pub fn replace_lone_surrogates(line: &str) -> std::borrow::Cow<'_, str> {
    let b = line.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(u) = unit(i) else {
            i += 2; // any other escape, "\\\\" included
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&u) && unit(i + 6).is_some_and(|l| (0xDC00..0xE000).contains(&l));
        if paired {
            i += 12;
        } else if (0xD800..0xE000).contains(&u) {
            let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
            o.push_str(&line[copied..i]);
            o.push_str("\\ufffd");
            i += 6;
            copied = i;
        } else {
            i += 6;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(line),
        Some(mut o) => {
            o.push_str(&line[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Handles one input line: the output line, or the error message for it.
pub fn process_line(line: &str, options: &Options) -> Result<String, String> {
    let (id, text) = parse_line(line)?;
    render(id.as_deref(), &text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An id nested one level deeper than [`MAX_ID_NESTING`].
    static DEEP_ID: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{{\"id\":{}{},\"text\":\"x\"}}", "[".repeat(127), "]".repeat(127)));
    /// An id nested exactly [`MAX_ID_NESTING`] deep.
    static NESTED_ID_MAX: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{{\"id\":{}{},\"text\":\"x\"}}", "[".repeat(126), "]".repeat(126)));

    #[test]
    fn the_deepest_id_accepted_reads_back() {
        let out = process_line(&NESTED_ID_MAX, &Options::default()).unwrap();
        assert!(serde_json::from_str::<Value>(&out).is_ok(), "an answer serde_json cannot read");
        assert!(process_line(&DEEP_ID, &Options::default()).is_err());
    }

    #[test]
    fn nesting_table() {
        let cases: &[(&str, usize)] = &[
            ("1", 0),
            ("[]", 1),
            ("[[1],{\"a\":[2]}]", 3),
            ("\"[[[\"", 0),
            ("[\"\\\"[[\"]", 1),
            ("{\"k\":\"}\",\"l\":[[]]}", 3),
        ];
        for (json, want) in cases {
            assert_eq!(nesting(json), *want, "{json}");
        }
    }

    #[test]
    fn line_table() {
        // (input line, Ok(id as written, "null" when none) or Err(message fragment))
        let cases: &[(&str, Result<&str, &str>)] = &[
            (r#"{"id":"a","text":"He said so."}"#, Ok("\"a\"")),
            (r#"{"id":7,"text":""}"#, Ok("7")),
            (r#"{"text":"x"}"#, Ok("null")),
            (r#"{"id":null,"text":"x"}"#, Ok("null")),
            (r#"{"id": 123456789012345678901234567890 ,"text":"x"}"#, Ok("123456789012345678901234567890")),
            (r#"{"id":1e400,"text":"x"}"#, Ok("1e400")),
            (r#"{"id":{"a":[1, 2]},"text":"x"}"#, Ok(r#"{"a":[1, 2]}"#)),
            (r#"{"id":"a"}"#, Err("missing the \"text\" field")),
            (&DEEP_ID, Err("nested deeper than 126 levels")),
            (&NESTED_ID_MAX, Ok(&NESTED_ID_MAX[6..6 + 252])),
            (r#"{"text":3}"#, Err("must be a string, not a number")),
            (r#"{"text":null}"#, Err("must be a string, not null")),
            (r#"{"text":"\ud800"}"#, Err("\"text\" is not a valid string")),
            (r#"[1,2]"#, Err("expected a JSON object with a \"text\" field, not an array")),
            (r#""text""#, Err("not a string")),
            (r#"{"text":"#, Err("not valid JSON")),
            ("", Err("not valid JSON")),
        ];
        for (line, want) in cases {
            match (parse_line(line), want) {
                (Ok((id, _)), Ok(w)) => assert_eq!(id.as_ref().map_or("null", |r| r.get()), *w, "{line}"),
                (Err(e), Err(w)) => assert!(e.contains(w), "{line}: {e}"),
                (got, _) => panic!("{line}: unexpected {got:?}"),
            }
        }
    }

    #[test]
    fn read_line_table() {
        // (input, cap, expected lines: Ok(text) or Err(full length of a skipped line))
        type Case<'a> = (&'a str, usize, &'a [Result<&'a str, usize>]);
        let cases: &[Case] = &[
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
    fn lone_surrogates_table() {
        // (JSON line, after replacement)
        let cases: &[(&str, &str)] = &[
            (r#"{"text":"a"}"#, r#"{"text":"a"}"#),
            (r#"{"text":"\ud800"}"#, r#"{"text":"\ufffd"}"#),
            (r#"{"text":"\udc00x"}"#, r#"{"text":"\ufffdx"}"#),
            (r#"{"text":"\ud83d\ude00"}"#, r#"{"text":"\ud83d\ude00"}"#),
            (r#"{"text":"\ud83d\ud83d\ude00"}"#, r#"{"text":"\ufffd\ud83d\ude00"}"#),
            (r#"{"text":"\\ud800"}"#, r#"{"text":"\\ud800"}"#),
            (r#"{"text":"\\\ud800"}"#, r#"{"text":"\\\ufffd"}"#),
            (r#"{"text":"\u00e9 \uD800"}"#, r#"{"text":"\u00e9 \ufffd"}"#),
            (r#"{"text":"\u12"}"#, r#"{"text":"\u12"}"#),
            ("\\", "\\"),
        ];
        for (line, want) in cases {
            assert_eq!(replace_lone_surrogates(line), *want, "{line}");
        }
        let (_, text) = parse_line(&replace_lone_surrogates(r#"{"text":"a\ud800b"}"#)).unwrap();
        assert_eq!(text.encode_utf16().count(), 3, "one code unit for the lone surrogate");
    }

    #[test]
    fn an_id_with_a_lone_surrogate_is_refused_unless_replaced() {
        // found by the jsonl_line fuzz target: the raw id was echoed into an answer no strict reader took
        let line = r#"{"id":"a\ud83d\bz","text":"\"We won,\" she said."}"#;
        let err = parse_line(line).unwrap_err();
        assert!(err.contains("\"id\" is not valid JSON"), "{err}");
        let out = process_line(&replace_lone_surrogates(line), &crate::Options::default()).unwrap();
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["id"], "a\u{fffd}\u{8}z");
    }

    #[test]
    fn line_limit_covers_the_worst_escaping() {
        let text = "\u{1}".repeat(100);
        let line = serde_json::json!({ "id": "x", "text": text }).to_string();
        assert!(line.len() <= line_limit(text.len()), "{} > {}", line.len(), line_limit(text.len()));
        assert_eq!(line_limit(usize::MAX), usize::MAX);
    }

    #[test]
    fn render_keeps_id_first_and_exact() {
        // (input line, expected start of the answer)
        let cases: &[(&str, &str)] = &[
            (r#"{"id":"x1","text":"Hello."}"#, r#"{"id":"x1","version":"#),
            (r#"{"text":"Hello.","id":0.1000000000000000055511151231257827}"#, r#"{"id":0.1000000000000000055511151231257827,"#),
            (r#"{"text":"Hello."}"#, r#"{"version":"#),
        ];
        for (line, want) in cases {
            let out = process_line(line, &Options::default()).unwrap();
            assert!(out.starts_with(want), "{line}: {out}");
            let answer: Value = serde_json::from_str(&out).unwrap();
            let plain = serde_json::to_value(crate::analyze("Hello.")).unwrap();
            let mut answer = answer.as_object().unwrap().clone();
            answer.remove("id");
            assert_eq!(Value::Object(answer), plain, "{line}");
        }
    }
}
