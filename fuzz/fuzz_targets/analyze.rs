//! Fuzzes `sourcelens::analyze` over any text and checks every output
//! invariant of `tests/common/invariants.rs`, not only the absence of panics:
//! spans inside the text and on character boundaries, contents disjoint and
//! free of their cues, resolvable references, linear output size, the same
//! result twice, and attributions unchanged when pressures are switched off.
//!
//! Bytes that are not UTF-8 are replaced, as `sourcelens analyze --lossy` does.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens::{analyze_with, Options};

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = match invariants::analyze_checked(&text) {
        Ok(a) => a,
        Err(e) => panic!("invariant broken: {e}\ntext: {text:?}"),
    };
    let without = analyze_with(&text, &Options { pressures: false, ..Options::default() }).expect("under the default limit");
    assert!(without.pressures.is_empty(), "pressures found with the layer off\ntext: {text:?}");
    assert_eq!(without.attributions, analysis.attributions, "the pressure switch changed attributions\ntext: {text:?}");
});
