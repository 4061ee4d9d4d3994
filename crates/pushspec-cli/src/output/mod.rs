//! Report renderers: each output format turns the same report data into text.
//!
//! A renderer sees one [`Checked`] input at a time and then the run's [`Summary`]; it decides
//! nothing (validity and counts are computed by the caller) and only writes. Streaming formats
//! (human) write as inputs arrive; document formats (JSON) collect and write at the end.

mod human;
mod json;

use std::io::{self, Write};

use pushspec::Report;

use crate::args::Format;

/// One validated input, as the renderers see it.
#[derive(Debug)]
pub(crate) struct Checked<'a> {
    /// The input's name: its path as given, or `-` for standard input.
    pub(crate) path: &'a str,
    /// The endpoint id it was validated as; `None` for a request whose URL matches no
    /// endpoint (under `--endpoint auto`).
    pub(crate) endpoint: Option<&'static str>,
    /// The input's bytes, for snippets.
    pub(crate) source: &'a [u8],
    /// The library's findings.
    pub(crate) report: &'a Report,
    /// Whether the input passes under the run's policy (with `--strict`, no warnings either).
    pub(crate) valid: bool,
}

/// Totals over every validated input (unreadable inputs are not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    /// Inputs validated.
    pub(crate) inputs: usize,
    /// Inputs that pass under the run's policy.
    pub(crate) valid: usize,
    /// Error diagnostics.
    pub(crate) errors: usize,
    /// Warning diagnostics.
    pub(crate) warnings: usize,
}

impl Summary {
    /// Counts `input` in.
    pub(crate) fn add(&mut self, input: &Checked<'_>) {
        self.inputs += 1;
        self.valid += usize::from(input.valid);
        self.errors += input.report.errors();
        self.warnings += input.report.warnings();
    }
}

/// An output format.
pub(crate) trait Render {
    /// Renders one input's findings.
    fn input(&mut self, out: &mut dyn Write, input: &Checked<'_>) -> io::Result<()>;

    /// Renders the end of the report.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The renderer for `format`.
pub(crate) fn renderer(format: Format) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human),
        Format::Json => Box::new(json::Json::default()),
    }
}
