//! The audience, `clientIds` (spec §3.1): omitted or empty leaves the audience undefined
//! (`mantago.client-ids.omitted`), and a repeated id would be sent twice, or is a copy-paste
//! slip (`mantago.client-ids.duplicate`).
//!
//! ```text
//! #[pushspec(check = rules::client_ids::omitted)]
//! struct Broadcast {
//!     #[pushspec(apply = rules::client_ids::duplicates)]
//!     client_ids: Option<Vec<String>>,
//! }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::{Node, Value};

/// Checks a broadcast body for a missing, null or empty `clientIds`.
pub fn omitted(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let (span, message) = match node.get("clientIds") {
        None => (super::opening(node), "`clientIds` is omitted"),
        Some(ids) if matches!(ids.value, Value::Null) => (ids.span, "`clientIds` is null"),
        Some(ids) if ids.as_array().is_some_and(<[_]>::is_empty) => {
            (ids.span, "`clientIds` is empty")
        }
        Some(_) => return,
    };
    cx.emit(
        &catalog::MANTAGO_CLIENT_IDS_OMITTED,
        &at.key("clientIds"),
        span,
        format_args!("{message}; which users MantaGO then reaches is undocumented"),
    )
    .help("list the platform ids of the users to reach, e.g. `\"clientIds\": [\"c-48213\"]`");
}

/// Checks the `clientIds` array for repeated ids.
pub fn duplicates(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(items) = node.as_array() else { return };
    for (i, item) in items.iter().enumerate() {
        let Some(id) = item.as_str() else { continue };
        let first = items
            .iter()
            .take(i)
            .position(|earlier| earlier.as_str() == Some(id));
        if let Some(first) = first {
            cx.emit(
                &catalog::MANTAGO_CLIENT_IDS_DUPLICATE,
                &at.index(i),
                item.span,
                format_args!("item {i} repeats the id of item {first}"),
            )
            .help("list each user once");
        }
    }
}
