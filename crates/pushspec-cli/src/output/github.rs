//! The `github` format: GitHub Actions workflow commands, one annotation per diagnostic.
//!
//! GitHub shows only the first few annotations of each kind per step, so every annotation
//! is collected and the errors are printed before the warnings (each in input order). The
//! run ends with the summary line. Values are escaped as GitHub's toolkit does: `%`, `\r`
//! and `\n` everywhere, and `:` and `,` in properties too.

use std::io::{self, Write};

use pushspec::Severity;

use super::{Render, Summary, Written};

/// The GitHub renderer.
#[derive(Debug, Default)]
pub(super) struct Github {
    /// Severity, then the rendered command.
    lines: Vec<(Severity, String)>,
}

/// Escapes a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn keeps_reports(&self) -> bool {
        true
    }

    fn write(&mut self, _: &mut dyn Write, written: &Written<'_>) -> io::Result<()> {
        // Always there: this renderer keeps reports.
        let Some(input) = written.input else {
            return Ok(());
        };
        for d in &input.report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut properties = format!("file={}", escape_property(input.file));
            if let Some(line) = d.line {
                properties.push_str(&format!(",line={line}"));
            }
            if let Some(column) = d.column {
                properties.push_str(&format!(",col={column}"));
            }
            properties.push_str(&format!(",title={}", escape_property(d.rule.code)));
            let mut message = d.message.clone();
            if !d.pointer.is_empty() {
                message.push_str(&format!(" (at {})", d.pointer));
            }
            if let Some(help) = &d.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            self.lines.push((
                d.severity,
                format!("::{command} {properties}::{}", escape_data(&message)),
            ));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // Stable: errors first, each severity in input order.
        self.lines
            .sort_by_key(|(severity, _)| std::cmp::Reverse(*severity));
        for (_, line) in &self.lines {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "pushspec: {}", super::summary_line(summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50%\r\nx: a,b"), "50%25%0D%0Ax: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
