//! Golden tests of the `pushspec` binary: help texts, both report formats, exit codes,
//! standard input, and a closed stdout pipe.
//!
//! Each test runs the real binary from `tests/inputs/` (so reports show short relative
//! paths) with colours off, and snapshots a transcript of exit code, stdout and stderr under
//! `tests/snapshots/`. Refresh with `INSTA_UPDATE=always cargo test -p pushspec-cli`, then
//! read every changed `.snap` file before committing it.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;

/// The folder of test inputs; tests run from there.
fn inputs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

/// The binary, in `tests/inputs/`, with a fixed environment: no colours, a fixed help width.
fn pushspec() -> Command {
    let mut cmd = Command::cargo_bin("pushspec").unwrap();
    cmd.current_dir(inputs())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

/// Runs `cmd` and returns a transcript of everything it did, for a snapshot.
fn transcript(cmd: &mut Command) -> String {
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
fn stdout_of(cmd: &mut Command, code: i32) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn help() {
    insta::assert_snapshot!(transcript(pushspec().arg("--help")));
}

#[test]
fn validate_help() {
    insta::assert_snapshot!(transcript(pushspec().args(["validate", "--help"])));
}

#[test]
fn version() {
    let out = stdout_of(pushspec().arg("--version"), 0);
    assert_eq!(out, format!("pushspec {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_arguments_prints_help_and_fails() {
    pushspec().assert().code(2).stdout("");
}

#[test]
fn valid_body_exits_0() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "valid.json"
    ])));
}

#[test]
fn invalid_body_human() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "invalid.json",
        "valid.json"
    ])));
}

#[test]
fn invalid_body_json() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "--format",
        "json",
        "invalid.json",
        "valid.json"
    ])));
}

#[test]
fn json_output_is_one_document_with_the_pinned_shape() {
    let out = stdout_of(
        pushspec().args([
            "validate",
            "--endpoint",
            "oca.template",
            "--format",
            "json",
            "syntax-error.json",
        ]),
        1,
    );
    assert!(out.ends_with("}\n"));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"inputs": 1, "errors": 1, "warnings": 0})
    );
    let input = &doc["inputs"][0];
    assert_eq!(input["path"], "syntax-error.json");
    assert_eq!(input["endpoint"], "oca.template");
    assert_eq!(input["valid"], false);
    let d = &input["diagnostics"][0];
    let keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "code", "severity", "pointer", "line", "column", "message", "help"
        ]
    );
    assert_eq!(d["code"], "request.body.invalid-json");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["pointer"], "/body");
    assert!(d["line"].is_u64() && d["column"].is_u64());
}

#[test]
fn syntax_error_human() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "syntax-error.json"
    ])));
}

#[test]
fn stdin_is_dash() {
    let body = std::fs::read(inputs().join("syntax-error.json")).unwrap();
    insta::assert_snapshot!(transcript(
        pushspec()
            .args(["validate", "--endpoint", "oca.template", "-"])
            .write_stdin(body)
    ));
}

#[test]
fn stdin_in_json_is_named_dash() {
    let body = std::fs::read(inputs().join("valid.json")).unwrap();
    let out = stdout_of(
        pushspec()
            .args([
                "validate",
                "--endpoint",
                "oca.template",
                "--format",
                "json",
                "-",
            ])
            .write_stdin(body),
        0,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["inputs"][0]["path"], "-");
    assert_eq!(doc["inputs"][0]["valid"], true);
}

#[test]
fn non_utf8_input_is_shown_lossily() {
    let out = stdout_of(
        pushspec()
            .args(["validate", "--endpoint", "oca.template", "-"])
            .write_stdin(b"{\"a\":\n\xff\"x\"}".to_vec()),
        1,
    );
    assert!(out.contains("error[request.body.invalid-json]"), "{out}");
    assert!(out.contains("\u{fffd}\"x\"}"), "{out}");
}

#[test]
fn unknown_endpoint_exits_2() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.templates",
        "valid.json"
    ])));
}

#[test]
fn missing_file_exits_2_after_validating_the_rest() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "missing.json",
        "syntax-error.json"
    ])));
}

#[test]
fn templates_registry_is_read() {
    pushspec()
        .args([
            "validate",
            "--endpoint",
            "oca.template",
            "--templates",
            "registry.yaml",
            "valid.json",
        ])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn templates_registry_enables_template_rules() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "--templates",
        "registry.yaml",
        "invalid.json",
        "warning-only.json"
    ])));
}

#[test]
fn bad_registry_exits_2_with_its_position() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "oca.template",
        "--templates",
        "bad-registry.yaml",
        "valid.json"
    ])));
}

#[test]
fn missing_registry_exits_2() {
    let output = pushspec()
        .args([
            "validate",
            "--endpoint",
            "oca.template",
            "--templates",
            "nope.yaml",
            "valid.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot read nope.yaml: "),
        "{stderr}"
    );
}

#[test]
fn registry_without_a_known_extension_exits_2() {
    pushspec()
        .args([
            "validate",
            "--endpoint",
            "oca.template",
            "--templates",
            "valid",
            "valid.json",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: cannot tell the format of template registry valid: name it `.yaml`, `.yml` or \
             `.json`\n",
        );
}

#[test]
fn strict_fails_on_warnings() {
    // `warning-only.json` has an unfilled placeholder as its template id
    // (`oca.template-code.shape`, a warning in both profiles) and nothing else wrong.
    let args = ["validate", "--endpoint", "oca.template", "--format", "json"];
    let out = stdout_of(pushspec().args(args).arg("warning-only.json"), 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["errors"], 0);
    assert_eq!(doc["summary"]["warnings"], 1);
    assert_eq!(doc["inputs"][0]["valid"], true);

    let out = stdout_of(
        pushspec()
            .args(args)
            .args(["--strict", "warning-only.json"]),
        1,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["inputs"][0]["valid"], false);
    assert_eq!(doc["inputs"][0]["diagnostics"][0]["severity"], "warning");

    // A clean body stays clean under --strict.
    pushspec()
        .args([
            "validate",
            "--endpoint",
            "oca.template",
            "--strict",
            "valid.json",
        ])
        .assert()
        .code(0);
}

#[test]
fn closed_stdout_exits_quietly() {
    // Enough diagnostics to overflow any pipe buffer, so the binary must see the pipe close.
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_pushspec"));
    cmd.current_dir(inputs())
        .env("NO_COLOR", "1")
        .args(["validate", "--endpoint", "oca.template"])
        .args(std::iter::repeat_n("syntax-error.json", 2000))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "", "a closed pipe is not an error");
    assert_ne!(output.status.code(), Some(101));
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {:?}",
        output.status
    );
}

#[test]
fn run_with_takes_any_streams() {
    let mut stdin: &[u8] = br#"{"phone_number": 1"#;
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = pushspec_cli::run_with(
        [
            "pushspec",
            "validate",
            "--endpoint",
            "oca.template",
            "--format",
            "json",
            "-",
        ]
        .map(Into::into),
        pushspec_cli::Streams {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
        },
    );
    assert_eq!(status, pushspec_cli::Status::Problems);
    assert!(stderr.is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(
        doc["inputs"][0]["diagnostics"][0]["code"],
        "request.body.invalid-json"
    );
}

#[test]
fn run_with_reports_a_closed_stdout_quietly() {
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
    }
    let input = inputs().join("syntax-error.json");
    let mut stderr = Vec::new();
    let status = pushspec_cli::run_with(
        [
            "pushspec",
            "validate",
            "--endpoint",
            "oca.template",
            input.to_str().unwrap(),
        ]
        .map(Into::into),
        pushspec_cli::Streams {
            stdin: &mut std::io::empty(),
            stdout: &mut Closed,
            stderr: &mut stderr,
        },
    );
    assert!(stderr.is_empty(), "{}", String::from_utf8_lossy(&stderr));
    assert_ne!(status, pushspec_cli::Status::Error);
}
