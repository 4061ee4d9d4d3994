//! Inline messages (spec §3.6): each element of `messages` should be an object with `text`
//! or `attachment` (`smax.messages.shape`); text is at most 2000 characters
//! (`messenger.text.length`, an attribute on [`V2Message`]).
//!
//! Smax documents only `{"text": string}`, so an element of another shape is a warning, not
//! a type error: the rule travels with the element type, [`V2MessageItem`], whose `Check` and
//! `JsonSchema` impls are here. Its schema accepts what the validator only warns about.
//!
//! ```text
//! #[pushspec(at_least_one_of(text, attachment, code = "smax.messages.shape"))]
//! struct V2Message { ... }
//!
//! messages: Option<Vec<V2MessageItem>>,
//! ```

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::catalog;
use crate::check::{Check, Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::schema;
use crate::vendors::smax::{V2Message, V2MessageItem};

impl Check for V2MessageItem {
    const EXPECTED: &'static str = "a message object";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        if node.as_object().is_some() {
            return V2Message::check(node, at, cx);
        }
        let what = match node.kind() {
            "array" => "an array",
            "null" => "null",
            "boolean" => "a boolean",
            "number" => "a number",
            _ => "a string",
        };
        cx.emit(
            &catalog::SMAX_MESSAGES_SHAPE,
            at,
            node.span,
            format_args!("{} is {what}, not a message object", Described(*at)),
        )
        .help("write each message as `{\"text\": \"...\"}`, or as a Messenger `{\"attachment\": {...}}`");
        true
    }
}

impl JsonSchema for V2MessageItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SmaxV2MessageItem".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let message = g.subschema_for::<V2Message>();
        let mut s = json_schema!({
            "description": "A message object; an element of another kind is accepted with a warning.",
            // "Anything but an object", spelt as the other five types: code generators turn
            // `not` into "any value", which would also admit a malformed message object.
            "anyOf": [ message, { "type": ["array", "boolean", "null", "number", "string"] } ]
        });
        schema::note_on(&mut s, &catalog::SMAX_MESSAGES_SHAPE, &[]);
        s
    }
}
