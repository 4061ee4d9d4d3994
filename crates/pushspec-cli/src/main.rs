//! The `pushspec` binary: a thin shell over [`pushspec_cli::run`].

fn main() -> std::process::ExitCode {
    pushspec_cli::run(std::env::args_os())
}
