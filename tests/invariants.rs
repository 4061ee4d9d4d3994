//! What must hold of every report on every input: the oracles shared by the property tests
//! (`properties.rs`) and the fuzz targets (`fuzz/`), so that both check the same thing.
//!
//! Each check panics with a message naming the broken invariant: a panic is what both
//! proptest and libFuzzer turn into a minimised failing input.

use pushspec::Report;
use pushspec::json::Span;

/// Checks the invariants of one report on the bytes its spans refer to:
/// - every span lies inside the input (or is the empty position just past its end, where a
///   truncated input is reported), with `start <= end`;
/// - every diagnostic has its line and column, and they agree with its span;
/// - every pointer is a well-formed RFC 6901 pointer;
/// - every secret span lies inside the input, and no distinctive secret (see
///   [`distinctive_secrets`]) appears in any message or help line.
pub fn check_report(report: &Report, source: &[u8]) {
    // Line and column are recounted here, independently of the library, for the first
    // diagnostics: enough to catch a wrong count, and linear even for a million findings.
    let lines = LineStarts::new(source);
    for (i, d) in report.diagnostics.iter().enumerate() {
        assert!(
            span_inside(d.span, source),
            "span {:?} of `{}` lies outside the {}-byte input",
            d.span,
            d.rule.code,
            source.len()
        );
        if i < 64 {
            let (line, column) = lines.line_col(source, d.span.start);
            assert_eq!(
                (d.line, d.column),
                (Some(line), Some(column)),
                "line and column of `{}` disagree with its span {:?}",
                d.rule.code,
                d.span
            );
        }
        assert!(
            is_pointer(&d.pointer),
            "`{}` is not an RFC 6901 pointer",
            d.pointer
        );
    }
    for s in &report.secrets {
        assert!(span_inside(*s, source), "secret span {s:?} outside input");
    }
    let secrets = distinctive_secrets(&[report], source);
    for d in &report.diagnostics {
        let text = format!("{} {}", d.message, d.help.as_deref().unwrap_or_default());
        assert_no_secret(&text, &secrets);
    }
}

/// Whether `span` lies inside `source`: `start <= end <= len`, or the one-byte position just
/// past the end, where a syntax error in a truncated input points.
pub fn span_inside(span: Span, source: &[u8]) -> bool {
    let (start, end, len) = (span.start as usize, span.end as usize, source.len());
    start <= end && (end <= len || (start == len && end == len + 1))
}

/// Whether `pointer` is an RFC 6901 pointer: empty, or `/`-separated tokens in which `~` is
/// always followed by `0` or `1`.
pub fn is_pointer(pointer: &str) -> bool {
    if pointer.is_empty() {
        return true;
    }
    pointer.starts_with('/')
        && pointer
            .split('~')
            .skip(1)
            .all(|rest| rest.starts_with(['0', '1']))
}

/// The offset of every line's first byte, to count lines and columns without the library.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(source: &[u8]) -> Self {
        let after_newlines = source.iter().enumerate().filter(|&(_, &b)| b == b'\n');
        LineStarts(
            std::iter::once(0)
                .chain(after_newlines.map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The 1-based line and column of byte `offset`: lines end at `\n`, columns count
    /// characters (bytes where the line up to `offset` is not UTF-8).
    fn line_col(&self, source: &[u8], offset: u32) -> (u32, u32) {
        let offset = (offset as usize).min(source.len());
        let line = self.0.partition_point(|&start| start <= offset);
        let text = &source[self.0[line - 1]..offset];
        let column = std::str::from_utf8(text).map_or(text.len(), |s| s.chars().count()) + 1;
        (line as u32, column as u32)
    }
}

/// The secret texts of `reports` that can be looked for in an output without false alarms:
/// the words of each secret span that are at least 12 bytes long and mix letters and digits,
/// as tokens do (so that no fixed text of a message, such as a help line, can match), and
/// that the input holds only inside secret spans, so that finding one in an output means it
/// was echoed from a secret. Words with URL punctuation are left out: where a secret sits in
/// a URL written with escapes, the library marks the whole URL, whose other query values
/// messages may quote.
pub fn distinctive_secrets<'a>(reports: &[&Report], source: &'a [u8]) -> Vec<&'a [u8]> {
    let spans: Vec<Span> = reports.iter().flat_map(|r| r.secrets.clone()).collect();
    let inside_a_secret = |at: usize, len: usize| {
        spans
            .iter()
            .any(|s| s.start as usize <= at && at + len <= s.end as usize)
    };
    let mut out: Vec<&[u8]> = Vec::new();
    for span in &spans {
        let text = source
            .get(span.start as usize..span.end as usize)
            .unwrap_or_default();
        for word in text.split(|b| b.is_ascii_whitespace() || b"\"'".contains(b)) {
            let token_like = word.len() >= 12
                && word.iter().any(u8::is_ascii_digit)
                && word.iter().any(u8::is_ascii_alphabetic)
                && !word.iter().any(|b| b"/?&=%\\".contains(b));
            if token_like
                && !out.contains(&word)
                && find_all(source, word).all(|at| inside_a_secret(at, word.len()))
            {
                out.push(word);
            }
        }
    }
    out
}

/// Panics if `output` contains one of `secrets`.
pub fn assert_no_secret(output: &str, secrets: &[&[u8]]) {
    for secret in secrets {
        assert!(
            find_all(output.as_bytes(), secret).next().is_none(),
            "a secret, {:?}, reached the output:\n{output}",
            String::from_utf8_lossy(secret)
        );
    }
}

/// The offsets of `needle` in `haystack`. Compared byte by byte on purpose: a fuzzer's
/// `memcmp` hooks would otherwise feed the output back into the input as a "secret".
fn find_all<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    haystack
        .windows(needle.len().max(1))
        .enumerate()
        .filter(move |(_, w)| w.iter().zip(needle).all(|(a, b)| a == b))
        .map(|(at, _)| at)
}
