//! `cargo xtask`: the project's automation, run as `cargo xtask <task>`.
//!
//! ```text
//! cargo xtask schemas           regenerate schemas/ from the Rust models
//! cargo xtask schemas --check   fail if schemas/ is out of date (also a #[test])
//! cargo xtask manifest          print the fixtures and their expected schema verdicts
//! ```
//!
//! Exit codes: 0 done (or up to date), 1 `--check` found stale files, 2 usage error, I/O
//! error, or models that cannot be turned into schemas.

mod diff;
mod ensure;
mod json;
mod manifest;
mod openapi;
mod request;
mod schemas;
mod security;

use std::process::ExitCode;

use ensure::Error;

/// What `cargo xtask help` prints.
const USAGE: &str = "\
Usage: cargo xtask <task>

Tasks:
  schemas [--check]   Generate schemas/ (JSON Schema and OpenAPI) from the Rust models;
                      with --check, write nothing and exit 1 if any file is out of date.
  manifest            Print every fixture body with the verdict its request schema must
                      give, as JSON (for tests/interop/run).
  help                Print this message.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args))
}

/// Runs the task `args` names and returns the process exit code.
fn run(args: &[String]) -> u8 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["schemas"] => schemas_task(false),
        ["schemas", "--check"] => schemas_task(true),
        ["manifest"] => match manifest::manifest() {
            Ok(manifest) => {
                print!("{}", json::render(&manifest));
                0
            }
            Err(error) => {
                eprintln!("error: {error}");
                2
            }
        },
        ["help" | "--help" | "-h"] => {
            print!("{USAGE}");
            0
        }
        _ => {
            eprint!("{USAGE}");
            2
        }
    }
}

/// `cargo xtask schemas [--check]`: explains how the JSON Schema files change, refuses a
/// breaking change that `schemas/CHANGELOG.md` does not record, then runs every generator
/// and reports all drift at once.
fn schemas_task(check: bool) -> u8 {
    // Before the generators run: in write mode they replace the files this compares with.
    let review = schemas::files(pushspec::endpoint::ALL).and_then(|files| diff::review(&files));
    match review {
        Ok(review) => {
            eprint!("{review}");
            if !review.unrecorded.is_empty() {
                return 1;
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            return 2;
        }
    }
    let generators: [fn(bool) -> Result<(), Error>; 2] = [schemas::generate, openapi::generate];
    let mut drift = Vec::new();
    for generate in generators {
        match generate(check) {
            Ok(()) => {}
            Err(Error::Drift(found)) => drift.extend(found),
            Err(error) => {
                eprintln!("error: {error}");
                return 2;
            }
        }
    }
    if drift.is_empty() {
        if check {
            eprintln!("schemas/ is up to date");
        }
        0
    } else {
        drift.sort();
        eprintln!("error: {}", Error::Drift(drift));
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test --workspace` fails when the committed JSON Schema files are stale.
    #[test]
    fn schemas_are_fresh() {
        schemas::generate(true).unwrap();
    }

    /// `cargo test --workspace` fails when the committed OpenAPI documents are stale.
    #[test]
    fn openapi_is_fresh() {
        openapi::generate(true).unwrap();
    }

    #[test]
    fn unknown_task_is_a_usage_error() {
        assert_eq!(run(&["frobnicate".to_owned()]), 2);
        assert_eq!(run(&[]), 2);
        assert_eq!(run(&["schemas".to_owned(), "--chek".to_owned()]), 2);
        assert_eq!(run(&["help".to_owned()]), 0);
    }
}
