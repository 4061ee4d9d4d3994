//! Every fixture against its sidecar: the exact codes, then the whole report as a snapshot
//! (`tests/snapshots/`), so a change of message, pointer or position shows in review.

use pushspec_tests::{all, codes, render};

#[test]
fn fixtures_report_exactly_their_expected_codes() {
    let fixtures = all();
    assert!(
        fixtures.len() >= 25,
        "found only {} fixtures",
        fixtures.len()
    );
    let mut failures = Vec::new();
    for f in &fixtures {
        let report = f.validate();
        let got = codes(&report);
        if got != f.expected {
            failures.push(format!(
                "{}\n  expected: {:?}\n  got:      {:?}\n{}",
                f.id(),
                f.expected,
                got,
                render(&report)
            ));
        }
        if f.kind == "valid" && !report.diagnostics.is_empty() {
            failures.push(format!(
                "{}: a valid fixture must have no diagnostic\n{}",
                f.id(),
                render(&report)
            ));
        }
        if f.kind == "invalid" && report.diagnostics.is_empty() {
            failures.push(format!(
                "{}: an invalid fixture must have a diagnostic",
                f.id()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures disagree:\n\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_diagnostic_has_a_position_and_a_pointer_into_the_envelope() {
    for f in all() {
        for d in f.validate().diagnostics {
            assert!(
                d.line.is_some_and(|l| l >= 1) && d.column.is_some_and(|c| c >= 1),
                "{}: {d:?}",
                f.id()
            );
            let roots = ["/body", "/query/", "/path/", "/headers/", "/url", "/method"];
            let ok = if f.envelope || f.http {
                d.pointer.is_empty() || roots.iter().any(|r| d.pointer.starts_with(r))
            } else {
                d.pointer.starts_with("/body")
            };
            assert!(ok, "{}: {}", f.id(), d.pointer);
        }
    }
}

#[test]
fn reports_match_their_snapshots() {
    for f in all() {
        let report = f.validate();
        insta::with_settings!({
            description => format!("{} ({})", f.id(), f.path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&f.path).display()),
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(f.id().replace('/', "__"), render(&report));
        });
    }
}

/// Every rule in the catalogue that can apply to a request is exercised by a fixture, so a
/// rule without a fixture fails the build (retired codes excepted).
#[test]
fn every_request_rule_has_a_fixture() {
    let exercised: std::collections::BTreeSet<String> =
        all().into_iter().flat_map(|f| f.expected).collect();
    // `common.field.expected` is the generic code of the spec's `yes~` fields, and the only
    // one (AhaChat's `ahachat_block_name`) names its own code, `ahachat.block.missing`; so no
    // vendor fixture can expect it. `tests/attributes.rs` exercises it on a model of its own.
    // The `request.endpoint.*` codes are raised only for a bare body of unknown endpoint,
    // and every fixture is validated as its folder's endpoint; `tests/detect.rs` exercises
    // them.
    const NO_VENDOR_FIELD: &[&str] = &[
        "common.field.expected",
        "request.endpoint.ambiguous",
        "request.endpoint.unknown",
    ];
    let missing: Vec<&str> = pushspec::catalog::ALL
        .iter()
        .filter(|r| !pushspec::catalog::RETIRED.iter().any(|x| x.code == r.code))
        .map(|r| r.code)
        .filter(|code| !exercised.contains(*code) && !NO_VENDOR_FIELD.contains(code))
        .collect();
    assert!(
        missing.is_empty(),
        "{} rules have no fixture that expects them:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}
