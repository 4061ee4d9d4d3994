//! Shape detection (`pushspec::detect`) over the fixtures: every valid body is detected as
//! its own endpoint.

use pushspec::Endpoint;
use pushspec::Options;
use pushspec::detect::{Verdict, detect};
use pushspec::json::{Arena, Limits, Node, parse};
use pushspec_tests::{all, codes};

/// The body a fixture sends: the file itself, or an envelope's `body` member when it is a
/// JSON object (a form string or a body-less request has no shape to judge).
fn body<'a>(root: &'a Node<'a>, envelope: bool) -> Option<&'a Node<'a>> {
    if envelope {
        root.get("body").filter(|b| b.as_object().is_some())
    } else {
        Some(root)
    }
}

/// Whether `body` uses a key that `endpoint`'s body schema documents anywhere (its
/// definitions included).
fn documents_a_key(endpoint: &Endpoint, body: &Node<'_>) -> bool {
    let mut generator = schemars::SchemaGenerator::default();
    (endpoint.body_schema)(&mut generator);
    let text = serde_json::to_string(generator.definitions()).unwrap();
    body.as_object()
        .unwrap_or_default()
        .iter()
        .any(|m| text.contains(&format!("\"{}\":", m.key)))
}

#[test]
fn every_valid_fixture_body_is_detected_as_its_own_endpoint() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut detected = 0;
    for f in all() {
        if f.kind != "valid" || f.http {
            continue;
        }
        let arena = Arena::new();
        let Ok(root) = parse(&f.body, &arena, &Limits::default()) else {
            continue;
        };
        let Some(body) = body(&root, f.envelope) else {
            continue;
        };
        checked += 1;
        let d = detect(body);
        let ok = match d.verdict {
            Verdict::Detected(e, _) => {
                detected += 1;
                e.id == f.endpoint.id
            }
            // A body of custom attributes only (its parameters in the query) has no shape;
            // it may go undetected, but never be taken for another endpoint.
            Verdict::Unknown | Verdict::Ambiguous => !documents_a_key(f.endpoint, body),
        };
        if !ok {
            let top: Vec<String> = d
                .candidates
                .iter()
                .take(3)
                .map(|c| format!("{} {}", c.endpoint.id, c.fit))
                .collect();
            failures.push(format!("{}: {:?} {top:?}", f.id(), d.verdict));
        }
    }
    assert!(checked >= 40, "only {checked} bodies");
    // Only bodies of custom attributes alone may go undetected.
    assert!(detected + 5 >= checked, "{detected} of {checked} detected");
    assert!(
        failures.is_empty(),
        "{} of {checked} bodies misdetected:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ambiguous_and_unknown_bodies_are_reported_without_their_secrets() {
    let validate = |body: &str| pushspec::detect::validate(body.as_bytes(), &Options::default());
    let (report, detection) =
        validate(r#"{"block_id": "64a1f0c2e3b4d5a6f7081921", "messaging_tag": "ACCOUNT_UPDATE"}"#);
    assert!(matches!(detection.unwrap().verdict, Verdict::Ambiguous));
    assert_eq!(report.endpoint, None);
    assert_eq!(codes(&report), ["request.endpoint.ambiguous"]);
    assert!(report.diagnostics[0].message.contains("smax.v1.send"));
    assert!(report.diagnostics[0].message.contains("smax.v2.send"));

    let (report, detection) = validate(r#"{"api_token": "SECRET-1", "success": true}"#);
    assert!(matches!(detection.unwrap().verdict, Verdict::Unknown));
    assert_eq!(codes(&report), ["request.endpoint.unknown"]);
    assert_eq!(report.secrets.len(), 1, "the token must still be redacted");

    // A detected body is validated as its endpoint's.
    let (report, _) = validate(
        r#"{"phone_number": "081298765432", "message": {"type": "template",
        "template": {"template_code_id": "promo:1", "payload": []}}}"#,
    );
    assert_eq!(report.endpoint, Some("oca.template"));
    assert_eq!(codes(&report), ["phone.country-code-missing"]);

    let (report, detection) = validate("{");
    assert!(detection.is_none());
    assert_eq!(codes(&report), ["request.body.invalid-json"]);
}
