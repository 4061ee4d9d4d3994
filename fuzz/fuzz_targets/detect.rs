//! Endpoint detection: an envelope whose URL picks the endpoint, and the URL matcher on its
//! own (the input as a URL).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::request::{matching, url};
use pushspec::{Options, validate_envelope};
use pushspec_tests::invariants::check_report;

fuzz_target!(|data: &[u8]| {
    let report = validate_envelope(data, None, &Options::default());
    check_report(&report, data);
    if let Some(id) = report.endpoint {
        assert!(
            pushspec::endpoint::find(id).is_some(),
            "unknown endpoint {id}"
        );
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Some(split) = url::split(text)
        && let Some(found) = matching::find(&split)
    {
        // The endpoint found is one whose template captures the URL.
        assert!(matching::capture(found, &split).is_some());
    }
});
