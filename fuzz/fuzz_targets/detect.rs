//! Endpoint detection: a bare body scored against every endpoint's shape
//! (`detect::validate`), an envelope whose URL picks the endpoint, and the URL matcher on its
//! own (the input as a URL).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::detect::{self, Verdict};
use pushspec::request::{matching, url};
use pushspec::{Options, validate_envelope};
use pushspec_tests::invariants::check_report;

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    let (report, detection) = detect::validate(data, &options);
    check_report(&report, data);
    assert_eq!(
        report,
        detect::validate(data, &options).0,
        "detection is not deterministic"
    );
    if let Some(detection) = detection {
        let fits: Vec<u16> = detection.candidates.iter().map(|c| c.fit).collect();
        assert!(
            fits.windows(2).all(|w| w[0] >= w[1]),
            "candidates out of order: {fits:?}"
        );
        if let Verdict::Detected(endpoint, _) = detection.verdict {
            assert_eq!(
                detection.candidates.first().map(|c| c.endpoint.id),
                Some(endpoint.id)
            );
        }
    }

    let report = validate_envelope(data, None, &options);
    check_report(&report, data);
    if let Some(id) = report.endpoint {
        assert!(
            pushspec::endpoint::find(id).is_some(),
            "unknown endpoint {id}"
        );
    }
    let arena = pushspec::json::Arena::new();
    if let Ok(text) = std::str::from_utf8(data)
        && let Some(split) = url::split(text, &arena)
        && let Some(found) = matching::find(&split)
    {
        // The endpoint found is one whose template captures the URL.
        assert!(matching::capture(found, &split).is_some());
    }
});
