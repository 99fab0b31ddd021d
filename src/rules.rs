//! The names of the rules that produce highlights, with a sentence each.
//!
//! Every attribution, source type and pressure carries the name of the rule
//! that made it; the page shows the sentence in its tooltips.

/// Every rule name with its human description.
pub const RULES: &[(&str, &str)] = &[
    ("quote-cue-speaker", "quotation followed by a reporting verb and its speaker"),
    ("quote-speaker-cue", "quotation followed by its speaker and a reporting verb"),
    ("speaker-cue-quote", "speaker and reporting verb introducing a quotation"),
    ("cue-speaker-quote", "a sentence opening with the reporting verb, then its speaker and a quotation (\u{201c}Said X, \u{2026}\u{201d})"),
    ("speaker-cue-colon-quote", "speaker and reporting verb with a colon before a quotation"),
    ("speaker-cue-clause", "speaker and reporting verb followed by a reported clause"),
    ("clause-cue-speaker", "reported clause followed by a reporting verb and its speaker"),
    ("clause-speaker-cue", "reported clause followed by its speaker and a reporting verb (or split by them: the subject before, the predicate after)"),
    ("speaker-colon", "a headline naming its speaker before a colon"),
    ("colon-lead-in", "a subject and a verb phrase before a colon that opens a quotation"),
    ("in-document", "a clause reported \u{201c}in a poll\u{201d} or survey: the document is the source"),
    ("according-to", "\u{201c}according to\u{201d} names the source of the clause"),
    ("quote-dash-speaker", "a quotation on its own line signed with a dash and a name"),
    ("conjoined-cue", "a second verb of the sentence (\u{201c}\u{2026} and said\u{201d}) shares its subject"),
    ("asked-lead-in", "a question put to the speaker (\u{201c}Asked whether \u{2026}, she said\u{201d}): what was asked"),
    ("follow-on-quote", "a quotation with no cue of its own continues the last speaker"),
    ("split-quote", "one quotation split by its reporting verb"),
    ("named-person", "a personal name"),
    ("named-organization", "an organization name or its spokesperson"),
    ("media-outlet", "a news organisation cited as the origin"),
    ("document", "a report, statement, poll or other document"),
    ("social-media", "a post on a social network"),
    ("anonymous-source", "an individual deliberately not named"),
    ("unnamed-person", "an individual not named"),
    ("unnamed-group", "an unnamed group"),
    ("org-spokesperson", "an unnamed spokesperson speaks for the named organization"),
    ("org-officials", "unnamed officials or executives of a named organization speak for it"),
    ("anonymity-marker", "a phrase grants the source anonymity"),
    ("pronoun-only", "only pronouns: typed from the pronoun"),
    ("definite-role", "a definite role (the judge, the city's mayor) names one identified person"),
    ("pressure-verb", "a verb of pressure (urge, press, demand...)"),
    ("pressure-noun", "a noun of pressure (pressure from, calls for...)"),
    ("pressure-participle", "a participle or relative clause of pressure"),
    ("pressure-passive", "a passive of pressure (was forced to...)"),
    ("pressure-modal", "a speaker says someone named should or ought to act"),
];

/// The description of a rule; the name itself when it is not listed.
pub fn describe(rule: &str) -> &str {
    RULES.iter().find(|(n, _)| *n == rule).map(|(_, d)| *d).unwrap_or(rule)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_names_are_unique_and_kebab() {
        let mut names: Vec<&str> = super::RULES.iter().map(|r| r.0).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), super::RULES.len());
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }
}
