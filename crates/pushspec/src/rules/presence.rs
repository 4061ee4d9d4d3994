//! Presence: required fields (`common.field.required`), expected fields
//! (`common.field.expected`), and keys found under another spelling.
//!
//! A field is required when its Rust type is not `Option<_>` and it has no
//! `#[serde(default)]`; the code can be changed per field:
//!
//! ```text
//! #[pushspec(missing = "oca.button.index-type")] index: i64,
//! #[pushspec(expected)] ahachat_block_name: Option<String>,
//! ```

use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::{Member, Node, Value};

/// Records that the member at `at` is absent from `object`. The finding points at the object,
/// where the member should have been.
pub fn missing(object: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, rule: &'static Rule) {
    let span = crate::json::Span::new(object.span.start, object.span.start.saturating_add(1));
    cx.emit(
        rule,
        at,
        span,
        format_args!("{} is missing", Described(*at)),
    );
}

/// Records that the member at `at`, which the variant picked by `tag` needs, is absent. If
/// the object carries a key of another variant instead, the help says so: that is what a
/// mismatched tag looks like (`{"type": "image", "video": {...}}`).
pub fn missing_in_variant(
    object: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    rule: &'static Rule,
    tag: (&str, &str),
    siblings: &[&str],
) {
    let span = crate::json::Span::new(object.span.start, object.span.start.saturating_add(1));
    let (tag, value) = tag;
    let d = cx.emit(
        rule,
        at,
        span,
        format_args!(
            "{} is missing; an object whose `{tag}` is `{value}` needs it",
            Described(*at)
        ),
    );
    if let Some(other) = siblings.iter().find(|k| object.get(k).is_some()) {
        d.help(format_args!(
            "the object has `{other}` instead: set `{tag}` to match it, or send the value under {}",
            Described(*at)
        ));
    }
}

/// For a required field that is present: `""` counts as absent (spec §0). Returns whether
/// the value is given.
pub fn given(value: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, rule: &'static Rule) -> bool {
    match &value.value {
        Value::String("") => {
            cx.emit(
                rule,
                at,
                value.span,
                format_args!("{} is empty; it is required", Described(*at)),
            );
            false
        }
        _ => true,
    }
}

/// Records that `member` was found under an accepted spelling instead of `wire`.
pub fn alias(member: &Member<'_>, at: &Path<'_>, cx: &mut Cx<'_>, wire: &str, rule: &'static Rule) {
    cx.emit(
        rule,
        at,
        member.key_span,
        format_args!(
            "key `{}` is read as `{wire}`, the documented spelling",
            member.key
        ),
    )
    .help(format_args!("rename the key to `{wire}`"));
}
