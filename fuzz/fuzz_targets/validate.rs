//! Arbitrary bytes validated as a bare body of every endpoint: the first byte picks the
//! endpoint, the second the options, the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::{endpoint, validate_body};
use pushspec_fuzz::options;
use pushspec_tests::invariants::check_report;

fuzz_target!(|data: &[u8]| {
    let [pick, flags, body @ ..] = data else {
        return;
    };
    let endpoint = endpoint::ALL[usize::from(*pick) % endpoint::ALL.len()];
    // The batch remembers single-use tokens, so a second run needs a fresh one.
    let report = validate_body(endpoint, body, &options(*flags));
    check_report(&report, body);
    let again = validate_body(endpoint, body, &options(*flags));
    assert_eq!(report, again, "validation is not deterministic");
});
