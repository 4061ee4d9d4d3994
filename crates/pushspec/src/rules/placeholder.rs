//! `common.value.placeholder`: a value copied from documentation and never filled in, such
//! as `{{customer_name}}`, `<YOUR_TOKEN>`, `{API_HOST}`, `YOUR_BOT_ID`, `token_here`, or a
//! value equal to its own key (`"botId": "botId"`).
//!
//! Applied to every string in the request, not through an attribute: a placeholder can
//! stand anywhere. The value is never echoed, because it may sit in a secret field.

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::rules::starts_with_ignore_case;

/// The kind of placeholder `value` is, if it is one. `key` is the member name it stands
/// under, if any.
pub fn classify(value: &str, key: Option<&str>) -> Option<&'static str> {
    let v = trim(value);
    // This runs on every string of every request, and almost none is a placeholder: one scan
    // for a brace spares the plain ones the substring searches.
    let braced = has_brace(v.as_bytes());
    let between = |open: &str, close: &str| {
        v.find(open)
            .is_some_and(|i| v.get(i + open.len()..).is_some_and(|r| r.contains(close)))
    };
    if braced && between("{{", "}}") {
        Some("a `{{...}}` template variable")
    } else if v.len() > 2
        && v.starts_with('<')
        && v.ends_with('>')
        && !v
            .get(1..v.len() - 1)
            .unwrap_or_default()
            .contains(['<', '>'])
    {
        Some("an `<...>` placeholder")
    } else if braced
        && (v.contains("{API_HOST}")
            || (v.len() > 2
                && v.starts_with('{')
                && v.ends_with('}')
                && is_name(v.get(1..v.len() - 1).unwrap_or_default())))
    {
        Some("a `{...}` URL-template parameter")
    } else if (v
        .as_bytes()
        .first()
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'y'))
        && ["YOUR_", "YOUR-"]
            .iter()
            .any(|p| starts_with_ignore_case(v, p)))
        || (v
            .as_bytes()
            .last()
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'e'))
            && ["_HERE", "-HERE"]
                .iter()
                .any(|s| ends_with_ignore_case(v, s)))
    {
        Some("a `YOUR_...`/`..._here` placeholder")
    } else if key.is_some_and(|k| !k.is_empty() && k == v) {
        Some("the name of its own key")
    } else {
        None
    }
}

/// `str::trim`, settled by two byte checks for the usual value, which starts and ends with a
/// visible ASCII character. (`trim` itself decodes characters from both ends, and this runs
/// on every string.)
fn trim(v: &str) -> &str {
    match (v.as_bytes().first(), v.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => v,
        _ => v.trim(),
    }
}

/// Whether `bytes` holds a `{`, eight bytes at a time. This runs on every string, most of them
/// short, where `memchr`'s set-up costs more than the search.
fn has_brace(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // `(x - ONES) & !x & HIGH` is non-zero exactly when `x` has a zero byte.
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'{'));
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().contains(&b'{')
}

/// `s.to_ascii_uppercase().ends_with(suffix)` for an uppercase ASCII `suffix`, without the
/// copy.
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len().checked_sub(suffix.len()).is_some_and(|at| {
        s.as_bytes()
            .get(at..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Checks one string value standing at `at` (under the key `key`, if any).
pub fn apply(node: &Node<'_>, key: Option<&str>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(value) = node.as_str() else { return };
    if let Some(kind) = classify(value, key) {
        cx.emit(
            &catalog::COMMON_VALUE_PLACEHOLDER,
            at,
            node.span,
            format_args!("{} looks like {kind}, not a real value", Described(*at)),
        )
        .help("replace it with the real value before sending");
    }
}

#[cfg(test)]
mod tests {
    use super::classify;

    #[test]
    fn finds_a_brace_anywhere() {
        for len in 0..20 {
            let plain = "é".repeat(len);
            assert!(!super::has_brace(plain.as_bytes()), "{len}");
            for at in 0..=plain.len() {
                let mut bytes = plain.as_bytes().to_vec();
                bytes.insert(at, b'{');
                assert!(super::has_brace(&bytes), "{len} {at}");
            }
        }
        // Bytes next to `{` (0x7b) are not it.
        assert!(!super::has_brace(b"zzzz|}|}z|}[z"));
    }

    #[test]
    fn recognises_documentation_placeholders_only() {
        for (value, key) in [
            ("{{nama_pelanggan}}", None),
            ("Halo {{1}}", None),
            ("<YOUR_TOKEN>", None),
            ("<bot id>", None),
            ("https://{API_HOST}/api/v1/message/push", None),
            ("{botId}", None),
            ("YOUR_BOT_ID", None),
            ("token_here", None),
            ("botId", Some("botId")),
        ] {
            assert!(classify(value, key).is_some(), "{value:?}");
        }
        for value in [
            "Rina",
            "A1024",
            "<b>bold</b> and <i>",
            "a < b > c",
            "{}",
            "your order",
            "https://shop.example/a?b={c}",
        ] {
            assert_eq!(classify(value, Some("text")), None, "{value:?}");
        }
    }
}
