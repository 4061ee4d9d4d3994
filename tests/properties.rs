//! Property tests, the stable-toolchain smoke of the fuzz targets: random and mutated inputs
//! through every entry point, with the invariants of `pushspec_tests::invariants`, plus the
//! determinism, pointer and typed round-trip properties.
//!
//! Case counts are explicit and small, so the whole file runs in a few seconds of a debug
//! build; the fuzz targets (`fuzz/`, docs/fuzzing.md) run the same checks for hours.

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use proptest::test_runner::Config;
use pushspec::json::{self, Arena, Limits, Member, Node, Value};
use pushspec::request::{HarEntry, Request, validate_har, validate_http_file};
use pushspec::{
    Batch, Options, Report, endpoint, validate_body, validate_envelope, validate_request,
};
use pushspec_tests::invariants::check_report;
use pushspec_tests::{Fixture, all};

static FIXTURES: LazyLock<Vec<Fixture>> = LazyLock::new(all);

/// Bytes that are mostly JSON punctuation and keywords, so that random inputs get past the
/// first character more often than uniform bytes would.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        any::<u8>().prop_map(|b| vec![b]),
        proptest::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\\",
            "\\u",
            "null",
            "true",
            "1e999",
            "-0",
            "\"url\":\"https://api.smax.bot/public/bots/x/send\"",
            "\"body\":",
            "\"headers\":",
            "\"Authorization\":\"Bearer ",
            "\r\n",
            "\u{feff}",
            "###\n",
            "POST https://ahachat.com/api/bots/1/phones/send?a=%zz&b=+\n",
        ])
        .prop_map(|s: &str| s.as_bytes().to_vec()),
    ];
    proptest::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

/// A fixture with a few bytes changed, inserted, removed or cut off.
fn mutated() -> impl Strategy<Value = (usize, Vec<u8>)> {
    let edit = (0..4u8, any::<prop::sample::Index>(), any::<u8>());
    (0..FIXTURES.len(), proptest::collection::vec(edit, 1..6)).prop_map(|(i, edits)| {
        let mut bytes = FIXTURES[i].body.clone();
        for (op, at, byte) in edits {
            let at = at.index(bytes.len() + 1);
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => drop(bytes.remove(at)),
                _ => bytes.truncate(at),
            }
        }
        (i, bytes)
    })
}

/// Validates `bytes` the way fixture `i` is validated (body, envelope or `.http` file),
/// checking every report's invariants, and returns the reports.
fn validate_like(i: usize, bytes: &[u8]) -> Vec<Report> {
    let fixture = &FIXTURES[i];
    let reports = if fixture.http {
        let options = Options {
            batch: Some(Arc::new(Batch::new())),
            ..fixture.options.clone()
        };
        validate_http_file(bytes, Some(fixture.endpoint), &options)
            .into_iter()
            .map(|(_, r)| r)
            .collect()
    } else if fixture.envelope {
        vec![validate_envelope(
            bytes,
            Some(fixture.endpoint),
            &fixture.options,
        )]
    } else {
        vec![validate_body(fixture.endpoint, bytes, &fixture.options)]
    };
    for report in &reports {
        check_report(report, bytes);
    }
    reports
}

/// The node `pointer` names in `root`, if it exists.
fn resolve<'n, 'a>(root: &'n Node<'a>, pointer: &str) -> Option<&'n Node<'a>> {
    let mut node = root;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        node = match &node.value {
            Value::Object(members) => &members.iter().find(|m| m.key == token)?.value,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn random_bytes_never_break_any_entry_point(bytes in jsonish()) {
        let _ = json::parse(&bytes, &Arena::new(), &Limits::default());
        everything(&bytes);
    }

    #[test]
    fn random_typed_requests_never_break_validation(
        url in "(https?://)?[a-z./{}?=&%+]{0,40}",
        headers in proptest::collection::vec(("[A-Za-z-]{0,12}", "[ -~]{0,20}"), 0..4),
        body in proptest::option::of(jsonish()),
    ) {
        let request = Request { method: "POST".into(), url, headers, body };
        let report = validate_request(&request, &Options::default());
        check_report(&report, request.to_http().as_bytes());
    }

    #[test]
    fn mutated_fixtures_are_validated_deterministically((i, bytes) in mutated()) {
        prop_assert_eq!(validate_like(i, &bytes), validate_like(i, &bytes));
    }

    #[test]
    fn body_pointers_name_nodes_of_the_input_or_their_missing_members((i, bytes) in mutated()) {
        let fixture = &FIXTURES[i];
        prop_assume!(!fixture.envelope && !fixture.http);
        let arena = Arena::new();
        let Ok(body) = json::parse(&bytes, &arena, &Limits::default()) else {
            return Ok(());
        };
        let members = [Member { key: "body", key_span: body.span, value: body }];
        let root = Node::synthetic(Value::Object(&members), body.span);
        for d in &validate_body(fixture.endpoint, &bytes, &fixture.options).diagnostics {
            let parent = d.pointer.rsplit_once('/').map_or("", |(p, _)| p);
            prop_assert!(
                resolve(&root, &d.pointer).is_some() || resolve(&root, parent).is_some(),
                "{}: `{}` at {} names nothing in the input", fixture.id(), d.rule.code, d.pointer
            );
        }
    }
}

/// Every input a fuzz target ever failed on (`fuzz/regressions/<target>/`), through every
/// library entry point.
#[test]
fn fuzz_regressions_hold_the_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut seen = 0;
    for target in std::fs::read_dir(dir).unwrap() {
        for file in std::fs::read_dir(target.unwrap().path()).unwrap() {
            let bytes = std::fs::read(file.unwrap().path()).unwrap();
            everything(&bytes);
            seen += 1;
        }
    }
    assert!(seen > 0, "no regression inputs found");
}

/// Validates `bytes` through every entry point, checking the invariants of every report.
fn everything(bytes: &[u8]) {
    let options = Options::default();
    for endpoint in endpoint::ALL {
        check_report(&validate_body(endpoint, bytes, &options), bytes);
    }
    check_report(&pushspec::detect::validate(bytes, &options).0, bytes);
    check_report(&validate_envelope(bytes, None, &options), bytes);
    for (_, report) in validate_http_file(bytes, None, &options) {
        check_report(&report, bytes);
    }
    match validate_har(bytes, None, &options) {
        Ok(entries) => {
            for entry in &entries {
                if let HarEntry::Validated { report, .. } = entry {
                    check_report(report, bytes);
                }
            }
        }
        Err(report) => check_report(&report, bytes),
    }
}

/// The same check as the property above on the unmutated fixtures, every one of them.
#[test]
fn fixtures_hold_the_invariants() {
    for i in 0..FIXTURES.len() {
        let reports = validate_like(i, &FIXTURES[i].body);
        assert_eq!(
            reports,
            validate_like(i, &FIXTURES[i].body),
            "{}",
            FIXTURES[i].id()
        );
    }
}

/// Every valid body fixture, read into its endpoint's typed model with serde, written back
/// and validated again, is still valid: the models lose nothing the validator needs.
#[test]
fn valid_fixtures_survive_a_round_trip_through_their_typed_model() {
    use pushspec::vendors::{ahachat, chatfuel, firstline, mantago, oca, smax};
    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) -> Vec<u8> {
        let model: T = serde_json::from_slice(body).expect("a valid fixture deserialises");
        serde_json::to_vec(&model).expect("a model serialises")
    }
    let mut checked = 0;
    for fixture in FIXTURES
        .iter()
        .filter(|f| f.kind == "valid" && !f.envelope && !f.http)
    {
        let back = match fixture.endpoint.id {
            "mantago.broadcast" => round_trip::<mantago::Broadcast>(&fixture.body),
            "mantago.token" => round_trip::<mantago::TokenRefresh>(&fixture.body),
            "ahachat.send-by-user" => round_trip::<ahachat::UserBody>(&fixture.body),
            "ahachat.send-by-phone" => round_trip::<ahachat::PhoneBody>(&fixture.body),
            "smax.v1.send" => round_trip::<smax::V1Body>(&fixture.body),
            "smax.v2.send" => round_trip::<smax::V2Send>(&fixture.body),
            "chatfuel.send" => round_trip::<chatfuel::Body>(&fixture.body),
            "firstline.push" => round_trip::<firstline::PushBody>(&fixture.body),
            "firstline.push-line-user" => round_trip::<firstline::LineUserBody>(&fixture.body),
            "oca.template" => round_trip::<oca::TemplatePush>(&fixture.body),
            other => panic!("no typed model for {other}"),
        };
        let report = validate_body(fixture.endpoint, &back, &fixture.options);
        assert!(
            report.is_valid(),
            "{} is no longer valid after a round trip:\n{}\n{:#?}",
            fixture.id(),
            String::from_utf8_lossy(&back),
            report.diagnostics
        );
        checked += 1;
    }
    assert!(
        checked >= endpoint::ALL.len(),
        "only {checked} fixtures round-tripped"
    );
}
