//! `cargo xtask manifest`: the fixture corpus with the verdict the request schemas must give,
//! as JSON on stdout, for the independent validators in `tests/interop/` (Ajv, Python's
//! `jsonschema`, the generated TypeScript and Pydantic models) that must not need Rust logic.
//!
//! One entry per fixture with a JSON object body (a bare body, or an envelope's `body`):
//!
//! ```json
//! {"fixture": "oca.template/invalid/button-index-range", "schema": "oca.template/request.schema.json",
//!  "expect": "reject", "errors": ["oca.button.index-range"], "expressed": ["oca.button.index-range"],
//!  "body": {...}}
//! ```
//!
//! `expect` is the Rust verdict, restricted to what the schema can say, exactly as the
//! differential test in `tests/schemas.rs` states it:
//!
//! - `reject`: the validator reports, in the body, an error from a rule the schema encodes
//!   (`pushspec::schema::expressed`);
//! - `accept`: it reports no error in the body at all;
//! - `either`: its only errors come from rules the schema does not encode (listed in
//!   `x-pushspec-rules`), which the schema may or may not catch.
//!
//! `errors` are the error codes reported in the body, `expressed` those the schema encodes. `.http` fixtures hold several
//! requests, and a body with a repeated key has no faithful JSON value; both are left out.

use std::path::{Path, PathBuf};

use pushspec::{Rule, Severity, catalog, endpoint};
use serde_json::{Value, json};

use crate::ensure::{Error, workspace_root};

/// The manifest of every fixture, in a stable order.
pub(crate) fn manifest() -> Result<Value, Error> {
    let mut entries = Vec::new();
    for endpoint in endpoint::ALL {
        for kind in ["valid", "invalid"] {
            let dir = Path::new("tests/fixtures").join(endpoint.id).join(kind);
            for path in json_files(&dir)? {
                let bytes =
                    std::fs::read(workspace_root().join(&path)).map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
                    continue;
                };
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                let file = file.unwrap_or_default();
                let (name, body, report) = match file.strip_suffix(".request.json") {
                    Some(name) => (
                        format!("{name}.request"),
                        value.get("body").cloned(),
                        pushspec::validate_envelope(&bytes, Some(endpoint), &Default::default()),
                    ),
                    None => (
                        file.trim_end_matches(".json").to_owned(),
                        Some(value),
                        pushspec::validate_body(endpoint, &bytes, &Default::default()),
                    ),
                };
                let Some(body) = body.filter(Value::is_object) else {
                    continue;
                };
                let errors: Vec<&Rule> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .filter(|d| d.pointer == "/body" || d.pointer.starts_with("/body/"))
                    .map(|d| d.rule)
                    .collect();
                if errors.contains(&&catalog::REQUEST_BODY_DUPLICATE_KEY) {
                    continue;
                }
                let codes = |keep: fn(&Rule) -> bool| {
                    let mut codes: Vec<&str> =
                        errors.iter().filter(|r| keep(r)).map(|r| r.code).collect();
                    codes.sort_unstable();
                    codes.dedup();
                    codes
                };
                let expressed = codes(pushspec::schema::expressed);
                let expect = if !expressed.is_empty() {
                    "reject"
                } else if errors.is_empty() {
                    "accept"
                } else {
                    "either"
                };
                entries.push(json!({
                    "fixture": format!("{}/{kind}/{name}", endpoint.id),
                    "schema": format!("{}/request.schema.json", endpoint.id),
                    "expect": expect,
                    "errors": codes(|_| true),
                    "expressed": expressed,
                    "body": body,
                }));
            }
        }
    }
    Ok(Value::Array(entries))
}

/// The `.json` files of `dir` (relative to the workspace root), sorted; none if it is absent.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |source| Error::Io {
        path: dir.to_owned(),
        source,
    };
    let entries = match std::fs::read_dir(workspace_root().join(dir)) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io(source)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = dir.join(entry.map_err(io)?.file_name());
        if path.extension().is_some_and(|x| x == "json") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Valid fixtures are all `accept`; every `reject` is an invalid fixture; all three
    /// verdicts occur, so the interop tools are shown both kinds.
    #[test]
    fn verdicts_follow_the_fixture_folders() {
        let manifest = manifest().unwrap();
        let entries = manifest.as_array().unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for entry in entries {
            let (fixture, expect) = (
                entry["fixture"].as_str().unwrap(),
                entry["expect"].as_str().unwrap(),
            );
            seen.insert(expect);
            if fixture.contains("/valid/") {
                assert_eq!(expect, "accept", "{fixture}: {entry}");
            }
            if expect == "reject" {
                assert!(fixture.contains("/invalid/"), "{fixture}");
                assert!(
                    !entry["expressed"].as_array().unwrap().is_empty(),
                    "{fixture}"
                );
            }
        }
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            ["accept", "either", "reject"]
        );
        assert!(entries.len() >= 300, "only {} fixtures", entries.len());
    }
}
