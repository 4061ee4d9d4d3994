//! Golden tests of the `pushspec` binary: help texts, every report format, exit codes,
//! standard input, a closed stdout pipe, request envelopes under `--endpoint auto`, every
//! input kind (NDJSON, `.http`, HAR, folders, globs), the policy flags, the catalogue
//! listings, `explain`, and the redaction of secrets in every output format.
//!
//! Each test runs the real binary from `tests/inputs/` (so reports show short relative
//! paths) with colours off, and snapshots a transcript of exit code, stdout and stderr under
//! `tests/snapshots/`. Refresh with `INSTA_UPDATE=always cargo test -p pushspec-cli`, then
//! read every changed `.snap` file before committing it.

mod common;

use std::io::{Read, Write};
use std::process::{Command as StdCommand, Stdio};

use common::{inputs, pushspec, stdout_of, transcript};
use std::path::PathBuf;

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
    assert_eq!(doc["version"], 2);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "inputs": 1, "skipped": 0, "valid": 0, "errors": 1, "warnings": 0})
    );
    let input = &doc["inputs"][0];
    let keys: Vec<_> = input.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        ["path", "endpoint", "detection", "valid", "diagnostics"]
    );
    assert_eq!(input["path"], "syntax-error.json");
    assert_eq!(input["endpoint"], "oca.template");
    assert_eq!(input["detection"], serde_json::Value::Null);
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

/// A pretty-printed envelope saved as NDJSON: each line is a broken document. The first
/// syntax error says why and what to do instead, its pointer (the whole line) is spelled
/// out, and the token on line 4 is still hidden.
#[test]
fn a_pretty_printed_document_read_as_ndjson_says_why() {
    insta::assert_snapshot!(transcript(
        pushspec().args(["validate", "pretty-envelope.ndjson"])
    ));
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
            color: false,
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
            color: false,
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
                for format in FORMATS {
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

/// Every `--format`.
const FORMATS: [&str; 5] = ["human", "json", "sarif", "github", "junit"];

/// The envelopes as NDJSON: whole, pretty-printed (so every line is a broken fragment that
/// the parser cannot tell secrets in) and cut short at every tenth byte.
#[test]
fn secrets_never_reach_any_output_from_ndjson() {
    let whole: Vec<&str> = SECRET_ENVELOPES.iter().map(|&(_, e)| e).collect();
    let pretty: Vec<String> = whole
        .iter()
        .map(|e| {
            let value: serde_json::Value = serde_json::from_str(e).unwrap();
            serde_json::to_string_pretty(&value).unwrap()
        })
        .collect();
    let cut: Vec<&str> = whole
        .iter()
        .flat_map(|e| (1..e.len()).step_by(10).filter_map(|n| e.get(..n)))
        .collect();
    for input in [whole.join("\n"), pretty.join("\n"), cut.join("\n")] {
        for format in FORMATS {
            let output = pushspec()
                .args(["validate", "--input", "ndjson", "--format", format, "-"])
                .write_stdin(input.clone())
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{format}: {stderr}");
            if let Some(at) = stdout.find("SECRET").or_else(|| stderr.find("SECRET")) {
                let text = if stdout.contains("SECRET") {
                    &stdout
                } else {
                    &stderr
                };
                let around = text.get(at.saturating_sub(300)..(at + 100).min(text.len()));
                panic!(
                    "{format}: a secret reached the output:\n{}",
                    around.unwrap_or(text)
                );
            }
        }
    }
}

/// Runs `validate --format json` with `args` and returns the document.
fn json_of(args: &[&str], code: i32) -> serde_json::Value {
    let out = stdout_of(
        pushspec().args(["validate", "--format", "json"]).args(args),
        code,
    );
    serde_json::from_str(&out).unwrap()
}

/// The `path` of every input of a JSON document.
fn paths(doc: &serde_json::Value) -> Vec<String> {
    doc["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn ndjson_human() {
    // Line 1 and 6 are valid envelopes (a warning each), 2 and 5 are blank, 3 is truncated
    // and 4 has a national phone number.
    insta::assert_snapshot!(transcript(pushspec().args(["validate", "lines.ndjson"])));
}

#[test]
fn ndjson_lines_are_the_files_lines() {
    let doc = json_of(&["lines.ndjson"], 1);
    assert_eq!(
        paths(&doc),
        [
            "lines.ndjson:1",
            "lines.ndjson:3",
            "lines.ndjson:4",
            "lines.ndjson:6"
        ]
    );
    for input in doc["inputs"].as_array().unwrap() {
        let line: u64 = input["path"].as_str().unwrap()[13..].parse().unwrap();
        for d in input["diagnostics"].as_array().unwrap() {
            assert_eq!(d["line"], line, "{input}");
        }
    }
    assert_eq!(
        doc["inputs"][1]["diagnostics"][0]["code"],
        "request.body.invalid-json"
    );
    assert_eq!(doc["inputs"][3]["valid"], true);
}

#[test]
fn ndjson_from_stdin_with_a_forced_kind() {
    let bytes = std::fs::read(inputs().join("lines.ndjson")).unwrap();
    let out = stdout_of(
        pushspec()
            .args(["validate", "--format", "json", "--input", "ndjson", "-"])
            .write_stdin(bytes),
        1,
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(paths(&doc), ["-:1", "-:3", "-:4", "-:6"]);
}

#[test]
fn ndjson_bare_bodies_need_an_endpoint() {
    let body = std::fs::read_to_string(inputs().join("valid.json")).unwrap();
    let input = format!("{}\n{}\n", body.trim(), body.trim());
    insta::assert_snapshot!(transcript(
        pushspec()
            .args(["validate", "--input", "ndjson", "-"])
            .write_stdin(input.clone())
    ));
    let out = stdout_of(
        pushspec()
            .args([
                "validate",
                "--input",
                "ndjson",
                "--endpoint",
                "oca.template",
                "-",
            ])
            .write_stdin(input),
        0,
    );
    assert!(out.ends_with("1 file, 2 requests, 0 errors, 0 warnings, 0 skipped, 2 valid\n"));
}

#[test]
fn http_file_human() {
    // Two requests with the same one-time token: the batch catches the second.
    insta::assert_snapshot!(transcript(pushspec().args(["validate", "requests.http"])));
}

#[test]
fn http_requests_are_named_by_their_first_line() {
    let doc = json_of(&["requests.http"], 1);
    assert_eq!(paths(&doc), ["requests.http:1", "requests.http:10"]);
}

#[test]
fn har_human() {
    insta::assert_snapshot!(transcript(pushspec().args(["validate", "capture.har"])));
}

#[test]
fn har_is_found_by_content_and_skipped_entries_are_counted() {
    let doc = json_of(&["capture-by-content.json"], 1);
    assert_eq!(
        paths(&doc),
        ["capture-by-content.json#1", "capture-by-content.json#2"]
    );
    let out = stdout_of(pushspec().args(["validate", "capture-by-content.json"]), 1);
    assert!(
        out.ends_with("1 file, 2 requests, 1 error, 2 warnings, 1 skipped, 1 valid\n"),
        "{out}"
    );
}

#[test]
fn folders_are_walked_honouring_gitignore() {
    // `tree/ignored.json` is in `tree/.gitignore`, and `tree/notes.txt` is not an input.
    let doc = json_of(&["tree"], 1);
    assert_eq!(paths(&doc), ["tree/a.json", "tree/sub/b.jsonl:1"]);
}

#[test]
fn globs_are_expanded() {
    let doc = json_of(&["tree/a*.json", "*.har"], 1);
    assert_eq!(
        paths(&doc),
        ["tree/a.json", "capture.har#1", "capture.har#2"]
    );
}

#[test]
fn a_glob_that_matches_nothing_exits_2() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "nothing*.json",
        "valid.json",
        "--endpoint",
        "oca.template"
    ])));
}

#[test]
fn thread_count_does_not_change_the_output() {
    let args = [
        "validate",
        "--format",
        "json",
        "tree",
        "lines.ndjson",
        "capture.har",
        "requests.http",
        "envelope-oca.json",
    ];
    let one = stdout_of(pushspec().args(args).args(["-j", "1"]), 1);
    for threads in ["2", "8", "0"] {
        assert_eq!(
            stdout_of(pushspec().args(args).args(["-j", threads]), 1),
            one
        );
    }
}

#[test]
fn deny_warnings_fails_on_warnings_without_strict_rules() {
    let args = ["--endpoint", "oca.template", "warning-only.json"];
    let doc = json_of(&args, 0);
    assert_eq!(doc["inputs"][0]["valid"], true);
    let doc = json_of(&[&args[..], &["--deny-warnings"]].concat(), 1);
    assert_eq!(doc["inputs"][0]["valid"], false);
    assert_eq!(doc["inputs"][0]["diagnostics"][0]["severity"], "warning");
}

#[test]
fn allow_drops_and_deny_promotes_a_rule() {
    let doc = json_of(&["--allow", "auth.jwt.malformed", "tree/a.json"], 1);
    let codes: Vec<_> = doc["inputs"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["phone.country-code-missing"]);
    let doc = json_of(&["--deny", "auth.jwt.malformed", "tree/sub/b.jsonl"], 1);
    assert_eq!(doc["inputs"][0]["diagnostics"][0]["severity"], "error");
    assert_eq!(doc["summary"]["errors"], 1);
}

#[test]
fn an_unknown_rule_code_exits_2_with_suggestions() {
    insta::assert_snapshot!(transcript(pushspec().args([
        "validate",
        "--allow",
        "auth.jwt.malformd",
        "tree/a.json"
    ])));
}

/// The inputs every format test runs on: one of each kind.
const EVERY_KIND: [&str; 5] = [
    "envelope-oca.json",
    "lines.ndjson",
    "requests.http",
    "capture.har",
    "warning-only.json",
];

#[test]
fn sarif_output() {
    // The driver's `rules` are the whole catalogue (checked below against the schema and
    // the catalogue); the snapshot pins everything else.
    let out = stdout_of(
        pushspec()
            .args(["validate", "--format", "sarif"])
            .args(&EVERY_KIND[..4]),
        1,
    );
    let mut log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"].take();
    assert_eq!(rules[0]["id"], pushspec::catalog::ALL[0].code);
    insta::assert_json_snapshot!(log);
}

#[test]
fn sarif_output_matches_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let out = stdout_of(
        pushspec()
            .args(["validate", "--format", "sarif"])
            .args(&EVERY_KIND[..4]),
        1,
    );
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        pushspec::catalog::ALL.len()
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
        assert!(r["partialFingerprints"]["pushspec/v1"].is_string());
    }
    // A clean run is still a valid log, with no results.
    let out = stdout_of(
        pushspec().args([
            "validate",
            "--format",
            "sarif",
            "--endpoint",
            "oca.template",
            "valid.json",
        ]),
        0,
    );
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(validator.is_valid(&log));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn github_output() {
    insta::assert_snapshot!(transcript(
        pushspec()
            .args(["validate", "--format", "github"])
            .args(&EVERY_KIND[..4])
    ));
}

#[test]
fn github_output_puts_errors_first() {
    let out = stdout_of(
        pushspec()
            .args(["validate", "--format", "github"])
            .args(&EVERY_KIND[..4]),
        1,
    );
    let kinds: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("::"))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let first_warning = kinds.iter().position(|&k| k == "warning").unwrap();
    assert!(kinds[..first_warning].iter().all(|&k| k == "error"));
    assert!(kinds[first_warning..].iter().all(|&k| k == "warning"));
    assert!(out.lines().last().unwrap().starts_with("pushspec: "));
}

#[test]
fn junit_output() {
    insta::assert_snapshot!(transcript(
        pushspec()
            .args(["validate", "--format", "junit"])
            .args(&EVERY_KIND[..4])
    ));
}

#[test]
fn junit_output_is_well_formed_with_one_case_per_request() {
    let out = stdout_of(
        pushspec()
            .args(["validate", "--format", "junit"])
            .args(&EVERY_KIND[..4]),
        1,
    );
    let xml = roxmltree::Document::parse(&out).unwrap();
    let suite = xml
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    // 1 envelope, 4 NDJSON lines, 2 `.http` requests, 3 HAR entries (1 skipped).
    assert_eq!(cases.len(), 10);
    assert_eq!(suite.attribute("tests"), Some("10"));
    assert_eq!(suite.attribute("skipped"), Some("1"));
    let failed = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .count();
    assert_eq!(
        suite.attribute("failures"),
        Some(failed.to_string().as_str())
    );
    let names: Vec<_> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(names[1], "lines.ndjson:1");
    assert_eq!(names[9], "capture.har#2");
}

/// Styles reach stdout only when it takes colours; otherwise the text is plain, with no
/// escape codes for a stream to strip.
#[test]
fn human_output_is_styled_only_for_a_terminal() {
    let human = |color: bool| {
        let mut stdin: &[u8] = br#"{"phone_number": 1}"#;
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let args = ["pushspec", "validate", "--endpoint", "oca.template", "-"];
        pushspec_cli::run_with(
            args.map(Into::into),
            pushspec_cli::Streams {
                stdin: &mut stdin,
                stdout: &mut stdout,
                color,
                stderr: &mut stderr,
            },
        );
        String::from_utf8(stdout).unwrap()
    };
    let (styled, plain) = (human(true), human(false));
    assert!(styled.contains("\u{1b}["), "{styled}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert!(plain.contains("error["), "{plain}");
}
