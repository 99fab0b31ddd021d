//! The word lists typing reads, built into the binary from `src/lexicon/types/*.txt`.
//!
//! Every file starts with a comment saying where its entries come from. Lines
//! are `entry` or `entry|value`; `#` starts a comment. Entries are matched on
//! [`key`](super::words::key)s joined by single spaces, so `U.S. Air Force`
//! matches the entry `us air force`.

use super::words::key;
use crate::model::AffiliationKind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ROLES: &str = include_str!("../lexicon/types/roles.txt");
const TITLES: &str = include_str!("../lexicon/types/titles.txt");
const MODIFIERS: &str = include_str!("../lexicon/types/modifiers.txt");
const GROUPS: &str = include_str!("../lexicon/types/groups.txt");
const INSTITUTIONS: &str = include_str!("../lexicon/types/institutions.txt");
const ORG_HEADS: &str = include_str!("../lexicon/types/org_heads.txt");
const ORG_SUFFIXES: &str = include_str!("../lexicon/types/org_suffixes.txt");
const ORGANIZATIONS: &str = include_str!("../lexicon/types/organizations.txt");
const COUNTRIES: &str = include_str!("../lexicon/types/countries.txt");
const PARTIES: &str = include_str!("../lexicon/types/parties.txt");
const OUTLETS: &str = include_str!("../lexicon/types/outlets.txt");
const OUTLET_TAILS: &str = include_str!("../lexicon/types/outlet_tails.txt");
const DOCUMENTS: &str = include_str!("../lexicon/types/documents.txt");
const SOCIAL: &str = include_str!("../lexicon/types/social.txt");
const ANONYMITY: &str = include_str!("../lexicon/types/anonymity.txt");
const ADJECTIVES: &str = include_str!("../lexicon/types/adjectives.txt");

/// A country: its name and demonyms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// The adjective (`Iraqi`), as written in the list.
    pub demonym: String,
}

/// All typing word lists, keyed by normalised phrases.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Role phrases (singular) with the sphere they imply.
    pub roles: HashMap<String, AffiliationKind>,
    /// Plural role phrases mapped to their singular.
    pub role_plurals: HashMap<String, String>,
    /// Abbreviated titles mapped to the role they stand for (empty for Mr., Mrs.).
    pub titles: HashMap<String, String>,
    /// Words kept in front of a role: `former`, `senior`.
    pub modifiers: HashSet<String>,
    /// Collective and group nouns with their sphere.
    pub groups: HashMap<String, AffiliationKind>,
    /// Institution nouns (`government`, `court`) with their sphere.
    pub institutions: HashMap<String, AffiliationKind>,
    /// Plurals of institution nouns.
    pub institution_plurals: HashSet<String>,
    /// Capitalised head words of organization names.
    pub org_heads: HashMap<String, AffiliationKind>,
    /// Company suffixes.
    pub org_suffixes: HashSet<String>,
    /// Known organizations.
    pub organizations: HashMap<String, AffiliationKind>,
    /// Countries by name.
    pub countries: HashMap<String, Country>,
    /// Demonym and identity adjectives (lower case) mapped to the word as written.
    pub demonyms: HashMap<String, String>,
    /// Plural demonyms (`iraqis`).
    pub demonym_plurals: HashSet<String>,
    /// Party words mapped to the party name.
    pub parties: HashMap<String, String>,
    /// Known news outlets (without a leading `the` as well as with it).
    pub outlets: HashSet<String>,
    /// Last words that make a name an outlet.
    pub outlet_tails: HashSet<String>,
    /// Document nouns, singular and plural.
    pub documents: HashSet<String>,
    /// Social networks.
    pub platforms: HashSet<String>,
    /// Nouns for a post on a social network, singular and plural.
    pub posts: HashSet<String>,
    /// Anonymity phrases as word keys, with `true` for strong ones; longest first.
    pub anonymity: Vec<(Vec<String>, bool)>,
    /// The longest entry, in words, over the phrase lists.
    pub max_words: usize,
}

/// Normalises an entry or a phrase: word keys joined by one space.
pub fn phrase_key(s: &str) -> String {
    s.split_whitespace().map(key).filter(|k| !k.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Parses an affiliation kind name as written in the lists and in JSON.
pub fn parse_kind(s: &str) -> Option<AffiliationKind> {
    use AffiliationKind::*;
    Some(match s.trim() {
        "government" => Government,
        "political" => Political,
        "military_security" => MilitarySecurity,
        "international" => International,
        "business" => Business,
        "academic" => Academic,
        "civil_society" => CivilSociety,
        "media" => Media,
        "religious" => Religious,
        "legal" => Legal,
        "citizen" => Citizen,
        "unknown" => Unknown,
        _ => return None,
    })
}

/// The entries of a list file: `(entry, value)` with comments and blanks dropped.
fn entries(src: &str) -> impl Iterator<Item = (&str, &str)> {
    src.lines().filter_map(|l| {
        let l = l.split('#').next().unwrap_or("").trim();
        if l.is_empty() || l.starts_with('[') {
            return None;
        }
        Some(match l.split_once('|') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (l, ""),
        })
    })
}

/// English plurals of a phrase's last word: `lawmaker` → `lawmakers`,
/// `spokesman` → `spokesmen`, `party` → `parties`, `analysis` → `analyses`.
pub fn plurals(phrase: &str) -> Vec<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    let mut out = Vec::new();
    if let Some(stem) = last.strip_suffix("man") {
        out.push(format!("{head}{stem}men"));
    } else if let Some(stem) = last.strip_suffix("person") {
        out.push(format!("{head}{stem}people"));
        out.push(format!("{head}{stem}persons"));
    } else if let Some(stem) = last.strip_suffix("sis") {
        out.push(format!("{head}{stem}ses"));
    } else if last.ends_with('y') && !last.ends_with("ay") && !last.ends_with("ey") && !last.ends_with("oy") {
        out.push(format!("{head}{}ies", &last[..last.len() - 1]));
    } else if last.ends_with('s') || last.ends_with("sh") || last.ends_with("ch") || last.ends_with('x') {
        out.push(format!("{head}{last}es"));
    } else {
        out.push(format!("{head}{last}s"));
    }
    out
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lx = Lexicon::default();
        let kind = |v: &str| parse_kind(v).unwrap_or(AffiliationKind::Unknown);
        for (e, v) in entries(ROLES) {
            let k = phrase_key(e);
            for p in plurals(&k) {
                lx.role_plurals.insert(p, k.clone());
            }
            lx.roles.insert(k, kind(v));
        }
        for (e, v) in entries(TITLES) {
            lx.titles.insert(phrase_key(e), v.to_string());
        }
        lx.modifiers = entries(MODIFIERS).map(|(e, _)| phrase_key(e)).collect();
        for (e, v) in entries(GROUPS) {
            lx.groups.insert(phrase_key(e), kind(v));
        }
        for (e, v) in entries(INSTITUTIONS) {
            let k = phrase_key(e);
            lx.institution_plurals.extend(plurals(&k));
            lx.institutions.insert(k, kind(v));
        }
        for (e, v) in entries(ORG_HEADS) {
            lx.org_heads.insert(phrase_key(e), kind(v));
        }
        lx.org_suffixes = entries(ORG_SUFFIXES).map(|(e, _)| phrase_key(e)).collect();
        for (e, v) in entries(ORGANIZATIONS) {
            lx.organizations.insert(phrase_key(e), kind(v));
        }
        for (e, v) in entries(COUNTRIES) {
            let mut parts = v.split('|');
            let demonym = parts.next().unwrap_or("").trim().to_string();
            let plural = parts.next().unwrap_or("").trim();
            if !demonym.is_empty() {
                lx.demonyms.insert(phrase_key(&demonym), demonym.clone());
            }
            if !plural.is_empty() {
                lx.demonym_plurals.insert(phrase_key(plural));
            }
            lx.countries.insert(phrase_key(e), Country { demonym });
        }
        for (e, _) in entries(ADJECTIVES) {
            lx.demonyms.entry(phrase_key(e)).or_insert_with(|| e.to_string());
        }
        for (e, v) in entries(PARTIES) {
            lx.parties.insert(phrase_key(e), v.to_string());
        }
        for (e, _) in entries(OUTLETS) {
            let k = phrase_key(e);
            lx.outlets.insert(k.strip_prefix("the ").unwrap_or(&k).to_string());
            lx.outlets.insert(k);
        }
        lx.outlet_tails = entries(OUTLET_TAILS).map(|(e, _)| phrase_key(e)).collect();
        for (e, _) in entries(DOCUMENTS) {
            let k = phrase_key(e);
            lx.documents.extend(plurals(&k));
            lx.documents.insert(k);
        }
        let mut section = "";
        for line in SOCIAL.lines() {
            let l = line.split('#').next().unwrap_or("").trim();
            if l.starts_with('[') {
                section = l;
                continue;
            }
            if l.is_empty() {
                continue;
            }
            let k = phrase_key(l);
            if section == "[platforms]" {
                lx.platforms.insert(k);
            } else {
                lx.posts.extend(plurals(&k));
                lx.posts.insert(k);
            }
        }
        for (e, v) in entries(ANONYMITY) {
            let words: Vec<String> = phrase_key(e).split(' ').map(str::to_string).collect();
            lx.anonymity.push((words, v == "strong"));
        }
        lx.anonymity.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        let words = |k: &String| k.split(' ').count();
        lx.max_words = lx
            .roles
            .keys()
            .chain(lx.titles.keys())
            .chain(lx.organizations.keys())
            .chain(lx.countries.keys())
            .chain(lx.institutions.keys())
            .chain(lx.outlets.iter())
            .chain(lx.documents.iter())
            .chain(lx.platforms.iter())
            .chain(lx.posts.iter())
            .map(words)
            .max()
            .unwrap_or(1);
        lx
    }
}

/// The lists, parsed once.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_table() {
        let cases = [
            ("lawmaker", "lawmakers"),
            ("spokesman", "spokesmen"),
            ("spokesperson", "spokespeople"),
            ("party", "parties"),
            ("analysis", "analyses"),
            ("attorney", "attorneys"),
            ("witness", "witnesses"),
            ("police officer", "police officers"),
        ];
        for (s, p) in cases {
            assert!(plurals(s).contains(&p.to_string()), "{s} -> {p}: {:?}", plurals(s));
        }
    }

    #[test]
    fn every_list_loads() {
        let lx = get();
        assert!(lx.roles.contains_key("lawmaker"));
        assert!(lx.role_plurals.contains_key("officials"));
        assert_eq!(lx.titles.get("sen").map(String::as_str), Some("senator"));
        assert!(lx.groups.contains_key("people"));
        assert!(lx.institutions.contains_key("government"));
        assert!(lx.org_heads.contains_key("coalition"));
        assert!(lx.org_suffixes.contains("inc"));
        assert!(lx.organizations.contains_key("state of law coalition"));
        assert_eq!(lx.countries.get("iraq").map(|c| c.demonym.as_str()), Some("Iraqi"));
        assert!(lx.demonym_plurals.contains("iraqis"));
        assert!(lx.parties.contains_key("republican"));
        assert!(lx.outlets.contains("new york times") && lx.outlets.contains("shafaq news"));
        assert!(lx.outlet_tails.contains("news"));
        assert!(lx.documents.contains("polls"));
        assert!(lx.platforms.contains("twitter") && lx.posts.contains("tweet"));
        assert!(lx.anonymity.iter().any(|(w, strong)| *strong && w.join(" ") == "on condition of anonymity"));
        assert!(lx.max_words >= 4);
    }

    #[test]
    fn kinds_parse() {
        for k in ["government", "military_security", "citizen", "unknown"] {
            assert!(parse_kind(k).is_some(), "{k}");
        }
        assert_eq!(parse_kind("nonsense"), None);
    }
}
