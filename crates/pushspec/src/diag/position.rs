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
#[derive(Debug)]
pub(crate) struct Cursor<'s> {
    index: LineIndex,
    source: &'s [u8],
    /// The line counted so far (1-based), where it starts, and how far it has been counted.
    line: usize,
    line_start: usize,
    counted: usize,
    /// Characters in `line_start..counted`, which is always valid UTF-8.
    chars: usize,
}

impl<'s> Cursor<'s> {
    pub(crate) fn new(source: &'s [u8]) -> Self {
        Cursor {
            index: LineIndex::new(source),
            source,
            line: 0,
            line_start: 0,
            counted: 0,
            chars: 0,
        }
    }

    /// The same as [`LineIndex::line_col`], in amortised time for increasing offsets.
    pub(crate) fn line_col(&mut self, offset: u32) -> (u32, u32) {
        let line = self.index.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.index.starts.get(line - 1).copied().unwrap_or(0) as usize;
        let end = (offset as usize).min(self.source.len()).max(start);
        if line != self.line || end < self.counted {
            (self.line, self.line_start, self.counted, self.chars) = (line, start, start, 0);
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
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column + 1).unwrap_or(u32::MAX),
        )
    }
}

#[cfg(test)]
mod tests {
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
        let mut cursor = Cursor::new(&src);
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
    fn columns_count_characters() {
        let src = "{\"tên\": \"é\", \"x\": 1}".as_bytes();
        let x = src.iter().position(|&b| b == b'x').unwrap() as u32 - 1;
        assert_eq!(LineIndex::new(src).line_col(src, x), (1, 14));
        assert_eq!(LineIndex::new(src).line_col(src, 0), (1, 1));
    }
}
