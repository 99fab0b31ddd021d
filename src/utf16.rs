//! Byte offset to UTF-16 code unit conversion, done once at the edge.
//!
//! JavaScript strings, the page and `score.py` all count UTF-16 code units.
//! [`Utf16Map`] is built once per text in one pass and then answers each
//! offset in constant time.

use crate::span::Span;

/// A precomputed table from byte offsets to UTF-16 offsets of one text.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `None` when the text is pure ASCII and offsets are equal.
    table: Option<Vec<u32>>,
    len: usize,
}

impl Utf16Map {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &str) -> Utf16Map {
        if text.is_ascii() {
            return Utf16Map { table: None, len: text.len() };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut units = 0u32;
        for (i, c) in text.char_indices() {
            let w = c.len_utf8();
            for slot in &mut table[i..i + w] {
                *slot = units;
            }
            units += c.len_utf16() as u32;
        }
        table[text.len()] = units;
        Utf16Map { table: Some(table), len: text.len() }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's end).
    pub fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match &self.table {
            None => byte,
            Some(t) => t[byte] as usize,
        }
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn total(&self) -> usize {
        self.at(self.len)
    }

    /// Converts a byte span to a UTF-16 span.
    pub fn span(&self, s: Span) -> crate::model::Utf16Span {
        crate::model::Utf16Span { start: self.at(s.start), end: self.at(s.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_table() {
        // (text, byte offset, expected UTF-16 offset)
        let cases: &[(&str, usize, usize)] = &[
            ("abc", 2, 2),
            ("é b", 2, 1),
            ("“q” x", 3, 1),
            ("😀a", 4, 2),
            ("😀a", 5, 3),
            ("قال a", 6, 3),
        ];
        for &(text, byte, want) in cases {
            assert_eq!(Utf16Map::new(text).at(byte), want, "{text:?} @ {byte}");
        }
    }

    #[test]
    fn total_matches_encode_utf16() {
        for t in ["", "plain", "“Syria’s” 😀 بغداد"] {
            assert_eq!(Utf16Map::new(t).total(), t.encode_utf16().count());
        }
    }
}
