//! Diagnostics as data: rules, severities, single findings and the report for one input.

mod pointer;
pub(crate) mod position;

pub use pointer::{Path, Seg, escape_token};
pub use position::LineIndex;

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::json::Span;

/// How bad a finding is. `Error` means the vendor would reject the request (or it is
/// certainly wrong); `Warning` means it is probably wrong or rests on inference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Probably wrong, deprecated, or resting on inference.
    Warning,
    /// Rejected by the vendor or certainly wrong.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The validation profile (spec §0). `Strict` promotes only the rules the catalogue marks
/// `strict→E`; it never demotes anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// What the vendors document.
    #[default]
    Default,
    /// The default profile plus the promotions marked `strict→E`.
    Strict,
}

/// One entry of the rule catalogue: a stable code and everything that is fixed about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code, e.g. `oca.button.index-range`. Never renamed or reused.
    pub code: &'static str,
    /// Severity in the default profile.
    pub severity: Severity,
    /// Severity in the strict profile.
    pub strict: Severity,
    /// Whether the generated JSON Schema expresses this rule with standard keywords. Rules
    /// that it cannot express are listed in the schema's `x-pushspec-rules` extension.
    pub in_schema: bool,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Where the rule comes from: `[KEY]` references to spec §8, `INFERENCE`, `CODE`, ...
    pub source: &'static str,
}

impl Rule {
    /// The rule's severity under `profile`.
    pub fn severity_in(&self, profile: Profile) -> Severity {
        match profile {
            Profile::Default => self.severity,
            Profile::Strict => self.strict,
        }
    }

    /// Whether the rule rests on inference alone (spec §0: such rules are never errors).
    pub fn is_inference(&self) -> bool {
        self.source.starts_with("INFERENCE")
    }
}

impl Serialize for &'static Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

/// One finding: a rule broken at one place in one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The broken rule; serialised as its code.
    #[serde(rename = "code")]
    pub rule: &'static Rule,
    /// Severity after the profile (and any caller policy) was applied.
    pub severity: Severity,
    /// RFC 6901 pointer into the request envelope, using wire names (`/body/message/type`).
    pub pointer: String,
    /// Byte range in the input that the finding points at.
    #[serde(skip)]
    pub span: Span,
    /// 1-based line of `span.start`; filled in by [`Report::locate`].
    pub line: Option<u32>,
    /// 1-based column (in characters) of `span.start`; filled in by [`Report::locate`].
    pub column: Option<u32>,
    /// What is wrong, in wire terms. Never contains a secret value.
    pub message: String,
    /// How to fix it, where there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Attaches a help line.
    pub fn help(&mut self, help: impl fmt::Display) -> &mut Self {
        self.help = Some(text(help));
        self
    }
}

/// A message or help line as text. Rules pass `format_args!`, not `format!`: `format!`
/// starts a message that opens with an argument with no room at all, and grew the usual
/// message two or three times (`realloc` was 3–5% of validating a request envelope). One
/// buffer that fits most messages is written once instead.
pub(crate) fn text(message: impl fmt::Display) -> String {
    use fmt::Write as _;
    let mut text = String::with_capacity(128);
    // Writing into a `String` fails only if a `Display` impl itself reports an error,
    // which none of pushspec's do.
    let _ = write!(text, "{message}");
    text
}

/// Every diagnostic for one input (one body, or one request of a multi-request file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The endpoint id the input was validated as, if one was identified.
    pub endpoint: Option<&'static str>,
    /// The findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Byte ranges of the input that hold secrets (tokens, keys, JWTs). Diagnostics never
    /// contain them; an output that echoes input lines must print `<redacted>` there.
    #[serde(skip)]
    pub secrets: Vec<Span>,
}

/// Replaces what looks like a credential in `text` ([`crate::secret::scan`]).
fn hide_credentials_in(text: &mut String) {
    // As with marked secrets, a short value (the `...` of a help line) is no credential.
    let mut found = crate::secret::scan(text.as_bytes())
        .into_iter()
        .filter(|s| (s.end - s.start) as usize >= MIN_REDACTED)
        .peekable();
    if found.peek().is_none() {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in found {
        let (start, end) = (s.start as usize, s.end as usize);
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(REDACTED);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    *text = out;
}

/// Whether `needle` occurs in `haystack`. Messages and secrets are short, and a search that
/// starts only where the needle's first byte stands costs a fraction of setting up a SIMD
/// finder (which cost 10% of validating a query-string request). A long pair gets the
/// finder, so a crafted input cannot make the search quadratic.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    if haystack.len().saturating_mul(needle.len()) > 1 << 16 {
        return memchr::memmem::find(haystack, needle).is_some();
    }
    memchr::memchr_iter(first, haystack).any(|i| {
        haystack
            .get(i..)
            .is_some_and(|rest| rest.starts_with(needle))
    })
}

/// The unions of secrets that overlap, each made of two or more of them.
fn overlaps(secrets: &[Span]) -> Vec<Span> {
    // Secrets are usually recorded in document order, apart from each other: settled without
    // a copy (this runs for every report with findings and secrets).
    if secrets
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.end <= b.start || a == b))
    {
        return Vec::new();
    }
    let mut sorted = secrets.to_vec();
    sorted.sort_unstable_by_key(|s| (s.start, s.end));
    // The same span marked twice (by the model and by its key) is no overlap.
    sorted.dedup();
    let mut unions = Vec::new();
    let mut spans = sorted.into_iter();
    let Some(mut current) = spans.next() else {
        return unions;
    };
    let mut joined = false;
    for s in spans {
        if s.start < current.end {
            current.end = current.end.max(s.end);
            joined = true;
        } else {
            if joined {
                unions.push(current);
            }
            (current, joined) = (s, false);
        }
    }
    if joined {
        unions.push(current);
    }
    unions
}

/// What stands in for a secret in messages, help lines and pointers.
pub const REDACTED: &str = "<redacted>";

/// The shortest secret [`Report::redact`] hides in messages.
const MIN_REDACTED: usize = 6;

impl Report {
    /// True when there is no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }

    /// Number of error-severity diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warning-severity diagnostics.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Replaces what looks like a credential in messages, help lines and pointers with
    /// `<redacted>` ([`crate::find_credentials`]), for an output that prints them.
    ///
    /// [`Report::locate`] already redacts the marked secrets. This goes further, for text no
    /// model marked: a message quotes keys and values, and a malformed input can put a
    /// credential in one (a JSON body read as `.http` header values, say). It costs a pass
    /// over every message, about as much again as a valid payload's findings, so it is left
    /// to the printing side; the command line calls it on every report.
    pub fn hide_credentials(&mut self) {
        self.redact_with(hide_credentials_in);
    }

    /// Replaces the text of every secret in messages, help lines and pointers with
    /// `<redacted>`. Messages never quote a secret value on purpose, but they quote keys, and
    /// a key can hold a credential: a URL with its token pasted where a key should be.
    ///
    /// Secrets shorter than [`MIN_REDACTED`] bytes are left: replacing `5` or `x` everywhere
    /// would garble messages, and so short a value is no usable credential. One automaton
    /// over all the secrets keeps this linear however many findings and secrets there are.
    fn redact(&mut self, source: &[u8]) {
        let mut texts: Vec<&str> = self
            .secrets
            .iter()
            .chain(&overlaps(&self.secrets))
            .filter_map(|s| source.get(s.start as usize..s.end as usize))
            // A whole JSON string is a value that a model or its key marked, and no rule
            // quotes such a value (the property and fuzz oracles check it). Secrets inside
            // other text (a key, a header line, broken JSON) can be quoted with that text.
            .filter(|t| !(t.len() >= 2 && t.starts_with(b"\"") && t.ends_with(b"\"")))
            // A pattern that is UTF-8 can match a `String` only at character boundaries, so
            // the replacement cannot split a character.
            .filter(|t| t.len() >= MIN_REDACTED)
            .filter_map(|t| std::str::from_utf8(t).ok())
            .collect();
        if texts.is_empty() {
            return;
        }
        // Longest first: secrets can overlap (a token, and a credential-looking part of the
        // key that holds it), and replacing a shorter one first would cut the longer one's
        // text apart and leave its rest in the message. For the same reason the union of
        // overlapping secrets is a secret of its own, and the longest of all.
        texts.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        texts.dedup();
        // A report has a few secrets and a few findings: plain substring searches beat
        // building an automaton, which costs more than validating the payload. Many of both
        // (a million findings) would make the searches quadratic, so then one automaton.
        if texts.len().saturating_mul(self.diagnostics.len()) <= 256 {
            self.redact_with(|text: &mut String| {
                for secret in &texts {
                    if contains(text.as_bytes(), secret.as_bytes()) {
                        *text = text.replace(secret, REDACTED);
                    }
                }
            });
        } else if let Ok(secrets) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&texts)
        {
            let with = vec![REDACTED; texts.len()];
            self.redact_with(|text: &mut String| {
                if secrets.is_match(text.as_str()) {
                    *text = secrets.replace_all(text, &with);
                }
            });
        }
    }

    /// Applies `hide` to every message, pointer and help line.
    fn redact_with(&mut self, hide: impl Fn(&mut String)) {
        for d in &mut self.diagnostics {
            hide(&mut d.message);
            hide(&mut d.pointer);
            if let Some(help) = &mut d.help {
                hide(help);
            }
        }
    }

    /// Fills in line and column of every diagnostic from its span, and sorts the diagnostics
    /// into document order (stable, so equal positions keep their emission order). When the
    /// input could not be parsed, its credential-looking text joins the secrets: no model
    /// recorded them, and the text is echoed in snippets all the same.
    pub fn locate(&mut self, source: &[u8]) {
        self.locate_in(source, false);
    }

    /// [`Report::locate`]; `utf8` says that `source` is known to be valid UTF-8 (it parsed
    /// as JSON), which spares counting columns the cost of validating it again.
    pub(crate) fn locate_in(&mut self, source: &[u8], utf8: bool) {
        self.locate_with(&mut position::Cursor::new(source, utf8), 0..source.len());
    }

    /// [`Report::locate`] for a report on `own`, one part of the cursor's source (a request
    /// of a `.http` file, an entry of a HAR capture): positions are counted from where the
    /// cursor stands, and only `own` is searched for credentials. A file of many requests is
    /// so located in one pass, not one pass per request.
    pub(crate) fn locate_with(&mut self, positions: &mut position::Cursor<'_>, own: Range<usize>) {
        if self.diagnostics.is_empty() {
            return;
        }
        let source = positions.source();
        let code = crate::catalog::REQUEST_BODY_INVALID_JSON.code;
        if self.diagnostics.iter().any(|d| d.rule.code == code) {
            let start = own.start as u32;
            let found = crate::secret::scan(source.get(own).unwrap_or_default());
            self.secrets.extend(
                found
                    .into_iter()
                    .map(|s| Span::new(start.saturating_add(s.start), start.saturating_add(s.end))),
            );
            self.secrets.sort_unstable_by_key(|s| (s.start, s.end));
            self.secrets.dedup();
        }
        self.redact(source);
        self.diagnostics.sort_by_key(|d| d.span.start);
        for d in &mut self.diagnostics {
            let (line, column) = positions.line_col(d.span.start);
            d.line = Some(line);
            d.column = Some(column);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn overlapping_secrets_also_count_as_their_union() {
        use crate::json::Span;
        let spans = [
            Span::new(10, 20),
            Span::new(0, 4),
            Span::new(15, 30),
            Span::new(3, 5),
            Span::new(40, 50),
            Span::new(29, 31),
        ];
        assert_eq!(
            super::overlaps(&spans),
            [Span::new(0, 5), Span::new(10, 31)]
        );
        assert!(super::overlaps(&[Span::new(0, 4), Span::new(4, 8)]).is_empty());
        assert!(super::overlaps(&[Span::new(4, 8), Span::new(0, 4), Span::new(4, 8)]).is_empty());
    }

    #[test]
    fn contains_agrees_with_a_plain_search() {
        let long = "ab".repeat(300);
        let cases: [(&str, &str); 9] = [
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("key `x?token=abcdef` appears", "abcdef"),
            ("abcdeabcdf", "abcdf"),
            ("abcde", "abcdef"),
            ("aaaaaab", "aab"),
            (&long, "babababc"),
            (&long, "abababab"),
        ];
        for (haystack, needle) in cases {
            assert_eq!(
                super::contains(haystack.as_bytes(), needle.as_bytes()),
                haystack.contains(needle),
                "{haystack:?} {needle:?}"
            );
        }
    }
}
