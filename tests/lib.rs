//! Shared helpers for the integration tests: finding fixtures, reading their sidecars, and
//! turning a sidecar into validation options.
//!
//! Fixtures live in `tests/fixtures/<endpoint id>/{valid,invalid}/<name>.json`, each with a
//! `<name>.codes` sidecar: option lines (`# templates: FILE`, `# strict`,
//! `# authentication`), then the exact rule codes the validator must report.

pub mod corpus;
pub mod invariants;
pub mod mutate;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pushspec::vendors::oca::Registry;
use pushspec::vendors::oca::registry::Format;
use pushspec::{Endpoint, Options, Profile, Report};

/// One fixture file and what its sidecar says.
#[derive(Debug)]
pub struct Fixture {
    /// The endpoint, from the folder name.
    pub endpoint: &'static Endpoint,
    /// `valid` or `invalid`.
    pub kind: &'static str,
    /// The file name without extension.
    pub name: String,
    /// Whether the file is a request envelope (`<name>.request.json`) rather than a body.
    pub envelope: bool,
    /// Whether the file is a `.http` file of one or more requests, validated as one batch.
    pub http: bool,
    /// The body file.
    pub path: PathBuf,
    /// The body bytes.
    pub body: Vec<u8>,
    /// Options from the sidecar.
    pub options: Options,
    /// The codes the sidecar expects, sorted.
    pub expected: Vec<String>,
}

impl Fixture {
    /// `oca.template/invalid/button-index-range` (`.request` for envelopes): unique, and
    /// readable in failures.
    pub fn id(&self) -> String {
        let suffix = if self.envelope {
            ".request"
        } else if self.http {
            ".http"
        } else {
            ""
        };
        format!("{}/{}/{}{suffix}", self.endpoint.id, self.kind, self.name)
    }

    /// Validates the file with the sidecar's options: as an envelope or as a bare body.
    pub fn validate(&self) -> Report {
        if self.http {
            // The requests of one file are one batch: rules across requests apply.
            let options = Options {
                batch: Some(Arc::new(pushspec::Batch::new())),
                ..self.options.clone()
            };
            let reports =
                pushspec::request::validate_http_file(&self.body, Some(self.endpoint), &options);
            let mut merged = Report {
                endpoint: Some(self.endpoint.id),
                ..Report::default()
            };
            for (_, report) in reports {
                merged.diagnostics.extend(report.diagnostics);
                merged.secrets.extend(report.secrets);
            }
            merged
        } else if self.envelope {
            pushspec::validate_envelope(&self.body, Some(self.endpoint), &self.options)
        } else {
            pushspec::validate_body(self.endpoint, &self.body, &self.options)
        }
    }
}

/// The `tests/fixtures` folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every request fixture of every endpoint, in a stable order.
pub fn all() -> Vec<Fixture> {
    let mut out = Vec::new();
    for endpoint in pushspec::endpoint::ALL {
        let dir = fixtures_dir().join(endpoint.id);
        for kind in ["valid", "invalid"] {
            let Ok(entries) = std::fs::read_dir(dir.join(kind)) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "http"))
                .collect();
            paths.sort();
            for path in paths {
                out.push(load(endpoint, kind, &dir, path));
            }
        }
    }
    out
}

fn load(endpoint: &'static Endpoint, kind: &'static str, dir: &Path, path: PathBuf) -> Fixture {
    let file = path
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let envelope = file.ends_with(".request.json");
    let http = file.ends_with(".http");
    let name = file
        .trim_end_matches(".json")
        .trim_end_matches(".http")
        .trim_end_matches(".request")
        .to_owned();
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sidecar = path.with_extension("codes");
    let text = std::fs::read_to_string(&sidecar).unwrap_or_else(|e| {
        panic!(
            "{}: every fixture needs a .codes sidecar: {e}",
            sidecar.display()
        )
    });
    let mut options = Options::default();
    let mut expected = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(option) = line.strip_prefix("# ") {
            match option.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
                Some(("templates", file)) => {
                    options.templates = Some(Arc::new(registry(&dir.join(file))))
                }
                Some(("now", seconds)) => {
                    options.now = Some(seconds.parse().expect("`# now:` takes Unix seconds"))
                }
                None if option == "strict" => options.profile = Profile::Strict,
                None if option == "authentication" => options.oca_authentication = true,
                _ => panic!("{}: unknown option line `{line}`", sidecar.display()),
            }
        } else {
            expected.push(line.to_owned());
        }
    }
    expected.sort();
    Fixture {
        endpoint,
        kind,
        name,
        envelope,
        http,
        path,
        body,
        options,
        expected,
    }
}

/// Loads a template registry file, failing the test on any error.
pub fn registry(path: &Path) -> Registry {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let format =
        Format::from_path(path).unwrap_or_else(|| panic!("{}: not .yaml or .json", path.display()));
    Registry::parse(&text, format).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The report as readable text, for snapshots: one block per diagnostic.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    if report.diagnostics.is_empty() {
        out.push_str("(no diagnostics)\n");
    }
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}[{}] {}:{} {}",
            d.severity,
            d.rule.code,
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.pointer
        );
        let _ = writeln!(out, "  {}", d.message);
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
    out
}

/// The codes of a report, sorted.
pub fn codes(report: &Report) -> Vec<String> {
    let mut codes: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.rule.code.to_owned())
        .collect();
    codes.sort();
    codes
}
