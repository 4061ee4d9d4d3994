//! The benchmark corpora: for every endpoint, request payloads built deterministically from
//! the valid fixtures, mostly valid, with a share made invalid by seeded mutation.
//!
//! `cargo xtask corpus` writes them under `target/corpus/`; the benchmarks and
//! `cargo xtask bench-cli` read them from there, and generate them when they are missing.
//! Nothing here is committed: the fixtures and the seed are the source.
//!
//! Each endpoint has two files, one payload a line: `<endpoint>.bodies.ndjson` (bare bodies)
//! and `<endpoint>.requests.ndjson` (request envelopes), because the fixtures of the vendors
//! that carry their payload in the URL are whole requests. Every payload is checked with the
//! validator as it is made: a "valid" one has no error, an "invalid" one has at least one, so
//! the mix is exactly what the file says it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pushspec::{Endpoint, Options, Report, Severity};
use serde_json::Value;

use crate::mutate::{self, Rng};

/// Payloads per endpoint.
pub const PER_ENDPOINT: usize = 2000;

/// One payload in `INVALID_EVERY` is made invalid: 1 in 12 keeps the corpus over 90% valid.
pub const INVALID_EVERY: usize = 12;

/// One endpoint's corpus.
#[derive(Debug)]
pub struct Corpus {
    /// The endpoint.
    pub endpoint: &'static Endpoint,
    /// The options every payload is validated with: the OCA template registry for
    /// `oca.template`, so that every rule is on.
    pub options: Options,
    /// The payloads, in file order: bodies first, then request envelopes.
    pub payloads: Vec<Payload>,
}

/// One payload of a corpus.
#[derive(Debug, Clone)]
pub struct Payload {
    /// Whether it is a request envelope rather than a bare body.
    pub envelope: bool,
    /// Whether the validator finds no error in it.
    pub valid: bool,
    /// The JSON text, on one line.
    pub bytes: Vec<u8>,
}

impl Corpus {
    /// Validates `payload` the one way the benchmarks and the generator both use.
    pub fn validate(&self, payload: &Payload) -> Report {
        validate(
            self.endpoint,
            &self.options,
            payload.envelope,
            &payload.bytes,
        )
    }

    /// The share of valid payloads, from 0 to 1.
    pub fn valid_share(&self) -> f64 {
        let valid = self.payloads.iter().filter(|p| p.valid).count();
        valid as f64 / self.payloads.len().max(1) as f64
    }
}

fn validate(
    endpoint: &'static Endpoint,
    options: &Options,
    envelope: bool,
    bytes: &[u8],
) -> Report {
    if envelope {
        pushspec::validate_envelope(bytes, Some(endpoint), options)
    } else {
        pushspec::validate_body(endpoint, bytes, options)
    }
}

fn has_error(report: &Report) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
}

/// Where the corpora go: `target/corpus/`, under `CARGO_TARGET_DIR` when it is set.
pub fn dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).with_file_name("target"),
            PathBuf::from,
        )
        .join("corpus")
}

/// The options an endpoint's corpus is validated with.
pub fn options(endpoint: &Endpoint) -> Options {
    let mut options = Options::default();
    if endpoint.id == "oca.template" {
        let path = crate::fixtures_dir()
            .join(endpoint.id)
            .join("registry.yaml");
        options.templates = Some(Arc::new(crate::registry(&path)));
    }
    options
}

/// Generates every endpoint's corpus in memory. Deterministic: the same fixtures give the
/// same bytes.
pub fn generate() -> Vec<Corpus> {
    pushspec::endpoint::ALL
        .iter()
        .map(|&endpoint| generate_one(endpoint))
        .collect()
}

/// Writes every corpus under `dir`; returns the files written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for corpus in generate() {
        for (envelope, suffix) in [(false, "bodies"), (true, "requests")] {
            let path = dir.join(format!("{}.{suffix}.ndjson", corpus.endpoint.id));
            let mut text = Vec::new();
            for p in corpus.payloads.iter().filter(|p| p.envelope == envelope) {
                text.extend_from_slice(&p.bytes);
                text.push(b'\n');
            }
            std::fs::write(&path, text)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Reads every corpus from `dir`, writing them first if any file is missing. Whether each
/// payload is valid is found again by validating it.
pub fn load_or_generate(dir: &Path) -> std::io::Result<Vec<Corpus>> {
    let missing = pushspec::endpoint::ALL.iter().any(|e| {
        ["bodies", "requests"]
            .iter()
            .any(|s| !dir.join(format!("{}.{s}.ndjson", e.id)).exists())
    });
    if missing {
        write(dir)?;
    }
    let mut out = Vec::new();
    for &endpoint in pushspec::endpoint::ALL {
        let options = options(endpoint);
        let mut payloads = Vec::new();
        for (envelope, suffix) in [(false, "bodies"), (true, "requests")] {
            let text = std::fs::read(dir.join(format!("{}.{suffix}.ndjson", endpoint.id)))?;
            for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let valid = !has_error(&validate(endpoint, &options, envelope, line));
                payloads.push(Payload {
                    envelope,
                    valid,
                    bytes: line.to_vec(),
                });
            }
        }
        out.push(Corpus {
            endpoint,
            options,
            payloads,
        });
    }
    Ok(out)
}

/// The first segment of every error code in the invalid payloads, with how many payloads
/// have at least one error of it: to show that the invalid share covers the rule families.
pub fn families(corpora: &[Corpus]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for corpus in corpora {
        for payload in corpus.payloads.iter().filter(|p| !p.valid) {
            let mut seen: Vec<&str> = corpus
                .validate(payload)
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.rule.code.split('.').next().unwrap_or_default())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for family in seen {
                *out.entry(family).or_default() += 1;
            }
        }
    }
    out
}

/// A seed payload: a valid fixture, or an invalid one, as a JSON value.
struct Seed {
    envelope: bool,
    value: Value,
    /// Its single-step structural mutants (`mutate::systematic`), for a valid seed.
    mutants: Vec<Value>,
}

fn generate_one(endpoint: &'static Endpoint) -> Corpus {
    let options = options(endpoint);
    // FNV-1a of the endpoint id: each endpoint its own stream, the same on every run.
    let mut rng = Rng::new(endpoint.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }));
    let mut valid_seeds = Vec::new();
    let mut invalid_seeds = Vec::new();
    for f in crate::all()
        .into_iter()
        .filter(|f| f.endpoint.id == endpoint.id && !f.http)
    {
        // Fixtures that parse as JSON only; their validity is re-checked below with the
        // corpus options, since some sidecars ask for others (`# strict`, `# now`).
        let Ok(value) = serde_json::from_slice::<Value>(&f.body) else {
            continue;
        };
        let report = validate(endpoint, &options, f.envelope, &compact(&value));
        if has_error(&report) {
            invalid_seeds.push(Seed {
                envelope: f.envelope,
                value,
                mutants: Vec::new(),
            });
        } else {
            let mutants = mutate::systematic(0, &value)
                .into_iter()
                .map(|m| m.value)
                .collect();
            valid_seeds.push(Seed {
                envelope: f.envelope,
                value,
                mutants,
            });
        }
    }
    let mut payloads = Vec::with_capacity(PER_ENDPOINT);
    let mut attempts = 0;
    while payloads.len() < PER_ENDPOINT && !valid_seeds.is_empty() && attempts < PER_ENDPOINT * 20 {
        attempts += 1;
        let want_valid = (payloads.len() + 1) % INVALID_EVERY != 0;
        let seed = &valid_seeds[rng.below(valid_seeds.len())];
        let (envelope, candidate) = if want_valid {
            let mut value = seed.value.clone();
            shuffle_members(&mut value, &mut rng);
            (seed.envelope, compact(&value))
        } else if !invalid_seeds.is_empty() && rng.below(4) == 0 {
            // A quarter of the invalid share are the invalid fixtures themselves: they cover
            // each vendor's own rule families, which blind mutation rarely reaches.
            let seed = &invalid_seeds[rng.below(invalid_seeds.len())];
            let mut value = seed.value.clone();
            shuffle_members(&mut value, &mut rng);
            (seed.envelope, compact(&value))
        } else {
            (seed.envelope, mutate(seed, &mut rng))
        };
        let report = validate(endpoint, &options, envelope, &candidate);
        if has_error(&report) != want_valid {
            payloads.push(Payload {
                envelope,
                valid: want_valid,
                bytes: candidate,
            });
        }
    }
    // Bodies first, then envelopes, as the files hold them.
    payloads.sort_by_key(|p| p.envelope);
    Corpus {
        endpoint,
        options,
        payloads,
    }
}

fn compact(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Reorders the members of every object: the same request as a different client writes it.
fn shuffle_members(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for i in (1..members.len()).rev() {
                members.swap(i, rng.below(i + 1));
            }
            for (key, mut member) in members {
                shuffle_members(&mut member, rng);
                map.insert(key, member);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| shuffle_members(i, rng)),
        _ => {}
    }
}

/// One random mistake, as JSON text on one line: half the time a structural one from the
/// shared engine (`mutate::systematic`: a member removed, a value of another type, a limit
/// crossed), otherwise one of the mistakes that engine leaves out because they are not
/// structural: broken JSON, a repeated key, an unfilled placeholder, stray whitespace, an
/// unknown member, a query parameter dropped from the URL.
fn mutate(seed: &Seed, rng: &mut Rng) -> Vec<u8> {
    if !seed.mutants.is_empty() && rng.below(2) == 0 {
        return compact(&seed.mutants[rng.below(seed.mutants.len())]);
    }
    let mut value = seed.value.clone();
    match rng.below(6) {
        // Broken JSON: cut short, or a trailing comma.
        0 => {
            let mut bytes = compact(&value);
            let cut = 1 + rng.below(bytes.len().saturating_sub(1).max(1));
            bytes.truncate(cut);
            return bytes;
        }
        1 => {
            let mut bytes = compact(&value);
            if let Some(end) = bytes.iter().rposition(|&b| b == b'}') {
                bytes.insert(end, b',');
            }
            return bytes;
        }
        // A repeated key.
        2 => {
            let mut bytes = compact(&value);
            if bytes.first() == Some(&b'{') {
                bytes.splice(1..1, br#""dup":1,"dup":2,"#.iter().copied());
            }
            return bytes;
        }
        // An unfilled or a whitespace-laden string.
        3 => {
            let placeholder = rng.below(2) == 0;
            edit_random(&mut value, rng, &mut |v, _| match v {
                Value::String(s) if placeholder => {
                    *s = format!("Hello {{{{first_name}}}} {s}");
                    true
                }
                Value::String(s) => {
                    *s = format!("{s} \t\n !");
                    true
                }
                _ => false,
            })
        }
        // An unknown member, or a query parameter dropped from the URL.
        _ => edit_random(&mut value, rng, &mut |v, rng| match v {
            Value::String(url) if url.starts_with("https://") && url.contains('?') => {
                let (base, query) = url.split_once('?').unwrap_or_default();
                let mut params: Vec<&str> = query.split('&').collect();
                params.remove(rng.below(params.len()));
                *url = format!("{base}?{}", params.join("&"));
                true
            }
            Value::Object(map) => {
                map.insert("unexpected_field".into(), Value::from(1));
                true
            }
            _ => false,
        }),
    }
    compact(&value)
}

/// Applies `edit` to a random node of `value` that it accepts; tries a few nodes.
fn edit_random(
    value: &mut Value,
    rng: &mut Rng,
    edit: &mut dyn FnMut(&mut Value, &mut Rng) -> bool,
) {
    let count = count_nodes(value);
    for _ in 0..8 {
        let target = rng.below(count);
        let mut index = 0;
        if edit_nth(value, target, &mut index, rng, edit) {
            return;
        }
    }
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(count_nodes).sum(),
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Visits nodes in document order and edits the `target`-th one.
fn edit_nth(
    value: &mut Value,
    target: usize,
    index: &mut usize,
    rng: &mut Rng,
    edit: &mut dyn FnMut(&mut Value, &mut Rng) -> bool,
) -> bool {
    if *index == target {
        return edit(value, rng);
    }
    *index += 1;
    match value {
        Value::Object(map) => map
            .values_mut()
            .any(|v| edit_nth(v, target, index, rng, edit)),
        Value::Array(items) => items
            .iter_mut()
            .any(|v| edit_nth(v, target, index, rng, edit)),
        _ => false,
    }
}
