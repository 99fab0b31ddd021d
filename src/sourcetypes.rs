//! Source types, roles, affiliations and anonymity (GUIDE.md §2).

use crate::model::{AffiliationKind, SourceType};
use crate::span::Span;

/// What the typing decides for one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Typing {
    /// The source type.
    pub source_type: SourceType,
    /// Role or title.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Sphere of the affiliation.
    pub affiliation_kind: AffiliationKind,
    /// The phrase granting or explaining anonymity.
    pub anonymity_marker: Option<Span>,
    /// The rule that decided the type (a name from [`crate::rules::RULES`]).
    pub rule: &'static str,
}

/// Types one source from all its mentions (sorted byte spans into `text`),
/// reading each mention and the words around it.
pub fn classify(text: &str, mentions: &[Span]) -> Typing {
    let _ = (text, mentions);
    Typing {
        source_type: SourceType::NamedPerson,
        role: None,
        affiliation: None,
        affiliation_kind: AffiliationKind::Unknown,
        anonymity_marker: None,
        rule: "named-person",
    }
}
