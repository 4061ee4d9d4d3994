//! The `validate` subcommand: builds the library's options, validates every input and turns
//! the results into an exit status.
//!
//! Policy lives here, not in the renderers: whether an input passes (`--strict` and
//! `--deny-warnings` fail on warnings), which rules are dropped (`--allow`) or made errors
//! (`--deny`), which failures stop the run (a bad registry, an unknown rule code) and which
//! do not (an unreadable input, or a bare body under `--endpoint auto`, is reported, the
//! others are still validated, and the run ends with status 2).
//!
//! Each file is validated by its kind: a request envelope with
//! [`pushspec::validate_envelope`], a bare body with [`pushspec::validate_body`] (which needs
//! an explicit endpoint), a `.http` file with [`pushspec::request::validate_http_file`], a
//! HAR capture with [`pushspec::request::validate_har`], and an NDJSON file line by line.
//!
//! Files are validated in parallel (rayon), and their reports printed in input order, so
//! the output does not depend on the number of threads. NDJSON files are streamed instead:
//! read in chunks of [`CHUNK`] lines, each chunk validated in parallel and printed before
//! the next is read, so a file of any size takes bounded memory. One [`Batch`] is shared by
//! every request of the run, for the rules across requests (`messenger.otn.reused`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::Arc;

use pushspec::request::{HarEntry, validate_har, validate_http_file};
use pushspec::{
    Batch, Endpoint, Options, Profile, Report, Rule, Severity, catalog, endpoint, validate_body,
    validate_envelope,
};
use rayon::prelude::*;

use crate::args::{AUTO, InputKind, ValidateArgs};
use crate::input::{self, FileKind, Kind, Source};
use crate::output::{self, Checked, Render, Summary};
use crate::{Status, Stop, Streams, error};

/// NDJSON lines read, validated and printed at a time.
const CHUNK: usize = 4096;

/// Runs `pushspec validate`.
pub(crate) fn run(args: ValidateArgs, streams: Streams<'_>) -> Status {
    let mut tally = Tally::default();
    match validate_all(
        &args,
        streams.stdin,
        streams.stdout,
        streams.stderr,
        &mut tally,
    ) {
        Ok(()) => tally.status(),
        // The reader has gone; the status still reflects what was validated before.
        Err(Stop::Closed) => tally.status(),
        Err(Stop::Fatal(message)) => {
            error(streams.stderr, &message);
            Status::Error
        }
    }
}

/// What the run has seen so far.
#[derive(Debug, Default)]
struct Tally {
    summary: Summary,
    /// Inputs that could not be validated: unreadable, or a bare body under `auto`.
    skipped: usize,
}

impl Tally {
    fn status(&self) -> Status {
        if self.skipped > 0 {
            Status::Error
        } else if self.summary.valid < self.summary.inputs {
            Status::Problems
        } else {
            Status::Clean
        }
    }
}

/// Everything that decides how a request is validated and judged, fixed for the run.
struct Plan {
    /// `None` is `auto`: each envelope's endpoint is found from its URL.
    forced: Option<&'static Endpoint>,
    /// `--input`.
    kind: InputKind,
    options: Options,
    policy: Policy,
}

/// `--allow`, `--deny` and whether warnings fail.
#[derive(Debug, Default)]
struct Policy {
    allow: Vec<&'static Rule>,
    deny: Vec<&'static Rule>,
    /// `--strict` or `--deny-warnings`.
    fail_on_warnings: bool,
}

impl Policy {
    /// Drops the allowed rules' findings and makes the denied rules' findings errors.
    fn apply(&self, report: &mut Report) {
        if !self.allow.is_empty() {
            report
                .diagnostics
                .retain(|d| !self.allow.iter().any(|r| r.code == d.rule.code));
        }
        for d in &mut report.diagnostics {
            if self.deny.iter().any(|r| r.code == d.rule.code) {
                d.severity = Severity::Error;
            }
        }
    }

    /// Whether a report passes: no errors, and no warnings when they fail the run.
    fn passes(&self, report: &Report) -> bool {
        passes(report, self.fail_on_warnings)
    }
}

/// Resolves rule codes against the catalogue; an unknown one is a usage error with the
/// closest known codes.
fn rules(flag: &str, codes: &[String]) -> Result<Vec<&'static Rule>, Stop> {
    codes
        .iter()
        .map(|code| {
            catalog::find(code).ok_or_else(|| {
                let close = crate::explain::closest(code);
                let hint = if close.is_empty() {
                    "`pushspec rules` lists every code".to_owned()
                } else {
                    format!("the closest codes are: {}", close.join(", "))
                };
                Stop::Fatal(format!(
                    "unknown rule code `{}` for {flag}; {hint}",
                    code.escape_debug()
                ))
            })
        })
        .collect()
}

/// The result of validating one request (or failing to).
enum Unit {
    /// Validated.
    Checked {
        /// `file`, `file:LINE` or `file#ENTRY`.
        path: String,
        report: Report,
        /// The bytes the report's spans refer to, when they are not the file's own (an
        /// NDJSON line).
        source: Option<Vec<u8>>,
    },
    /// A HAR entry that is no vendor request.
    Skipped { path: String },
    /// Could not be validated; the message is for `error: ...`.
    Failed(String),
}

/// One file's results, in order.
struct Outcome {
    /// The file as given, `-` for standard input.
    file: String,
    /// Its bytes, kept only when a report has something to show in a snippet.
    source: Vec<u8>,
    units: Vec<Unit>,
    /// Whether the file was read (it counts in the summary).
    read: bool,
}

fn validate_all(
    args: &ValidateArgs,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let forced = if args.endpoint == AUTO {
        None
    } else {
        let Some(endpoint) = endpoint::find(&args.endpoint) else {
            let known: Vec<_> = endpoint::ALL.iter().map(|e| e.id).collect();
            return Err(Stop::Fatal(format!(
                "unknown endpoint `{}`; known endpoints: {AUTO}, {}",
                args.endpoint,
                known.join(", ")
            )));
        };
        Some(endpoint)
    };
    let policy = Policy {
        allow: rules("--allow", &args.allow)?,
        deny: rules("--deny", &args.deny)?,
        fail_on_warnings: args.strict || args.deny_warnings,
    };
    let templates = match &args.templates {
        Some(path) => Some(Arc::new(input::read_registry(path).map_err(Stop::Fatal)?)),
        None => None,
    };
    let plan = Plan {
        forced,
        kind: args.input,
        options: Options {
            profile: if args.strict {
                Profile::Strict
            } else {
                Profile::Default
            },
            templates,
            batch: Some(Arc::new(Batch::new())),
            ..Options::default()
        },
        policy,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|e| Stop::Fatal(format!("cannot start {} threads: {e}", args.threads)))?;

    let sources = input::resolve(&args.files);
    // Standard input is read once, up front, on this thread; naming `-` twice gives the
    // same bytes twice.
    let stdin_bytes = if sources.iter().any(|s| matches!(s, Ok(Source::Stdin))) {
        let mut bytes = Vec::new();
        match stdin.read_to_end(&mut bytes) {
            Ok(_) => Ok(bytes),
            Err(e) => Err(format!("cannot read -: {e}")),
        }
    } else {
        Ok(Vec::new())
    };

    // Everything but NDJSON files is validated in parallel first; NDJSON files are
    // streamed when their turn comes to be printed.
    let outcomes: Vec<Option<Outcome>> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| match source {
                Ok(source) if is_ndjson(source, plan.kind) => None,
                Ok(source) => Some(validate_file(source, &stdin_bytes, &plan)),
                Err(message) => Some(Outcome {
                    file: String::new(),
                    source: Vec::new(),
                    units: vec![Unit::Failed(message.clone())],
                    read: false,
                }),
            })
            .collect()
    });

    let mut renderer = output::renderer(args.format);
    for (source, outcome) in sources.iter().zip(outcomes) {
        match (source, outcome) {
            (_, Some(outcome)) => print(&outcome, &plan, &mut *renderer, stdout, stderr, tally)?,
            (Ok(source), None) => {
                let name = source.name();
                let read: Result<Box<dyn BufRead + '_>, String> = match source {
                    Source::Stdin => stdin_bytes
                        .as_ref()
                        .map(|b| Box::new(b.as_slice()) as Box<dyn BufRead + '_>)
                        .map_err(Clone::clone),
                    Source::File(path) => File::open(path)
                        .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead + '_>)
                        .map_err(|e| format!("cannot read {name}: {e}")),
                };
                match read {
                    Ok(lines) => {
                        tally.summary.files += 1;
                        ndjson(
                            &name,
                            lines,
                            &plan,
                            &pool,
                            &mut *renderer,
                            stdout,
                            stderr,
                            tally,
                        )?;
                    }
                    Err(message) => {
                        error(stderr, &message);
                        tally.skipped += 1;
                    }
                }
            }
            (Err(_), None) => {}
        }
    }
    renderer
        .finish(stdout, &tally.summary)
        .map_err(Stop::from_write)?;
    stdout.flush().map_err(Stop::from_write)
}

/// Whether `source` is read as NDJSON.
fn is_ndjson(source: &Source, kind: InputKind) -> bool {
    match kind {
        InputKind::Auto => FileKind::of(source) == FileKind::Ndjson,
        kind => kind == InputKind::Ndjson,
    }
}

/// Prints one file's results and counts them in.
fn print(
    outcome: &Outcome,
    plan: &Plan,
    renderer: &mut dyn Render,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    tally.summary.files += usize::from(outcome.read);
    for unit in &outcome.units {
        print_unit(
            unit,
            &outcome.file,
            &outcome.source,
            plan,
            renderer,
            stdout,
            stderr,
            tally,
        )?;
    }
    Ok(())
}

/// Prints one request's result and counts it in.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site per kind of file; a struct would only rename them"
)]
fn print_unit(
    unit: &Unit,
    file: &str,
    file_source: &[u8],
    plan: &Plan,
    renderer: &mut dyn Render,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    match unit {
        Unit::Checked {
            path,
            report,
            source,
        } => {
            let checked = Checked {
                path,
                file,
                endpoint: report.endpoint,
                source: source.as_deref().unwrap_or(file_source),
                report,
                valid: plan.policy.passes(report),
            };
            tally.summary.add(&checked);
            renderer.input(stdout, &checked).map_err(Stop::from_write)
        }
        Unit::Skipped { path } => {
            tally.summary.skipped += 1;
            renderer
                .skipped(stdout, path, file)
                .map_err(Stop::from_write)
        }
        Unit::Failed(message) => {
            error(stderr, message);
            tally.skipped += 1;
            Ok(())
        }
    }
}

/// Reads and validates one file that is not NDJSON.
fn validate_file(source: &Source, stdin: &Result<Vec<u8>, String>, plan: &Plan) -> Outcome {
    let file = source.name();
    let bytes = match source {
        Source::Stdin => stdin.clone(),
        Source::File(path) => std::fs::read(path).map_err(|e| format!("cannot read {file}: {e}")),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            return Outcome {
                file,
                source: Vec::new(),
                units: vec![Unit::Failed(message)],
                read: false,
            };
        }
    };
    let options = &plan.options;
    let kind = match plan.kind {
        InputKind::Auto => match FileKind::of(source) {
            FileKind::Http => InputKind::Http,
            FileKind::Har => InputKind::Har,
            FileKind::Ndjson => InputKind::Ndjson,
            FileKind::Json => match Kind::of(&bytes, &options.limits) {
                Kind::Har => InputKind::Har,
                _ => InputKind::Auto,
            },
        },
        kind => kind,
    };
    let mut units = match kind {
        InputKind::Http => validate_http_file(&bytes, plan.forced, options)
            .into_iter()
            .map(|(line, report)| Unit::Checked {
                path: format!("{file}:{line}"),
                report,
                source: None,
            })
            .collect(),
        InputKind::Har => match validate_har(&bytes, plan.forced, options) {
            Ok(entries) => entries
                .into_iter()
                .map(|entry| match entry {
                    HarEntry::Validated { index, report } => Unit::Checked {
                        path: format!("{file}#{index}"),
                        report,
                        source: None,
                    },
                    HarEntry::Skipped { index, .. } => Unit::Skipped {
                        path: format!("{file}#{index}"),
                    },
                })
                .collect(),
            Err(report) => vec![Unit::Checked {
                path: file.clone(),
                report,
                source: None,
            }],
        },
        kind => vec![match validate_one(&bytes, kind, plan.forced, options) {
            Some(report) => Unit::Checked {
                path: file.clone(),
                report,
                source: None,
            },
            None => Unit::Failed(bare_body(&file)),
        }],
    };
    for unit in &mut units {
        if let Unit::Checked { report, .. } = unit {
            plan.policy.apply(report);
        }
    }
    let shown = units
        .iter()
        .any(|u| matches!(u, Unit::Checked { report, .. } if !report.diagnostics.is_empty()));
    Outcome {
        file,
        source: if shown { bytes } else { Vec::new() },
        units,
        read: true,
    }
}

/// The message for a bare body under `--endpoint auto`.
fn bare_body(name: &str) -> String {
    format!(
        "{name}: cannot tell the endpoint of a bare body; pass --endpoint ID \
         (`pushspec endpoints` lists them), or give a request envelope with its `url`"
    )
}

/// Streams an NDJSON file: [`CHUNK`] lines at a time are read, validated in parallel and
/// printed. Each non-blank line is a body or an envelope; its report's lines are the file's.
#[allow(
    clippy::too_many_arguments,
    reason = "the run's whole state, passed down once"
)]
fn ndjson(
    file: &str,
    mut lines: Box<dyn BufRead + '_>,
    plan: &Plan,
    pool: &rayon::ThreadPool,
    renderer: &mut dyn Render,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let mut number = 0u32;
    loop {
        let mut chunk: Vec<(u32, Vec<u8>)> = Vec::with_capacity(CHUNK);
        let mut done = false;
        while chunk.len() < CHUNK {
            let mut line = Vec::new();
            match lines.read_until(b'\n', &mut line) {
                Ok(0) => {
                    done = true;
                    break;
                }
                Ok(_) => {
                    number = number.saturating_add(1);
                    if line.last() == Some(&b'\n') {
                        line.pop();
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                    }
                    if line.iter().any(|b| !b.is_ascii_whitespace()) {
                        chunk.push((number, line));
                    }
                }
                Err(e) => {
                    error(stderr, &format!("cannot read {file}: {e}"));
                    tally.skipped += 1;
                    done = true;
                    break;
                }
            }
        }
        let units: Vec<Unit> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(number, line)| ndjson_line(file, number, line, plan))
                .collect()
        });
        for unit in &units {
            print_unit(unit, file, &[], plan, renderer, stdout, stderr, tally)?;
        }
        if done {
            return Ok(());
        }
    }
}

/// Validates one NDJSON line, numbered `number` in the file.
fn ndjson_line(file: &str, number: u32, line: Vec<u8>, plan: &Plan) -> Unit {
    let path = format!("{file}:{number}");
    let Some(mut report) = validate_one(&line, InputKind::Auto, plan.forced, &plan.options) else {
        return Unit::Failed(bare_body(&path));
    };
    plan.policy.apply(&mut report);
    // Spans and columns stay those of the line; lines become the file's.
    for d in &mut report.diagnostics {
        d.line = Some(number);
    }
    let source = if report.diagnostics.is_empty() {
        None
    } else {
        Some(line)
    };
    Unit::Checked {
        path,
        report,
        source,
    }
}

/// Validates one JSON document as `kind` (`Auto` decides by content: an envelope or a
/// body); `None` for a bare body under `--endpoint auto`, which cannot be validated without
/// an endpoint.
fn validate_one(
    bytes: &[u8],
    kind: InputKind,
    forced: Option<&'static Endpoint>,
    options: &Options,
) -> Option<Report> {
    let kind = match kind {
        InputKind::Envelope => Kind::Envelope,
        InputKind::Body => match Kind::of(bytes, &options.limits) {
            Kind::NotJson => Kind::NotJson,
            _ => Kind::Body,
        },
        _ => match Kind::of(bytes, &options.limits) {
            // A HAR inside a JSON document that is not validated as one (an NDJSON line)
            // is a body like any other.
            Kind::Har => Kind::Body,
            kind => kind,
        },
    };
    match (kind, forced) {
        (Kind::Envelope, _) => Some(validate_envelope(bytes, forced, options)),
        (Kind::Body | Kind::NotJson | Kind::Har, Some(endpoint)) => {
            Some(validate_body(endpoint, bytes, options))
        }
        // Not JSON and no endpoint: the envelope validator reports the syntax error at the
        // root, which is all there is to say about such an input.
        (Kind::NotJson, None) => Some(validate_envelope(bytes, None, options)),
        (Kind::Body | Kind::Har, None) => None,
    }
}

/// Whether an input passes: no errors, and, when warnings fail the run, no warnings either.
fn passes(report: &Report, fail_on_warnings: bool) -> bool {
    report.errors() == 0 && !(fail_on_warnings && report.warnings() > 0)
}

#[cfg(test)]
mod tests {
    use pushspec::json::Span;
    use pushspec::{Diagnostic, Rule, Severity, catalog};

    use super::*;

    fn report(findings: &[(&'static Rule, Severity)]) -> Report {
        let diagnostics = findings
            .iter()
            .map(|&(rule, severity)| Diagnostic {
                rule,
                severity,
                pointer: "/body".to_owned(),
                span: Span::default(),
                line: None,
                column: None,
                message: String::new(),
                help: None,
            })
            .collect();
        Report {
            endpoint: Some("oca.template"),
            diagnostics,
            secrets: Vec::new(),
        }
    }

    #[test]
    fn warnings_fail_only_under_strict() {
        let warning = report(&[(&catalog::REQUEST_URL_WHITESPACE, Severity::Warning)]);
        assert!(passes(&warning, false));
        assert!(!passes(&warning, true));
        let error = report(&[(&catalog::REQUEST_BODY_INVALID_JSON, Severity::Error)]);
        assert!(!passes(&error, false));
        assert!(!passes(&error, true));
        assert!(passes(&report(&[]), true));
    }

    #[test]
    fn allow_drops_and_deny_promotes() {
        let mut r = report(&[
            (&catalog::REQUEST_URL_WHITESPACE, Severity::Warning),
            (&catalog::REQUEST_BODY_INVALID_JSON, Severity::Error),
        ]);
        let policy = Policy {
            allow: vec![&catalog::REQUEST_BODY_INVALID_JSON],
            deny: vec![&catalog::REQUEST_URL_WHITESPACE],
            fail_on_warnings: false,
        };
        policy.apply(&mut r);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(
            r.diagnostics[0].rule.code,
            catalog::REQUEST_URL_WHITESPACE.code
        );
        assert_eq!(r.diagnostics[0].severity, Severity::Error);
    }

    #[test]
    fn unknown_rule_codes_are_usage_errors() {
        assert!(rules("--allow", &["request.url.whitespace".to_owned()]).is_ok());
        let Err(Stop::Fatal(message)) = rules("--deny", &["request.url.whitespac".to_owned()])
        else {
            panic!("an unknown code must fail");
        };
        assert!(message.contains("request.url.whitespace"), "{message}");
    }

    #[test]
    fn skipped_inputs_win_over_problems() {
        let mut tally = Tally::default();
        assert_eq!(tally.status(), Status::Clean);
        tally.summary = Summary {
            inputs: 2,
            valid: 1,
            errors: 1,
            ..Summary::default()
        };
        assert_eq!(tally.status(), Status::Problems);
        tally.skipped = 1;
        assert_eq!(tally.status(), Status::Error);
    }
}
