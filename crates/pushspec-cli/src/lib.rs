//! The `pushspec` command line: argument parsing, input reading, and report rendering over
//! the `pushspec` library.
//!
//! [`run`] is what the binary calls; [`run_with`] does the same work on any streams, so that
//! tests can drive the whole command without a process. Modules:
//!
//! - `args`: the command line grammar (clap derive), including the `--help` texts;
//! - `config`: `pushspec.toml`, and the default `pushspec init` writes;
//! - `input`: where bytes come from (files, standard input, gzip, the template registry),
//!   and whether an input is a request envelope or a bare body;
//! - `progress`: the progress bar on a terminal's stderr;
//! - `validate`: the `validate` subcommand, from options to exit status;
//! - `output`: one renderer per `--format`, which only render report data;
//! - `rules`, `endpoints`: the catalogue listings;
//! - `explain`: `pushspec explain CODE`, and the suggestions for an unknown code.
#![forbid(unsafe_code)]

mod args;
mod config;
mod endpoints;
mod explain;
mod input;
mod output;
mod progress;
mod rules;
mod validate;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// How a run ended; the process exit code is the discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0: no errors (warnings allowed, unless `--strict`).
    Clean = 0,
    /// 1: errors found (with `--strict`, warnings count too).
    Problems = 1,
    /// 2: a usage, configuration or I/O error. It wins over `Problems`.
    Error = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status as u8)
    }
}

/// The three standard streams, or stand-ins for them.
///
/// Renderers write styled text (ANSI escapes) to stdout only when [`Streams::color`] says
/// so, and plain text otherwise: stdout is passed through as it is, because a stream that
/// strips styles must parse every byte it is given, on the one thread that prints. stderr is
/// an `anstream` wrapper, which strips the styles of the few lines written there when it is
/// not a terminal or `NO_COLOR` is set.
pub struct Streams<'a> {
    /// Where `-` reads from.
    pub stdin: &'a mut dyn Read,
    /// Where reports and `--help` go.
    pub stdout: &'a mut dyn Write,
    /// Whether stdout takes colours: a terminal, without `NO_COLOR` (as `anstream` decides).
    pub color: bool,
    /// Where usage errors and unreadable-file errors go.
    pub stderr: &'a mut dyn Write,
}

/// Runs the command line with `args` (program name first) on the process's standard streams
/// and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let mut stdin = io::stdin().lock();
    let color = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
    // A terminal gets each line as it is written; anything else (a file, a pipe, CI's log)
    // gets whole blocks, not a write call for every line of a million-line report.
    let mut stdout: Box<dyn Write> = if color {
        Box::new(io::stdout().lock())
    } else {
        Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
    };
    // Not locked for the whole run, unlike stdout: the progress bar's ticker thread writes
    // to stderr too, and would wait forever for a lock this thread held.
    let mut stderr = anstream::stderr();
    let streams = Streams {
        stdin: &mut stdin,
        stdout: &mut stdout,
        color,
        stderr: &mut stderr,
    };
    let status = run_with(args, streams);
    // What is still buffered; a reader that has gone is no error (see `Stop::from_write`).
    match stdout.flush().map_err(Stop::from_write) {
        Err(Stop::Fatal(message)) => {
            error(&mut stderr, &message);
            Status::Error.into()
        }
        Ok(()) | Err(Stop::Closed) => status.into(),
    }
}

/// Runs the command line with `args` (program name first) on `streams`.
pub fn run_with(args: impl IntoIterator<Item = OsString>, streams: Streams<'_>) -> Status {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, streams),
    };
    match cli.command {
        Command::Validate(args) => validate::run(args, streams),
        Command::Rules(args) => {
            let written = rules::write(streams.stdout, args.format);
            finish(written, streams.stderr)
        }
        Command::Endpoints(args) => {
            let written = endpoints::write(streams.stdout, args.format);
            finish(written, streams.stderr)
        }
        Command::Explain(args) => explain::run(&args.code, streams),
        Command::Init(args) => {
            let dir = std::env::current_dir().unwrap_or_default();
            match config::init(&dir, args.force) {
                Ok(path) => {
                    let written = writeln!(streams.stdout, "wrote {}", path.display());
                    finish(written, streams.stderr)
                }
                Err(message) => {
                    error(streams.stderr, &message);
                    Status::Error
                }
            }
        }
    }
}

/// The status of a command that only writes to stdout: clean when everything was written,
/// or when the reader closed the pipe early; an error for any other write failure.
pub(crate) fn finish(written: io::Result<()>, stderr: &mut dyn Write) -> Status {
    match written.map_err(Stop::from_write) {
        Ok(()) | Err(Stop::Closed) => Status::Clean,
        Err(Stop::Fatal(message)) => {
            error(stderr, &message);
            Status::Error
        }
    }
}

/// Prints what clap has to say: `--help` and `--version` on stdout (status 0), usage errors
/// on stderr (status 2).
fn clap_exit(e: &clap::Error, streams: Streams<'_>) -> Status {
    let text = e.render();
    if e.use_stderr() {
        // Nothing useful can be done when stderr itself fails.
        let _ = write!(streams.stderr, "{}", text.ansi());
        let _ = streams.stderr.flush();
    } else {
        let written = if streams.color {
            write!(streams.stdout, "{}", text.ansi())
        } else {
            write!(streams.stdout, "{text}")
        };
        let written = written.and_then(|()| streams.stdout.flush());
        if let Err(e) = written
            && let Stop::Fatal(message) = Stop::from_write(e)
        {
            error(streams.stderr, &message);
            return Status::Error;
        }
    }
    if e.exit_code() == 0 {
        Status::Clean
    } else {
        Status::Error
    }
}

/// Why a command stopped before its end.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Stdout was closed by its reader (`pushspec ... | head -1`): stop quietly, with no
    /// message, as `cat` or `grep` would.
    Closed,
    /// A usage, configuration or I/O error, already worded for `error: ...`.
    Fatal(String),
}

impl Stop {
    /// Classifies a failed write to stdout. Every write to stdout goes through this, so a
    /// closed pipe can never turn into an error message or a panic.
    pub(crate) fn from_write(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Fatal(format!("cannot write to standard output: {e}"))
        }
    }
}

/// Prints `error: <message>` on stderr.
pub(crate) fn error(stderr: &mut dyn Write, message: &str) {
    // Nothing useful can be done when stderr itself fails.
    let _ = writeln!(stderr, "error: {message}");
}
