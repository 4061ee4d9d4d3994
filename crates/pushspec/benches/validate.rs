//! Validation speed against its peers, in one run: pushspec on every endpoint's corpus, next to
//! `serde_json`'s syntax-only scan (`IgnoredAny`) and the `jsonschema` crate on the same bytes.
//!
//! `cargo bench -p pushspec --bench validate` measures, with criterion:
//! - `latency/<endpoint>`: one valid payload, validated with every rule on;
//! - `valid-heavy/{pushspec,ignored-any,jsonschema}/<endpoint>`: the whole corpus (over 90%
//!   valid), one pass per iteration;
//! - `invalid-heavy/...`: the corpus's invalid payloads only.
//!
//! and then prints the ratios from criterion's own estimates of this run. The corpora come from
//! `target/corpus/` (`cargo xtask corpus`), generated on the spot when missing.
//!
//! The `jsonschema` side parses into a `serde_json::Value` and runs `is_valid` with a validator
//! built once per endpoint from `schemas/<endpoint>/request.schema.json`, the schema of the
//! body; for a request envelope it validates the envelope's body.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkId, Criterion, Throughput};
use pushspec_tests::corpus::{self, Corpus, Payload};
use serde::de::IgnoredAny;

/// The three contenders of a throughput group, in table order.
const CONTENDERS: [&str; 3] = ["pushspec", "ignored-any", "jsonschema"];

/// The two mixes, named as their groups are.
const MIXES: [&str; 2] = ["valid-heavy", "invalid-heavy"];

fn main() {
    let corpora = corpus::load_or_generate(&corpus::dir()).expect("the corpora load");
    let output = corpus::dir().with_file_name("criterion");
    let started = SystemTime::now();
    let mut c = Criterion::default()
        .output_directory(&output)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args();
    latency(&mut c, &corpora);
    for mix in MIXES {
        throughput(&mut c, &corpora, mix);
    }
    c.final_summary();
    summary(&output, &corpora, started);
}

/// The payloads of a mix.
fn payloads<'c>(corpus: &'c Corpus, mix: &str) -> Vec<&'c Payload> {
    corpus
        .payloads
        .iter()
        .filter(|p| mix == "valid-heavy" || !p.valid)
        .collect()
}

fn latency(c: &mut Criterion, corpora: &[Corpus]) {
    let mut group = c.benchmark_group("latency");
    for corpus in corpora {
        // A body when the endpoint has valid ones: what an embedding service validates.
        let Some(payload) = corpus
            .payloads
            .iter()
            .filter(|p| p.valid)
            .min_by_key(|p| p.envelope)
        else {
            continue;
        };
        group.bench_function(corpus.endpoint.id, |b| {
            b.iter(|| corpus.validate(black_box(payload)))
        });
    }
    group.finish();
}

fn throughput(c: &mut Criterion, corpora: &[Corpus], mix: &str) {
    let mut group = c.benchmark_group(mix);
    for corpus in corpora {
        let payloads = payloads(corpus, mix);
        if payloads.is_empty() {
            continue;
        }
        let id = corpus.endpoint.id;
        let schema = schema(corpus);
        group.throughput(Throughput::Elements(payloads.len() as u64));
        group.bench_function(BenchmarkId::new("pushspec", id), |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(corpus.validate(p));
                }
            })
        });
        group.bench_function(BenchmarkId::new("ignored-any", id), |b| {
            b.iter(|| {
                for p in &payloads {
                    let _ = black_box(serde_json::from_slice::<IgnoredAny>(&p.bytes));
                }
            })
        });
        group.bench_function(BenchmarkId::new("jsonschema", id), |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(schema_valid(&schema, p));
                }
            })
        });
    }
    group.finish();
}

/// The endpoint's generated body schema, compiled once.
fn schema(corpus: &Corpus) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas")
        .join(corpus.endpoint.id)
        .join("request.schema.json");
    let text = std::fs::read_to_string(&path).expect("the schema is readable");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// What a team would do with the schema alone: parse, then `is_valid` on the body.
fn schema_valid(validator: &jsonschema::Validator, payload: &Payload) -> bool {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&payload.bytes) else {
        return false;
    };
    let body = if payload.envelope {
        value.get("body").unwrap_or(&serde_json::Value::Null)
    } else {
        &value
    };
    validator.is_valid(body)
}

/// Prints payloads per second and the ratios, from the estimates criterion wrote in this run.
fn summary(output: &Path, corpora: &[Corpus], started: SystemTime) {
    for mix in MIXES {
        println!("\n{mix}: payloads per second (one core) and pushspec's ratio to each peer");
        println!(
            "{:<26} {:>6} {:>11} {:>11} {:>11} {:>9} {:>9}",
            "endpoint", "bytes", "pushspec", "ignored-any", "jsonschema", "/ignored", "/schema"
        );
        let mut totals = [0.0_f64; 3];
        let mut total_payloads = 0;
        let mut complete = true;
        for corpus in corpora {
            let payloads = payloads(corpus, mix);
            if payloads.is_empty() {
                continue;
            }
            let nanos: Vec<Option<f64>> = CONTENDERS
                .iter()
                .map(|who| {
                    estimate(
                        &output.join(mix).join(who).join(corpus.endpoint.id),
                        started,
                    )
                })
                .collect();
            let [Some(ours), Some(scan), Some(schema)] = nanos[..] else {
                complete = false;
                continue;
            };
            let n = payloads.len() as f64;
            let bytes = payloads.iter().map(|p| p.bytes.len()).sum::<usize>() as f64 / n;
            let rate = |ns: f64| n / (ns / 1e9);
            println!(
                "{:<26} {:>6.0} {:>11.0} {:>11.0} {:>11.0} {:>8.2}x {:>8.2}x",
                corpus.endpoint.id,
                bytes,
                rate(ours),
                rate(scan),
                rate(schema),
                scan / ours,
                schema / ours
            );
            for (total, ns) in totals.iter_mut().zip([ours, scan, schema]) {
                *total += ns;
            }
            total_payloads += payloads.len();
        }
        if total_payloads > 0 {
            let rate = |ns: f64| total_payloads as f64 / (ns / 1e9);
            let [ours, scan, schema] = totals;
            println!(
                "{:<26} {:>6} {:>11.0} {:>11.0} {:>11.0} {:>8.2}x {:>8.2}x",
                "all endpoints",
                "",
                rate(ours),
                rate(scan),
                rate(schema),
                scan / ours,
                schema / ours
            );
        }
        if !complete {
            println!("(endpoints without all three estimates from this run are left out)");
        }
    }
    println!("\ntargets (valid-heavy, every rule on): >= 0.35x ignored-any, >= 2.5x jsonschema");
}

/// The mean time per iteration, in nanoseconds, of the benchmark whose criterion folder is
/// `dir`, if it was measured in this run.
fn estimate(dir: &Path, started: SystemTime) -> Option<f64> {
    let file: PathBuf = dir.join("new").join("estimates.json");
    let fresh = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= started);
    if !fresh {
        return None;
    }
    let text = std::fs::read_to_string(&file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.pointer("/mean/point_estimate")?.as_f64()
}
