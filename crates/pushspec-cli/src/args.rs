//! The command line grammar: every subcommand, flag and value, as clap derive types.
//!
//! This module only describes what the user may type. Resolving values against the library
//! (endpoint ids, template registries) and all I/O happen in the subcommand modules, so that
//! the grammar can be read, and its `--help` output reviewed, in one place.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, shown at the end of `--help`. They are a contract with CI scripts.
const EXIT_CODES: &str = "\
Exit codes:
  0  no errors (warnings allowed, unless --strict)
  1  errors found (with --strict, warnings count too)
  2  usage, configuration or I/O error";

/// `pushspec`: validate vendor push requests before they are sent.
#[derive(Debug, Parser)]
#[command(
    name = "pushspec",
    version,
    about = "Validate chat-marketing push requests against the vendors' documented rules.",
    after_help = EXIT_CODES,
    max_term_width = 100,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate request bodies for one endpoint.
    #[command(after_help = EXIT_CODES)]
    Validate(ValidateArgs),
}

/// `pushspec validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The endpoint the bodies are sent to.
    #[arg(long, value_name = "ID", value_parser = endpoint_ids())]
    pub(crate) endpoint: String,

    /// The OCA template registry (YAML or JSON, by extension); enables the `oca.template.*`
    /// rules.
    #[arg(long, value_name = "FILE")]
    pub(crate) templates: Option<PathBuf>,

    /// Use the strict profile, and fail on warnings too.
    #[arg(long)]
    pub(crate) strict: bool,

    /// How to print the report.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Request bodies to validate; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub(crate) files: Vec<PathBuf>,
}

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Annotated source snippets and a summary line, for people.
    Human,
    /// One JSON document (version 1), for tools.
    Json,
}

/// Accepts exactly the ids of the endpoint catalogue, so that a typo is a usage error that
/// lists them all, and `--help` shows each one with its summary.
fn endpoint_ids() -> PossibleValuesParser {
    PossibleValuesParser::new(
        pushspec::endpoint::ALL
            .iter()
            .map(|e| PossibleValue::new(e.id).help(e.summary)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
