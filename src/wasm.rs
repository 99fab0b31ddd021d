//! The WebAssembly binding: a thin layer over [`crate::analyze_with`].
//!
//! No analysis happens here: arguments are checked, options read, and the
//! analysis handed to JavaScript as a plain object.

use crate::{analyze_with, Error, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Runs once per instance (also for the fresh instance made after a trap): panic messages go
/// to `console.error` before the trap.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// **Test-only, not an API** (hidden from the docs and absent from `js/index.d.ts`): panics on
/// purpose so that tests can check how the JavaScript entry points recover from a trap.
///
/// The panic happens below about 256 KiB of stack frames, as a panic deep in the pipeline
/// would. With `panic = "abort"` the trap never pops those frames, which is part of the
/// poisoned state a trapped instance is left in: an instance that is not replaced runs out
/// of its 1 MiB stack after a few such traps.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__sourcelensTestTrap")]
pub fn test_trap() {
    #[inline(never)]
    fn deeper(levels: u32) {
        let frame = std::hint::black_box([levels as u8; 16 * 1024]);
        if levels == 0 {
            panic!("sourcelens: test trap (__sourcelensTestTrap), on purpose");
        }
        deeper(levels - 1);
        std::hint::black_box(&frame);
    }
    deeper(16);
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

fn type_error(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(type_error("sourcelens.analyze: options must be an object"));
    }
    let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let max = get("maxInputBytes");
    if !max.is_undefined() {
        match max.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => options.max_input_bytes = n.min(usize::MAX as f64) as usize,
            _ => return Err(type_error("sourcelens.analyze: options.maxInputBytes must be a non-negative integer")),
        }
    }
    let flag = |key: &str, slot: &mut bool| -> Result<(), JsValue> {
        let value = get(key);
        if !value.is_undefined() {
            *slot = value.as_bool().ok_or_else(|| type_error(&format!("sourcelens.analyze: options.{key} must be a boolean")))?;
        }
        Ok(())
    };
    flag("pressures", &mut options.pressures)?;
    flag("explain", &mut options.explain)?;
    flag("joinSplitQuotes", &mut options.join_split_quotes)?;
    Ok(options)
}

/// Analyses `text` and returns the analysis as a plain object (SCHEMA.md).
///
/// Throws a `TypeError` when `text` is not a string or `options` is malformed,
/// and a `RangeError` when the text is over the size limit.
#[wasm_bindgen]
pub fn analyze(text: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(type_error("sourcelens.analyze: text must be a string"));
    };
    let options = read_options(options)?;
    let analysis = analyze_with(&text, &options).map_err(|e| match e {
        Error::InputTooLarge { .. } => JsValue::from(js_sys::RangeError::new(&format!("sourcelens.analyze: {e}"))),
    })?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("sourcelens.analyze: {e}"))))
}
