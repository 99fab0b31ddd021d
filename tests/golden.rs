//! Golden files: each fixture article in `tests/fixtures/` is analysed and
//! rendered as readable JSON (the spanned words, not offsets) and compared
//! with `tests/golden/NAME.json`. Review changes in `git diff`; regenerate
//! with `UPDATE_GOLDEN=1 cargo test --test golden`.

use serde_json::{json, Value};
use std::path::Path;

fn words(text: &str, s: &sourcelens::Utf16Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[s.start..s.end])
}

fn readable(text: &str) -> Value {
    let a = sourcelens::analyze(text);
    let name_of = |id: &Option<String>| id.as_ref().and_then(|id| a.sources.iter().find(|s| &s.id == id)).map(|s| s.name.clone());
    json!({
        "sources": a.sources.iter().map(|s| json!({
            "name": s.name,
            "type": s.source_type.as_str(),
            "role": s.role,
            "affiliation": s.affiliation,
            "anonymityMarker": s.anonymity_marker.map(|m| words(text, &m)),
            "mentions": s.mentions.iter().map(|m| words(text, m)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "attributions": a.attributions.iter().map(|t| json!({
            "kind": t.kind,
            "source": name_of(&t.source),
            "speaker": t.speaker.map(|s| words(text, &s)),
            "cue": t.cue.map(|s| words(text, &s)),
            "content": t.content.iter().map(|c| words(text, c)).collect::<Vec<_>>(),
            "rule": t.evidence.as_ref().map(|e| e.rule.clone()),
        })).collect::<Vec<_>>(),
        "pressures": a.pressures.iter().map(|p| json!({
            "span": words(text, &p.span),
            "pressurers": p.pressurers.iter().map(|x| words(text, x)).collect::<Vec<_>>(),
            "target": p.target.map(|x| words(text, &x)),
            "demand": p.demand.map(|x| words(text, &x)),
            "claimedBy": name_of(&p.claimed_by),
            "negated": p.negated,
        })).collect::<Vec<_>>(),
    })
}

#[test]
fn fixtures_match_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("fixtures")).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    assert!(fixtures.len() >= 3, "fixtures missing");
    let mut failures = Vec::new();
    for path in fixtures {
        let text = std::fs::read_to_string(&path).unwrap();
        let got = serde_json::to_string_pretty(&readable(&text)).unwrap() + "\n";
        let golden = root.join("golden").join(path.file_stem().unwrap()).with_extension("json");
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != got {
            failures.push(format!("{} differs from {} (UPDATE_GOLDEN=1 to accept):\n{got}", path.display(), golden.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Behaviour every fixture must show whatever the golden files say: the
/// stated speakers of the hand-written fixtures are found.
#[test]
fn fixture_speakers_table() {
    // (fixture, quoted words, expected source name)
    let cases: &[(&str, &str, &str)] = &[
        ("port-strike", "We have waited eleven months", "Marta Ostrowska"),
        ("port-strike", "The gap is smaller", "a senior official at the authority"),
        ("council-vote", "This is a sad day", "Amira Haddad"),
        ("council-vote", "Nobody wanted this", "Tom Whitley"),
        ("minimal", "We will rebuild the bridge", "the mayor"),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for &(name, quoted, source) in cases {
        let text = std::fs::read_to_string(root.join(name).with_extension("txt")).unwrap();
        let a = sourcelens::analyze(&text);
        let attr = a
            .attributions
            .iter()
            .find(|t| t.content.iter().any(|c| words(&text, c).contains(quoted)))
            .unwrap_or_else(|| panic!("{name}: no attribution contains {quoted:?}"));
        let src = a.sources.iter().find(|s| Some(&s.id) == attr.source.as_ref()).unwrap_or_else(|| panic!("{name}: {quoted:?} has no source"));
        assert!(src.name.eq_ignore_ascii_case(source), "{name}: {quoted:?} attributed to {:?}, want {source:?}", src.name);
    }
}
