//! Reading inputs: requests from files or standard input, what kind of input each one is,
//! and the template registry.
//!
//! The library does no I/O; this module is where bytes come from. Errors are returned as
//! messages ready for `error: ...`, naming the file, so the caller only decides whether the
//! run goes on (an unreadable body) or stops (an unusable registry).

use std::fs;
use std::io::{self, Read};
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
    /// The source a command line argument names: `-` is standard input.
    pub(crate) fn from_arg(arg: &Path) -> Self {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg.to_owned())
        }
    }

    /// The name reports use: the path as given, or `-` for standard input.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// Reads sources, standard input at most once: naming `-` twice gives the same bytes twice
/// rather than an empty second input.
pub(crate) struct Reader<'a> {
    stdin: &'a mut dyn Read,
    stdin_bytes: Option<Vec<u8>>,
}

impl<'a> Reader<'a> {
    /// A reader that takes standard input from `stdin`.
    pub(crate) fn new(stdin: &'a mut dyn Read) -> Self {
        Reader {
            stdin,
            stdin_bytes: None,
        }
    }

    /// The whole content of `source`.
    pub(crate) fn read(&mut self, source: &Source) -> io::Result<Vec<u8>> {
        match source {
            Source::File(path) => fs::read(path),
            Source::Stdin => {
                if let Some(bytes) = &self.stdin_bytes {
                    return Ok(bytes.clone());
                }
                let mut bytes = Vec::new();
                self.stdin.read_to_end(&mut bytes)?;
                Ok(self.stdin_bytes.insert(bytes).clone())
            }
        }
    }
}

/// What an input holds, which decides how it is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
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
        match pushspec::json::parse(bytes, limits) {
            Ok(root) if root.get("url").is_some_and(|url| url.as_str().is_some()) => Kind::Envelope,
            Ok(_) => Kind::Body,
            Err(_) => Kind::NotJson,
        }
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
    }
}
