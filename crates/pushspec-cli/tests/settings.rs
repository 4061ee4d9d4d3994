//! Golden tests of `pushspec.toml`, `pushspec init`, shape detection of bare bodies, gzip
//! and streamed standard input, the limit flags, `--now`, and the JSON summary's `skipped`.
//!
//! Most cases are rows of [`golden`]: files in a scratch folder, the folder to run in, the
//! arguments and standard input, snapshotted as a transcript under `tests/snapshots/`
//! (`settings__<name>.snap`). Refresh with `INSTA_UPDATE=always cargo test -p pushspec-cli`,
//! then read every changed `.snap` file before committing it.

mod common;

use common::{gzip, input, pushspec, pushspec_in, scratch, stdout_of, transcript_in};

/// One golden case.
struct Case {
    /// The snapshot's name.
    name: &'static str,
    /// The scratch folder's files.
    files: Vec<(&'static str, Vec<u8>)>,
    /// Where to run, inside the scratch folder.
    cwd: &'static str,
    args: &'static [&'static str],
    stdin: Option<Vec<u8>>,
}

impl Case {
    fn new(name: &'static str, args: &'static [&'static str]) -> Self {
        Case {
            name,
            files: Vec::new(),
            cwd: "",
            args,
            stdin: None,
        }
    }

    fn file(mut self, path: &'static str, content: impl Into<Vec<u8>>) -> Self {
        self.files.push((path, content.into()));
        self
    }

    fn cwd(mut self, cwd: &'static str) -> Self {
        self.cwd = cwd;
        self
    }

    fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }
}

/// Runs every case and snapshots its transcript.
fn golden(cases: Vec<Case>) {
    for case in cases {
        let files: Vec<(&str, &[u8])> =
            case.files.iter().map(|(p, c)| (*p, c.as_slice())).collect();
        let dir = scratch(&files);
        let mut cmd = pushspec_in(&dir.path().join(case.cwd));
        cmd.args(case.args);
        if let Some(stdin) = case.stdin {
            cmd.write_stdin(stdin);
        }
        insta::assert_snapshot!(case.name, transcript_in(dir.path(), &mut cmd));
    }
}

/// A body that fits both Smax.bot endpoints equally well.
const AMBIGUOUS: &str =
    r#"{"block_id": "64a1f0c2e3b4d5a6f7081921", "messaging_tag": "ACCOUNT_UPDATE"}"#;

/// A configuration that turns the national-phone finding off and gives `smax/` bodies an
/// endpoint.
const CONFIG: &str = r#"
[rules]
"phone.country-code-missing" = "off"

[endpoints]
"smax.v2.send" = ["smax/*.json"]
"#;

#[test]
fn configuration() {
    golden(vec![
        // Found by walking up from a nested folder.
        Case::new("config_found_by_walking_up", &["validate", "invalid.json"])
            .file("pushspec.toml", CONFIG)
            .file("a/b/invalid.json", input("invalid.json"))
            .cwd("a/b"),
        Case::new(
            "config_ignored_with_no_config",
            &["validate", "--no-config", "invalid.json"],
        )
        .file("pushspec.toml", CONFIG)
        .file("a/invalid.json", input("invalid.json"))
        .cwd("a"),
        Case::new(
            "config_named_with_config",
            &[
                "validate",
                "--config",
                "../other.toml",
                "--format",
                "json",
                "smax/body.json",
            ],
        )
        .file("other.toml", CONFIG)
        .file("a/smax/body.json", AMBIGUOUS)
        .cwd("a"),
        // Flags win over the file.
        Case::new(
            "config_overridden_by_flags",
            &[
                "validate",
                "--deny",
                "phone.country-code-missing",
                "invalid.json",
            ],
        )
        .file("pushspec.toml", CONFIG)
        .file("invalid.json", input("invalid.json")),
        // A glob gives the endpoint, so the shape is not asked.
        Case::new(
            "config_glob_wins_over_shape",
            &["validate", "--format", "json", "smax/body.json"],
        )
        .file("pushspec.toml", CONFIG)
        .file("smax/body.json", AMBIGUOUS),
        Case::new("config_unknown_code", &["validate", "valid.json"])
            .file(
                "pushspec.toml",
                "profile = \"strict\"\n\n[rules]\n\"phone.country-code-mising\" = \"off\"\n",
            )
            .file("valid.json", input("valid.json")),
        Case::new("config_syntax_error", &["validate", "valid.json"])
            .file("pushspec.toml", "[limits]\nmax_depth = \"deep\"\n")
            .file("valid.json", input("valid.json")),
        Case::new("config_limits", &["validate", "valid.json"])
            .file("pushspec.toml", "[limits]\nmax_depth = 3\n")
            .file("valid.json", input("valid.json")),
        Case::new(
            "config_limits_overridden_by_flags",
            &["validate", "--max-depth", "4", "valid.json"],
        )
        .file("pushspec.toml", "[limits]\nmax_depth = 3\n")
        .file("valid.json", input("valid.json")),
        Case::new("config_strict_profile", &["validate", "warning-only.json"])
            .file("pushspec.toml", "profile = \"strict\"\n")
            .file("warning-only.json", input("warning-only.json")),
    ]);
}

#[test]
fn init_writes_a_default_that_changes_nothing() {
    let dir = scratch(&[("invalid.json", &input("invalid.json"))]);
    let run = |args: &[&str]| transcript_in(dir.path(), pushspec_in(dir.path()).args(args));
    let before = run(&["validate", "--format", "json", "invalid.json"]);
    insta::assert_snapshot!("init", run(&["init"]));
    let written = std::fs::read_to_string(dir.path().join("pushspec.toml")).unwrap();
    assert!(written.starts_with("# pushspec.toml"), "{written}");
    // The written file is found, parses, and gives the built-in defaults.
    assert_eq!(
        run(&["validate", "--format", "json", "invalid.json"]),
        before
    );
    insta::assert_snapshot!("init_refuses_to_overwrite", run(&["init"]));
    std::fs::write(dir.path().join("pushspec.toml"), "edited").unwrap();
    assert!(run(&["init", "--force"]).starts_with("exit: 0"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pushspec.toml")).unwrap(),
        written
    );
}

#[test]
fn detection() {
    golden(vec![
        Case::new(
            "detect_high",
            &["validate", "--format", "json", "valid.json"],
        )
        .file("valid.json", input("valid.json")),
        Case::new("detect_high_human", &["validate", "invalid.json"])
            .file("invalid.json", input("invalid.json")),
        Case::new("detect_ambiguous", &["validate", "ambiguous.json"])
            .file("ambiguous.json", AMBIGUOUS),
        Case::new(
            "detect_ambiguous_json",
            &["validate", "--format", "json", "ambiguous.json"],
        )
        .file("ambiguous.json", AMBIGUOUS),
        Case::new("detect_none", &["validate", "response.json"]).file(
            "response.json",
            r#"{"success": true, "msgid": "wamid.HBgM"}"#,
        ),
        // An unrecognised body still hides its secrets.
        Case::new("detect_none_redacts", &["validate", "-"])
            .stdin(r#"{"api_token": "SECRET-VALUE-1"}"#),
    ]);
}

#[test]
fn compressed_and_streamed_inputs() {
    let mut corrupt = gzip(&input("invalid.json"));
    let n = corrupt.len();
    corrupt[n / 2] ^= 0xff;
    golden(vec![
        Case::new("gzip_file", &["validate", "invalid.json.gz"])
            .file("invalid.json.gz", gzip(&input("invalid.json"))),
        Case::new("gzip_stdin", &["validate", "-"]).stdin(gzip(&input("invalid.json"))),
        Case::new("gzip_ndjson", &["validate", "lines.ndjson.gz"])
            .file("lines.ndjson.gz", gzip(&input("lines.ndjson"))),
        Case::new(
            "gzip_corrupt",
            &["validate", "broken.json.gz", "valid.json"],
        )
        .file("broken.json.gz", corrupt)
        .file("valid.json", input("valid.json")),
        Case::new("gzip_not_gzip", &["validate", "plain.json.gz"])
            .file("plain.json.gz", input("valid.json")),
        // 16 MiB of zeros in 16 KiB: inflating stops at the limit.
        Case::new(
            "gzip_bomb",
            &["validate", "--max-input-bytes", "1000000", "bomb.json.gz"],
        )
        .file("bomb.json.gz", gzip(&vec![b' '; 16 << 20])),
        // Standard input is NDJSON by its first line, and streamed.
        Case::new(
            "stdin_ndjson_detected",
            &["validate", "--format", "json", "-"],
        )
        .stdin(input("lines.ndjson")),
        Case::new("stdin_ndjson_gzip", &["validate", "--input", "ndjson", "-"])
            .stdin(gzip(&input("lines.ndjson"))),
        Case::new(
            "stdin_named_twice_when_streamed",
            &["validate", "--input", "ndjson", "-", "-"],
        )
        .stdin(input("lines.ndjson")),
    ]);
}

#[test]
fn limits() {
    let long_line = format!(
        "{}\n{}\n",
        String::from_utf8(input("valid.json"))
            .unwrap()
            .replace('\n', ""),
        "x".repeat(5000)
    );
    golden(vec![
        Case::new(
            "limit_depth",
            &["validate", "--max-depth", "3", "valid.json"],
        )
        .file("valid.json", input("valid.json")),
        Case::new(
            "limit_string",
            &["validate", "--max-string-bytes", "8", "valid.json"],
        )
        .file("valid.json", input("valid.json")),
        Case::new(
            "limit_input",
            &["validate", "--max-input-bytes", "100", "valid.json"],
        )
        .file("valid.json", input("valid.json")),
        Case::new(
            "limit_ndjson_line",
            &["validate", "--max-input-bytes", "4096", "lines.ndjson"],
        )
        .file("lines.ndjson", long_line),
    ]);
}

#[test]
fn now_decides_whether_a_jwt_has_expired() {
    // The token expires at 2025-01-01T00:00:00Z.
    let at = |now: &str, code: i32| {
        stdout_of(
            pushspec().args([
                "validate",
                "--format",
                "json",
                "--now",
                now,
                "envelope-jwt-exp.json",
            ]),
            code,
        )
    };
    let expired = |out: &str| out.contains("\"auth.jwt.expired\"");
    assert!(!expired(&at("2024-12-31T23:59:59Z", 0)));
    assert!(!expired(&at("1735689599", 0)));
    assert!(expired(&at("2025-01-01T07:00:01+07:00", 0)));
    assert!(expired(&at("1767225600", 0)));
    let dir = scratch(&[]);
    insta::assert_snapshot!(
        "now_invalid",
        transcript_in(
            dir.path(),
            pushspec().args(["validate", "--now", "tomorrow", "x.json"])
        )
    );
}

#[test]
fn the_json_summary_counts_skipped_inputs() {
    // `tree/` holds one ignored non-input (`notes.txt`); the HAR capture one entry that is
    // no vendor request; `missing.json` cannot be read.
    let out = stdout_of(
        pushspec().args([
            "validate",
            "--format",
            "json",
            "tree",
            "capture.har",
            "missing.json",
        ]),
        2,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["skipped"], 3, "{}", doc["summary"]);
    assert_eq!(doc["summary"]["files"], 3, "{}", doc["summary"]);
}
