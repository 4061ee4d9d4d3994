//! The `validate` subcommand: builds the library's options, validates every input and turns
//! the results into an exit status.
//!
//! Policy lives here, not in the renderers: the settings of the command line over those of
//! `pushspec.toml` over the defaults, whether an input passes (`--strict` and
//! `--deny-warnings` fail on warnings), each rule's level (`[rules]`, then `--allow` and
//! `--deny`), which failures stop the run (a bad configuration or registry, an unknown rule
//! code) and which do not (an unreadable input is reported, the others are still validated,
//! and the run ends with status 2).
//!
//! Each file is validated by its kind: a request envelope with
//! [`pushspec::validate_envelope`], a bare body with [`pushspec::validate_body`] (its
//! endpoint forced, given by an `[endpoints]` glob, or detected by [`pushspec::detect`]), a
//! `.http` file with [`pushspec::request::validate_http_file`], a HAR capture with
//! [`pushspec::request::validate_har`], and an NDJSON file (or standard input) line by line.
//!
//! Files are validated in parallel (rayon), and their reports printed in input order, so
//! the output does not depend on the number of threads. NDJSON files are streamed instead:
//! read in chunks of [`CHUNK`] lines, each chunk validated in parallel and printed before
//! the next is read, so a file of any size takes bounded memory. Either way each report is
//! also rendered on the worker that validated it ([`Render::render`]); only writing the
//! rendered bytes, in order, is left to the printing thread. One [`Batch`] is shared by
//! every request of the run, for the rules across requests (`messenger.otn.reused`).

use std::io::{self, BufRead, Read, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use pushspec::detect::{self, Detection};
use pushspec::json::Limits;
use pushspec::request::{HarEntry, validate_har, validate_http_file};
use pushspec::{
    Batch, Endpoint, Options, Profile, Report, Rule, Severity, catalog, endpoint, validate_body,
    validate_envelope,
};
use rayon::prelude::*;

use crate::args::{AUTO, InputKind, ValidateArgs};
use crate::config::{self, Config, Level};
use crate::input::{self, FileKind, Kind, Line, Opened, Source};
use crate::output::{self, Checked, Counts, Render, Summary, Written};
use crate::progress::Progress;
use crate::{Status, Stop, Streams, error};

/// NDJSON lines read, validated and printed at a time.
const CHUNK: usize = 4096;

/// The most a streamed chunk's line buffers keep between chunks (4096 lines of 16 KiB):
/// past it, they are freed and grown again for the next chunk.
const KEPT_BUFFER: usize = 64 << 20;

/// Runs `pushspec validate`.
pub(crate) fn run(args: ValidateArgs, streams: Streams<'_>) -> Status {
    let mut tally = Tally::default();
    let progress = Progress::new(args.quiet);
    let result = validate_all(
        &args,
        streams.stdin,
        streams.stdout,
        streams.stderr,
        streams.color,
        &progress,
        &mut tally,
    );
    progress.finish();
    match result {
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
    /// Inputs that could not be validated (unreadable, corrupt, over a limit).
    failed: usize,
}

impl Tally {
    fn status(&self) -> Status {
        if self.failed > 0 {
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
    /// `pushspec.toml`, for its `[endpoints]` globs.
    config: Option<Config>,
    /// The working directory, which inputs' paths are relative to.
    cwd: PathBuf,
}

impl Plan {
    /// A validated request as the renderers see it, judged by the run's policy.
    fn checked<'a>(
        &self,
        path: &'a str,
        file: &'a str,
        source: &'a [u8],
        report: &'a Report,
        detection: Option<&'a Detection>,
    ) -> Checked<'a> {
        Checked {
            path,
            file,
            endpoint: report.endpoint,
            source,
            report,
            detection,
            valid: self.policy.passes(report),
        }
    }

    /// The endpoint of the bare bodies in `source`: forced, or given by a glob.
    fn body_endpoint(&self, source: &Source) -> Option<&'static Endpoint> {
        self.forced.or_else(|| match (source, &self.config) {
            (Source::File(path), Some(config)) => config.endpoint_for(path, &self.cwd),
            _ => None,
        })
    }
}

/// Each rule's level (`[rules]`, `--allow`, `--deny`) and whether warnings fail.
#[derive(Debug, Default)]
struct Policy {
    /// Later entries win: the configuration's come first, then the flags'.
    levels: Vec<(&'static Rule, Level)>,
    /// `--strict`, `--deny-warnings` or `profile = "strict"`.
    fail_on_warnings: bool,
}

impl Policy {
    /// Applies the levels: drops the findings of rules that are off, sets the severity of
    /// the others. Also says how to raise a limit that an input went over, and hides
    /// credential-looking text in what will be printed (every report passes here, on the
    /// worker that validated it).
    fn apply(&self, report: &mut Report) {
        report.hide_credentials();
        if !self.levels.is_empty() {
            let level = |code: &str| {
                self.levels
                    .iter()
                    .rev()
                    .find(|(r, _)| r.code == code)
                    .map(|&(_, level)| level)
            };
            report
                .diagnostics
                .retain(|d| level(d.rule.code) != Some(Level::Off));
            for d in &mut report.diagnostics {
                match level(d.rule.code) {
                    Some(Level::Error) => d.severity = Severity::Error,
                    Some(Level::Warning) => d.severity = Severity::Warning,
                    Some(Level::Off) | None => {}
                }
            }
        }
        for d in &mut report.diagnostics {
            if d.help.is_none() && d.rule.code == catalog::REQUEST_BODY_INVALID_JSON.code {
                d.help = limit_help(&d.message);
            }
        }
    }

    /// Whether a report passes: no errors, and no warnings when they fail the run.
    fn passes(&self, report: &Report) -> bool {
        passes(report, self.fail_on_warnings)
    }
}

/// The limits, by the names the parser's messages give them, and the flags that raise them.
const LIMIT_FLAGS: &[(&str, &str)] = &[
    ("max_input_bytes", "--max-input-bytes"),
    ("max_depth", "--max-depth"),
    ("max_string_bytes", "--max-string-bytes"),
];

/// How to raise the limit a syntax error `message` names, if it names one.
fn limit_help(message: &str) -> Option<String> {
    LIMIT_FLAGS
        .iter()
        .find(|(name, _)| message.contains(&format!("`{name}`")))
        .map(|(name, flag)| {
            format!("if the input is genuine, raise the limit with {flag} or `{name}` under [limits] in pushspec.toml")
        })
}

/// Resolves rule codes against the catalogue; an unknown one is a usage error with the
/// closest known codes.
fn rules(flag: &str, codes: &[String]) -> Result<Vec<&'static Rule>, Stop> {
    codes
        .iter()
        .map(|code| {
            catalog::find(code).ok_or_else(|| {
                let hint = crate::explain::hint(code);
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
        /// How a bare body's endpoint was found by its shape, if it was.
        detection: Option<Detection>,
        /// What the renderer made of it, on the worker thread ([`Render::render`]).
        rendered: io::Result<Vec<u8>>,
    },
    /// Validated and rendered for a renderer that does not keep reports: only what the
    /// printing thread needs is left, and the report was dropped on the worker.
    Rendered {
        counts: Counts,
        rendered: io::Result<Vec<u8>>,
    },
    /// A HAR entry that is no vendor request.
    Skipped { path: String },
    /// Could not be validated; the message is for `error: ...`.
    Failed(String),
}

impl Unit {
    /// A validated request, its policy applied.
    fn checked(
        path: String,
        mut report: Report,
        detection: Option<Detection>,
        policy: &Policy,
    ) -> Unit {
        policy.apply(&mut report);
        Unit::Checked {
            path,
            report,
            source: None,
            detection,
            rendered: Ok(Vec::new()),
        }
    }
}

/// Renders a validated unit of `file`, on the worker thread that validated it; `file_source`
/// is what the spans of a unit without its own source refer to. Unless the renderer keeps
/// reports, the unit is then cut down to its counts and bytes, so that its report is freed
/// here and not on the printing thread, which every input passes through. (Freeing memory
/// that another thread allocated is also slower with the system allocator.)
fn render(unit: &mut Unit, file: &str, file_source: &[u8], plan: &Plan, renderer: &dyn Render) {
    let Unit::Checked {
        path,
        report,
        source,
        detection,
        rendered,
    } = unit
    else {
        return;
    };
    let source = source.as_deref().unwrap_or(file_source);
    let checked = plan.checked(path, file, source, report, detection.as_ref());
    let mut out = Vec::new();
    let made = renderer.render(&mut out, &checked).map(|()| out);
    if renderer.keeps_reports() {
        *rendered = made;
    } else {
        let counts = Counts::of(&checked);
        *unit = Unit::Rendered {
            counts,
            rendered: made,
        };
    }
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

impl Outcome {
    /// An input that could not be read.
    fn failed(file: String, message: String) -> Outcome {
        Outcome {
            file,
            source: Vec::new(),
            units: vec![Unit::Failed(message)],
            read: false,
        }
    }
}

/// Standard input, read at most once.
enum Stdin<'a> {
    /// Not named on the command line.
    Unused,
    /// One document, read whole.
    Document(Result<Vec<u8>, String>),
    /// NDJSON, streamed when its turn comes; `None` once taken.
    Stream(Option<Opened<'a>>),
}

/// The run's settings: the command line over `pushspec.toml` over the defaults.
fn plan(args: &ValidateArgs) -> Result<Plan, Stop> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = config::load(args.config.as_deref(), args.no_config, &cwd).map_err(Stop::Fatal)?;
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
    let strict = args.strict || config.as_ref().and_then(|c| c.profile) == Some(Profile::Strict);
    let mut levels = config.as_ref().map(|c| c.rules.clone()).unwrap_or_default();
    levels.extend(
        rules("--allow", &args.allow)?
            .into_iter()
            .map(|r| (r, Level::Off)),
    );
    levels.extend(
        rules("--deny", &args.deny)?
            .into_iter()
            .map(|r| (r, Level::Error)),
    );
    let templates = args
        .templates
        .clone()
        .or_else(|| config.as_ref().and_then(|c| c.templates.clone()));
    let templates = match templates {
        Some(path) => Some(Arc::new(input::read_registry(&path).map_err(Stop::Fatal)?)),
        None => None,
    };
    let limits = config
        .as_ref()
        .map_or_else(Limits::default, |c| c.limits.over(Limits::default()));
    let limits = Limits {
        max_input_bytes: args.max_input_bytes.unwrap_or(limits.max_input_bytes),
        max_depth: args.max_depth.unwrap_or(limits.max_depth),
        max_string_bytes: args.max_string_bytes.unwrap_or(limits.max_string_bytes),
    };
    let now = args.now.or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok())
    });
    Ok(Plan {
        forced,
        kind: args.input,
        options: Options {
            profile: if strict {
                Profile::Strict
            } else {
                Profile::Default
            },
            templates,
            now,
            limits,
            batch: Some(Arc::new(Batch::new())),
            ..Options::default()
        },
        policy: Policy {
            levels,
            fail_on_warnings: strict || args.deny_warnings,
        },
        config,
        cwd,
    })
}

fn validate_all(
    args: &ValidateArgs,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    color: bool,
    progress: &Progress,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let plan = plan(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|e| Stop::Fatal(format!("cannot start {} threads: {e}", args.threads)))?;

    let resolved = input::resolve(&args.files);
    tally.summary.skipped += resolved.ignored;
    let sources = resolved.sources;
    let mut stdin = if sources.iter().any(|s| matches!(s, Ok(Source::Stdin))) {
        read_stdin(stdin, &plan)
    } else {
        Stdin::Unused
    };
    let stdin_streamed = matches!(stdin, Stdin::Stream(_));
    let streamed = |source: &Source| match source {
        Source::Stdin => stdin_streamed,
        source => is_ndjson(source, plan.kind),
    };

    // Everything but NDJSON is validated in parallel first; NDJSON is streamed when its
    // turn comes to be printed.
    // Taken rather than cloned: a large document is held once.
    let document = match &mut stdin {
        Stdin::Document(bytes) => std::mem::replace(bytes, Ok(Vec::new())),
        _ => Ok(Vec::new()),
    };
    let mut renderer = output::renderer(args.format, color);
    let outcomes: Vec<Option<Outcome>> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| match source {
                Ok(source) if streamed(source) => None,
                Ok(source) => {
                    let outcome = validate_file(source, &document, &plan, &*renderer);
                    progress.add(usize::from(outcome.read), outcome.units.len());
                    Some(outcome)
                }
                Err(message) => Some(Outcome::failed(String::new(), message.clone())),
            })
            .collect()
    });

    let mut out = Printer {
        plan: &plan,
        renderer: &mut *renderer,
        stdout,
        stderr,
        progress,
        tally,
    };
    for (source, outcome) in sources.iter().zip(outcomes) {
        match (source, outcome) {
            (_, Some(outcome)) => out.print(outcome)?,
            (Ok(source), None) => {
                let name = source.name();
                let opened = match source {
                    Source::Stdin => match &mut stdin {
                        Stdin::Stream(stream) => stream.take().ok_or_else(|| {
                            "- is named more than once; streamed standard input can be read only once"
                                .to_owned()
                        }),
                        _ => Err("- cannot be streamed".to_owned()),
                    },
                    Source::File(path) => input::open_file(path),
                };
                match opened {
                    Ok(opened) => {
                        out.tally.summary.files += 1;
                        progress.add(1, 0);
                        let body_endpoint = plan.body_endpoint(source);
                        ndjson(&name, opened, body_endpoint, &pool, &mut out)?;
                    }
                    Err(message) => out.fail(&message),
                }
            }
            (Err(_), None) => {}
        }
    }
    progress.finish();
    out.renderer
        .finish(out.stdout, &out.tally.summary)
        .map_err(Stop::from_write)?;
    out.stdout.flush().map_err(Stop::from_write)
}

/// Opens standard input and decides, once, how it is read: streamed when it is NDJSON
/// (forced, or by its first line), whole otherwise.
fn read_stdin<'a>(stdin: &'a mut dyn Read, plan: &Plan) -> Stdin<'a> {
    let limit = plan.options.limits.max_input_bytes;
    let mut opened = match input::open(Box::new(stdin), false) {
        Ok(opened) => opened,
        Err(e) => return Stdin::Document(Err(format!("cannot read -: {e}"))),
    };
    match plan.kind {
        InputKind::Ndjson => return Stdin::Stream(Some(opened)),
        InputKind::Auto => {}
        _ => return Stdin::Document(input::read_all(opened, "-", limit)),
    }
    // The first line decides: a whole JSON document followed by more input is NDJSON. The
    // bytes read to decide are put back in front of the rest.
    let mut first = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if let Err(e) = (&mut opened.reader).take(cap).read_until(b'\n', &mut first) {
        return Stdin::Document(Err(opened.error("-", &e)));
    }
    let more = opened
        .reader
        .fill_buf()
        .is_ok_and(|rest| rest.iter().any(|b| !b.is_ascii_whitespace()));
    let is_ndjson = more
        && pushspec::json::Arena::with(|arena| {
            pushspec::json::parse(&first, arena, &plan.options.limits).is_ok()
        });
    let opened = opened.prepend(first);
    if is_ndjson {
        Stdin::Stream(Some(opened))
    } else {
        Stdin::Document(input::read_all(opened, "-", limit))
    }
}

/// Whether `source` is read as NDJSON.
fn is_ndjson(source: &Source, kind: InputKind) -> bool {
    match kind {
        InputKind::Auto => FileKind::of(source) == FileKind::Ndjson,
        kind => kind == InputKind::Ndjson,
    }
}

/// Where results go, and what counts them.
struct Printer<'r> {
    plan: &'r Plan,
    renderer: &'r mut dyn Render,
    stdout: &'r mut dyn Write,
    stderr: &'r mut dyn Write,
    progress: &'r Progress,
    tally: &'r mut Tally,
}

impl Printer<'_> {
    /// Prints one file's results and counts them in.
    fn print(&mut self, outcome: Outcome) -> Result<(), Stop> {
        self.tally.summary.files += usize::from(outcome.read);
        for unit in outcome.units {
            self.unit(unit, &outcome.file, &outcome.source)?;
        }
        Ok(())
    }

    /// Counts one input in and writes it.
    fn write(&mut self, written: &Written<'_>) -> Result<(), Stop> {
        self.tally.summary.add(written.counts);
        let (renderer, stdout) = (&mut *self.renderer, &mut *self.stdout);
        self.progress
            .suspend(|| renderer.write(stdout, written))
            .map_err(Stop::from_write)
    }

    /// Reports an input that could not be validated.
    fn fail(&mut self, message: &str) {
        self.progress.suspend(|| error(self.stderr, message));
        self.tally.failed += 1;
        self.tally.summary.skipped += 1;
    }

    /// Prints one request's result and counts it in.
    fn unit(&mut self, unit: Unit, file: &str, file_source: &[u8]) -> Result<(), Stop> {
        match unit {
            Unit::Checked {
                path,
                report,
                source,
                detection,
                rendered,
            } => {
                let source = source.as_deref().unwrap_or(file_source);
                let checked = self
                    .plan
                    .checked(&path, file, source, &report, detection.as_ref());
                let rendered = rendered.map_err(Stop::from_write)?;
                self.write(&Written {
                    counts: Counts::of(&checked),
                    rendered: &rendered,
                    input: Some(&checked),
                })
            }
            Unit::Rendered { counts, rendered } => {
                let rendered = rendered.map_err(Stop::from_write)?;
                self.write(&Written {
                    counts,
                    rendered: &rendered,
                    input: None,
                })
            }
            Unit::Skipped { path } => {
                self.tally.summary.skipped += 1;
                self.renderer
                    .skipped(self.stdout, &path, file)
                    .map_err(Stop::from_write)
            }
            Unit::Failed(message) => {
                self.fail(&message);
                Ok(())
            }
        }
    }
}

/// Reads, validates and renders one file that is not NDJSON; `stdin` is standard input's
/// bytes.
fn validate_file(
    source: &Source,
    stdin: &Result<Vec<u8>, String>,
    plan: &Plan,
    renderer: &dyn Render,
) -> Outcome {
    let file = source.name();
    let limit = plan.options.limits.max_input_bytes;
    let bytes = match source {
        Source::Stdin => stdin.clone(),
        Source::File(path) => {
            input::open_file(path).and_then(|opened| input::read_all(opened, &file, limit))
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => return Outcome::failed(file, message),
    };
    let options = &plan.options;
    let policy = &plan.policy;
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
    let mut units: Vec<Unit> = match kind {
        InputKind::Http => validate_http_file(&bytes, plan.forced, options)
            .into_iter()
            .map(|(line, report)| Unit::checked(format!("{file}:{line}"), report, None, policy))
            .collect(),
        InputKind::Har => match validate_har(&bytes, plan.forced, options) {
            Ok(entries) => entries
                .into_iter()
                .map(|entry| match entry {
                    HarEntry::Validated { index, report } => {
                        Unit::checked(format!("{file}#{index}"), report, None, policy)
                    }
                    HarEntry::Skipped { index, .. } => Unit::Skipped {
                        path: format!("{file}#{index}"),
                    },
                })
                .collect(),
            Err(report) => vec![Unit::checked(file.clone(), report, None, policy)],
        },
        kind => {
            let (report, detection) = validate_one(
                &bytes,
                kind,
                plan.forced,
                plan.body_endpoint(source),
                options,
            );
            vec![Unit::checked(file.clone(), report, detection, policy)]
        }
    };
    for unit in &mut units {
        render(unit, &file, &bytes, plan, renderer);
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

/// Streams NDJSON: [`CHUNK`] lines at a time are read, validated in parallel and printed.
/// Each non-blank line is a body or an envelope; its report's lines are the file's. A line
/// over `max_input_bytes` is reported and skipped, so that memory stays bounded.
fn ndjson(
    file: &str,
    mut opened: Opened<'_>,
    body_endpoint: Option<&'static Endpoint>,
    pool: &rayon::ThreadPool,
    out: &mut Printer<'_>,
) -> Result<(), Stop> {
    let plan = out.plan;
    let limit = plan.options.limits.max_input_bytes;
    let mut number = 0u32;
    // A chunk's lines are kept back to back in one buffer, and the workers validate slices of
    // it: reading allocates nothing once the buffers have grown. (A `Vec` per line was a
    // `malloc` on this thread, which reads and prints for all the others, and a `free` on
    // another.)
    let mut line = Vec::new();
    let mut text = Vec::new();
    let mut chunk: Vec<(u32, Result<Range<usize>, String>)> = Vec::with_capacity(CHUNK);
    loop {
        // A chunk of outsized lines is not held on to for the rest of the file.
        if text.capacity() > KEPT_BUFFER {
            text = Vec::new();
        }
        if line.capacity() > KEPT_BUFFER {
            line = Vec::new();
        }
        text.clear();
        chunk.clear();
        let mut done = false;
        while chunk.len() < CHUNK {
            match input::read_line(&mut opened.reader, &mut line, limit) {
                Ok(Line::End) => {
                    done = true;
                    break;
                }
                Ok(Line::Read) => {
                    number = number.saturating_add(1);
                    if line.iter().any(|b| !b.is_ascii_whitespace()) {
                        let start = text.len();
                        text.extend_from_slice(&line);
                        chunk.push((number, Ok(start..text.len())));
                    }
                }
                Ok(Line::TooLong) => {
                    number = number.saturating_add(1);
                    let message = input::over_limit(&format!("{file}:{number}"), limit);
                    chunk.push((number, Err(message)));
                }
                Err(e) => {
                    chunk.push((number, Err(opened.error(file, &e))));
                    done = true;
                    break;
                }
            }
        }
        let renderer: &dyn Render = &*out.renderer;
        let units: Vec<Unit> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(number, line)| {
                    let mut unit = match line {
                        Ok(range) => {
                            let line = text.get(range.clone()).unwrap_or_default();
                            ndjson_line(file, *number, line, body_endpoint, plan)
                        }
                        Err(message) => Unit::Failed(message.clone()),
                    };
                    render(&mut unit, file, &[], plan, renderer);
                    unit
                })
                .collect()
        });
        out.progress.add(0, units.len());
        for unit in units {
            out.unit(unit, file, &[])?;
        }
        if done {
            return Ok(());
        }
    }
}

/// Validates one NDJSON line, numbered `number` in the file.
fn ndjson_line(
    file: &str,
    number: u32,
    line: &[u8],
    body_endpoint: Option<&'static Endpoint>,
    plan: &Plan,
) -> Unit {
    let (mut report, detection) = validate_one(
        line,
        InputKind::Auto,
        plan.forced,
        body_endpoint,
        &plan.options,
    );
    plan.policy.apply(&mut report);
    // A pretty-printed document read as NDJSON breaks into one syntax error a line; say why.
    let syntax = catalog::REQUEST_BODY_INVALID_JSON.code;
    if let Some(d) = report
        .diagnostics
        .iter_mut()
        .find(|d| d.rule.code == syntax && d.help.is_none())
    {
        d.help(
            "NDJSON takes one whole JSON document a line; validate a pretty-printed document \
             as a file of its own (`.json`, or `--input envelope` / `--input body`)",
        );
    }
    // Spans and columns stay those of the line; lines become the file's.
    for d in &mut report.diagnostics {
        d.line = Some(number);
    }
    // Only a line with findings is kept, for its snippets.
    let source = if report.diagnostics.is_empty() {
        None
    } else {
        Some(line.to_vec())
    };
    Unit::Checked {
        path: format!("{file}:{number}"),
        report,
        source,
        detection,
        rendered: Ok(Vec::new()),
    }
}

/// Validates one JSON document as `kind` (`Auto` decides by content: an envelope or a
/// body). An envelope's endpoint is `forced` or found from its URL; a body's is
/// `body_endpoint` or detected by its shape, and the detection is returned with the report.
fn validate_one(
    bytes: &[u8],
    kind: InputKind,
    forced: Option<&'static Endpoint>,
    body_endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> (Report, Option<Detection>) {
    let kind = match kind {
        InputKind::Envelope => Kind::Envelope,
        InputKind::Body => Kind::Body,
        // A HAR inside a JSON document that is not validated as one (an NDJSON line) is a
        // body like any other.
        _ => match Kind::of(bytes, &options.limits) {
            Kind::Har => Kind::Body,
            kind => kind,
        },
    };
    match (kind, body_endpoint) {
        (Kind::Envelope, _) => (validate_envelope(bytes, forced, options), None),
        (_, Some(endpoint)) => (validate_body(endpoint, bytes, options), None),
        // Not JSON and no endpoint: the envelope validator reports the syntax error at the
        // root, which is all there is to say about such an input.
        (Kind::NotJson, None) => (validate_envelope(bytes, None, options), None),
        (_, None) => detect::validate(bytes, options),
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
            levels: vec![
                (&catalog::REQUEST_URL_WHITESPACE, Level::Warning),
                (&catalog::REQUEST_BODY_INVALID_JSON, Level::Off),
                (&catalog::REQUEST_URL_WHITESPACE, Level::Error),
            ],
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
    fn limit_errors_say_how_to_raise_the_limit() {
        let help = limit_help("nesting deeper than 2 levels (limit `max_depth`)").unwrap();
        assert!(
            help.contains("--max-depth") && help.contains("[limits]"),
            "{help}"
        );
        assert_eq!(limit_help("expected `,` or `}`"), None);
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
        tally.failed = 1;
        assert_eq!(tally.status(), Status::Error);
    }
}
