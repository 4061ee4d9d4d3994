//! Reading inputs: which files the command line names (folders walked, globs expanded),
//! requests from files or standard input, what kind of input each one is, and the template
//! registry.
//!
//! The library does no I/O; this module is where bytes come from. Errors are returned as
//! messages ready for `error: ...`, naming the file, so the caller only decides whether the
//! run goes on (an unreadable body) or stops (an unusable registry).

use std::fs;
use std::path::{Path, PathBuf};

use pushspec::json::Limits;
use pushspec::vendors::oca::Registry;
use pushspec::vendors::oca::registry::Format;

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input, written `-` on the command line.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name reports use: the path as given, or `-` for standard input.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// The extensions a folder walk picks up; a file named on the command line is validated
/// whatever its name.
const WALKED: &[&str] = &["json", "ndjson", "jsonl", "http", "rest", "har"];

/// Turns the command line's paths into sources, in order: `-` is standard input, a folder
/// is walked recursively (honouring `.gitignore`, sorted by name, only [`WALKED`]
/// extensions), an argument with `*`, `?` or `[` that names no file is expanded as a glob
/// (so unexpanded Windows-style globs work). A folder or glob that yields nothing, or a
/// broken glob, is an error message; the other arguments still count.
pub(crate) fn resolve(args: &[PathBuf]) -> Vec<Result<Source, String>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let text = arg.to_string_lossy();
        if !arg.exists() && text.contains(['*', '?', '[']) {
            let before = out.len();
            match glob::glob(&text) {
                Ok(paths) => {
                    let mut paths: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
                    paths.sort();
                    for path in paths {
                        push_path(&mut out, &path);
                    }
                    if out.len() == before {
                        out.push(Err(format!("no files match {text}")));
                    }
                }
                Err(e) => out.push(Err(format!("invalid glob {text}: {e}"))),
            }
            continue;
        }
        push_path(&mut out, arg);
    }
    out
}

/// Adds `path`: a folder's walked files, or the path itself.
fn push_path(out: &mut Vec<Result<Source, String>>, path: &Path) {
    if !path.is_dir() {
        out.push(Ok(Source::File(path.to_owned())));
        return;
    }
    let before = out.len();
    let walk = ignore::WalkBuilder::new(path)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let walked = entry.file_type().is_some_and(|t| t.is_file())
                    && entry
                        .path()
                        .extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| WALKED.iter().any(|w| e.eq_ignore_ascii_case(w)));
                if walked {
                    out.push(Ok(Source::File(entry.into_path())));
                }
            }
            Err(e) => out.push(Err(format!("cannot walk {}: {e}", path.display()))),
        }
    }
    if out.len() == before {
        out.push(Err(format!(
            "no inputs in {} (looked for {})",
            path.display(),
            WALKED
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
}

/// How a file is validated, as far as its name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// One body or envelope per line, streamed.
    Ndjson,
    /// A `.http` file of requests.
    Http,
    /// A HAR capture.
    Har,
    /// One JSON document: a HAR, an envelope or a body, by content ([`Kind::of`]).
    Json,
}

impl FileKind {
    /// The kind `source` has by its extension; standard input is JSON.
    pub(crate) fn of(source: &Source) -> Self {
        let Source::File(path) = source else {
            return FileKind::Json;
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "ndjson" | "jsonl" => FileKind::Ndjson,
            "http" | "rest" => FileKind::Http,
            "har" => FileKind::Har,
            _ => FileKind::Json,
        }
    }
}

/// What an input holds, which decides how it is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A HAR capture: a JSON object with an array at `log.entries`.
    Har,
    /// A request envelope `{"method", "url", "headers", "body"}`: a JSON object with a
    /// string `url` member.
    Envelope,
    /// Any other JSON: a bare request body.
    Body,
    /// Not JSON at all (or over the input limits). It is still validated, so that the
    /// syntax error is reported with its position.
    NotJson,
}

impl Kind {
    /// Classifies `bytes` by parsing them with the library's own parser and limits, so that
    /// the classification and the validation that follows agree on what is JSON. No vendor
    /// body has a top-level `url` member, so the test cannot mistake a body for an envelope.
    pub(crate) fn of(bytes: &[u8], limits: &Limits) -> Self {
        pushspec::json::Arena::with(|arena| match pushspec::json::parse(bytes, arena, limits) {
            Ok(root)
                if root
                    .get("log")
                    .and_then(|l| l.get("entries"))
                    .is_some_and(|e| e.as_array().is_some()) =>
            {
                Kind::Har
            }
            Ok(root) if root.get("url").is_some_and(|url| url.as_str().is_some()) => Kind::Envelope,
            Ok(_) => Kind::Body,
            Err(_) => Kind::NotJson,
        })
    }
}

/// Reads and parses the template registry at `path`, choosing YAML or JSON by extension.
/// The error names the file, and the line and column where the registry went wrong; the
/// position is formatted here, as `path:line:column`, rather than taken from the error's
/// `Display`, so that editors and terminals can follow it.
pub(crate) fn read_registry(path: &Path) -> Result<Registry, String> {
    let Some(format) = Format::from_path(path) else {
        return Err(format!(
            "cannot tell the format of template registry {}: name it `.yaml`, `.yml` or `.json`",
            path.display()
        ));
    };
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Registry::parse(&text, format).map_err(|e| {
        let at = match (e.line, e.column) {
            (Some(line), Some(column)) => format!(":{line}:{column}"),
            (Some(line), None) => format!(":{line}"),
            _ => String::new(),
        };
        format!(
            "invalid template registry {}{at}: {}",
            path.display(),
            e.message
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_are_objects_with_a_string_url() {
        let kind = |s: &str| Kind::of(s.as_bytes(), &Limits::default());
        assert_eq!(
            kind(r#"{"url": "https://x.test/a", "body": {}}"#),
            Kind::Envelope
        );
        assert_eq!(kind(r#"{"method": "POST", "url": ""}"#), Kind::Envelope);
        assert_eq!(kind(r#"{"url": 1}"#), Kind::Body);
        assert_eq!(kind(r#"{"phone_number": "62812"}"#), Kind::Body);
        assert_eq!(kind(r#"[{"url": "https://x.test/a"}]"#), Kind::Body);
        assert_eq!(kind(r#"{"body": {"url": "https://x.test/a"}}"#), Kind::Body);
        assert_eq!(kind(r#"{"url": "https://x.test/a",}"#), Kind::NotJson);
        assert_eq!(kind(""), Kind::NotJson);
        assert_eq!(kind(r#"{"log": {"entries": []}}"#), Kind::Har);
        assert_eq!(kind(r#"{"log": {"entries": {}}}"#), Kind::Body);
    }

    #[test]
    fn file_kinds_follow_extensions() {
        let kind = |s: &str| FileKind::of(&Source::File(PathBuf::from(s)));
        assert_eq!(kind("a.ndjson"), FileKind::Ndjson);
        assert_eq!(kind("a.JSONL"), FileKind::Ndjson);
        assert_eq!(kind("a.rest"), FileKind::Http);
        assert_eq!(kind("a.http"), FileKind::Http);
        assert_eq!(kind("a.har"), FileKind::Har);
        assert_eq!(kind("a.json"), FileKind::Json);
        assert_eq!(kind("a"), FileKind::Json);
        assert_eq!(FileKind::of(&Source::Stdin), FileKind::Json);
    }
}
