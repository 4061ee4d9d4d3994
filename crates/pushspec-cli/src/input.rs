//! Reading inputs: request bodies from files or standard input, and the template registry.
//!
//! The library does no I/O; this module is where bytes come from. Errors are returned as
//! messages ready for `error: ...`, naming the file, so the caller only decides whether the
//! run goes on (an unreadable body) or stops (an unusable registry).

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

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
