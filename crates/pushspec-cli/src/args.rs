//! The command line grammar: every subcommand, flag and value, as clap derive types.
//!
//! This module only describes what the user may type. Resolving values against the library
//! (endpoint ids, rule codes, template registries) and all I/O happen in the subcommand
//! modules, so that the grammar can be read, and its `--help` output reviewed, in one place.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, shown at the end of `--help`. They are a contract with CI scripts. A
/// macro, so that `validate --help` can append its configuration notes with `concat!`.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  no errors (warnings allowed, unless --strict or --deny-warnings)
  1  errors found (with --strict or --deny-warnings, warnings count too)
  2  usage, configuration or I/O error (an unknown rule code, an invalid pushspec.toml, an
     unreadable or corrupt input, an NDJSON line over --max-input-bytes, a glob that matches
     nothing); it wins over 1"
    };
}

/// The exit codes of the top-level `--help`.
const EXIT_CODES: &str = exit_codes!();

/// What `validate --help` ends with: how settings combine, the input notes, the exit codes.
const VALIDATE_AFTER: &str = concat!(
    "\
Configuration:
  Settings come from the command line, then from pushspec.toml, then from the built-in
  defaults. pushspec.toml is looked for in the current directory and each parent up to the
  root (--config PATH names one, --no-config ignores it); `pushspec init` writes a commented
  default. It holds `profile`, `templates`, [rules] (severity per code: error, warning or
  off), [endpoints] (path globs per endpoint id, for bare bodies) and [limits].

Inputs:
  A file ending in `.gz`, or starting with the gzip magic bytes, is decompressed on the fly;
  decompressed inputs obey the same limits. Standard input (`-`) is streamed line by line
  when it is NDJSON (--input ndjson, or a first line that is a whole JSON document followed
  by more). Each NDJSON line is one request, and --max-input-bytes bounds a line rather than
  the whole stream.

",
    exit_codes!()
);

/// The exit codes of `init`.
const EXIT_CODES_INIT: &str = "\
Exit codes:
  0  written
  2  pushspec.toml already exists (pass --force), or it cannot be written";

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
    /// (`.ndjson`/`.jsonl`: one request per line, `.http`/`.rest`, `.har`, any of them
    /// `.gz`) or its content (a JSON object with `log.entries` is a HAR capture), unless
    /// `--input` forces it. Every request of a run shares one batch, so a one-time token used
    /// twice is reported.
    ///
    /// An input that is a JSON object with a string `url` member is a request envelope,
    /// `{"method", "url", "headers", "body"}`: its method, URL, query, headers and body are all
    /// checked, and under `--endpoint auto` its URL picks the endpoint. Any other input is a
    /// bare request body: under `auto` its endpoint comes from the [endpoints] globs of
    /// pushspec.toml, else from its shape (the keys each endpoint documents), and the report
    /// says how sure the detection is. A body that fits several endpoints equally well gets
    /// `request.endpoint.ambiguous`, listing them; one that fits none gets
    /// `request.endpoint.unknown`.
    #[command(after_help = VALIDATE_AFTER)]
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
    /// Write a commented default pushspec.toml in the current directory.
    #[command(after_help = EXIT_CODES_INIT)]
    Init(InitArgs),
}

/// `pushspec validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The endpoint the requests are sent to. `auto` finds each envelope's endpoint from its
    /// URL, and each bare body's from pushspec.toml's [endpoints] globs or its shape.
    #[arg(long, value_name = "ID", value_parser = endpoint_ids(), default_value = AUTO)]
    pub(crate) endpoint: String,

    /// The OCA template registry (YAML or JSON, by extension); enables the `oca.template.*`
    /// rules.
    #[arg(long, value_name = "FILE")]
    pub(crate) templates: Option<PathBuf>,

    /// Read this configuration file instead of looking for pushspec.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub(crate) config: Option<PathBuf>,

    /// Ignore any pushspec.toml.
    #[arg(long)]
    pub(crate) no_config: bool,

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

    /// Largest input in bytes, after decompression (an NDJSON line counts alone) [default:
    /// 67108864].
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_input_bytes: Option<usize>,

    /// Deepest nesting of arrays and objects [default: 128].
    #[arg(long, value_name = "N")]
    pub(crate) max_depth: Option<usize>,

    /// Longest string or key, in bytes as written [default: 1048576].
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_string_bytes: Option<usize>,

    /// The time to check expiry against (`auth.jwt.expired`), as RFC 3339
    /// (`2025-06-01T12:00:00Z`) or Unix seconds [default: the system clock].
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    pub(crate) now: Option<i64>,

    /// Show no progress bar (it is only ever shown on a terminal, outside CI, for runs
    /// longer than a second).
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Inputs: files, folders (walked recursively, honouring `.gitignore`, for `.json`,
    /// `.ndjson`, `.jsonl`, `.http`, `.rest` and `.har` files) and globs (`*`, `?`, expanded
    /// here when the shell did not); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) files: Vec<PathBuf>,
}

/// `pushspec init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Overwrite an existing pushspec.toml.
    #[arg(long)]
    pub(crate) force: bool,
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
    /// One JSON document (version 2, see docs/json-format.md), for tools.
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
        .help("Find each envelope's endpoint from its URL, each bare body's from its shape");
    PossibleValuesParser::new(
        std::iter::once(auto).chain(
            pushspec::endpoint::ALL
                .iter()
                .map(|e| PossibleValue::new(e.id).help(e.summary)),
        ),
    )
}

/// Parses `--now`: Unix seconds, or an RFC 3339 date-time with an offset.
fn parse_now(text: &str) -> Result<i64, String> {
    if let Ok(seconds) = text.parse::<i64>() {
        return Ok(seconds);
    }
    let bad = || {
        format!(
            "`{text}` is neither Unix seconds nor an RFC 3339 date-time with an offset, e.g. 2025-06-01T12:00:00Z"
        )
    };
    let datetime: toml::value::Datetime = text.parse().map_err(|_| bad())?;
    let (Some(date), Some(time), Some(offset)) = (datetime.date, datetime.time, datetime.offset)
    else {
        return Err(bad());
    };
    let offset_minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i64::from(minutes),
    };
    let days = days_from_civil(
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    Ok(days * 86_400
        + i64::from(time.hour) * 3_600
        + i64::from(time.minute) * 60
        + i64::from(time.second.unwrap_or(0))
        - offset_minutes * 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
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
    fn now_takes_unix_seconds_and_rfc_3339() {
        assert_eq!(parse_now("1735689600"), Ok(1_735_689_600));
        assert_eq!(parse_now("2025-01-01T00:00:00Z"), Ok(1_735_689_600));
        assert_eq!(parse_now("2025-01-01T07:00:00+07:00"), Ok(1_735_689_600));
        assert_eq!(parse_now("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_now("2000-02-29T12:30:15Z"), Ok(951_827_415));
        assert_eq!(parse_now("1969-12-31T23:59:59Z"), Ok(-1));
        assert!(parse_now("2025-01-01").is_err());
        assert!(parse_now("2025-01-01T00:00:00").is_err());
        assert!(parse_now("soon").is_err());
    }

    #[test]
    fn auto_is_not_an_endpoint_id() {
        assert!(pushspec::endpoint::find(AUTO).is_none());
    }
}
