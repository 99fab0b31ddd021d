//! The sphere of an affiliation, party codes, and qualifying a bare `government`.

use super::lexicon;
use super::phrase::{self, Class, RunKind};
use super::words::{tokenize, Words};
use crate::model::AffiliationKind;
use crate::span::Span;

/// The sphere of an organization or affiliation name: `State of Law Coalition`
/// → political, `Tulsa police` → military_security, `Reuters` → media.
pub fn kind_of(name: &str) -> AffiliationKind {
    let lx = lexicon::get();
    let words = tokenize(name, Span::new(0, name.len()));
    let key = phrase::key_of(&words, 0, words.len());
    if let Some(k) = phrase::known_entity(lx, &key) {
        return run_kind(k);
    }
    if lx.parties.contains_key(&key) {
        return AffiliationKind::Political;
    }
    // a lower-case institution noun decides: "Trump campaign", "Iraqi government"
    if let Some(w) = words.iter().rev().find(|w| w.is_word() && !w.cap && lx.institutions.contains_key(&w.key)) {
        return lx.institutions[&w.key];
    }
    // "Security and Defence Committee": the last capitalised organization head
    if let Some(w) = words.iter().rev().find(|w| w.is_word() && w.cap && lx.org_heads.contains_key(&w.key)) {
        return lx.org_heads[&w.key];
    }
    let reading = phrase::read(name, &words, 0, words.len());
    match reading.head.map(|h| &reading.items[h].class) {
        Some(Class::Run(k)) => run_kind(*k),
        Some(Class::Inst) => reading.head.and_then(|h| lx.institutions.get(&reading.items[h].key).copied()).unwrap_or_default(),
        _ => AffiliationKind::Unknown,
    }
}

fn run_kind(k: RunKind) -> AffiliationKind {
    match k {
        RunKind::Org(kind) => kind,
        RunKind::Outlet => AffiliationKind::Media,
        RunKind::Country | RunKind::Demonym => AffiliationKind::Government,
        RunKind::Platform => AffiliationKind::Business,
        RunKind::Party => AffiliationKind::Political,
        RunKind::Acronym | RunKind::Person => AffiliationKind::Unknown,
    }
}

/// The party of a US-style party code key (`r-sc`, `d-mo`, `i-vt`).
pub fn party_code(key: &str) -> Option<&'static str> {
    let (p, state) = key.split_once('-')?;
    if state.is_empty() || !state.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    match p {
        "r" => Some("Republican Party"),
        "d" => Some("Democratic Party"),
        "i" => Some("independent"),
        _ => None,
    }
}

/// Qualifies a bare institution noun (`government`) from the words around the
/// mentions: the most frequent `<Capitalised> government` within `window`
/// bytes of any mention (`the Iraqi government` → `Iraqi government`).
pub fn qualify(text: &str, mentions: &[Span], bare: &str, window: usize) -> Option<String> {
    qualify_in(text, &Words::around(text, mentions, window), mentions, bare, window)
}

/// [`qualify`] reading the text's tokens from `index` (made from the same `text`).
pub fn qualify_in(text: &str, index: &Words, mentions: &[Span], bare: &str, window: usize) -> Option<String> {
    let bare_key = lexicon::phrase_key(bare);
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, m) in mentions.iter().enumerate() {
        let lo = super::anonymity::floor_char(text, m.start.saturating_sub(window));
        let hi = super::anonymity::floor_char(text, m.end + window);
        let words = index.window(Span::new(lo, hi));
        for i in 1..words.len() {
            if !words[i].is_word() || words[i].key != bare_key || words[i].cap {
                continue;
            }
            let mut a = i;
            while a > 0 && words[a - 1].is_word() && words[a - 1].cap && !phrase::DETERMINERS.contains(&words[a - 1].key.as_str()) && !words[a - 1].possessive {
                a -= 1;
            }
            if a == i {
                continue;
            }
            let q = format!("{} {}", Span::new(words[a].span.start, words[i - 1].span.end).text(text), words[i].span.text(text));
            match counts.iter_mut().find(|c| c.0 == q) {
                Some(c) => c.1 += 1,
                None => counts.push((q, 1, order)),
            }
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_table() {
        use AffiliationKind::*;
        let cases = [
            ("State of Law Coalition", Political),
            ("Tulsa police", MilitarySecurity),
            ("Reuters", Media),
            ("Clinton campaign", Political),
            ("Iraqi government", Government),
            ("Seton Hall University", Academic),
            ("U.S. Court of Appeals", Legal),
            ("Acme Corp.", Business),
            ("NATO", International),
            ("Republican Party", Political),
            ("Jane Doe", Unknown),
        ];
        for (name, kind) in cases {
            assert_eq!(kind_of(name), kind, "{name}");
        }
    }

    #[test]
    fn party_codes() {
        assert_eq!(party_code("r-sc"), Some("Republican Party"));
        assert_eq!(party_code("d-mo"), Some("Democratic Party"));
        assert_eq!(party_code("x-ray"), None);
        assert_eq!(party_code("r-2"), None);
    }

    #[test]
    fn qualify_bare_government() {
        let t = "The Egyptian government said it would act. Later the government source added that talks went on.";
        let m = t.find("the government source").unwrap();
        let got = qualify(t, &[Span::new(m, m + 22)], "government", 200);
        assert_eq!(got.as_deref(), Some("Egyptian government"));
        assert_eq!(qualify("No qualifier here: the government source.", &[Span::new(19, 40)], "government", 200), None);
    }
}
