//! Chatfuel's own configuration of the family rules, and the checks its model names:
//! the token and exactly one route (`chatfuel.route.missing`, `chatfuel.route.multiple`) over
//! the query string and body together, and reserved attribute names in each.

use crate::catalog;
use crate::check::{Cx, Members};
use crate::diag::Path;
use crate::json::Node;

use super::presence::{self, Selector};
use super::{Body, Family, Part, attributes};

/// How Chatfuel reads a send: every parameter in the query string or the body (spec §3.7).
pub const CHATFUEL: Family = Family {
    vendor: "Chatfuel",
    token: "chatfuel_token",
    token_source: "the bot's Settings → API",
    documented: <crate::vendors::chatfuel::Query as Members>::KEYS,
    reserved: ("chatfuel_", &catalog::CHATFUEL_ATTR_RESERVED_PREFIX),
    body: Body::Documented,
};

/// The routing parameters: exactly one says what runs.
pub const ROUTE: Selector = Selector {
    names: &[
        "chatfuel_block_name",
        "chatfuel_block_id",
        "chatfuel_flow_name",
        "chatfuel_flow_id",
    ],
    what: "which block or flow to run",
    missing: &catalog::CHATFUEL_ROUTE_MISSING,
    missing_help: "add one of them: `chatfuel_block_name` (percent-encoded) or `chatfuel_block_id`, or a flow's `chatfuel_flow_name` or `chatfuel_flow_id`",
    multiple: &catalog::CHATFUEL_ROUTE_MULTIPLE,
    multiple_help: "Chatfuel's docs ask for one of them and do not say which wins: keep one",
};

/// The whole request: the token, and one route.
pub fn request(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    presence::token(&CHATFUEL, node, at, cx);
    presence::one_of(&ROUTE, node, at, cx);
}

/// The query string's names.
pub fn query(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&CHATFUEL, Part::Query, node, at, cx);
}

/// The body's names.
pub fn body(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&CHATFUEL, Part::Body, node, at, cx);
}
