//! The pushspec command line (placeholder: being written).

use std::ffi::OsString;
use std::process::ExitCode;

/// Runs the command line with `args` (program name first) and returns the exit code.
pub fn run(_args: impl IntoIterator<Item = OsString>) -> ExitCode {
    ExitCode::SUCCESS
}
