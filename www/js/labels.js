// Human names for the codes in the analysis, and the colour slots of sources.

/** Source types (GUIDE.md §2) with a label and whether they count as anonymous. */
export const SOURCE_TYPES = {
  named_person: { label: 'named person', short: 'Person', anonymous: false },
  named_organization: { label: 'named organisation', short: 'Organisation', anonymous: false },
  media_outlet: { label: 'media outlet', short: 'Media', anonymous: false },
  document: { label: 'document', short: 'Document', anonymous: false },
  social_media: { label: 'social media post', short: 'Social', anonymous: false },
  anonymous_source: { label: 'anonymous source', short: 'Anonymous', anonymous: true },
  unnamed_person: { label: 'unnamed person', short: 'Unnamed', anonymous: true },
  unnamed_group: { label: 'unnamed group', short: 'Group', anonymous: true },
  unknown: { label: 'no source found', short: 'Unknown', anonymous: false },
};

/** Attribution kinds (GUIDE.md §1). */
export const ATTRIBUTION_KINDS = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'paraphrase with quoted words',
  according_to: '“according to”',
};

/** Affiliation kinds (GUIDE.md §2). */
export const AFFILIATION_KINDS = {
  government: 'government',
  political: 'political',
  military_security: 'military or security',
  international: 'international body',
  business: 'business',
  academic: 'academic',
  civil_society: 'civil society',
  media: 'media',
  religious: 'religious',
  legal: 'legal',
  citizen: 'citizen',
  unknown: 'unknown',
};

/** Number of source colours (Okabe–Ito palette, see style.css `.c0`…`.c7`). */
export const COLOURS = 8;
/** Number of underline styles (style.css `.u0`…`.u3`), the cue that does not rely on colour. */
export const UNDERLINES = 4;

/** The label of a source type code, the code itself when unknown. */
export function typeLabel(type) {
  return SOURCE_TYPES[type]?.label ?? String(type);
}

/** The label of an attribution kind. */
export function kindLabel(kind) {
  return ATTRIBUTION_KINDS[kind] ?? String(kind);
}

/** The label of an affiliation kind. */
export function affiliationKindLabel(kind) {
  return AFFILIATION_KINDS[kind] ?? String(kind);
}

/**
 * The visual identity of the source at `index` (0-based, order of the sources list):
 * a colour class, an underline class and a short tag. Unique for the first 32 sources.
 */
export function sourceStyle(index) {
  return {
    colour: `c${index % COLOURS}`,
    underline: `u${(index + Math.floor(index / COLOURS)) % UNDERLINES}`,
    tag: `S${index + 1}`,
  };
}
