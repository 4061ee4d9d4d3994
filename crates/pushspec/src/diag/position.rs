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
    fn columns_count_characters() {
        let src = "{\"tên\": \"é\", \"x\": 1}".as_bytes();
        let x = src.iter().position(|&b| b == b'x').unwrap() as u32 - 1;
        assert_eq!(LineIndex::new(src).line_col(src, x), (1, 14));
        assert_eq!(LineIndex::new(src).line_col(src, 0), (1, 1));
    }
}
