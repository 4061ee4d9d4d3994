//! Golden tests of the `pushspec` binary: help texts, both report formats, exit codes,
//! standard input, a closed stdout pipe, request envelopes under `--endpoint auto`, the
//! catalogue listings, `explain`, and the redaction of secrets in every output format.
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
    // (`oca.template-code.shape` and `common.value.placeholder`, warnings in both profiles)
    // and nothing else wrong.
    let args = ["validate", "--endpoint", "oca.template", "--format", "json"];
    let out = stdout_of(pushspec().args(args).arg("warning-only.json"), 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["errors"], 0);
    assert!(doc["summary"]["warnings"].as_u64().unwrap() >= 1);
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

#[test]
fn every_subcommand_documents_its_exit_codes() {
    for command in ["validate", "rules", "endpoints", "explain"] {
        let out = stdout_of(pushspec().args([command, "--help"]), 0);
        assert!(out.contains("Exit codes:\n  0  "), "{command}:\n{out}");
        assert!(out.contains("\n  2  "), "{command}:\n{out}");
    }
}

#[test]
fn explain_help() {
    insta::assert_snapshot!(transcript(pushspec().args(["explain", "--help"])));
}

#[test]
fn rules() {
    insta::assert_snapshot!(transcript(pushspec().arg("rules")));
}

#[test]
fn rules_json_lists_the_whole_catalogue() {
    let out = stdout_of(pushspec().args(["rules", "--format", "json"]), 0);
    let rules: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rules.len(), pushspec::catalog::ALL.len());
    let codes: Vec<&str> = rules.iter().map(|r| r["code"].as_str().unwrap()).collect();
    let catalogue: Vec<&str> = pushspec::catalog::ALL.iter().map(|r| r.code).collect();
    assert_eq!(codes, catalogue);
    let promoted = rules
        .iter()
        .find(|r| r["code"] == "smax.customer.multiple-identifiers")
        .unwrap();
    assert_eq!(
        promoted,
        &serde_json::json!({
            "code": "smax.customer.multiple-identifiers",
            "severity": "warning",
            "strict": "error",
            "retired": false,
            "in_schema": false,
            "summary": "V2 request with more than one customer identifier",
            "source": "[SMAX]",
        })
    );
    let retired: Vec<&str> = rules
        .iter()
        .filter(|r| r["retired"] == true)
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(retired, ["smax.tag.v2-undocumented"]);
}

#[test]
fn endpoints() {
    insta::assert_snapshot!(transcript(pushspec().arg("endpoints")));
}

#[test]
fn endpoints_json() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "endpoints",
        "--format",
        "json"
    ])));
}

#[test]
fn explain_a_code() {
    insta::assert_snapshot!(transcript(
        pushspec().args(["explain", "oca.button.index-range"])
    ));
}

#[test]
fn explain_a_strict_promoted_code() {
    insta::assert_snapshot!(transcript(
        pushspec().args(["explain", "smax.customer.multiple-identifiers"])
    ));
}

#[test]
fn explain_every_code() {
    for rule in pushspec::catalog::ALL {
        let out = stdout_of(pushspec().args(["explain", rule.code]), 0);
        assert!(
            out.starts_with(&format!("{}\nseverity: ", rule.code)),
            "{out}"
        );
        assert!(out.contains("\nSource"), "{out}");
    }
}

#[test]
fn explain_an_unknown_code_suggests_the_closest() {
    insta::assert_snapshot!(transcript(
        pushspec().args(["explain", "oca.button.index-rang"])
    ));
}

#[test]
fn explain_an_unknown_code_without_neighbours() {
    insta::assert_snapshot!(transcript(pushspec().args(["explain", "E0308"])));
}

#[test]
fn auto_finds_each_envelopes_endpoint() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "envelope-oca.json",
        "envelope-one-line.json",
        "envelope-unknown-url.json",
    ])));
}

#[test]
fn auto_finds_each_envelopes_endpoint_json() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "auto",
        "--format",
        "json",
        "envelope-oca.json",
        "envelope-unknown-url.json",
    ])));
}

#[test]
fn auto_refuses_a_bare_body_and_validates_the_rest() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "valid.json",
        "envelope-oca.json",
    ])));
}

#[test]
fn auto_reports_the_syntax_error_of_a_non_json_input() {
    let out = stdout_of(
        pushspec().args(["validate", "--format", "json", "syntax-error.json"]),
        1,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let input = &doc["inputs"][0];
    assert_eq!(input["endpoint"], serde_json::Value::Null);
    assert_eq!(input["diagnostics"][0]["code"], "request.body.invalid-json");
}

#[test]
fn a_forced_endpoint_checks_an_envelopes_url() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--endpoint",
        "mantago.broadcast",
        "--format",
        "json",
        "envelope-oca.json",
    ])));
}

#[test]
fn a_forced_endpoint_validates_envelopes_and_bodies_alike() {
    // The envelope's body and the bare body are the same mistake: both are reported at
    // `/body/phone_number`.
    let out = stdout_of(
        pushspec().args([
            "validate",
            "--endpoint",
            "oca.template",
            "--format",
            "json",
            "envelope-oca.json",
            "invalid.json",
        ]),
        1,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    for input in doc["inputs"].as_array().unwrap() {
        assert_eq!(input["endpoint"], "oca.template");
        let pointers: Vec<&str> = input["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["pointer"].as_str().unwrap())
            .collect();
        assert!(pointers.contains(&"/body/phone_number"), "{pointers:?}");
    }
}

/// Envelopes for every endpoint, each holding distinctive secrets (every one contains
/// `SECRET`, which appears nowhere else) and mistakes next to them, so that diagnostics echo
/// the lines that hold them, with the endpoint they are for. Each is one line; the test also
/// runs a pretty-printed copy.
const SECRET_ENVELOPES: &[(&str, &str)] = &[
    // OCA: a Bearer JWT, and mistakes on the same line.
    (
        "oca.template",
        r#"{"method":"POST","url":" https://wa01.ocatelkom.co.id/api/v2/push/message","headers":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVRKV1RWQUxVRSJ9.SECRETJWTVALUEOCA","Content-Type":"text/plain"},"body":{"phone_number":"081298765432","message":{"type":"template","template":{"template_code_id":"marketing:promo","payload":[]}}}}"#,
    ),
    // OCA: a raw credential that is not a JWT, so a diagnostic points at the secret itself.
    (
        "oca.template",
        r#"{"method":"GET","url":"https://wa01.ocatelkom.co.id/api/v2/push/message","headers":{"authorization":"SECRETRAWOCATOKEN","content-type":"application/json"},"body":{"phone_number":"6281298765432"}}"#,
    ),
    // MantaGO: a Bearer JWT and the body `secret`.
    (
        "mantago.broadcast",
        r#"{"method":"POST","url":" https://mantago.cc/api/openapi/broadcast?botId=Qa7Lm2Xz9","headers":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.SECRETJWTVALUEMANTAGO","Content-Type":"application/json"},"body":{"secret":"SECRETMANTAGOBODYSECRET","platform":"facebook","intentId":"Rk4Tq8Wp2","message":"x","botId":"Zx81Kp3Qa"}}"#,
    ),
    (
        "mantago.token",
        r#"{"method":"POST","url":"https://mantago.cc/api/openapi/token?botId=bad","headers":{"Authorization":"SECRETMANTAGONOBEARER"},"body":{"secret":"SECRETMANTAGOTOKENSECRET","extra":1}}"#,
    ),
    // AhaChat: the query token, once with the URL written with escapes (so its pieces have
    // no exact spans) and once percent-encoded.
    (
        "ahachat.send-by-phone",
        r#"{"method":"POST","url":" https://ahachat.com/api/bots/20481234/phones/send?ahachat_token=SECRETAHACHATTOKEN&phone=0162%202345678&ahachat_message_tag=SHIPPING_UPDATE","headers":{}}"#,
    ),
    (
        "ahachat.send-by-user",
        r#"{"method":"POST","url":"https:\/\/ahachat.com\/api\/bots\/20481234\/users\/abc\/send?ahachat_token=SECRETESCAPEDURLTOKEN","headers":{}}"#,
    ),
    (
        "ahachat.send-by-user",
        r#"{"method":"POST","url":"https://ahachat.com/api/bots/20481234/users/abc/send?ahachat_token=SECRET%41PERCENTTOKEN","headers":{},"body":{"ahachat_token":"SECRETAHACHATBODYTOKEN"}}"#,
    ),
    // Smax V1 and V2.
    (
        "smax.v1.send",
        r#"{"method":"POST","url":"https://api.smax.bot/bots/64a1f0c2e3b4d5a6f7081920/users/6029384756102938/send?bot_token=SECRETSMAXV1TOKEN&block_name=x&block_id=y&messaging_tag=%22ACCOUNT_UPDATE%22","headers":{"Content-Type":"application/json"},"body":{"bot_token":"SECRETSMAXV1BODYTOKEN","chatfuel_x":"1"}}"#,
    ),
    (
        "smax.v2.send",
        r#"{"method":"POST","url":"https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send","headers":{"Authorization":"SECRETSMAXV2NOBEARER","Content-Type":"application/json"},"body":{"customer_email":"x","one_time_notif_token":"SECRETOTNTOKEN","notification_messages_token":"SECRETNTNTOKEN","messaging_tag":"HUMAN_AGENT","messages":["x"]}}"#,
    ),
    (
        "smax.v2.send",
        r#"{"method":"POST","url":"https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send","headers":{"Authorization":"Bearer SECRETSMAXV2BEARER","Content-Type":"application/json"},"body":{"one_time_notif_token":"SECRETOTNAGAIN","block_id":"z"}}"#,
    ),
    // Chatfuel: the token in the query and in the body.
    (
        "chatfuel.send",
        r#"{"method":"POST","url":"https://api.chatfuel.com/bots/5f0e1d2c3b4a596877665544/users/4837261509182736/send?chatfuel_token=SECRETCHATFUELQUERY&chatfuel_block_id=nothex&chatfuel_flow_name=a","headers":{},"body":{"chatfuel_token":"SECRETCHATFUELBODY","CHATFUEL_MESSAGE_TAG":"UPDATE"}}"#,
    ),
    // FIRST LINE: a header with a scheme, and a query token.
    (
        "firstline.push",
        r#"{"method":"POST","url":"https://example-tenant.firstline.cc/api/v1/message/push?api_token=SECRETFIRSTLINEQUERY","headers":{"Authorization":"Bearer SECRETFIRSTLINEHEADER","Content-Type":"application/json"},"body":{"contactable_type":"App\\\\LineContact","contactable_id":"U1","type":"text","message":{}}}"#,
    ),
    (
        "firstline.push-line-user",
        r#"{"method":"POST","url":"https://example-tenant.firstline.cc/api/social-media-contact/adapter/push-message/line-account/abc","headers":{"Authorization":"SECRETFLLUIDHEADER"},"body":{"user_id":"Uxyz","type":"text","message":"hi","is_force":"yes"}}"#,
    ),
];

#[test]
fn secrets_never_reach_any_output() {
    for &(own, envelope) in SECRET_ENVELOPES {
        // Diagnostics echo the line holding the secrets, so each envelope must show some
        // redaction, or it tests nothing.
        let mut redacted = 0;
        let value: serde_json::Value = serde_json::from_str(envelope).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for input in [envelope.to_string(), pretty] {
            for endpoint in ["auto", own, "oca.template"] {
                for format in ["human", "json"] {
                    for strict in [false, true] {
                        let mut cmd = pushspec();
                        cmd.args(["validate", "--endpoint", endpoint, "--format", format]);
                        if strict {
                            cmd.arg("--strict");
                        }
                        let output = cmd.arg("-").write_stdin(input.clone()).output().unwrap();
                        let stdout = String::from_utf8_lossy(&output.stdout);
                        let stderr = String::from_utf8_lossy(&output.stderr);
                        for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
                            assert!(
                                !text.contains("SECRET"),
                                "a secret reached {name} ({endpoint}, {format}):\n{text}\n\
                                 input: {input}"
                            );
                        }
                        redacted += stdout.matches("<redacted>").count();
                    }
                }
            }
        }
        assert!(redacted > 0, "nothing was redacted for {envelope}");
    }
}
