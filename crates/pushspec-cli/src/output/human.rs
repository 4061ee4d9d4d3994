//! The `human` format: one annotated source snippet per diagnostic, then a summary line.
//!
//! Snippets are drawn by `annotate-snippets` with its styled renderer; whether the styles
//! reach the terminal is the writer's business (`anstream` strips them when stdout is not a
//! terminal or `NO_COLOR` is set), so this module never asks.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet, normalize_untrusted_str};
use pushspec::{Diagnostic, Severity};

use super::{Checked, Render, Summary};

/// The human renderer. It keeps no state: every diagnostic is written as it comes.
#[derive(Debug)]
pub(super) struct Human;

impl Render for Human {
    fn input(&mut self, out: &mut dyn Write, input: &Checked<'_>) -> io::Result<()> {
        let renderer = Renderer::styled();
        for diagnostic in &input.report.diagnostics {
            let text = render_one(&renderer, input, diagnostic);
            writeln!(out, "{text}\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "{}, {}, {}, {} valid",
            plural(summary.inputs, "input"),
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            summary.valid,
        )
    }
}

/// `1 error`, `2 errors`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Renders one diagnostic: title, location, the source line with the span underlined, then
/// the pointer and help notes.
fn render_one(renderer: &Renderer, input: &Checked<'_>, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let excerpt = Excerpt::new(input.source, d);
    // Messages, pointers and help lines can quote the input (keys, values), so they are
    // normalised like the snippet itself: no control characters reach the terminal.
    let mut group = level
        .primary_title(normalize_untrusted_str(&d.message))
        .id(d.rule.code)
        .element(
            Snippet::source(excerpt.text)
                .line_start(excerpt.line)
                .path(input.path)
                .annotation(AnnotationKind::Primary.span(excerpt.range)),
        )
        .element(
            Level::NOTE
                .no_name()
                .message(format!("pointer: {}", normalize_untrusted_str(&d.pointer))),
        );
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(normalize_untrusted_str(help)));
    }
    renderer.render(&[group])
}

/// The source line a diagnostic starts on, decoded for display, and the span within it.
#[derive(Debug)]
struct Excerpt<'a> {
    /// 1-based line number.
    line: usize,
    /// The line without its ending; invalid UTF-8 is replaced by U+FFFD.
    text: Cow<'a, str>,
    /// The span's part on this line, as a byte range of `text`. A span that runs over several
    /// lines is underlined on its first line only.
    range: Range<usize>,
}

impl<'a> Excerpt<'a> {
    fn new(source: &'a [u8], d: &Diagnostic) -> Self {
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
        let bytes = source.get(line_start..line_end).unwrap_or_default();
        let from = start.clamp(line_start, line_end) - line_start;
        let to = (d.span.end as usize).clamp(line_start + from, line_end) - line_start;
        let line = match d.line {
            Some(line) => line as usize,
            None => before.iter().filter(|&&b| b == b'\n').count() + 1,
        };
        Excerpt {
            line,
            text: String::from_utf8_lossy(bytes),
            range: lossy_offset(bytes, from)..lossy_offset(bytes, to),
        }
    }
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
        let excerpt = Excerpt::new(source, &at(10, 21));
        assert_eq!(excerpt.line, 2);
        assert_eq!(excerpt.text, "  \"a\": [1,");
        assert_eq!(&excerpt.text[excerpt.range], "[1,");
    }

    #[test]
    fn a_span_at_the_end_of_input_is_empty() {
        let source = b"{\n  \"a\": ";
        let excerpt = Excerpt::new(source, &at(9, 9));
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
}
