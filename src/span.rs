//! Byte spans over the analysed text.
//!
//! Every stage of the analysis works on byte offsets into the original `&str`.
//! Offsets become UTF-16 code units only once, at the edge (see [`crate::utf16`]).

/// A half-open byte range `start..end` into the analysed text.
///
/// Both ends always fall on `char` boundaries of the text they were made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not be greater than `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The spanned text.
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing white space (and the characters in
    /// `extra`) removed; an all-blank span shrinks to an empty one at its end.
    pub fn trim(self, text: &str, extra: &[char]) -> Span {
        let s = &text[self.start..self.end];
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        let lead = s.len() - s.trim_start_matches(is_trim).len();
        let body = s.trim_matches(is_trim);
        if body.is_empty() {
            return Span::new(self.end, self.end);
        }
        Span::new(self.start + lead, self.start + lead + body.len())
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn trim_table() {
        let text = "  \"hello,\"  ";
        let cases: &[(&[char], &str)] = &[(&[], "\"hello,\""), (&['"'], "hello,"), (&['"', ','], "hello")];
        for (extra, want) in cases {
            let s = Span::new(0, text.len()).trim(text, extra);
            assert_eq!(s.text(text), *want, "extra {extra:?}");
        }
        assert!(Span::new(0, 2).trim(text, &[]).is_empty());
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(3, 5)));
        assert_eq!(a.cover(Span::new(7, 8)), Span::new(2, 8));
    }
}
