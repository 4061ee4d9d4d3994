//! What the golden tests share: the binary with a fixed environment, transcripts for
//! snapshots, and scratch folders for the tests that need files of their own.
#![allow(
    dead_code,
    reason = "each test crate uses its own part of these helpers"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The folder of test inputs; tests run from there.
pub(crate) fn inputs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

/// The binary, in `tests/inputs/`, with a fixed environment: no colours, a fixed help width.
pub(crate) fn pushspec() -> Command {
    pushspec_in(&inputs())
}

/// The binary with the fixed environment of [`pushspec`], run in `dir`.
pub(crate) fn pushspec_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pushspec").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

/// Runs `cmd` and returns a transcript of everything it did, for a snapshot.
pub(crate) fn transcript(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    let code = output
        .status
        .code()
        .map_or("signal".to_owned(), |c| c.to_string());
    format!(
        "exit: {code}\n--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `cmd`, checks its exit code, and returns its stdout.
pub(crate) fn stdout_of(cmd: &mut Command, code: i32) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A scratch folder holding `files` (path, content; folders are created as needed).
pub(crate) fn scratch(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// [`transcript`] with the scratch folder's path written `[DIR]`, so snapshots do not
/// depend on where it was made.
pub(crate) fn transcript_in(dir: &Path, cmd: &mut Command) -> String {
    let dir = dir.canonicalize().unwrap();
    transcript(cmd).replace(&dir.display().to_string(), "[DIR]")
}

/// The bytes of a file in `tests/inputs/`.
pub(crate) fn input(name: &str) -> Vec<u8> {
    std::fs::read(inputs().join(name)).unwrap()
}

/// `bytes`, gzip-compressed.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}
