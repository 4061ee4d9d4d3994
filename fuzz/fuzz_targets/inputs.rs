//! The input readers: the first byte picks envelope, `.http` file, HAR or NDJSON (through
//! the command line, which owns NDJSON), the second the endpoint and the third the options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::request::{HarEntry, validate_har, validate_http_file};
use pushspec::validate_envelope;
use pushspec_fuzz::{cli, endpoint, options};
use pushspec_tests::invariants::check_report;

fuzz_target!(|data: &[u8]| {
    let [kind, pick, flags, input @ ..] = data else {
        return;
    };
    let (forced, options) = (endpoint(*pick), options(*flags));
    match kind % 4 {
        0 => check_report(&validate_envelope(input, forced, &options), input),
        1 => {
            let mut previous = 0;
            for (line, report) in validate_http_file(input, forced, &options) {
                assert!(line > previous, "requests out of order");
                previous = line;
                check_report(&report, input);
            }
        }
        2 => match validate_har(input, forced, &options) {
            Ok(entries) => {
                for entry in entries {
                    if let HarEntry::Validated { report, .. } = entry {
                        check_report(&report, input);
                    }
                }
            }
            Err(report) => check_report(&report, input),
        },
        _ => {
            let endpoint = forced.map_or("auto", |e| e.id);
            let (_, out, _) = cli(
                &[
                    "validate",
                    "--input",
                    "ndjson",
                    "--format",
                    "json",
                    "-j",
                    "1",
                    "--endpoint",
                    endpoint,
                ],
                input,
            );
            serde_json::from_str::<serde_json::Value>(&out).expect("the JSON report parses");
        }
    }
});
