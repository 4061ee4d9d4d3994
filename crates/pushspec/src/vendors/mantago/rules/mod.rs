//! MantaGO's rules that are more than one attribute: one module per family of §3.1 and §3.2.
//!
//! They read the raw JSON tree, like every check, so they still run when the request is
//! structurally broken elsewhere.

pub mod bot_id;
pub mod client_ids;
pub mod message;
pub mod name;

use crate::json::{Node, Span};

/// The first byte of a node, for findings about what it lacks.
pub(crate) fn opening(node: &Node<'_>) -> Span {
    Span::new(node.span.start, node.span.start.saturating_add(1))
}
