//! Validates one endpoint's benchmark corpus over and over, for instruction counts under
//! `valgrind --tool=callgrind`, which do not depend on machine load the way wall time does.
//!
//! ```sh
//! cargo xtask corpus
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release -p pushspec --example profile
//! valgrind --tool=callgrind target/release/examples/profile chatfuel.send 10
//! ```
//!
//! Arguments: the endpoint id and how many passes over its corpus (bodies and request
//! envelopes, as the benchmark validates them). The difference between two pass counts,
//! divided by the extra passes and payloads, is the cost of one payload without the loading.
//! It prints the number of payloads and a digest of every report (their
//! `Debug` text, hashed), so that a change meant to be faster can be shown to change nothing.

use std::hash::{DefaultHasher, Hash, Hasher};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [id, passes] = &args[..] else {
        return Err("usage: profile <endpoint> <passes>".into());
    };
    let endpoint = pushspec::endpoint::find(id).ok_or("unknown endpoint")?;
    let passes: usize = passes.parse()?;
    let mut texts = Vec::new();
    for (envelope, kind) in [(false, "bodies"), (true, "requests")] {
        let file = pushspec_tests::corpus::dir().join(format!("{id}.{kind}.ndjson"));
        texts.push((envelope, std::fs::read(&file)?));
    }
    let lines: Vec<(bool, &[u8])> = texts
        .iter()
        .flat_map(|(envelope, text)| {
            text.split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(|l| (*envelope, l))
        })
        .collect();
    let options = pushspec_tests::corpus::options(endpoint);
    // `PROFILE_BASELINE=ignored` runs `serde_json`'s syntax-only scan instead (the
    // benchmark's `IgnoredAny` baseline), and `PROFILE_BASELINE=parse` pushspec's parser
    // alone, for their instruction counts on the same bytes.
    let baseline = std::env::var("PROFILE_BASELINE").ok();
    let mut digest = DefaultHasher::new();
    let mut findings = 0;
    // `PROFILE_QUIET=1` skips the digest, so that a profile shows the validation alone.
    let quiet = std::env::var_os("PROFILE_QUIET").is_some();
    for pass in 0..passes {
        for &(envelope, line) in &lines {
            match baseline.as_deref() {
                Some("parse") => {
                    pushspec::json::Arena::with(|arena| {
                        let limits = pushspec::json::Limits::default();
                        let _ = std::hint::black_box(pushspec::json::parse(line, arena, &limits));
                    });
                    continue;
                }
                Some(_) => {
                    let _ =
                        std::hint::black_box(serde_json::from_slice::<serde::de::IgnoredAny>(line));
                    continue;
                }
                None => {}
            }
            let report = if envelope {
                pushspec::validate_envelope(line, Some(endpoint), &options)
            } else {
                pushspec::validate_body(endpoint, line, &options)
            };
            if pass == 0 && !quiet {
                findings += report.diagnostics.len();
                format!("{report:?}").hash(&mut digest);
            }
            std::hint::black_box(report);
        }
    }
    println!(
        "{} payloads, {findings} findings, digest {:016x}",
        lines.len(),
        digest.finish()
    );
    Ok(())
}
