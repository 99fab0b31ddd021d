//! The JSON Lines protocol of the command line: `{"id": ..., "text": ...}` in,
//! one analysis per line out, with the same `id`.

use crate::{analyze_with, Options};
use serde_json::{Map, Value};

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
    fn render_keeps_id_first() {
        let out = process_line(r#"{"id":"x1","text":"Hello."}"#, &Options::default()).unwrap();
        assert!(out.starts_with(r#"{"id":"x1","#), "{out}");
    }
}
