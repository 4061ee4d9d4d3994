//! `Secret`: a credential that prints as `<redacted>` everywhere except on the wire; and
//! [`scan`], which finds credential-looking text in input that could not be parsed.

use std::fmt;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use crate::check::{Check, Cx};
use crate::diag::Path;
use crate::json::{Node, Span};
use crate::validate::{SECRET_KEYS, SECRET_WORDS, is_secret_key};

/// A token, key or JWT. `Debug` and `Display` print `<redacted>`; only serialisation to the
/// wire emits the value (spec §2.1).
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The raw value, for building the request that is sent. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Check for Secret {
    const EXPECTED: &'static str = String::EXPECTED;

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        cx.secret(node.span);
        String::check(node, at, cx)
    }
}

impl schemars::JsonSchema for Secret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Secret".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // `writeOnly` tells generators and documentation tools that the value is sent, never
        // echoed back; `x-pushspec-secret` tells them to redact it.
        schemars::json_schema!({ "type": "string", "writeOnly": true, "x-pushspec-secret": true })
    }
}

/// The spans of `source` that look like credentials, found by their text alone (exported as
/// `find_credentials`).
///
/// A parsed request's secrets are recorded by the models ([`Secret`]) and by their keys
/// (every value under a secret-looking key). Text that is not JSON has neither, yet it is
/// echoed in snippets: a pretty-printed envelope read as NDJSON shows its `"authorization"`
/// line on its own, and a `.http` request without its blank line reads its JSON body as
/// header lines named `"Authorization"`, quotes included. So a report with a syntax error
/// also redacts, and a renderer that echoes source should also hide, by their looks:
/// - the value after a secret-looking name and `:` or `=`, quoted or not, escaped or not (a
///   JSON member, a header line, a query parameter, JSON inside a string), after any
///   `Bearer` or `Basic` scheme;
/// - a `Bearer` credential wherever it stands;
/// - anything shaped like a JWT (`eyJ...` with two dots).
///
/// It errs towards hiding: over-redacting a broken input costs a less helpful snippet,
/// under-redacting leaks a credential into CI logs.
pub fn scan(source: &[u8]) -> Vec<Span> {
    let mut spans = Vec::new();
    if !may_hold_credentials(source) {
        return spans;
    }
    let mut at = 0;
    while at < source.len() {
        let Some(start) = source
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| is_word(b)))
        else {
            break;
        };
        let start = at + start;
        let end = source
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| !is_word(b)))
            .map_or(source.len(), |n| start + n);
        let word = source.get(start..end).unwrap_or_default();
        let value = if looks_like_jwt(word) {
            Some((start, end))
        } else if word.eq_ignore_ascii_case(b"bearer") || is_secret_name(word) {
            value_after(source, end, word.eq_ignore_ascii_case(b"bearer"))
        } else {
            None
        };
        match value {
            Some((from, to)) => {
                spans.push(span(from, to));
                at = to.max(end);
            }
            None => at = end,
        }
    }
    spans
}

/// Whether `text` holds any of the words [`scan`] starts from: one pass of a prebuilt
/// automaton, cheaper than trying every word of a text that holds none.
fn may_hold_credentials(text: &[u8]) -> bool {
    static WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        // The names `is_secret_key` knows, and what starts a credential without one.
        let words = SECRET_WORDS
            .iter()
            .chain(&SECRET_KEYS)
            .chain(&["bearer", "eyJ"]);
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .ok()
    });
    // Without the automaton (it cannot fail to build), scan everything.
    WORDS.as_ref().is_none_or(|words| words.is_match(text))
}

/// Bytes of names and of token-like values.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+' | b'/')
}

/// Whether `word` names a credential.
fn is_secret_name(word: &[u8]) -> bool {
    std::str::from_utf8(word).is_ok_and(is_secret_key)
}

/// `eyJ` (`{"` in base64url) followed by two more dot-separated segments.
fn looks_like_jwt(word: &[u8]) -> bool {
    word.starts_with(b"eyJ") && word.iter().filter(|&&b| b == b'.').count() >= 2
}

/// The value that follows a name ending at `end`: after quotes, backslashes and blanks, a
/// `:` or `=` (which `Bearer` needs not), then the value up to the next delimiter. A
/// `Bearer`/`Basic` scheme before the value is skipped, so the credential after it is hidden.
fn value_after(source: &[u8], end: usize, scheme: bool) -> Option<(usize, usize)> {
    let skip = |mut i: usize, set: &[u8]| {
        while source.get(i).is_some_and(|b| set.contains(b)) {
            i += 1;
        }
        i
    };
    let mut i = skip(end, b"\"' \t\\");
    if !scheme {
        if !matches!(source.get(i), Some(b':' | b'=')) {
            return None;
        }
        i += 1;
    }
    let mut from = skip(i, b"\"' \t\\");
    for word in [&b"bearer "[..], b"basic "] {
        if source
            .get(from..from + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            from = skip(from + word.len(), b" \t");
        }
    }
    let to = source
        .get(from..)
        .and_then(|rest| rest.iter().position(|b| b"\"'`\\,;&#}] \t\r\n".contains(b)))
        .map_or(source.len(), |n| from + n);
    // `<token>` and `<redacted>` are placeholders in help lines and output, not credentials.
    (to > from && source.get(from) != Some(&b'<')).then_some((from, to))
}

fn span(from: usize, to: usize) -> Span {
    let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Span::new(offset(from), offset(to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_value() {
        let s = Secret::new("sk-live-4242");
        assert_eq!(
            format!("{s} {s:?} {:?}", Some(&s)),
            "<redacted> <redacted> Some(<redacted>)"
        );
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"sk-live-4242\"");
    }

    /// The texts `scan` hides in `source`.
    fn hidden(source: &str) -> Vec<&str> {
        scan(source.as_bytes())
            .iter()
            .map(|s| &source[s.start as usize..s.end as usize])
            .collect()
    }

    #[test]
    fn scan_finds_credentials_in_broken_text() {
        assert_eq!(
            hidden(r#"  "Authorization": "Bearer abc.def", "#),
            ["abc.def"]
        );
        assert_eq!(hidden(r#"{"x-api-key":"k-1","to":"+1"#), ["k-1"]);
        assert_eq!(
            hidden(r#""url": "https://h/p?botId=1&access_token=t0k&x=1""#),
            ["t0k"]
        );
        assert_eq!(hidden(r#""body": "{\"token\": \"s3cr3t\", "#), ["s3cr3t"]);
        assert_eq!(hidden("X-Auth-Token: abc def\r\n"), ["abc"]);
        assert_eq!(
            hidden("send eyJhbGc.eyJzdWIi.sig now"),
            ["eyJhbGc.eyJzdWIi.sig"]
        );
        assert_eq!(hidden("auth: bearer xyz"), ["xyz"]);
        assert_eq!(hidden(r#""tokens": 5, "text": "hello""#), ["5"]);
        assert!(hidden(r#""message": "your order shipped", "tag": "ACCOUNT_UPDATE""#).is_empty());
    }
}
