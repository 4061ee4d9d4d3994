//! Report renderers: each output format turns the same report data into text.
//!
//! A renderer sees one [`Checked`] input at a time and then the run's [`Summary`]; it decides
//! nothing (validity and counts are computed by the caller) and only writes. Streaming formats
//! (human, JSON) render each input on the worker that validated it and write it as it
//! arrives; the others collect and write at the end.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io::{self, Write};

use pushspec::Report;
use pushspec::detect::Detection;

use crate::args::Format;

/// One validated input, as the renderers see it.
#[derive(Debug)]
pub(crate) struct Checked<'a> {
    /// The request's name: its file's (`-` for standard input), with `:LINE` for an NDJSON
    /// line or a `.http` request, or `#ENTRY` for a HAR entry.
    pub(crate) path: &'a str,
    /// The file it comes from, as given (`-` for standard input).
    pub(crate) file: &'a str,
    /// The endpoint id it was validated as; `None` for a request whose URL matches no
    /// endpoint (under `--endpoint auto`).
    pub(crate) endpoint: Option<&'static str>,
    /// The bytes the report's spans refer to (an NDJSON line, or the whole file), for
    /// snippets. Line numbers are the file's.
    pub(crate) source: &'a [u8],
    /// The library's findings.
    pub(crate) report: &'a Report,
    /// How a bare body's endpoint was found by its shape; `None` when it was named (by URL,
    /// `--endpoint` or a configured glob).
    pub(crate) detection: Option<&'a Detection>,
    /// Whether the input passes under the run's policy (with `--strict`, no warnings either).
    pub(crate) valid: bool,
}

/// Totals over every validated input (unreadable inputs are not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    /// Files (and standard input) read.
    pub(crate) files: usize,
    /// Requests validated: one per body or envelope, NDJSON line, `.http` request or HAR
    /// entry.
    pub(crate) inputs: usize,
    /// Inputs that were not validated: HAR entries that are not vendor requests, files in
    /// walked folders that are not inputs by their extension, and inputs that could not be
    /// read (unreadable, corrupt, over a limit).
    pub(crate) skipped: usize,
    /// Inputs that pass under the run's policy.
    pub(crate) valid: usize,
    /// Error diagnostics.
    pub(crate) errors: usize,
    /// Warning diagnostics.
    pub(crate) warnings: usize,
}

impl Summary {
    /// Counts one input in.
    pub(crate) fn add(&mut self, counts: Counts) {
        self.inputs += 1;
        self.valid += usize::from(counts.valid);
        self.errors += counts.errors;
        self.warnings += counts.warnings;
    }
}

/// What the summary counts of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Whether it passes under the run's policy.
    pub(crate) valid: bool,
    /// Its error diagnostics.
    pub(crate) errors: usize,
    /// Its warning diagnostics.
    pub(crate) warnings: usize,
}

impl Counts {
    /// The counts of `input`.
    pub(crate) fn of(input: &Checked<'_>) -> Counts {
        Counts {
            valid: input.valid,
            errors: input.report.errors(),
            warnings: input.report.warnings(),
        }
    }
}

/// One input as the printing thread writes it.
#[derive(Debug)]
pub(crate) struct Written<'a> {
    /// Its verdict and the findings the summary counts.
    pub(crate) counts: Counts,
    /// What [`Render::render`] made of it.
    pub(crate) rendered: &'a [u8],
    /// The input itself, for a renderer that [keeps reports](Render::keeps_reports); `None`
    /// for the others, whose inputs were dropped where they were rendered.
    pub(crate) input: Option<&'a Checked<'a>>,
}

/// `1 error`, `2 errors`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The run's totals in words, as the human and GitHub formats end.
pub(crate) fn summary_line(summary: &Summary) -> String {
    format!(
        "{}, {}, {}, {}, {} skipped, {} valid",
        plural(summary.files, "file"),
        plural(summary.inputs, "request"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        summary.skipped,
        summary.valid,
    )
}

/// `detected oca.template (high confidence)`, for an input whose endpoint was detected.
pub(crate) fn detected(input: &Checked<'_>) -> Option<String> {
    match (input.detection?.verdict, input.endpoint) {
        (pushspec::detect::Verdict::Detected(_, confidence), Some(endpoint)) => Some(format!(
            "detected {endpoint} ({} confidence)",
            confidence.as_str()
        )),
        _ => None,
    }
}

/// An output format.
///
/// Writing an input is split in two so that the costly half runs in parallel: `render` turns
/// one input into bytes on the worker thread that validated it, and `write` places those
/// bytes in input order on the printing thread. A format that streams (human, JSON, JUnit's
/// test cases) does its work in `render`, and its inputs' reports are dropped on the workers
/// too: the printing thread gets only bytes and counts. One that must see every input before
/// it can write (GitHub sorts by severity, SARIF builds one document) keeps the reports
/// ([`Render::keeps_reports`]), renders nothing and works in `write`.
pub(crate) trait Render: Sync {
    /// Renders one input on its own. Called on any thread, in any order, so it reads no
    /// state that `write` changes.
    fn render(&self, _out: &mut Vec<u8>, _input: &Checked<'_>) -> io::Result<()> {
        Ok(())
    }

    /// Whether `write` reads the inputs themselves ([`Written::input`]), not only what
    /// `render` made of them.
    fn keeps_reports(&self) -> bool {
        false
    }

    /// Writes one input in its place, in input order.
    fn write(&mut self, out: &mut dyn Write, input: &Written<'_>) -> io::Result<()>;

    /// Notes a HAR entry that is no vendor request, so was not validated.
    fn skipped(&mut self, _out: &mut dyn Write, _path: &str, _file: &str) -> io::Result<()> {
        Ok(())
    }

    /// Renders the end of the report.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The renderer for `format`; `color` is whether stdout takes ANSI styles.
pub(crate) fn renderer(format: Format, color: bool) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human { color }),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github::default()),
        Format::Junit => Box::new(junit::Junit::default()),
    }
}
