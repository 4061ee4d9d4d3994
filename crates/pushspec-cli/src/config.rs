//! `pushspec.toml`: where it is found, what it may hold, and the commented default that
//! `pushspec init` writes.
//!
//! The file is looked for in the current directory, then in each parent up to the
//! filesystem root; `--config PATH` names one and `--no-config` ignores any. Every value is
//! resolved here against the library (rule codes, endpoint ids, globs) so that a mistake is a
//! configuration error that points at its `file:line:column`, before any input is read.
//! Command-line flags override the file; the merge happens in `validate`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pushspec::json::Limits;
use pushspec::{Endpoint, Profile, Rule, catalog, endpoint};
use serde::Deserialize;
use toml::Spanned;

/// The file's name.
pub(crate) const FILE_NAME: &str = "pushspec.toml";

/// What `pushspec init` writes. Every value in it is the built-in default (a test parses it
/// back), so a fresh file changes nothing until it is edited.
pub(crate) const DEFAULT: &str = r#"# pushspec.toml: settings for `pushspec validate`.
#
# pushspec looks for this file in the current directory, then in each parent directory up
# to the root; `--config PATH` names another, `--no-config` ignores it. Command-line flags
# win over this file, which wins over the built-in defaults.

# The rule profile: "default" (what the vendors document) or "strict" (the default profile
# plus the promotions marked strict; warnings fail the run). Same as --strict.
profile = "default"

# The OCA template registry (YAML or JSON), relative to this file; enables the
# `oca.template.*` rules. Same as --templates.
# templates = "templates.yaml"

# Per-rule severity: "error", "warning" or "off" (see `pushspec rules` for the codes).
# --deny CODE and --allow CODE win over these.
[rules]
# "request.url.whitespace" = "error"
# "auth.jwt.malformed" = "off"

# The endpoint of bare request bodies, by path glob relative to this file. A body under a
# matching path is validated as that endpoint; others are recognised by their shape.
# Envelopes, `.http` files and HAR captures name their endpoint by URL. --endpoint wins.
[endpoints]
# "oca.template" = ["captures/oca/**/*.json"]
# "smax.v2.send" = ["captures/smax/*.ndjson"]

# Bounds on one input (one file, or one NDJSON line), after decompression.
# Same as --max-input-bytes, --max-depth and --max-string-bytes.
[limits]
max_input_bytes = 67108864
max_depth = 128
max_string_bytes = 1048576
"#;

/// A severity override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    /// Every finding of the rule is an error.
    Error,
    /// Every finding of the rule is a warning.
    Warning,
    /// The rule's findings are dropped.
    Off,
}

/// A loaded, resolved configuration.
#[derive(Debug, Default)]
pub(crate) struct Config {
    /// `profile`, when given.
    pub(crate) profile: Option<Profile>,
    /// `[rules]`, in the file's order of codes.
    pub(crate) rules: Vec<(&'static Rule, Level)>,
    /// `templates`, relative to the working directory.
    pub(crate) templates: Option<PathBuf>,
    /// `[endpoints]`: the first endpoint whose glob matches a path wins.
    pub(crate) endpoints: Vec<(&'static Endpoint, glob::Pattern)>,
    /// `[limits]`, each one when given.
    pub(crate) limits: LimitsFile,
    /// The directory the globs are relative to.
    pub(crate) root: PathBuf,
}

/// `[limits]`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LimitsFile {
    pub(crate) max_input_bytes: Option<usize>,
    pub(crate) max_depth: Option<usize>,
    pub(crate) max_string_bytes: Option<usize>,
}

impl LimitsFile {
    /// These limits over `base`.
    pub(crate) fn over(self, base: Limits) -> Limits {
        Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(base.max_input_bytes),
            max_depth: self.max_depth.unwrap_or(base.max_depth),
            max_string_bytes: self.max_string_bytes.unwrap_or(base.max_string_bytes),
        }
    }
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    profile: Option<ProfileName>,
    templates: Option<PathBuf>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    endpoints: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    limits: LimitsFile,
}

/// `profile`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ProfileName {
    #[serde(alias = "lenient")]
    Default,
    Strict,
}

/// Which configuration a run uses: `--no-config` gives none, `--config PATH` that file,
/// otherwise the nearest `pushspec.toml` from `cwd` up.
pub(crate) fn load(
    explicit: Option<&Path>,
    disabled: bool,
    cwd: &Path,
) -> Result<Option<Config>, String> {
    if disabled {
        return Ok(None);
    }
    let path = match explicit {
        Some(path) => path.to_owned(),
        None => match discover(cwd) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    let text =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text, &path).map(Some)
}

/// The nearest `pushspec.toml` in `dir` or its ancestors.
pub(crate) fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Parses and resolves the text of the file at `path`. Errors read
/// `invalid configuration PATH:LINE:COLUMN: what`.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let at = |offset: usize, what: &str| {
        let (line, column) = position(text, offset);
        format!(
            "invalid configuration {}:{line}:{column}: {what}",
            path.display()
        )
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim_end())
    })?;
    let root = path.parent().map(Path::to_owned).unwrap_or_default();
    let mut rules = Vec::new();
    for (code, level) in raw.rules {
        let Some(rule) = catalog::find(code.get_ref()) else {
            let hint = crate::explain::hint(code.get_ref());
            return Err(at(
                code.span().start,
                &format!(
                    "unknown rule code `{}` in [rules]; {hint}",
                    code.get_ref().escape_debug()
                ),
            ));
        };
        rules.push((rule, level));
    }
    let mut endpoints = Vec::new();
    for (id, globs) in raw.endpoints {
        let Some(endpoint) = endpoint::find(id.get_ref()) else {
            let known: Vec<_> = endpoint::ALL.iter().map(|e| e.id).collect();
            return Err(at(
                id.span().start,
                &format!(
                    "unknown endpoint `{}` in [endpoints]; known endpoints: {}",
                    id.get_ref().escape_debug(),
                    known.join(", ")
                ),
            ));
        };
        for glob in globs {
            let pattern = glob::Pattern::new(glob.get_ref())
                .map_err(|e| at(glob.span().start, &format!("invalid glob: {e}")))?;
            endpoints.push((endpoint, pattern));
        }
    }
    Ok(Config {
        profile: raw.profile.map(|p| match p {
            ProfileName::Default => Profile::Default,
            ProfileName::Strict => Profile::Strict,
        }),
        rules,
        templates: raw.templates.map(|t| root.join(t)),
        endpoints,
        limits: raw.limits,
        root,
    })
}

impl Config {
    /// The endpoint `[endpoints]` gives the file at `path` (relative to the working
    /// directory `cwd`), if a glob matches it relative to the configuration's directory.
    pub(crate) fn endpoint_for(&self, path: &Path, cwd: &Path) -> Option<&'static Endpoint> {
        if self.endpoints.is_empty() {
            return None;
        }
        let absolute = cwd.join(path);
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        let options = glob::MatchOptions {
            require_literal_separator: true,
            ..glob::MatchOptions::new()
        };
        self.endpoints
            .iter()
            .find(|(_, p)| p.matches_path_with(relative, options))
            .map(|(e, _)| *e)
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// `pushspec init`: writes [`DEFAULT`] to `pushspec.toml` in `dir`, unless a file is there
/// and `force` is not set. Returns the path written.
pub(crate) fn init(dir: &Path, force: bool) -> Result<PathBuf, String> {
    let path = dir.join(FILE_NAME);
    if !force && path.exists() {
        return Err(format!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        ));
    }
    fs::write(&path, DEFAULT).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, String> {
        parse(text, Path::new("dir/pushspec.toml"))
    }

    #[test]
    fn the_default_file_parses_back_to_the_defaults() {
        let config = parsed(DEFAULT).unwrap();
        assert_eq!(config.profile, Some(Profile::Default));
        assert!(config.rules.is_empty());
        assert!(config.endpoints.is_empty());
        assert_eq!(config.templates, None);
        assert_eq!(
            config.limits.over(Limits {
                max_input_bytes: 1,
                max_depth: 1,
                max_string_bytes: 1
            }),
            Limits::default()
        );
    }

    #[test]
    fn the_commented_examples_are_valid_too() {
        // Uncommenting every example must give a valid file, so the examples stay true.
        let text: String = DEFAULT
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.contains(" = ") => rest,
                _ => l,
            })
            .flat_map(|l| [l, "\n"])
            .collect();
        let config = parsed(&text).unwrap();
        assert_eq!(config.rules.len(), 2);
        assert_eq!(config.endpoints.len(), 2);
        assert_eq!(config.templates, Some(PathBuf::from("dir/templates.yaml")));
    }

    #[test]
    fn errors_point_at_the_line_and_column() {
        let err =
            parsed("profile = \"strict\"\n[rules]\n\"no.such-code\" = \"off\"\n").unwrap_err();
        assert!(
            err.starts_with(
                "invalid configuration dir/pushspec.toml:3:1: unknown rule code `no.such-code`"
            ),
            "{err}"
        );
        let err = parsed("[rules]\n\"request.url.whitespace\" = \"loud\"\n").unwrap_err();
        assert!(
            err.starts_with("invalid configuration dir/pushspec.toml:2:"),
            "{err}"
        );
        let err = parsed("[endpoints]\n  \"oca.tempalte\" = [\"*.json\"]\n").unwrap_err();
        assert!(
            err.contains(":2:3: unknown endpoint `oca.tempalte`"),
            "{err}"
        );
        let err = parsed("colour = true\n").unwrap_err();
        assert!(err.contains(":1:1:"), "{err}");
        let err = parsed("[limits]\nmax_depth = -1\n").unwrap_err();
        assert!(err.contains(":2:13:"), "{err}");
    }

    #[test]
    fn globs_are_relative_to_the_configuration() {
        let config = parse(
            "[endpoints]\n\"oca.template\" = [\"captures/oca/**/*.json\"]\n",
            Path::new("/repo/pushspec.toml"),
        )
        .unwrap();
        let at = |path: &str, cwd: &str| {
            config
                .endpoint_for(Path::new(path), Path::new(cwd))
                .map(|e| e.id)
        };
        assert_eq!(at("captures/oca/a/b.json", "/repo"), Some("oca.template"));
        assert_eq!(at("oca/b.json", "/repo/captures"), Some("oca.template"));
        assert_eq!(at("captures/smax/b.json", "/repo"), None);
    }
}
