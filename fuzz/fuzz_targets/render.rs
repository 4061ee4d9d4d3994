//! Every report format on every input kind, through the command line: the first byte picks
//! the format, the second the input kind, the third the endpoint. Machine formats must stay
//! well-formed, and no secret the library marks may reach any output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::request::{HarEntry, validate_har, validate_http_file};
use pushspec::{Options, Report, validate_body, validate_envelope};
use pushspec_fuzz::{cli, endpoint};
use pushspec_tests::invariants::{assert_no_secret, distinctive_secrets};

const FORMATS: [&str; 5] = ["human", "json", "sarif", "github", "junit"];
const KINDS: [&str; 5] = ["envelope", "body", "http", "har", "ndjson"];

fuzz_target!(|data: &[u8]| {
    let [format, kind, pick, input @ ..] = data else {
        return;
    };
    let format = FORMATS[usize::from(*format) % FORMATS.len()];
    let kind = KINDS[usize::from(*kind) % KINDS.len()];
    let forced = endpoint(*pick);
    let id = forced.map_or("auto", |e| e.id);
    let args = [
        "validate",
        "--format",
        format,
        "--input",
        kind,
        "--endpoint",
        id,
        "-j",
        "1",
    ];
    let (_, out, err) = cli(&args, input);
    match format {
        "json" | "sarif" => {
            serde_json::from_str::<serde_json::Value>(&out).expect("the report is JSON");
        }
        "junit" => {
            roxmltree::Document::parse(&out).expect("the report is XML");
        }
        _ => {}
    }
    // The secrets the library marks when it reads the input as the command line does, with
    // spans in the whole input (an NDJSON line's are shifted by the line's offset).
    let options = Options::default();
    let reports: Vec<Report> = match kind {
        "envelope" => vec![validate_envelope(input, forced, &options)],
        "body" => forced
            .map(|e| validate_body(e, input, &options))
            .into_iter()
            .collect(),
        "http" => validate_http_file(input, forced, &options)
            .into_iter()
            .map(|(_, r)| r)
            .collect(),
        "har" => match validate_har(input, forced, &options) {
            Ok(entries) => entries
                .into_iter()
                .filter_map(|e| match e {
                    HarEntry::Validated { report, .. } => Some(report),
                    HarEntry::Skipped { .. } => None,
                })
                .collect(),
            Err(report) => vec![report],
        },
        _ => {
            let mut at = 0;
            let mut reports = Vec::new();
            for line in input.split(|&b| b == b'\n') {
                let shift = |mut r: Report| {
                    for s in &mut r.secrets {
                        (s.start, s.end) = (s.start + at, s.end + at);
                    }
                    r
                };
                reports.push(shift(validate_envelope(line, forced, &options)));
                reports.extend(forced.map(|e| shift(validate_body(e, line, &options))));
                at += line.len() as u32 + 1;
            }
            reports
        }
    };
    let secrets = distinctive_secrets(&reports.iter().collect::<Vec<_>>(), input);
    assert_no_secret(&out, &secrets);
    assert_no_secret(&err, &secrets);
});
