//! Values outside a documented set: `common.field.enum`, or a code of the model's choosing.
//!
//! ```text
//! #[serde(rename_all = "lowercase")]
//! enum Position { Header, Body, Button }
//!
//! #[pushspec(enum_code = "oca.button.sub-type-enum")]
//! enum ButtonSubType { QuickReply, UrlDynamic }
//! ```

use crate::check::{Cx, Described, Quoted};
use crate::diag::{Path, Rule};
use crate::json::Node;

/// Records that `value` (the string at `node`) is not one of `allowed`.
pub fn unknown(
    node: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    value: &str,
    allowed: &[&str],
    rule: &'static Rule,
) {
    let list = Quoted(allowed.iter().copied());
    let d = cx.emit(
        rule,
        at,
        node.span,
        format_args!("{} is `{value}`; expected one of {list}", Described(*at)),
    );
    if let Some(meant) = meant(value, allowed) {
        d.help(format_args!("did you mean `{meant}`?"));
    }
}

/// The allowed value that `value` most likely meant: the same up to case and separators, or
/// the only one it is a prefix of (`url` → `url_dynamic`).
fn meant<'a>(value: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let fold = |s: &str| s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let folded = fold(value);
    if folded.is_empty() {
        return None;
    }
    if let Some(same) = allowed.iter().find(|a| fold(a) == folded) {
        return Some(same);
    }
    let mut prefixed = allowed.iter().filter(|a| fold(a).starts_with(&folded));
    match (prefixed.next(), prefixed.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::meant;

    #[test]
    fn suggests_case_and_prefix_matches() {
        let sub = ["quick_reply", "url_dynamic"];
        assert_eq!(meant("url", &sub), Some("url_dynamic"));
        assert_eq!(meant("Quick-Reply", &sub), Some("quick_reply"));
        assert_eq!(meant("call", &sub), None);
        assert_eq!(meant("", &sub), None);
        assert_eq!(meant("t", &["text", "template"]), None);
    }
}
