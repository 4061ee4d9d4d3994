//! The length of a plain-text broadcast, by platform (spec §3.1, §4): at most 5000
//! characters on LINE (`line.text.length`), 2000 on Messenger (`messenger.text.length`).
//! Other platforms are not checked: their limits are unknown.
//!
//! ```text
//! #[pushspec(check = rules::message::length)]
//! struct Broadcast { ... }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;
use crate::rules::chars;

/// LINE's limit for a text message.
const LINE: chars::Args = chars::Args {
    min: None,
    max: Some(5000),
    rule: &catalog::LINE_TEXT_LENGTH,
};

/// Messenger's limit for a text message.
const MESSENGER: chars::Args = chars::Args {
    min: None,
    max: Some(2000),
    rule: &catalog::MESSENGER_TEXT_LENGTH,
};

/// Checks a broadcast body's `message` against its `platform`'s limit.
pub fn length(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(message) = node.get("message") else {
        return;
    };
    let limit = match node.get("platform").and_then(Node::as_str) {
        Some("line") => &LINE,
        Some("facebook") => &MESSENGER,
        _ => return,
    };
    chars::apply(message, &at.key("message"), cx, limit);
}
