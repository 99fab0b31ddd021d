//! The analysis as it leaves the library: the JSON contract of `SCHEMA.md`.
//!
//! Keys are camelCase and every span counts UTF-16 code units, so that
//! `text.slice(start, end)` in JavaScript gives the spanned words. The same
//! types deserialize, so tools can read analyses back.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A half-open range of UTF-16 code units: `text.slice(start, end)` in JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Utf16Span {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// What kind of source an entity is (GUIDE.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    /// An individual named in the text.
    NamedPerson,
    /// A named institution, company, party or government body, or its unnamed spokesperson.
    NamedOrganization,
    /// A news organisation cited as the origin of information.
    MediaOutlet,
    /// A report, statement, poll, study, filing, law or data set.
    Document,
    /// A post on a social network.
    SocialMedia,
    /// An individual deliberately not named.
    AnonymousSource,
    /// An individual not named, with no confidentiality.
    UnnamedPerson,
    /// An unnamed group.
    UnnamedGroup,
}

impl SourceType {
    /// Every type, in a stable order.
    pub const ALL: [SourceType; 8] = [
        SourceType::NamedPerson,
        SourceType::NamedOrganization,
        SourceType::MediaOutlet,
        SourceType::Document,
        SourceType::SocialMedia,
        SourceType::AnonymousSource,
        SourceType::UnnamedPerson,
        SourceType::UnnamedGroup,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::NamedPerson => "named_person",
            SourceType::NamedOrganization => "named_organization",
            SourceType::MediaOutlet => "media_outlet",
            SourceType::Document => "document",
            SourceType::SocialMedia => "social_media",
            SourceType::AnonymousSource => "anonymous_source",
            SourceType::UnnamedPerson => "unnamed_person",
            SourceType::UnnamedGroup => "unnamed_group",
        }
    }

    /// True for the types GUIDE.md counts as anonymous.
    pub fn is_anonymous(self) -> bool {
        matches!(self, SourceType::AnonymousSource | SourceType::UnnamedPerson | SourceType::UnnamedGroup)
    }
}

/// The sphere a source belongs to (GUIDE.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AffiliationKind {
    /// Government, ministries, agencies, officials.
    Government,
    /// Parties, campaigns, lawmakers, candidates.
    Political,
    /// Armed forces, police, intelligence, armed groups.
    MilitarySecurity,
    /// International bodies: UN, NATO, EU...
    International,
    /// Companies and business people.
    Business,
    /// Universities, research centres, think tanks.
    Academic,
    /// NGOs, unions, advocacy groups.
    CivilSociety,
    /// News organisations and journalists.
    Media,
    /// Clergy and religious bodies.
    Religious,
    /// Courts, lawyers, prosecutors.
    Legal,
    /// Ordinary people: witnesses, residents, voters.
    Citizen,
    /// Nothing in the text says.
    #[default]
    Unknown,
}

/// How an attribution renders what was said (GUIDE.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// Quoted words only.
    Direct,
    /// A paraphrase.
    Indirect,
    /// A paraphrase with quoted fragments.
    Mixed,
    /// "According to X, ...".
    AccordingTo,
}

/// Why a highlight is there: the rule that fired and the cue it read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Stable name of the rule, e.g. `quote-then-cue-speaker`.
    pub rule: String,
    /// A short human explanation, e.g. `quotation followed by "said" and its speaker`.
    pub detail: String,
    /// For an attribution: the learned confidence (0–1) that it is right, speaker included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The features the confidence read (only with the `explain` option).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
}

/// One entity that at least one attribution comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// `s1`, `s2`, ... in order of first mention.
    pub id: String,
    /// Canonical name: the fullest name or description found.
    pub name: String,
    /// Source type.
    #[serde(rename = "type")]
    pub source_type: SourceType,
    /// True for anonymous sources, unnamed people and unnamed groups.
    pub anonymous: bool,
    /// Role or title ("lawmaker", "spokesperson"), if the text gives one.
    pub role: Option<String>,
    /// Organisation the source belongs to, if the text says.
    pub affiliation: Option<String>,
    /// The sphere of that affiliation.
    pub affiliation_kind: AffiliationKind,
    /// The phrase granting or explaining anonymity.
    pub anonymity_marker: Option<Utf16Span>,
    /// Every mention of the source, in text order.
    pub mentions: Vec<Utf16Span>,
    /// Number of attributions from this source.
    #[serde(default)]
    pub statements: usize,
    /// Number of words in those attributions' contents.
    #[serde(default)]
    pub words: usize,
    /// How the type was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// One quote or reported statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribution {
    /// `a1`, `a2`, ... in text order.
    pub id: String,
    /// Direct, indirect, mixed or according-to.
    pub kind: AttributionKind,
    /// The source's id, if one was found.
    pub source: Option<String>,
    /// What is attributed, in one or more pieces; direct quotes keep their marks.
    pub content: Vec<Utf16Span>,
    /// The words marking the attribution ("said", "according to").
    pub cue: Option<Utf16Span>,
    /// The mention of the speaker next to the cue.
    pub speaker: Option<Utf16Span>,
    /// The rule that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// One claim that an actor pushes another to do something (GUIDE.md §3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pressure {
    /// `p1`, `p2`, ... in text order.
    pub id: String,
    /// The clause that states the pressure.
    pub span: Utf16Span,
    /// The pressure words.
    pub cue: Option<Utf16Span>,
    /// Who pushes; each actor its own span.
    pub pressurers: Vec<Utf16Span>,
    /// Who is pushed.
    pub target: Option<Utf16Span>,
    /// What the target is pushed to do or not do.
    pub demand: Option<Utf16Span>,
    /// The source whose attribution contains the claim; `None` when the writer states it.
    pub claimed_by: Option<String>,
    /// True when the text denies the pressure.
    pub negated: bool,
    /// The rule that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// Sourcing at a glance: what the page's summary bar reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Number of sources.
    pub sources: usize,
    /// Number of attributions.
    pub attributions: usize,
    /// Number of sources of each type (types with none are left out).
    pub sources_by_type: BTreeMap<String, usize>,
    /// Attributed words by source type; unattributed statements count under `unknown`.
    pub words_by_type: BTreeMap<String, usize>,
    /// Words in all attributions' contents.
    pub attributed_words: usize,
    /// Words from anonymous sources.
    pub anonymous_words: usize,
    /// `anonymous_words / attributed_words`, 0 when nothing is attributed.
    pub anonymous_share: f64,
    /// Named people among the sources.
    pub named_people: usize,
    /// Unnamed people, anonymous sources and unnamed groups among the sources.
    pub unnamed_sources: usize,
}

/// Everything sourcelens finds in one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The input's id, when it had one (JSONL mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version of sourcelens that made the analysis.
    pub version: String,
    /// Length of the text in UTF-16 code units.
    pub length: usize,
    /// Sentences, in order.
    pub sentences: Vec<Utf16Span>,
    /// Sources, in order of first mention.
    pub sources: Vec<Source>,
    /// Attributions, in text order.
    pub attributions: Vec<Attribution>,
    /// Claimed pressures, in text order.
    pub pressures: Vec<Pressure>,
    /// Counts for the summary bar.
    pub summary: Summary,
}
