//! The `human` format: one annotated source snippet per diagnostic, then a summary line.
//!
//! Snippets are drawn by `annotate-snippets`: styled when stdout takes colours, plain
//! otherwise (decided once, by the caller, as `anstream` would: a terminal without
//! `NO_COLOR`), so that no stream has to strip styles from every byte.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, normalize_untrusted_str};
use pushspec::diag::REDACTED;
use pushspec::json::Span;
use pushspec::{Diagnostic, Severity};

use super::{Checked, Render, Summary, Written};

/// The human renderer. It keeps no state: every diagnostic is written as it comes.
#[derive(Debug)]
pub(super) struct Human {
    /// Whether to style the text (stdout is a terminal that takes colours).
    pub(super) color: bool,
}

impl Render for Human {
    fn render(&self, out: &mut Vec<u8>, input: &Checked<'_>) -> io::Result<()> {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        if let Some(detected) = super::detected(input) {
            let title = Level::NOTE.primary_title(format!("{}: {detected}", input.path));
            writeln!(out, "{}\n", renderer.render(&[Group::with_title(title)]))?;
        }
        for diagnostic in &input.report.diagnostics {
            let text = render_one(&renderer, input, diagnostic);
            writeln!(out, "{text}\n")?;
        }
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, input: &Written<'_>) -> io::Result<()> {
        out.write_all(input.rendered)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", super::summary_line(summary))
    }
}

/// Renders one diagnostic: title, location, the source line with the span underlined, then
/// the pointer and help notes.
fn render_one(renderer: &Renderer, input: &Checked<'_>, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let excerpt = Excerpt::new(input.source, d, &input.report.secrets);
    // Messages, pointers and help lines can quote the input (keys, values), so they are
    // normalised like the snippet itself: no control characters reach the terminal.
    let mut group = level
        .primary_title(normalize_untrusted_str(&d.message))
        .id(d.rule.code)
        .element(
            Snippet::source(excerpt.text.as_ref())
                .line_start(excerpt.line)
                .path(input.file)
                .annotation(AnnotationKind::Primary.span(excerpt.range.clone())),
        )
        .element(Level::NOTE.no_name().message(if d.pointer.is_empty() {
            // The empty pointer is the whole input; printed bare it looks like a missing one.
            "pointer: \"\" (the whole document)".to_owned()
        } else {
            format!("pointer: {}", normalize_untrusted_str(&d.pointer))
        }));
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(normalize_untrusted_str(help)));
    }
    let rendered = renderer.render(&[group]);
    match d.column {
        Some(column) => fix_column(
            rendered,
            excerpt.line,
            excerpt.shown_column(),
            column as usize,
        ),
        None => rendered,
    }
}

/// `annotate-snippets` prints the column of the underline in the text it was given. Where
/// that text differs from the file (a secret shown as `<redacted>` before the span, invalid
/// UTF-8 shown as U+FFFD), the `--> path:line:column` line is corrected to the input's own
/// column, the one the JSON output gives. The location is one unstyled run of text
/// (`path:line:column`), so its last occurrence on the first `-->` line is the one to fix.
fn fix_column(rendered: String, line: usize, shown: usize, column: usize) -> String {
    if shown == column {
        return rendered;
    }
    let wrong = format!(":{line}:{shown}");
    let mut out = String::with_capacity(rendered.len());
    let mut fixed = false;
    for piece in rendered.split_inclusive('\n') {
        if !fixed
            && piece.contains("--> ")
            && let Some(at) = piece.rfind(&wrong)
        {
            out.push_str(piece.get(..at).unwrap_or_default());
            out.push_str(&format!(":{line}:{column}"));
            out.push_str(piece.get(at + wrong.len()..).unwrap_or_default());
            fixed = true;
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// The source line a diagnostic starts on, decoded for display with its secrets redacted,
/// and the span within it.
#[derive(Debug)]
struct Excerpt<'a> {
    /// 1-based line number.
    line: usize,
    /// The line without its ending; invalid UTF-8 is replaced by U+FFFD, and every secret
    /// by `<redacted>`.
    text: Cow<'a, str>,
    /// The span's part on this line, as a byte range of `text`. A span that runs over several
    /// lines is underlined on its first line only; a span that overlaps a secret underlines
    /// its `<redacted>`.
    range: Range<usize>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `d` in `source`, where `secrets` are the byte ranges never to show.
    fn new(source: &'a [u8], d: &Diagnostic, secrets: &[Span]) -> Self {
        let start = (d.span.start as usize).min(source.len());
        let before = source.get(..start).unwrap_or_default();
        let after = source.get(start..).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let mut line_end = after
            .iter()
            .position(|&b| b == b'\n')
            .map_or(source.len(), |i| start + i);
        if line_end > line_start && source.get(line_end - 1) == Some(&b'\r') {
            line_end -= 1;
        }
        let from = start.clamp(line_start, line_end);
        let to = (d.span.end as usize).clamp(from, line_end);
        let line = match d.line {
            Some(line) => line as usize,
            None => before.iter().filter(|&&b| b == b'\n').count() + 1,
        };
        // What the library marked, and whatever else on the line looks like a credential: the
        // library marks what it understood, and a line it misread (a JSON body taken for
        // headers) is echoed all the same.
        let line_text = source.get(line_start..line_end).unwrap_or_default();
        let found: Vec<Span> = pushspec::find_credentials(line_text)
            .into_iter()
            .map(|s| Span::new(s.start + line_start as u32, s.end + line_start as u32))
            .chain(secrets.iter().copied())
            .collect();
        let hidden = hidden_ranges(source, line_start..line_end, &found);
        if hidden.is_empty() {
            let bytes = source.get(line_start..line_end).unwrap_or_default();
            return Excerpt {
                line,
                text: String::from_utf8_lossy(bytes),
                range: lossy_offset(bytes, from - line_start)..lossy_offset(bytes, to - line_start),
            };
        }

        // The line alternates between shown pieces (possibly empty) and hidden ones, and
        // starts and ends with a shown piece. A span boundary on a shown piece maps through
        // its lossy decoding; one strictly inside a hidden piece moves to the edge of its
        // `<redacted>` that keeps the span covering it.
        let mut text = String::new();
        let mut range = (None, None);
        let mut shown_from = line_start;
        for hidden in hidden
            .iter()
            .cloned()
            .chain(std::iter::once(line_end..line_end))
        {
            let bytes = source.get(shown_from..hidden.start).unwrap_or_default();
            let base = text.len();
            text.push_str(&String::from_utf8_lossy(bytes));
            let on_shown = shown_from..=hidden.start;
            if range.0.is_none() && on_shown.contains(&from) {
                range.0 = Some(base + lossy_offset(bytes, from - shown_from));
            }
            if range.1.is_none() && on_shown.contains(&to) {
                range.1 = Some(base + lossy_offset(bytes, to - shown_from));
            }
            if hidden.is_empty() {
                break;
            }
            let base = text.len();
            text.push_str(REDACTED);
            if range.0.is_none() && hidden.contains(&from) {
                range.0 = Some(base);
            }
            if range.1.is_none() && hidden.contains(&to) {
                range.1 = Some(base + REDACTED.len());
            }
            shown_from = hidden.end;
        }
        let end = text.len();
        let from = range.0.unwrap_or(end);
        Excerpt {
            line,
            text: Cow::Owned(text),
            range: from..range.1.unwrap_or(end).max(from),
        }
    }

    /// The 1-based column `annotate-snippets` prints for this excerpt: characters before
    /// the underline, plus one.
    fn shown_column(&self) -> usize {
        self.text
            .get(..self.range.start)
            .map_or(0, |before| before.chars().count())
            + 1
    }
}

/// The parts of `line` (a byte range of `source`) that hold secrets: sorted, merged, and
/// clipped to the line. A secret that is a whole JSON string keeps its quotes on show, so
/// the line still reads as JSON: `"authorization": "<redacted>"`.
fn hidden_ranges(source: &[u8], line: Range<usize>, secrets: &[Span]) -> Vec<Range<usize>> {
    let mut hidden: Vec<Range<usize>> = secrets
        .iter()
        .map(|s| {
            let (mut start, mut end) = (s.start as usize, s.end as usize);
            let quoted = end >= start + 2
                && source.get(start) == Some(&b'"')
                && source.get(end - 1) == Some(&b'"');
            if quoted {
                start += 1;
                end -= 1;
            }
            start.max(line.start)..end.min(line.end)
        })
        .filter(|r| r.start < r.end)
        .collect();
    hidden.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(hidden.len());
    for r in hidden {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Where byte `offset` of `bytes` lands in `String::from_utf8_lossy(bytes)`, which replaces
/// each invalid sequence with one U+FFFD (three bytes). An offset inside an invalid sequence
/// maps to the start of its replacement, so the result is always a character boundary.
fn lossy_offset(bytes: &[u8], offset: usize) -> usize {
    let mut raw = 0;
    let mut lossy = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if offset < raw + valid.len() {
            return lossy + valid.floor_char_boundary(offset - raw);
        }
        raw += valid.len();
        lossy += valid.len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            if offset < raw + invalid {
                return lossy;
            }
            raw += invalid;
            lossy += char::REPLACEMENT_CHARACTER.len_utf8();
        }
    }
    lossy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_offsets_follow_replacements() {
        let bytes = b"ab\xffcd\xe2\x82";
        assert_eq!(String::from_utf8_lossy(bytes), "ab\u{fffd}cd\u{fffd}");
        assert_eq!(lossy_offset(bytes, 0), 0);
        assert_eq!(lossy_offset(bytes, 2), 2);
        assert_eq!(lossy_offset(bytes, 3), 5);
        assert_eq!(lossy_offset(bytes, 5), 7);
        assert_eq!(lossy_offset(bytes, 6), 7);
        assert_eq!(lossy_offset(bytes, 7), 10);
        assert_eq!(lossy_offset(bytes, 99), 10);
    }

    fn at(start: u32, end: u32) -> Diagnostic {
        Diagnostic {
            rule: &pushspec::catalog::REQUEST_BODY_INVALID_JSON,
            severity: Severity::Error,
            pointer: "/body".to_owned(),
            span: pushspec::json::Span::new(start, end),
            line: None,
            column: None,
            message: String::new(),
            help: None,
        }
    }

    #[test]
    fn multi_line_spans_are_cut_at_the_first_line_end() {
        let source = b"{\r\n  \"a\": [1,\r\n    2]\r\n}";
        let excerpt = Excerpt::new(source, &at(10, 21), &[]);
        assert_eq!(excerpt.line, 2);
        assert_eq!(excerpt.text, "  \"a\": [1,");
        assert_eq!(&excerpt.text[excerpt.range], "[1,");
    }

    #[test]
    fn a_span_at_the_end_of_input_is_empty() {
        let source = b"{\n  \"a\": ";
        let excerpt = Excerpt::new(source, &at(9, 9), &[]);
        assert_eq!(
            (excerpt.line, excerpt.text.as_ref(), excerpt.range),
            (2, "  \"a\": ", 7..7)
        );
    }

    #[test]
    fn valid_text_maps_to_itself() {
        let text = "tên: é";
        for i in 0..=text.len() {
            assert_eq!(
                lossy_offset(text.as_bytes(), i),
                text.floor_char_boundary(i)
            );
        }
    }

    fn span(start: usize, end: usize) -> Span {
        Span::new(start as u32, end as u32)
    }

    /// The excerpt of a diagnostic at `start..end` of `source`, with `secrets`; the text and
    /// the underlined part of it.
    fn redacted(source: &str, start: usize, end: usize, secrets: &[Span]) -> (String, String) {
        let excerpt = Excerpt::new(source.as_bytes(), &at(start as u32, end as u32), secrets);
        let underlined = excerpt.text[excerpt.range.clone()].to_owned();
        (excerpt.text.into_owned(), underlined)
    }

    #[test]
    fn a_secret_string_is_redacted_inside_its_quotes() {
        let source = r#"{"authorization": "Bearer abc.def.ghi", "x": 1}"#;
        let secret = source.find("\"Bearer").unwrap();
        let end = secret + "\"Bearer abc.def.ghi\"".len();
        let secrets = [span(secret, end)];
        let (text, underlined) = redacted(source, secret, end, &secrets);
        assert_eq!(text, r#"{"authorization": "<redacted>", "x": 1}"#);
        assert_eq!(underlined, r#""<redacted>""#);
    }

    #[test]
    fn a_span_after_a_secret_keeps_its_text_and_its_column_is_fixed() {
        let source = r#"{"a": "SECRET-TOKEN-VALUE", "b": "x"}"#;
        let x = source.find("\"x\"").unwrap();
        let excerpt = Excerpt::new(
            source.as_bytes(),
            &at(x as u32, x as u32 + 3),
            &[span(6, 26)],
        );
        assert_eq!(excerpt.text, r#"{"a": "<redacted>", "b": "x"}"#);
        assert_eq!(&excerpt.text[excerpt.range.clone()], r#""x""#);
        assert_eq!(excerpt.shown_column(), 26);
        let rendered = "error[a.b]: m\n --> f.json:1:26\n  |\n1 | ...\n".to_owned();
        assert_eq!(
            fix_column(rendered, 1, excerpt.shown_column(), x + 1),
            "error[a.b]: m\n --> f.json:1:34\n  |\n1 | ...\n"
        );
    }

    #[test]
    fn a_span_inside_or_around_a_secret_underlines_the_redaction() {
        let source = "?token=SECRETVALUE&phone=0812";
        let secrets = [span(7, 18)];
        // Inside the secret.
        let (text, underlined) = redacted(source, 9, 12, &secrets);
        assert_eq!(text, "?token=<redacted>&phone=0812");
        assert_eq!(underlined, "<redacted>");
        // Starting inside it and ending after it.
        assert_eq!(redacted(source, 10, 25, &secrets).1, "<redacted>&phone=");
        // Exactly on it, and empty at its start.
        assert_eq!(redacted(source, 7, 18, &secrets).1, "<redacted>");
        assert_eq!(redacted(source, 7, 7, &secrets).1, "");
        // Covering the whole line.
        assert_eq!(redacted(source, 0, 29, &secrets).1, text);
    }

    #[test]
    fn secrets_are_merged_and_clipped_to_the_line() {
        let source = "\"k\": \"AAAA\nBBBB\", \"v\": CCCCDDDD\nnext";
        // One secret runs over two lines; two more overlap on the second line.
        let secrets = [span(5, 16), span(23, 29), span(25, 31)];
        let (text, underlined) = redacted(source, 19, 20, &secrets);
        assert_eq!(text, "<redacted>\", \"v\": <redacted>");
        assert_eq!(underlined, "v");
        let (text, _) = redacted(source, 0, 1, &secrets);
        assert_eq!(text, "\"k\": \"<redacted>");
        // A line without secrets is not touched.
        assert_eq!(redacted(source, 32, 33, &secrets).0, "next");
    }

    #[test]
    fn redaction_and_invalid_utf8_combine() {
        let source = b"\xff\"SECRET\" \xfex";
        let d = at(11, 12);
        let excerpt = Excerpt::new(source, &d, &[span(1, 9)]);
        assert_eq!(excerpt.text, "\u{fffd}\"<redacted>\" \u{fffd}x");
        assert_eq!(&excerpt.text[excerpt.range.clone()], "x");
    }
}
