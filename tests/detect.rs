//! Shape detection (`pushspec::detect`) over the fixtures: every valid body is detected as
//! its own endpoint.

use pushspec::Endpoint;
use pushspec::detect::{Verdict, detect};
use pushspec::json::{Limits, Node, parse};
use pushspec_tests::all;

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
        let Ok(root) = parse(&f.body, &Limits::default()) else {
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
