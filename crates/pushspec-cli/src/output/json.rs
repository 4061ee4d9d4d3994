//! The `json` format: one pretty-printed document, version 2, for other tools to parse.
//!
//! The structs below *are* the contract, documented field by field in
//! `docs/json-format.md`: field names, their order and their types are pinned here rather
//! than borrowed from the library's types, so a change in the library cannot change this
//! output by accident. Any change to them is a new `version`. Version 2 added `detection` to
//! each input and `files`, `skipped` and `valid` to the summary.

use std::io::{self, Write};

use pushspec::detect::{Detection, Verdict};
use pushspec::{Diagnostic, Severity};
use serde::Serialize;

use super::{Checked, Render, Summary, Written};

/// The version of the document's shape.
const VERSION: u32 = 2;

/// The JSON renderer. It streams: each input is written as soon as it is checked, so a run
/// over a million NDJSON lines holds one input's findings at a time, not the whole document.
/// The bytes are those `serde_json::to_writer_pretty` would write for the whole document
/// (the golden tests pin them); each part is pretty-printed alone and indented to its depth,
/// which is safe because a pretty-printed JSON value has newlines only between tokens.
#[derive(Debug, Default)]
pub(super) struct Json {
    /// Whether the document's head and a first input have been written.
    started: bool,
}

/// One validated input.
#[derive(Debug, Serialize)]
struct InputOut<'a> {
    /// The path as given; `-` for standard input.
    path: &'a str,
    /// `null` when no endpoint was identified (a request envelope whose URL matches none).
    endpoint: Option<&'static str>,
    /// `null` unless the input is a bare body whose endpoint was judged by its shape.
    detection: Option<DetectionOut>,
    valid: bool,
    diagnostics: Vec<DiagnosticOut<'a>>,
}

/// How a bare body's endpoint was detected.
#[derive(Debug, Serialize)]
struct DetectionOut {
    /// `"high"`, `"medium"` or `"low"`; `null` when no endpoint was chosen (ambiguous or
    /// unknown).
    confidence: Option<&'static str>,
    /// Every endpoint with some agreeing evidence, best first.
    candidates: Vec<CandidateOut>,
}

/// One endpoint a body may be for.
#[derive(Debug, Serialize)]
struct CandidateOut {
    endpoint: &'static str,
    /// Share of the evidence that agrees, from 0 to 1.
    fit: f64,
}

impl From<&Detection> for DetectionOut {
    fn from(d: &Detection) -> Self {
        DetectionOut {
            confidence: match d.verdict {
                Verdict::Detected(_, confidence) => Some(confidence.as_str()),
                Verdict::Ambiguous | Verdict::Unknown => None,
            },
            candidates: d
                .candidates
                .iter()
                .map(|c| CandidateOut {
                    endpoint: c.endpoint.id,
                    fit: f64::from(c.fit) / 1000.0,
                })
                .collect(),
        }
    }
}

/// One finding.
#[derive(Debug, Serialize)]
struct DiagnosticOut<'a> {
    code: &'static str,
    /// `"error"` or `"warning"`.
    severity: &'static str,
    pointer: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    /// `null` when the rule has nothing to suggest.
    help: Option<&'a str>,
}

/// The totals.
#[derive(Debug, Serialize)]
struct SummaryOut {
    files: usize,
    inputs: usize,
    skipped: usize,
    valid: usize,
    errors: usize,
    warnings: usize,
}

impl<'a> From<&'a Diagnostic> for DiagnosticOut<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        DiagnosticOut {
            code: d.rule.code,
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            pointer: &d.pointer,
            line: d.line,
            column: d.column,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

/// The document up to the first input: `{"version": 2, "inputs": [`.
fn head(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"inputs\": [")
}

/// Writes `value` pretty-printed, every line after the first indented by `indent` spaces.
fn indented(out: &mut dyn Write, value: &impl Serialize, indent: usize) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    // Plain byte copies: `write!` with a padded argument went through the formatting
    // machinery a character at a time, a tenth of a streaming run.
    let padding = vec![b' '; indent];
    let mut lines = text.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.write_all(first)?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(&padding)?;
        out.write_all(line)?;
    }
    Ok(())
}

impl Render for Json {
    fn render(&self, out: &mut Vec<u8>, input: &Checked<'_>) -> io::Result<()> {
        out.write_all(b"\n    ")?;
        let input = InputOut {
            path: input.path,
            endpoint: input.endpoint,
            detection: input.detection.map(DetectionOut::from),
            valid: input.valid,
            diagnostics: input
                .report
                .diagnostics
                .iter()
                .map(DiagnosticOut::from)
                .collect(),
        };
        indented(out, &input, 4)
    }

    fn write(&mut self, out: &mut dyn Write, input: &Written<'_>) -> io::Result<()> {
        if self.started {
            out.write_all(b",")?;
        } else {
            head(out)?;
            self.started = true;
        }
        out.write_all(input.rendered)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.started {
            out.write_all(b"\n  ]")?;
        } else {
            head(out)?;
            out.write_all(b"]")?;
        }
        out.write_all(b",\n  \"summary\": ")?;
        let summary = SummaryOut {
            files: summary.files,
            inputs: summary.inputs,
            skipped: summary.skipped,
            valid: summary.valid,
            errors: summary.errors,
            warnings: summary.warnings,
        };
        indented(out, &summary, 2)?;
        out.write_all(b"\n}\n")
    }
}
