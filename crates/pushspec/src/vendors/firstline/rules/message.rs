//! The shape of `message` (`firstline.message.shape`) and the members FIRST LINE lists for
//! it (`firstline.message.field-missing`).
//!
//! `message` is a string for `type: text` and an object otherwise, and an object message
//! has no content without its `options` or `columns` array. A mismatch there is
//! `firstline.message.shape` instead of `common.field.type`, through the field's type check:
//!
//! ```text
//! #[pushspec(with = rules::message::object::<ButtonMessage>)]
//! message: ButtonMessage,
//! #[pushspec(missing = "firstline.message.shape", with = rules::message::array::<ButtonOption>)]
//! options: Vec<ButtonOption>,
//! ```
//!
//! The other members are listed by a [`Listed`] impl and checked by [`listed`], a container
//! check: `#[pushspec(check = rules::message::listed::<ButtonMessage>)]`.

use crate::catalog;
use crate::check::{Check, Cx, Described};
use crate::diag::Path;
use crate::json::{Node, Span, Value};

/// The type check of a `text` message: a string, else `firstline.message.shape`.
pub fn string(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
    if matches!(node.value, Value::String(_)) {
        return true;
    }
    cx.emit(
        &catalog::FIRSTLINE_MESSAGE_SHAPE,
        at,
        node.span,
        format_args!(
            "a `text` message is a string, but {} is {}",
            Described(*at),
            kind(node)
        ),
    )
    .help("send the text itself: `\"message\": \"...\"`, or set `type` to the kind of object sent");
    false
}

/// The type check of an object message: an object, checked as `T`, else
/// `firstline.message.shape`.
pub fn object<T: Check>(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
    if node.as_object().is_some() {
        return T::check(node, at, cx);
    }
    let d = cx.emit(
        &catalog::FIRSTLINE_MESSAGE_SHAPE,
        at,
        node.span,
        format_args!(
            "this message `type` takes an object, but {} is {}",
            Described(*at),
            kind(node)
        ),
    );
    if matches!(node.value, Value::String(_)) {
        d.help("a plain text message needs `\"type\": \"text\"`; otherwise send the object that `type` documents");
    }
    false
}

/// The type check of `options` or `columns`: an array of `T`, else
/// `firstline.message.shape`.
pub fn array<T: Check>(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
    let Some(items) = node.as_array() else {
        let d = cx.emit(
            &catalog::FIRSTLINE_MESSAGE_SHAPE,
            at,
            node.span,
            format_args!("{} must be an array, found {}", Described(*at), kind(node)),
        );
        if node.as_object().is_some() {
            d.help("wrap the item in brackets: `[{...}]`");
        }
        return false;
    };
    for (i, item) in items.iter().enumerate() {
        T::check(item, &at.index(i), cx);
    }
    true
}

/// A message object whose members FIRST LINE lists, without saying what happens when one
/// is left out.
pub trait Listed {
    /// The members whose absence is `firstline.message.field-missing`, as on the wire.
    const LISTED: &'static [&'static str];
    /// Whether `null` is a documented value of the members (the image-carousel action): then
    /// only an absent member is missing; otherwise `null` counts as missing too.
    const NULLABLE: bool = false;
}

/// `firstline.message.field-missing` for each member of `T::LISTED` that is absent (or
/// `null`, unless `T::NULLABLE`). A key that differs only in case is already
/// `common.field.case`, so it is not reported twice.
pub fn listed<T: Listed>(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(members) = node.as_object() else {
        return;
    };
    for name in T::LISTED {
        let mut same = members.iter().filter(|m| m.key == *name);
        let present = match same.next() {
            Some(m) => T::NULLABLE || !matches!(m.value.value, Value::Null),
            None => members.iter().any(|m| m.key.eq_ignore_ascii_case(name)),
        };
        if !present {
            let span = Span::new(node.span.start, node.span.start.saturating_add(1));
            cx.emit(
                &catalog::FIRSTLINE_MESSAGE_FIELD_MISSING,
                &at.key(name),
                span,
                format_args!("`{name}` is missing; FIRST LINE lists it for this object"),
            )
            .help("FIRST LINE does not say what it does without it: send it");
        }
    }
}

/// "a string", "an object", "null": what a node is, for messages.
fn kind(node: &Node<'_>) -> &'static str {
    match node.value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
