//! Fuzzes the JSON Lines reader, `sourcelens::jsonl::process_line`, with any
//! line. A line is either answered or refused with a message, never a panic;
//! an answer is one line of JSON, carries the input's `id` first and exactly
//! as written, and is the
//! analysis of the input's `text` (which keeps every output invariant).

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use sourcelens::{jsonl, Analysis, Options};

#[path = "../../tests/common/invariants.rs"]
mod invariants;

/// Small enough that the fuzzer reaches the size check.
const LIMIT: usize = 512;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    let options = Options { max_input_bytes: LIMIT, ..Options::default() };
    let parsed = jsonl::parse_line(line);
    match jsonl::process_line(line, &options) {
        Err(message) => {
            assert!(!message.is_empty(), "empty error message for {line:?}");
            if let Ok((_, text)) = &parsed {
                assert!(text.len() > LIMIT, "refused a parsed line under the limit: {message}\nline: {line:?}");
                assert!(message.contains("limit"), "size refusal does not name the limit: {message}");
            }
        }
        Ok(out) => {
            let (id, text) = parsed.expect("an answered line parses");
            assert!(!out.contains('\n'), "answer spans several lines: {out:?}");
            let Value::Object(mut obj) = serde_json::from_str::<Value>(&out).expect("the answer is JSON") else {
                panic!("the answer is not an object: {out}");
            };
            match id {
                None => assert!(!obj.contains_key("id"), "an id appeared from nowhere: {out}"),
                Some(raw) => {
                    assert!(out.starts_with(&format!("{{\"id\":{},", raw.get())), "id is not first and as written: {out}");
                    obj.remove("id");
                }
            }
            let expected = serde_json::to_string(&sourcelens::analyze(&text)).unwrap();
            let expected: Value = serde_json::from_str(&expected).unwrap();
            assert_eq!(Value::Object(obj.clone()), expected, "the answer is not the analysis of the text");
            let analysis: Analysis = serde_json::from_value(Value::Object(obj)).expect("the answer reads back as an Analysis");
            if let Err(e) = invariants::check(&text, &analysis) {
                panic!("invariant broken: {e}\ntext: {text:?}");
            }
        }
    }
});
