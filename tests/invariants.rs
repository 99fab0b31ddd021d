//! Property tests: news-like texts of every shape keep the output invariants
//! of `tests/common/invariants.rs` (spans inside the text and on character
//! boundaries, contents disjoint and free of their cues, references that
//! resolve, a deterministic result).
//!
//! The generator builds texts from fragments a news story is made of (words,
//! names, speakers, reporting verbs, quotations with every kind of mark,
//! colons, newlines, Arabic, emoji) and from templates of attributed
//! sentences, plus a share of arbitrary Unicode. Set `PROPTEST_CASES` to run
//! more cases than the default 256.

#[path = "common/invariants.rs"]
mod invariants;

use invariants::{analyze_checked, check, check_strict, Utf16Text, OPEN_BUGS};
use proptest::prelude::*;
use proptest::sample::select;
use sourcelens::{analyze, analyze_with, Options};

const WORDS: &[&str] = &[
    "the", "plan", "would", "not", "be", "delayed", "talks", "on", "Monday", "in", "and", "of", "to", "a",
    "deal", "border", "ministry", "week", "statement", "that", "was", "is", "it", "they", "we", "government",
    "crossing", "reopen", "prices", "rose", "vote", "council", "2,500", "$4.2bn", "12:30", "U.S.", "e.g.",
    "No.", "mid-March", "don't", "Syria's", "Gaza’s", "https://example.org/a?b=c", "@newsdesk", "#vote",
];

const NAMES: &[&str] = &[
    "Amal Haddad", "Mr. Ortega", "Dr. Lindqvist", "Jean-Luc Moreau", "Siobhan O'Brien", "Karim al-Rashid",
    "Nour El-Din", "Sen. Whitfield", "the Interior Ministry", "Reuters", "the United Nations", "NATO",
    "Baghdad", "Damascus", "the State Department", "Tanaka", "María José Peña", "Zoë Brontë",
];

const SPEAKERS: &[&str] = &[
    "a spokesperson", "the minister", "one resident", "a senior official who asked not to be named",
    "people familiar with the matter", "diplomats", "he", "she", "they", "It", "A source", "the report",
    "officials, speaking on condition of anonymity,", "Haddad", "Ortega",
];

const CUES: &[&str] = &[
    "said", "says", "told reporters", "added", "according to", "said in a statement", "wrote on X",
    "noted that", "warned", "urged", "pressed", "called on", "under pressure from", "was forced to",
    "denied", "insisted", "claimed", "asked", "told", "reported",
];

const QUOTE_PAIRS: &[(&str, &str)] = &[
    ("\"", "\""),
    ("“", "”"),
    ("‘", "’"),
    ("'", "'"),
    ("«", "»"),
    ("« ", " »"),
    ("„", "“"),
    ("‚", "‘"),
    ("「", "」"),
    ("『", "』"),
    ("‹", "›"),
    ("»", "«"),
    ("”", "“"),
    ("``", "''"),
];

const PUNCT: &[&str] = &[",", ".", ":", ";", "?", "!", " — ", " – ", "-", "...", "…", "(", ")", "[", "]", "\"", "'"];

const SPACES: &[&str] = &[" ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{2028}", "\u{200b}", "\u{feff}", "  "];

const ARABIC: &[&str] = &[
    "قال", "الوزير", "بغداد", "دمشق", "«لن نتراجع»", "وقال المتحدث", "إن الحكومة", "مصدر مطلع",
    "\u{200f}", "\u{202b}نص\u{202c}", "١٢٣",
];

const EMOJI: &[&str] = &[
    "😀", "👍🏽", "🇮🇶", "👩‍👩‍👧", "❤️", "𝔘𝔫𝔦", "e\u{301}", "\u{fe0f}", "🏳️‍🌈", "😀“", "”😀",
];

fn pick(list: &'static [&'static str]) -> BoxedStrategy<String> {
    select(list).prop_map(str::to_string).boxed()
}

/// A few plain words.
fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 1..8).prop_map(|w| w.join(" "))
}

/// A quotation with a randomly chosen kind of marks, sometimes left open.
fn quotation() -> impl Strategy<Value = String> {
    (select(QUOTE_PAIRS), phrase(), select(&[",", ".", "", "?"][..]), any::<u8>()).prop_map(|((o, c), p, end, r)| {
        match r % 8 {
            0 => format!("{o}{p}{end}"),   // never closed
            1 => format!("{p}{end}{c}"),   // never opened
            _ => format!("{o}{p}{end}{c}"),
        }
    })
}

/// One attributed sentence in a common news pattern.
fn template() -> impl Strategy<Value = String> {
    (0u8..10, quotation(), select(SPEAKERS), select(CUES), select(NAMES), phrase(), quotation()).prop_map(
        |(k, q, who, cue, name, clause, q2)| match k {
            0 => format!("{q} {who} {cue}."),
            1 => format!("{q} {cue} {name}."),
            2 => format!("{who} {cue}: {q}"),
            3 => format!("{name} {cue} {clause}."),
            4 => format!("According to {name}, {clause}."),
            5 => format!("{clause}, {who} {cue}."),
            6 => format!("{q} {who} {cue}, {q2}"),
            7 => format!("{name} urged {name} to {clause}, {who} {cue}."),
            8 => format!("{q}\n\n{q2}"),
            _ => format!("{name}, the {clause}, {cue} {q}"),
        },
    )
}

/// One piece of a news-like text.
fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        6 => template().boxed(),
        4 => phrase().boxed(),
        2 => pick(NAMES),
        2 => pick(SPEAKERS),
        2 => pick(CUES),
        3 => quotation().boxed(),
        2 => pick(PUNCT),
        2 => pick(SPACES),
        1 => pick(ARABIC),
        1 => pick(EMOJI),
        1 => "\\PC{0,12}".boxed(),
    ]
    .boxed()
}

/// A news-like text: fragments joined by spaces, nothing, or line breaks.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), select(&[" ", " ", " ", " ", "", "\n", "\n\n"][..])), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect())
}

/// News-like text most of the time, arbitrary Unicode sometimes.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![8 => news_text(), 1 => ".{0,200}", 1 => any::<String>()]
}

/// Any kind of JSON `id` a JSONL line may carry.
fn json_id() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        Just(Value::Null),
        ".{0,12}".prop_map(Value::String),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e9f64..1e9).prop_map(|f| json!(f)),
        any::<bool>().prop_map(Value::Bool),
        ".{0,6}".prop_map(|s| json!({ "doc": s, "n": [1, 2] })),
    ]
}

proptest! {
    #[test]
    fn every_invariant_holds(text in any_text()) {
        if let Err(e) = analyze_checked(&text) {
            prop_assert!(false, "{e}\ntext: {text:?}");
        }
    }

    #[test]
    fn options_agree_with_the_default(text in news_text()) {
        let plain = analyze(&text);
        let with = analyze_with(&text, &Options::default()).expect("under the default limit");
        prop_assert_eq!(&plain, &with);
        let exact = analyze_with(&text, &Options { max_input_bytes: text.len(), ..Options::default() });
        prop_assert_eq!(exact.as_ref(), Ok(&plain), "a text exactly at the limit is accepted");
        let no_pressures = analyze_with(&text, &Options { pressures: false, ..Options::default() }).unwrap();
        prop_assert!(no_pressures.pressures.is_empty());
        prop_assert_eq!(&no_pressures.attributions, &plain.attributions, "pressures do not change attributions");
        if let Err(e) = check(&text, &no_pressures) {
            prop_assert!(false, "without pressures: {e}\ntext: {text:?}");
        }
    }

    #[test]
    fn jsonl_answers_are_the_analysis(text in news_text(), id in json_id()) {
        let mut line = serde_json::Map::new();
        if !id.is_null() {
            line.insert("id".into(), id.clone());
        }
        line.insert("text".into(), serde_json::Value::String(text.clone()));
        let line = serde_json::Value::Object(line).to_string();
        let out = sourcelens::jsonl::process_line(&line, &Options::default()).map_err(TestCaseError::fail)?;
        prop_assert!(!out.contains('\n'), "an answer is one line");
        let mut answer: serde_json::Value = serde_json::from_str(&out).unwrap();
        let got_id = answer.as_object_mut().unwrap().remove("id");
        // the id comes back first and exactly as written
        prop_assert_eq!(got_id.is_some(), !id.is_null());
        if !id.is_null() {
            prop_assert!(out.starts_with(&format!("{{\"id\":{id},")), "{}", &out[..out.len().min(80)]);
        }
        let want: serde_json::Value = serde_json::from_str(&serde_json::to_string(&analyze(&text)).unwrap()).unwrap();
        prop_assert_eq!(answer, want);
    }

    #[test]
    fn one_byte_over_the_limit_is_refused(text in news_text()) {
        prop_assume!(!text.is_empty());
        let got = analyze_with(&text, &Options { max_input_bytes: text.len() - 1, ..Options::default() });
        prop_assert_eq!(got, Err(sourcelens::Error::InputTooLarge { size: text.len(), limit: text.len() - 1 }));
    }
}

/// The UTF-16 view the checks rely on agrees with JavaScript's rules.
#[test]
fn utf16_slices_table() {
    // (text, start, end, Ok(slice) or Err(message fragment))
    let cases: &[(&str, usize, usize, Result<&str, &str>)] = &[
        ("abc", 0, 3, Ok("abc")),
        ("“q” x", 0, 3, Ok("“q”")),
        ("😀a", 0, 2, Ok("😀")),
        ("😀a", 2, 3, Ok("a")),
        ("😀a", 1, 3, Err("splits a surrogate pair")),
        ("😀a", 0, 1, Err("splits a surrogate pair")),
        ("قال x", 0, 3, Ok("قال")),
        ("ab", 1, 3, Err("beyond the text")),
        ("ab", 2, 1, Err("after end")),
    ];
    for &(text, start, end, want) in cases {
        let got = Utf16Text::new(text).slice(sourcelens::Utf16Span { start, end });
        match (got, want) {
            (Ok(s), Ok(w)) => assert_eq!(s, w, "{text:?} {start}..{end}"),
            (Err(e), Err(w)) => assert!(e.contains(w), "{text:?} {start}..{end}: {e}"),
            (got, _) => panic!("{text:?} {start}..{end}: unexpected {got:?}"),
        }
    }
}

/// The checker itself catches each kind of broken output it is meant to catch.
#[test]
fn checker_rejects_broken_analyses() {
    use sourcelens::{Attribution, AttributionKind, Utf16Span};
    let text = "“We will stay,” the minister said. 😀 “Not now,” he added.";
    let span = |s: &str| {
        let b = text.find(s).unwrap();
        let start = text[..b].encode_utf16().count();
        Utf16Span { start, end: start + s.encode_utf16().count() }
    };
    let attribution = |id: &str, content: Utf16Span, cue: Utf16Span| Attribution {
        id: id.to_string(),
        kind: AttributionKind::Direct,
        source: None,
        content: vec![content],
        cue: Some(cue),
        speaker: None,
        evidence: None,
    };
    let base = || {
        let mut a = analyze("");
        a.length = text.encode_utf16().count();
        a.attributions = vec![attribution("a1", span("“We will stay,”"), span("said"))];
        a.summary.attributions = 1;
        a
    };
    assert_eq!(check(text, &base()), Ok(()));
    type Breakage = fn(&mut sourcelens::Analysis, Utf16Span);
    // (what is broken, how, message fragment)
    let cases: &[(&str, Breakage, &str)] = &[
        ("span past the end", |a, _| a.attributions[0].content[0].end = a.length + 1, "beyond the text"),
        ("surrogate split", |a, emoji| a.attributions[0].cue = Some(Utf16Span { start: emoji.start, end: emoji.start + 1 }), "surrogate"),
        ("cue inside content", |a, _| a.attributions[0].cue = a.attributions[0].content.first().copied(), "its own cue"),
        ("missing source", |a, _| a.attributions[0].source = Some("s9".into()), "does not exist"),
        ("empty span", |a, _| a.attributions[0].content[0].end = a.attributions[0].content[0].start, "empty span"),
        ("wrong length", |a, _| a.length += 1, "length is"),
        ("overlapping contents", |a, _| {
            let mut b = a.attributions[0].clone();
            b.id = "a2".into();
            b.cue = None;
            a.attributions.push(b);
            a.summary.attributions = 2;
        }, "overlap"),
        ("bad id", |a, _| a.attributions[0].id = "a7".into(), "expected a1"),
        ("summary off", |a, _| a.summary.attributions = 5, "summary.attributions"),
    ];
    for (what, breakage, want) in cases {
        let mut a = base();
        breakage(&mut a, span("😀"));
        match check(text, &a) {
            Err(e) => assert!(e.contains(want), "{what}: {e}"),
            Ok(()) => panic!("{what}: not caught"),
        }
    }
}

/// A speaker that is no mention of its source: caught by the strict check,
/// skipped by the everyday one only while it is listed as an open bug.
#[test]
fn strict_check_catches_a_speaker_outside_its_mentions() {
    use sourcelens::{Attribution, AttributionKind, Source, SourceType, Utf16Span};
    let text = "Amal Haddad said no.";
    let mut a = analyze("");
    a.length = text.len();
    a.sources = vec![Source {
        id: "s1".into(),
        name: "Amal Haddad".into(),
        source_type: SourceType::NamedPerson,
        anonymous: false,
        role: None,
        affiliation: None,
        affiliation_kind: Default::default(),
        anonymity_marker: None,
        mentions: vec![Utf16Span { start: 0, end: 11 }],
        statements: 1,
        words: 1,
        evidence: None,
    }];
    a.attributions = vec![Attribution {
        id: "a1".into(),
        kind: AttributionKind::Indirect,
        source: Some("s1".into()),
        content: vec![Utf16Span { start: 17, end: 19 }],
        cue: Some(Utf16Span { start: 12, end: 16 }),
        speaker: Some(Utf16Span { start: 5, end: 11 }),
        evidence: None,
    }];
    a.summary.sources = 1;
    a.summary.attributions = 1;
    a.summary.sources_by_type.insert("named_person".into(), 1);
    a.summary.named_people = 1;
    let strict = check_strict(text, &a).unwrap_err();
    assert!(strict.contains("is not among the mentions of s1"), "{strict}");
    let open = OPEN_BUGS.iter().any(|b| b.0 == "speaker-in-mentions");
    assert_eq!(check(text, &a).is_ok(), open);
    a.attributions[0].speaker = Some(Utf16Span { start: 0, end: 11 });
    assert_eq!(check_strict(text, &a), Ok(()));
}
