//! `mantago.name.missing`: one revision of MantaGO's docs requires the broadcast label
//! `name`, another does not, so a broadcast without one gets a warning.
//!
//! ```text
//! #[pushspec(check = rules::name::missing)]
//! struct Broadcast { ... }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Checks a broadcast body for a missing, null or empty `name`.
pub fn missing(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let span = match node.get("name") {
        None => super::opening(node),
        Some(name) if !name.is_given() => name.span,
        Some(_) => return,
    };
    cx.emit(
        &catalog::MANTAGO_NAME_MISSING,
        &at.key("name"),
        span,
        "the broadcast has no `name`; one revision of MantaGO's docs requires it",
    )
    .help("add a label such as `\"name\": \"order-confirmed\"`; it also finds the broadcast in the dashboard");
}
