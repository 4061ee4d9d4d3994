//! Conditional fields: required when a sibling has a value, or forbidden unless it has.
//!
//! ```text
//! #[pushspec(required_if(platform = "facebook", code = "mantago.fb-tag.required"))]
//! #[pushspec(forbidden_unless(platform = "facebook", code = "mantago.fb-tag.unused"))]
//! fb_tag: Option<String>,
//! ```

use crate::check::Cx;
use crate::diag::{Path, Rule};
use crate::json::{Member, Node, Span};

/// A field and the member found for it, if any.
pub type Slot<'m, 'a> = (&'static str, Option<&'m Member<'a>>);

/// `field` must be given when `sibling` is the string `value`.
pub fn required_if(
    object: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    field: Slot<'_, '_>,
    sibling: Slot<'_, '_>,
    value: &str,
    rule: &'static Rule,
) {
    let (name, member) = field;
    if sibling_is(sibling, value) && !member.is_some_and(|m| m.value.is_given()) {
        let span = member.map_or(
            Span::new(object.span.start, object.span.start.saturating_add(1)),
            |m| m.value.span,
        );
        cx.emit(
            rule,
            &at.key(name),
            span,
            format_args!("`{name}` is required when `{}` is `{value}`", sibling.0),
        );
    }
}

/// `field` must not be given unless `sibling` is the string `value`. Says nothing when the
/// sibling is absent or not a string: that is the sibling's own finding.
pub fn forbidden_unless(
    _object: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    field: Slot<'_, '_>,
    sibling: Slot<'_, '_>,
    value: &str,
    rule: &'static Rule,
) {
    let (name, member) = field;
    let Some(member) = member.filter(|m| m.value.is_given()) else {
        return;
    };
    let Some(actual) = sibling.1.and_then(|m| m.value.as_str()) else {
        return;
    };
    if actual != value {
        cx.emit(
            rule,
            &at.key(member.key),
            member.key_span,
            format_args!(
                "`{name}` only applies when `{}` is `{value}`, not `{actual}`",
                sibling.0
            ),
        )
        .help(format_args!("remove `{name}`"));
    }
}

fn sibling_is(sibling: Slot<'_, '_>, value: &str) -> bool {
    sibling.1.and_then(|m| m.value.as_str()) == Some(value)
}
