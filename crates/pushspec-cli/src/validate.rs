//! The `validate` subcommand: builds the library's options, validates every input and turns
//! the results into an exit status.
//!
//! Policy lives here, not in the renderers: whether an input passes (`--strict` fails on
//! warnings), which failures stop the run (a bad registry) and which do not (an unreadable
//! input, or a bare body under `--endpoint auto`, is reported, the others are still
//! validated, and the run ends with status 2).
//!
//! Each input is validated by its [`Kind`]: a request envelope with
//! [`pushspec::validate_envelope`] (which finds the endpoint from the URL under `auto`, and
//! reports a URL that matches no endpoint, or not the forced one), a bare body with
//! [`pushspec::validate_body`], which needs an explicit endpoint.

use std::io::Write;
use std::sync::Arc;

use pushspec::{Endpoint, Options, Profile, Report, endpoint, validate_body, validate_envelope};

use crate::args::{AUTO, ValidateArgs};
use crate::input::{self, Kind, Reader, Source};
use crate::output::{self, Checked, Summary};
use crate::{Status, Stop, Streams, error};

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

fn validate_all(
    args: &ValidateArgs,
    stdin: &mut dyn std::io::Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    // `None` is `auto`: each envelope's endpoint is found from its URL.
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
    let templates = match &args.templates {
        Some(path) => Some(Arc::new(input::read_registry(path).map_err(Stop::Fatal)?)),
        None => None,
    };
    let options = Options {
        profile: if args.strict {
            Profile::Strict
        } else {
            Profile::Default
        },
        templates,
        ..Options::default()
    };

    let mut renderer = output::renderer(args.format);
    let mut reader = Reader::new(stdin);
    for arg in &args.files {
        let source = Source::from_arg(arg);
        let name = source.name();
        let bytes = match reader.read(&source) {
            Ok(bytes) => bytes,
            Err(e) => {
                error(stderr, &format!("cannot read {name}: {e}"));
                tally.skipped += 1;
                continue;
            }
        };
        let Some(report) = validate_one(&bytes, forced, &options) else {
            error(
                stderr,
                &format!(
                    "{name}: cannot tell the endpoint of a bare body; pass --endpoint ID \
                     (`pushspec endpoints` lists them), or give a request envelope with its `url`"
                ),
            );
            tally.skipped += 1;
            continue;
        };
        let checked = Checked {
            path: &name,
            endpoint: report.endpoint,
            source: &bytes,
            report: &report,
            valid: passes(&report, args.strict),
        };
        tally.summary.add(&checked);
        renderer.input(stdout, &checked).map_err(Stop::from_write)?;
    }
    renderer
        .finish(stdout, &tally.summary)
        .map_err(Stop::from_write)?;
    stdout.flush().map_err(Stop::from_write)
}

/// Validates one input by its kind; `None` for a bare body under `--endpoint auto`, which
/// cannot be validated without an endpoint.
fn validate_one(
    bytes: &[u8],
    forced: Option<&'static Endpoint>,
    options: &Options,
) -> Option<Report> {
    match (Kind::of(bytes, &options.limits), forced) {
        (Kind::Envelope, _) => Some(validate_envelope(bytes, forced, options)),
        (Kind::Body | Kind::NotJson, Some(endpoint)) => {
            Some(validate_body(endpoint, bytes, options))
        }
        // Not JSON and no endpoint: the envelope validator reports the syntax error at the
        // root, which is all there is to say about such an input.
        (Kind::NotJson, None) => Some(validate_envelope(bytes, None, options)),
        (Kind::Body, None) => None,
    }
}

/// Whether an input passes: no errors, and with `--strict` no warnings either.
fn passes(report: &Report, strict: bool) -> bool {
    report.errors() == 0 && !(strict && report.warnings() > 0)
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
    fn skipped_inputs_win_over_problems() {
        let mut tally = Tally::default();
        assert_eq!(tally.status(), Status::Clean);
        tally.summary = Summary {
            inputs: 2,
            valid: 1,
            errors: 1,
            warnings: 0,
        };
        assert_eq!(tally.status(), Status::Problems);
        tally.skipped = 1;
        assert_eq!(tally.status(), Status::Error);
    }
}
