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
    for d in &report.diagnostics {
        assert!(
            span_inside(d.span, source),
            "span {:?} of `{}` lies outside the {}-byte input",
            d.span,
            d.rule.code,
            source.len()
        );
        assert_eq!(
            (d.line, d.column),
            {
                let (line, column) = line_col(source, d.span.start);
                (Some(line), Some(column))
            },
            "line and column of `{}` disagree with its span {:?}",
            d.rule.code,
            d.span
        );
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

/// The 1-based line and column of byte `offset`, counted independently of the library:
/// lines end at `\n`, columns count characters (bytes where the line is not UTF-8).
pub fn line_col(source: &[u8], offset: u32) -> (u32, u32) {
    let offset = (offset as usize).min(source.len());
    let before = source.get(..offset).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let text = before.get(line_start..).unwrap_or_default();
    let column = std::str::from_utf8(text).map_or(text.len(), |s| s.chars().count()) + 1;
    (line as u32, column as u32)
}

/// The secret texts of `reports` that can be looked for in an output without false alarms:
/// at least 12 bytes long, and written in the input only where a report marks a secret, so
/// that finding one in an output means it was echoed from a secret span.
pub fn distinctive_secrets<'a>(reports: &[&Report], source: &'a [u8]) -> Vec<&'a [u8]> {
    let spans: Vec<Span> = reports.iter().flat_map(|r| r.secrets.clone()).collect();
    let inside_a_secret = |at: usize, len: usize| {
        spans
            .iter()
            .any(|s| s.start as usize <= at && at + len <= s.end as usize)
    };
    let mut out: Vec<&[u8]> = Vec::new();
    for span in &spans {
        let Some(text) = source.get(span.start as usize..span.end as usize) else {
            continue;
        };
        let trimmed = text.trim_ascii();
        if trimmed.len() < 12 || out.contains(&trimmed) {
            continue;
        }
        let only_in_secrets = source
            .windows(trimmed.len())
            .enumerate()
            .filter(|(_, w)| *w == trimmed)
            .all(|(at, _)| inside_a_secret(at, trimmed.len()));
        if only_in_secrets {
            out.push(trimmed);
        }
    }
    out
}

/// Panics if `output` contains one of `secrets`.
pub fn assert_no_secret(output: &str, secrets: &[&[u8]]) {
    for secret in secrets {
        assert!(
            !output
                .as_bytes()
                .windows(secret.len())
                .any(|w| w == *secret),
            "a secret, {:?}, reached the output:\n{output}",
            String::from_utf8_lossy(secret)
        );
    }
}
