//! The command line grammar: every subcommand, flag and value, as clap derive types.
//!
//! This module only describes what the user may type. Resolving values against the library
//! (endpoint ids, rule codes, template registries) and all I/O happen in the subcommand
//! modules, so that the grammar can be read, and its `--help` output reviewed, in one place.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, shown at the end of `--help`. They are a contract with CI scripts.
const EXIT_CODES: &str = "\
Exit codes:
  0  no errors (warnings allowed, unless --strict or --deny-warnings)
  1  errors found (with --strict or --deny-warnings, warnings count too)
  2  usage, configuration or I/O error (an unknown rule code, an unreadable input, a bare
     body without --endpoint, a glob that matches nothing); it wins over 1";

/// The exit codes of the commands that only print the catalogues.
const EXIT_CODES_LIST: &str = "\
Exit codes:
  0  printed
  2  usage or I/O error";

/// The exit codes of `explain`.
const EXIT_CODES_EXPLAIN: &str = "\
Exit codes:
  0  printed
  2  unknown rule code (the closest codes are suggested), usage or I/O error";

/// What `--endpoint` means by default: find each request's endpoint from its URL.
pub(crate) const AUTO: &str = "auto";

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
    /// Validate requests: envelopes, bodies, NDJSON, `.http` files and HAR captures.
    ///
    /// Folders are walked and globs expanded; each file's kind comes from its extension
    /// (`.ndjson`/`.jsonl`: one request per line, `.http`/`.rest`, `.har`) or its content (a
    /// JSON object with `log.entries` is a HAR capture), unless `--input` forces it. Every
    /// request of a run shares one batch, so a one-time token used twice is reported.
    ///
    /// An input that is a JSON object with a string `url` member is a request envelope,
    /// `{"method", "url", "headers", "body"}`: its method, URL, query, headers and body are all
    /// checked, and under `--endpoint auto` its URL picks the endpoint. Any other input is a
    /// bare request body, which needs an explicit `--endpoint`: under `auto` it is reported as
    /// a usage error (exit code 2), and the other inputs are still validated.
    #[command(after_help = EXIT_CODES)]
    Validate(ValidateArgs),
    /// List every rule code with its severity and summary.
    #[command(after_help = EXIT_CODES_LIST)]
    Rules(ListArgs),
    /// List every endpoint with its vendor and URL template.
    #[command(after_help = EXIT_CODES_LIST)]
    Endpoints(ListArgs),
    /// Explain a rule code: what it checks, why it matters, its sources, an example.
    #[command(after_help = EXIT_CODES_EXPLAIN)]
    Explain(ExplainArgs),
}

/// `pushspec validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The endpoint the requests are sent to. `auto` finds each envelope's endpoint from its
    /// URL; a bare body needs an explicit endpoint.
    #[arg(long, value_name = "ID", value_parser = endpoint_ids(), default_value = AUTO)]
    pub(crate) endpoint: String,

    /// The OCA template registry (YAML or JSON, by extension); enables the `oca.template.*`
    /// rules.
    #[arg(long, value_name = "FILE")]
    pub(crate) templates: Option<PathBuf>,

    /// Use the strict profile, and fail on warnings too.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Fail on warnings too, without changing the profile.
    #[arg(long)]
    pub(crate) deny_warnings: bool,

    /// Drop every finding of rule CODE (repeatable; see `pushspec rules`).
    #[arg(long, value_name = "CODE")]
    pub(crate) allow: Vec<String>,

    /// Make every finding of rule CODE an error (repeatable; see `pushspec rules`).
    #[arg(long, value_name = "CODE")]
    pub(crate) deny: Vec<String>,

    /// What each input holds. `auto` decides by extension (`.ndjson`/`.jsonl`, `.http`/`.rest`,
    /// `.har`), then by content (a HAR's `log.entries`, an envelope's `url`, else a body).
    #[arg(long, value_name = "KIND", value_enum, default_value_t = InputKind::Auto)]
    pub(crate) input: InputKind,

    /// How to print the report.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Inputs validated at once; 0 uses every core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub(crate) threads: usize,

    /// Inputs: files, folders (walked recursively, honouring `.gitignore`, for `.json`,
    /// `.ndjson`, `.jsonl`, `.http`, `.rest` and `.har` files) and globs (`*`, `?`, expanded
    /// here when the shell did not); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) files: Vec<PathBuf>,
}

/// `pushspec rules` and `pushspec endpoints`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// How to print the list.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = ListFormat::Human)]
    pub(crate) format: ListFormat,
}

/// `pushspec explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The rule code, e.g. `oca.button.index-range` (see `pushspec rules`).
    #[arg(value_name = "CODE")]
    pub(crate) code: String,
}

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Annotated source snippets and a summary line, for people.
    Human,
    /// One JSON document (version 1), for tools.
    Json,
    /// SARIF 2.1.0, for code scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations), most severe first.
    Github,
    /// JUnit XML, one test case per request.
    Junit,
}

/// What an input holds (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputKind {
    /// Decide per file, by extension then by content.
    Auto,
    /// A bare JSON request body (needs --endpoint).
    Body,
    /// A request envelope `{"method", "url", "headers", "body"}`.
    Envelope,
    /// One body or envelope per line.
    Ndjson,
    /// A `.http` file of requests separated by `###` lines.
    Http,
    /// A HAR 1.2 capture.
    Har,
}

/// The list formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns, for people.
    Human,
    /// One JSON array, for tools.
    Json,
}

/// Accepts `auto` and exactly the ids of the endpoint catalogue, so that a typo is a usage
/// error that lists them all, and `--help` shows each one with its summary.
fn endpoint_ids() -> PossibleValuesParser {
    let auto = PossibleValue::new(AUTO)
        .help("Find each envelope's endpoint from its URL (bare bodies need an explicit id)");
    PossibleValuesParser::new(
        std::iter::once(auto).chain(
            pushspec::endpoint::ALL
                .iter()
                .map(|e| PossibleValue::new(e.id).help(e.summary)),
        ),
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

    #[test]
    fn auto_is_not_an_endpoint_id() {
        assert!(pushspec::endpoint::find(AUTO).is_none());
    }
}
