//! The `junit` format: JUnit XML, one `<testcase>` per request (each NDJSON line, `.http`
//! request and HAR entry is its own), with a `<failure>` listing the diagnostics of a
//! request that fails under the run's policy. HAR entries that are no vendor request are
//! `<skipped/>` test cases. Only report data is written, never the input's text.

use std::fmt::Write as _;
use std::io::{self, Write};

use pushspec::Severity;

use super::{Checked, Render, Summary, Written};

/// The JUnit renderer: test cases are rendered in parallel, collected in order, and written
/// at the end, under the counts that head the document.
#[derive(Debug, Default)]
pub(super) struct Junit {
    /// The test cases so far, as written.
    cases: Vec<u8>,
    tests: usize,
    failures: usize,
    skipped: usize,
}

/// Escapes text for XML attributes and content, and drops the characters XML 1.0 cannot
/// carry at all.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

impl Render for Junit {
    fn render(&self, out: &mut Vec<u8>, input: &Checked<'_>) -> io::Result<()> {
        write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\"",
            escape(input.path),
            escape(input.endpoint.unwrap_or("pushspec")),
        )?;
        if input.valid {
            return out.write_all(b"/>\n");
        }
        let mut text = String::new();
        for d in &input.report.diagnostics {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let at = match (d.line, d.column) {
                (Some(line), Some(column)) => format!("{}:{line}:{column}", input.file),
                (Some(line), None) => format!("{}:{line}", input.file),
                _ => input.file.to_owned(),
            };
            let pointer = if d.pointer.is_empty() {
                String::new()
            } else {
                format!(" {}", d.pointer)
            };
            let _ = writeln!(
                text,
                "{severity}[{}] {at}{pointer}: {}",
                d.rule.code, d.message
            );
            if let Some(help) = &d.help {
                let _ = writeln!(text, "  help: {help}");
            }
        }
        write!(
            out,
            ">\n      <failure message=\"{}, {}\" type=\"pushspec\">{}</failure>\n    </testcase>\n",
            super::plural(input.report.errors(), "error"),
            super::plural(input.report.warnings(), "warning"),
            escape(&text),
        )
    }

    fn write(&mut self, _: &mut dyn Write, input: &Written<'_>) -> io::Result<()> {
        self.tests += 1;
        self.failures += usize::from(!input.counts.valid);
        self.cases.extend_from_slice(input.rendered);
        Ok(())
    }

    fn skipped(&mut self, _: &mut dyn Write, path: &str, _: &str) -> io::Result<()> {
        self.tests += 1;
        self.skipped += 1;
        writeln!(
            self.cases,
            "    <testcase name=\"{}\" classname=\"pushspec\">\n      <skipped message=\"not a request to a known endpoint\"/>\n    </testcase>",
            escape(path),
        )
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let counts = format!(
            "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"",
            self.tests, self.failures, self.skipped
        );
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"pushspec\" {counts}>")?;
        writeln!(out, "  <testsuite name=\"pushspec validate\" {counts}>")?;
        // The run's totals, skipped inputs included, which test cases alone do not show.
        writeln!(
            out,
            "    <properties>\n      <property name=\"summary\" value=\"{}\"/>\n    </properties>",
            escape(&super::summary_line(summary))
        )?;
        out.write_all(&self.cases)?;
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(escape("x\u{1}y\n"), "x\u{fffd}y&#10;");
    }
}
