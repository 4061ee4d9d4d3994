//! The entry points: bytes in, report out.

use crate::catalog;
use crate::check::{Cx, Options};
use crate::diag::{Path, Report};
use crate::endpoint::Endpoint;
use crate::json::{self, Arena, Member, Node, Value};
use crate::rules;

/// Validates a bare request body as `endpoint`. Rules that need the method, URL or headers
/// are skipped (spec §0). Never panics; a body that is not JSON gets one
/// `request.body.invalid-json` diagnostic with its position.
pub fn validate_body(endpoint: &'static Endpoint, body: &[u8], options: &Options) -> Report {
    let mut cx = Cx::new(options);
    let parsed =
        Arena::with(
            |arena| match json::parse(body, arena, &options.limits.for_validation()) {
                Ok(node) => {
                    every_value(&node, None, &Path::BODY, &mut cx);
                    (endpoint.check_body)(&node, &Path::BODY, &mut cx);
                    true
                }
                Err(e) => {
                    syntax_error(&e, &Path::BODY, &mut cx);
                    false
                }
            },
        );
    let mut report = cx.into_report(Some(endpoint.id));
    // A body that parsed is valid UTF-8, which makes its columns cheaper to count.
    report.locate_in(body, parsed);
    report
}

/// The rules that apply to every value whatever its field, in one walk: repeated keys
/// (JSON parsers disagree on which copy wins; the vendors' PHP and Node servers take the
/// last, so a repeat is never resolved silently) and unfilled placeholders.
pub(crate) fn every_value(node: &Node<'_>, key: Option<&str>, at: &Path<'_>, cx: &mut Cx<'_>) {
    match &node.value {
        Value::Object(members) => {
            // Objects are small, so a scan of the earlier keys is cheapest; a set takes over
            // for large ones, so that a million-key object stays linear. The set is only made
            // for those: making one seeds its hasher, which small objects need not pay for.
            let mut seen = (members.len() > 16).then(std::collections::HashSet::new);
            // Before a scan, one bit per key (from its length and last byte) rules out most
            // repeats: a key whose bit no earlier key set cannot repeat one. Without it, every
            // member compared itself with every earlier one.
            let mut bits = 0u64;
            for (i, m) in members.iter().enumerate() {
                let repeated = match &mut seen {
                    None => {
                        let bit = key_bit(m.key);
                        let maybe = bits & bit != 0;
                        bits |= bit;
                        maybe
                            && members
                                .get(..i)
                                .unwrap_or_default()
                                .iter()
                                .any(|e: &Member<'_>| e.key == m.key)
                    }
                    Some(seen) => !seen.insert(m.key),
                };
                if repeated {
                    cx.emit(
                        &catalog::REQUEST_BODY_DUPLICATE_KEY,
                        &at.key(m.key),
                        m.key_span,
                        format_args!("key `{}` appears more than once in this object", m.key),
                    )
                    .help("servers keep only one of the values (most keep the last); remove the others");
                }
                // A key that assigns a credential is longer than any credential word.
                if m.key.len() > 5
                    && m.key.bytes().any(|b| matches!(b, b'=' | b':'))
                    && is_secret_key(m.key)
                {
                    secret_in_key(m, cx);
                }
                every_value(&m.value, Some(m.key), &at.key(m.key), cx);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                every_value(item, None, &at.index(i), cx);
            }
        }
        Value::String(_) => {
            // Belt and braces for spec §2.1: whatever the model says, a value under a key
            // that names a credential is redacted wherever the input is echoed.
            if key.is_some_and(is_secret_key) {
                cx.secret(node.span);
            }
            rules::placeholder::apply(node, key, at, cx);
        }
        _ => {}
    }
}

/// One of 64 bits for `key`, the same for equal keys: from its length and its last byte,
/// which tell most keys of one object apart (`type`, `text` and `template` differ in both).
fn key_bit(key: &str) -> u64 {
    let last = key.as_bytes().last().copied().unwrap_or(0);
    1 << ((key.len() as u32)
        .wrapping_mul(7)
        .wrapping_add(u32::from(last))
        % 64)
}

/// A key that names a credential and assigns it (a URL with `?token=...` pasted where a key
/// should be) holds the credential itself. Its credential-looking parts are secrets, so the
/// messages that quote the key redact them. A key written with escapes has other offsets
/// than its text, so the whole key is the secret then.
fn secret_in_key(m: &Member<'_>, cx: &mut Cx<'_>) {
    let raw_len = m.key_span.end.saturating_sub(m.key_span.start) as usize;
    if raw_len != m.key.len() + 2 {
        cx.secret(m.key_span);
        return;
    }
    let start = m.key_span.start.saturating_add(1);
    for s in crate::secret::scan(m.key.as_bytes()) {
        cx.secret(json::Span::new(
            start.saturating_add(s.start),
            start.saturating_add(s.end),
        ));
    }
}

/// Records a syntax error as `request.body.invalid-json` at `at`.
pub(crate) fn syntax_error(e: &json::SyntaxError, at: &Path<'_>, cx: &mut Cx<'_>) {
    let span = json::Span::new(e.offset, e.offset.saturating_add(1));
    cx.emit(&catalog::REQUEST_BODY_INVALID_JSON, at, span, e.to_string());
}

/// Keys and header names that name a credential as a whole (spec §2.1, and HTTP generally).
pub(crate) const SECRET_KEYS: [&str; 2] = ["authorization", "cookie"];

/// Words that make any key holding them name a credential: `bot_token`, `X-Api-Key`,
/// `client_secret`. Lower case; keys are compared case-insensitively.
pub(crate) const SECRET_WORDS: [&str; 5] = ["token", "secret", "api-key", "apikey", "api_key"];

/// The bytes, in either case, that start one of [`SECRET_WORDS`].
// Indexing in a `const` block cannot panic at run time: a bad index fails the build.
#[allow(clippy::indexing_slicing)]
static WORD_STARTS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < SECRET_WORDS.len() {
        let first = SECRET_WORDS[i].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Keys and header names that hold credentials in some vendor's API (spec §2.1), or in
/// HTTP generally (cookies, API keys): one of [`SECRET_KEYS`], or a key holding one of
/// [`SECRET_WORDS`].
pub(crate) fn is_secret_key(key: &str) -> bool {
    // Case-insensitive without lower-casing a copy, and one pass that tries a word only where
    // its first letter stands: this runs for every string in a request.
    let key = key.as_bytes();
    // Every word is at least 5 bytes long, and most keys (`url`, `type`, `text`) are
    // shorter: they are settled without a scan.
    if key.len() < 5 {
        return false;
    }
    SECRET_KEYS
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k.as_bytes()))
        || key.iter().enumerate().any(|(i, &b)| {
            // One table lookup settles most bytes: only a word's first letter starts a
            // comparison (this ran at 15 instructions a byte when every byte tried every word).
            WORD_STARTS.get(usize::from(b)) == Some(&true)
                && SECRET_WORDS.iter().any(|w| {
                    let w = w.as_bytes();
                    // The first two letters settle most candidates before a whole comparison.
                    w.get(1) == key.get(i + 1).map(u8::to_ascii_lowercase).as_ref()
                        && w.first() == Some(&b.to_ascii_lowercase())
                        && key
                            .get(i..i + w.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(w))
                })
        })
}
