//! Property test: no secret reaches any output format, whatever the request around it.
//!
//! Random envelopes for every endpoint carry generated credentials (each containing
//! `SECRET`, which nothing else does) where vendors take credentials (the Authorization
//! header, token query parameters, credential-named headers and body members), next to random
//! mistakes that make diagnostics echo the lines holding them. Case counts are explicit and
//! small; the `render` fuzz target (docs/fuzzing.md) runs the same check on arbitrary bytes.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use pushspec::endpoint;
use pushspec_cli::{Streams, run_with};

/// A credential: `SECRET` and random token characters around it.
fn secret() -> impl Strategy<Value = String> {
    ("[A-Za-z0-9._-]{0,12}", "[A-Za-z0-9]{4,16}").prop_map(|(a, b)| format!("{a}SECRET{b}"))
}

/// An envelope for a random endpoint with secrets in credential places and random mistakes.
fn envelope() -> impl Strategy<Value = String> {
    (
        select(endpoint::ALL),
        secret(),
        select(vec!["Bearer ", "", "bearer ", "Bearer  "]),
        select(vec![
            "ahachat_token",
            "bot_token",
            "chatfuel_token",
            "api_token",
            "token",
        ]),
        secret(),
        select(vec!["X-Api-Key", "Cookie", "X-Auth-Token", "Token"]),
        select(vec![
            "secret",
            "token",
            "bot_token",
            "chatfuel_token",
            "ahachat_token",
            "api_key",
        ]),
        secret(),
        (
            select(vec!["POST", "GET", "post"]),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(e, auth, scheme, param, query, header, key, member, (method, pretty, extra))| {
                let url = e
                    .url
                    .replace("{API_HOST}", "tenant.firstline.cc")
                    .split('{')
                    .map(|part| {
                        part.split_once('}')
                            .map_or(part.to_owned(), |(_, rest)| format!("b0t7{rest}"))
                    })
                    .collect::<String>();
                let sep = if url.contains('?') { '&' } else { '?' };
                let body =
                    serde_json::json!({ key: member, "extra": if extra { "x" } else { "" } });
                let value = serde_json::json!({
                    "method": method,
                    "url": format!("{url}{sep}{param}={query}"),
                    "headers": { "Authorization": format!("{scheme}{auth}"), header: auth },
                    "body": body,
                });
                if pretty {
                    serde_json::to_string_pretty(&value).unwrap()
                } else {
                    value.to_string()
                }
            },
        )
}

proptest! {
    #![proptest_config(Config { cases: 48, failure_persistence: None, ..Config::default() })]

    #[test]
    fn no_secret_reaches_any_output(input in envelope(), ndjson in any::<bool>()) {
        for format in ["human", "json", "sarif", "github", "junit"] {
            // Pretty-printed envelopes read as NDJSON are lines of broken JSON, whose
            // credentials are found by their looks alone (`Report::locate`).
            let kind = if ndjson { "ndjson" } else { "envelope" };
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let args = ["pushspec", "validate", "--strict", "--input", kind, "--format", format, "-"];
            run_with(
                args.iter().map(Into::into),
                Streams { stdin: &mut input.as_bytes(), stdout: &mut out,
            color: false, stderr: &mut err },
            );
            for text in [out, err] {
                let text = String::from_utf8(text).unwrap();
                prop_assert!(!text.contains("SECRET"), "a secret reached {}:\n{}\ninput: {}", format, text, input);
            }
        }
    }
}
