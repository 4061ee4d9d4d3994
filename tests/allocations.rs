//! Validating a payload that has nothing to report allocates nothing on the heap, beyond the
//! report's list of secret spans (issue 6: "no per-payload allocation that the work does not
//! need"). The tree, the URL's pieces and every scratch vector live in the thread's reused
//! arena; messages, pointers and positions are made only for findings.

use pushspec_tests::Fixture;

/// Every single-request fixture (bodies and envelopes; `.http` files are batches with their
/// own bookkeeping), with its allocations measured after a few runs have built the shared
/// patterns and grown this thread's arena to fit (a reset arena keeps its largest chunk, so
/// a large payload settles after a run or two).
fn measured() -> Vec<(Fixture, pushspec::Report, u64)> {
    pushspec_tests::all()
        .into_iter()
        .filter(|f| !f.http)
        .map(|f| {
            let report = f.validate();
            for _ in 0..3 {
                f.validate();
            }
            let mut again = None;
            let info = allocation_counter::measure(|| again = Some(f.validate()));
            assert_eq!(again.as_ref(), Some(&report), "{}", f.id());
            (f, report, info.count_total)
        })
        .collect()
}

#[test]
fn a_payload_without_findings_allocates_only_its_list_of_secrets() {
    let measured = measured();
    let clean: Vec<_> = measured
        .iter()
        .filter(|(_, report, _)| report.diagnostics.is_empty())
        .collect();
    // Enough clean fixtures, of bodies and of envelopes, for the claim to mean something.
    assert!(clean.len() >= 20, "only {} clean fixtures", clean.len());
    assert!(clean.iter().any(|(f, _, _)| f.envelope));
    assert!(clean.iter().any(|(f, _, _)| !f.envelope));
    let over: Vec<String> = clean
        .iter()
        .filter(|(_, report, allocations)| *allocations > u64::from(!report.secrets.is_empty()))
        .map(|(f, _, allocations)| format!("{}: {allocations}", f.id()))
        .collect();
    assert!(over.is_empty(), "allocations with no findings: {over:#?}");
}
