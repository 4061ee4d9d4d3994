//! Byte offsets to 1-based line and column, computed only when a report has findings.

/// Start offsets of every line in one input.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes `source`. Lines end at `\n`; a `\r` before it belongs to the line ending, so
    /// CRLF files get the same positions as LF files.
    pub fn new(source: &[u8]) -> Self {
        let mut starts = vec![0];
        // Most inputs are one line (NDJSON, compact bodies); `contains` finds that out with a
        // `memchr`, many times faster than the indexing loop below.
        if !source.contains(&b'\n') {
            return LineIndex { starts };
        }
        starts.extend(
            source
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        LineIndex { starts }
    }

    /// The 1-based line and column of byte `offset`. Columns count characters (Unicode scalar
    /// values), as editors do, not bytes; invalid UTF-8 counts one column per byte.
    pub fn line_col(&self, source: &[u8], offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0) as usize;
        let end = (offset as usize).min(source.len()).max(start);
        let text = source.get(start..end).unwrap_or_default();
        let chars = match std::str::from_utf8(text) {
            Ok(s) => s.chars().count(),
            Err(_) => text.len(),
        };
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(chars + 1).unwrap_or(u32::MAX),
        )
    }
}

/// Counts the positions of offsets visited in increasing order, each from where the last one
/// ended: a minified body with a million findings on its one line costs one pass over that
/// line, not one per finding.
///
/// It builds no [`LineIndex`]: it finds the line breaks as it goes, so a report on a large
/// input reads the input only up to its last finding, and allocates nothing. (Valid
/// payloads often carry warnings, so every such report comes through here.)
#[derive(Debug)]
pub(crate) struct Cursor<'s> {
    source: &'s [u8],
    /// How far the source has been searched for line breaks.
    scanned: usize,
    /// The line holding `scanned` (1-based) and where it starts.
    line: usize,
    line_start: usize,
    /// How far the current line has been counted, and the characters in
    /// `line_start..counted`, which is always valid UTF-8.
    counted: usize,
    chars: usize,
    /// Whether the caller knows the whole source is UTF-8 (it parsed): then a stretch is
    /// UTF-8 exactly when it ends on a character boundary, and its characters are its bytes
    /// that do not continue one, which is far cheaper than validating it again.
    utf8: bool,
    /// Where the cursor started: the start of a line, and that line's number. Offsets
    /// before it are counted as that line's start.
    origin: (usize, usize),
}

impl<'s> Cursor<'s> {
    /// A cursor at the top of `source`; `utf8` promises that `source` is valid UTF-8.
    pub(crate) fn new(source: &'s [u8], utf8: bool) -> Self {
        Cursor::at(source, 0, 1, utf8)
    }

    /// A cursor at byte `offset` of `source`, which starts line `line`: one request of a
    /// file of many is located from where it starts, not from the top of the file.
    pub(crate) fn at(source: &'s [u8], offset: usize, line: usize, utf8: bool) -> Self {
        let offset = offset.min(source.len());
        Cursor {
            source,
            scanned: offset,
            line,
            line_start: offset,
            counted: offset,
            chars: 0,
            utf8,
            origin: (offset, line),
        }
    }

    /// The source the cursor counts in.
    pub(crate) fn source(&self) -> &'s [u8] {
        self.source
    }

    /// The same as [`LineIndex::line_col`], in amortised time for increasing offsets.
    pub(crate) fn line_col(&mut self, offset: u32) -> (u32, u32) {
        // A line starts after each `\n`, so the line of `offset` is one more than the line
        // breaks before it; an offset past the end is on the last line.
        let (origin, origin_line) = self.origin;
        let end = (offset as usize).min(self.source.len()).max(origin);
        if end < self.scanned {
            // Going back: start again from the origin.
            *self = Cursor::at(self.source, origin, origin_line, self.utf8);
        }
        let fresh = self.source.get(self.scanned..end).unwrap_or_default();
        // Most inputs are one line: one `memchr` finds that out.
        if let Some(last) = memchr::memrchr(b'\n', fresh) {
            self.line += memchr::memchr_iter(b'\n', fresh).count();
            self.line_start = self.scanned + last + 1;
            (self.counted, self.chars) = (self.line_start, 0);
        }
        self.scanned = end;
        if self.utf8 {
            let splits_a_char = self.source.get(end).is_some_and(|&b| is_continuation(b));
            if splits_a_char {
                return position(self.line, end - self.line_start);
            }
            let text = self.source.get(self.counted..end).unwrap_or_default();
            self.chars += chars_in(text);
            self.counted = end;
            return position(self.line, self.chars);
        }
        let column = match self.source.get(self.counted..end).map(std::str::from_utf8) {
            Some(Ok(text)) => {
                self.chars += text.chars().count();
                self.counted = end;
                self.chars
            }
            // Not UTF-8 up to `end` (perhaps only because `end` splits a character): one
            // column per byte, as `line_col` counts, and the count stays where it was valid.
            _ => end - self.line_start,
        };
        position(self.line, column)
    }
}

/// The characters in valid UTF-8 `text`: its bytes that do not continue one, counted eight at
/// a time. (Every finding is located, and most valid payloads carry a warning: a byte at a
/// time, this was about 1,000 instructions a finding on a one-line request.)
fn chars_in(text: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.chunks_exact(8);
    let mut continuing = 0;
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(bytes);
        // A continuation byte is `10xxxxxx`: its top bit set and the next one clear. Shifted
        // left by one, each byte's second bit lands on its top bit.
        continuing += (word & !(word << 1) & HIGH).count_ones() as usize;
    }
    continuing += chunks
        .remainder()
        .iter()
        .filter(|&&b| is_continuation(b))
        .count();
    text.len() - continuing
}

/// Whether `b` continues a UTF-8 character rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A 1-based line and a 0-based column in characters, as `line_col` returns them.
fn position(line: usize, column: usize) -> (u32, u32) {
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column + 1).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn chars_are_counted_as_str_counts_them() {
        for text in [
            "",
            "a",
            "abcdefgh",
            "héllo wörld",
            "中秋禮盒預購開跑",
            "Giao hàng thành công 🚚",
            "ทดสอบ x",
        ] {
            for end in 0..=text.len() {
                if let Some(prefix) = text.get(..end) {
                    assert_eq!(
                        super::chars_in(prefix.as_bytes()),
                        prefix.chars().count(),
                        "{prefix:?}"
                    );
                }
            }
        }
    }

    use super::*;

    #[test]
    fn lf_and_crlf_agree() {
        let lf = b"{\n  \"a\": 1,\n  \"b\": 2\n}";
        let crlf = b"{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}";
        let at = |src: &[u8]| {
            let i = src.iter().position(|&b| b == b'b').unwrap() - 1;
            LineIndex::new(src).line_col(src, i as u32)
        };
        assert_eq!(at(lf), (3, 3));
        assert_eq!(at(crlf), (3, 3));
    }

    #[test]
    fn the_cursor_agrees_with_the_index_on_increasing_offsets() {
        let src = "{\"tên\": \"é\",\r\n \"x\": [1, 2]}\n\n\u{1F600}".as_bytes();
        let src = [src, b"\xff\xc3\xa9 z"].concat();
        let index = LineIndex::new(&src);
        let mut cursor = Cursor::new(&src, false);
        for offset in 0..=src.len() as u32 + 1 {
            assert_eq!(
                cursor.line_col(offset),
                index.line_col(&src, offset),
                "at {offset}"
            );
        }
        // Going back starts the line again.
        assert_eq!(cursor.line_col(3), index.line_col(&src, 3));
    }

    #[test]
    fn the_cursor_agrees_when_it_skips_lines() {
        let text = "a\n\n{\"é\":\r\n 1}\n\u{1F600} x\nyé\u{1F600}".as_bytes();
        let invalid = [text, b"\n\xff\n\xc3\xa9\n"].concat();
        // A source known to be UTF-8 takes the cheaper count; one that is not, the checked one.
        for (src, utf8) in [(text, true), (text, false), (&invalid[..], false)] {
            check_skipping(src, utf8);
        }
    }

    fn check_skipping(src: &[u8], utf8: bool) {
        let index = LineIndex::new(src);
        for step in 1..8 {
            let mut cursor = Cursor::new(src, utf8);
            for offset in (0..=src.len() as u32 + 2).step_by(step) {
                assert_eq!(
                    cursor.line_col(offset),
                    index.line_col(src, offset),
                    "at {offset}, step {step}, utf8 {utf8}"
                );
                // The same offset twice, as two findings at one place ask.
                assert_eq!(cursor.line_col(offset), index.line_col(src, offset));
            }
        }
    }

    #[test]
    fn columns_count_characters() {
        let src = "{\"tên\": \"é\", \"x\": 1}".as_bytes();
        let x = src.iter().position(|&b| b == b'x').unwrap() as u32 - 1;
        assert_eq!(LineIndex::new(src).line_col(src, x), (1, 14));
        assert_eq!(LineIndex::new(src).line_col(src, 0), (1, 1));
    }
}
