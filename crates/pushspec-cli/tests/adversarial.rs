//! Hostile and malformed inputs through the command line: what only the command line does
//! (streaming NDJSON, reading standard input, rendering). The library-level cases are in the
//! workspace's `tests/adversarial.rs`.

use pushspec_cli::{Status, Streams, run_with};

/// Runs `pushspec validate ARGS -` in-process on `stdin`; the status, stdout and stderr.
fn validate(args: &[&str], stdin: &[u8]) -> (Status, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["pushspec", "validate"].iter().chain(args).chain(&["-"]);
    let status = run_with(
        args.map(Into::into),
        Streams {
            stdin: &mut &*stdin,
            stdout: &mut out,
            color: false,
            stderr: &mut err,
        },
    );
    let text = |b: Vec<u8>| String::from_utf8(b).expect("the output is UTF-8");
    (status, text(out), text(err))
}

const VALID: &str = r#"{"method":"POST","url":"https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send","headers":{"Authorization":"Bearer smx-demo-bot-token-8840","Content-Type":"application/json"},"body":{"customer_fbid":"6029384756102938","block_id":"64a1f0c2e3b4d5a6f7081921"}}"#;

#[test]
fn a_broken_ndjson_line_is_reported_with_its_number_and_its_neighbours_are_validated() {
    let invalid = VALID.replace("\"POST\"", "\"GET\"");
    let broken = &VALID[..VALID.len() / 2];
    let input = [VALID, broken, "", &invalid, VALID].join("\n");
    let (status, out, err) = validate(&["--input", "ndjson", "--format", "json"], input.as_bytes());
    assert_eq!(status, Status::Problems, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let inputs = report["inputs"].as_array().unwrap();
    let paths: Vec<_> = inputs.iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["-:1", "-:2", "-:4", "-:5"],
        "the blank line 3 is no request"
    );
    let valid: Vec<_> = inputs
        .iter()
        .map(|i| i["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid, [true, false, false, true]);
    let broken = &inputs[1]["diagnostics"][0];
    assert_eq!(broken["code"], "request.body.invalid-json");
    assert_eq!(broken["line"], 2);
    assert_eq!(
        broken["column"],
        VALID.len() / 2 + 1,
        "at the end of the cut line"
    );
    assert_eq!(inputs[2]["diagnostics"][0]["code"], "request.method.post");
    assert_eq!(inputs[2]["diagnostics"][0]["line"], 4);
}

#[test]
fn crlf_ndjson_lines_keep_their_columns() {
    let invalid = VALID.replace("\"POST\"", "\"GET\"");
    let lf = [VALID, &invalid].join("\n");
    let crlf = [VALID, &invalid, ""].join("\r\n");
    let args = ["--input", "ndjson", "--format", "json"];
    let (_, a, _) = validate(&args, lf.as_bytes());
    let (_, b, _) = validate(&args, crlf.as_bytes());
    assert_eq!(a, b);
    assert!(a.contains(r#""column": 11"#), "{a}");
}

#[test]
fn deep_nesting_and_empty_input_end_in_a_diagnostic_in_every_format() {
    let deep = vec![b'['; 1_000_000];
    for format in ["human", "json", "sarif", "github", "junit"] {
        for (input, says) in [(&deep[..], "max_depth"), (b"", "empty input")] {
            let args = ["--format", format, "--endpoint", "oca.template"];
            let (status, out, err) = validate(&args, input);
            assert_eq!(status, Status::Problems, "{format}: {err}");
            assert!(out.contains(says), "{format}:\n{out}");
        }
    }
}

#[test]
fn invalid_utf8_and_nul_bytes_are_rendered_as_valid_utf8() {
    let input = b"{\"phone_number\": \"62\x00\xff\xfe81\"}\n";
    for format in ["human", "json", "sarif", "github", "junit"] {
        let args = ["--format", format, "--endpoint", "oca.template"];
        // `validate` panics if any output is not UTF-8.
        let (status, out, _) = validate(&args, input);
        assert_eq!(status, Status::Problems);
        assert!(out.contains("invalid UTF-8"), "{format}:\n{out}");
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn gzip_input_is_validated_as_its_content() {
    let invalid = VALID.replace("\"POST\"", "\"GET\"");
    let plain = [VALID, &invalid].join("\n");
    for kind in ["ndjson", "auto"] {
        let input = if kind == "auto" {
            invalid.clone()
        } else {
            plain.clone()
        };
        let args = ["--input", kind, "--format", "json"];
        let (status, out, err) = validate(&args, &gzip(input.as_bytes()));
        assert_eq!(status, Status::Problems, "{err}");
        assert_eq!(out, validate(&args, input.as_bytes()).1, "{kind}");
    }
}

#[test]
fn a_gzip_bomb_stops_at_the_input_limit() {
    // 100 MiB of one character in a string compresses to about 100 KiB.
    let mut bomb = br#"{"phone_number":""#.to_vec();
    bomb.resize(bomb.len() + (100 << 20), b'7');
    bomb.extend_from_slice(br#""}"#);
    let compressed = gzip(&bomb);
    drop(bomb);
    assert!(compressed.len() < 1 << 20);
    let args = ["--endpoint", "oca.template", "--max-input-bytes", "1000000"];
    let (status, _, err) = validate(&args, &compressed);
    assert_eq!(status, Status::Error);
    assert!(
        err.contains("over the input limit of 1000000 bytes (`max_input_bytes`)"),
        "{err}"
    );
}

/// Validates `input` as `kind` in every format, asserts that no `SECRET` reaches stdout or
/// stderr, and returns each format's status and stdout.
fn in_every_format(kind: &str, input: &str) -> Vec<(&'static str, Status, String)> {
    ["human", "json", "sarif", "github", "junit"]
        .into_iter()
        .map(|format| {
            let (status, out, err) =
                validate(&["--input", kind, "--format", format], input.as_bytes());
            assert!(
                !out.contains("SECRET") && !err.contains("SECRET"),
                "{format}:\n{out}\n{err}"
            );
            (format, status, out)
        })
        .collect()
}

/// Found by the `render` fuzz target: a `.http` request without the blank line before its
/// body reads the JSON body as header lines, named with their quotes (`"Authorization"`), so
/// the library marks none of them as secret; a repeated header then echoes the line. The
/// human format hides credential-looking text on every line it shows.
#[test]
fn a_json_body_read_as_http_headers_keeps_its_credentials_hidden() {
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0";
    let input = format!(
        "POST https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send\n{{\n  \"headers\": {{\n    \"Authorization\": \"Bearer {jwt}.SECRETSIG1\",\n    \"Authorization\": \"Bearer {jwt}.SECRETSIG2\",\n    \"X-Api-Key\": \"SECRETKEY\",\n    \"x-api-key\": \"SECRETKEY2\"\n  }}\n}}\n"
    );
    for (format, status, out) in in_every_format("http", &input) {
        assert_eq!(status, Status::Problems, "{format}:\n{out}");
        if format == "human" {
            assert!(
                out.contains("duplicate-key"),
                "the repeated header is echoed:\n{out}"
            );
            assert!(out.contains("<redacted>"), "{out}");
        }
    }
}

/// Found by the `render`, `detect` and `inputs` fuzz targets: messages and pointers quote keys,
/// and a URL pasted where a key should be brings its token along. The credential part of such
/// a key is a secret, and every message, help line and pointer has its secrets redacted.
#[test]
fn a_token_pasted_as_a_key_is_redacted_in_messages_and_pointers() {
    let input = r#"{"method":"POST","url":"https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send","headers":{"Authorization":"Bearer smx-demo-bot-token-8840"},"body":{"customer_fbid":"6029384756102938","block_id":"64a1f0c2e3b4d5a6f7081921","https://api.smax.bot/send?bot_token=SECRETPASTEDTOKEN1&x":"1"}}"#;
    for (format, _, out) in in_every_format("envelope", input) {
        if format == "json" {
            assert!(
                out.contains(
                    r#""pointer": "/body/https:~1~1api.smax.bot~1send?bot_token=<redacted>&x""#
                ),
                "the key is reported, its token redacted:\n{out}"
            );
        }
    }
}

/// Found by the `render` fuzz target: a message quotes a header value whole, and a value that
/// runs on into JSON can carry a token that no model marked. The command line hides
/// credential-looking text in every message, help line and pointer it prints.
#[test]
fn a_token_inside_a_quoted_header_value_is_hidden() {
    let input = "POST https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send\nAuthorization: Bearer smx-demo-bot-token-8840\nContent-Type: application/js\", \"one_time_notif_token\": \"otn-SECRETHEADERVALUE1\"\n\n{\"customer_fbid\": \"6029384756102938\", \"block_id\": \"64a1f0c2e3b4d5a6f7081921\"}\n";
    for (format, status, out) in in_every_format("http", input) {
        assert_eq!(status, Status::Problems, "{format}:\n{out}");
        if format == "json" {
            assert!(
                out.contains("content-type"),
                "the header is reported:\n{out}"
            );
        }
    }
}
