//! Smax.bot V1: the Chatfuel-compatible send, `smax.v1.send` (spec §3.5), with its models,
//! its configuration of the Chatfuel-family rules ([`crate::vendors::chatfuel::rules`]) and
//! its responses, which are Chatfuel's (§6).
//!
//! Parameters travel in the query string; a JSON body (`{}` in Smax's example) may carry
//! attributes. Smax V1 still reserves Chatfuel's `chatfuel_` prefix. Parameters sent in the
//! body instead of the query string are read from there and flagged (`smax.params.in-body`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::endpoint::{Endpoint, body_checker, schema_of};
use crate::json::Node;
use crate::vendors::chatfuel::rules::presence::{self, Selector};
use crate::vendors::chatfuel::rules::{Body, Family, Part, attributes};
use crate::vendors::chatfuel::{self, Headers, UserPath};
use crate::{Model, Secret};

/// The responses of a Smax V1 send: Chatfuel's (spec §6).
pub use crate::vendors::chatfuel::{
    ErrorResponse as V1ErrorResponse, SuccessResponse as V1SuccessResponse,
};

/// `smax.v1.send`.
pub const V1_SEND: Endpoint = Endpoint {
    id: "smax.v1.send",
    vendor: "Smax.bot",
    url: "https://api.smax.bot/bots/{BOT_ID}/users/{USER_ID}/send",
    summary: "Chatfuel-style block send and/or attribute update",
    check_request: body_checker::<V1SendRequest>,
    check_body: body_checker::<V1Body>,
    request_schema: schema_of::<V1SendRequest>,
    body_schema: schema_of::<V1Body>,
    responses: chatfuel::RESPONSES,
};

/// The whole `smax.v1.send` request:
/// `POST https://api.smax.bot/bots/{BOT_ID}/users/{USER_ID}/send?bot_token=...&block_id=...`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "SmaxV1SendRequest",
    check = check_v1_request,
    rules("auth.token.missing", "smax.block.missing", "smax.block.multiple")
)]
pub struct V1SendRequest {
    /// The bot and the user (`messenger user id`, or `fb_id`), from the URL path.
    pub path: UserPath,
    /// The query string parameters, percent-decoded.
    pub query: V1Query,
    /// The request headers (names lower-cased); `Content-Type: application/json`.
    pub headers: Headers,
    /// The JSON body, if any: attributes to set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<V1Body>,
}

impl crate::request::EndpointRequest for V1SendRequest {
    const ENDPOINT: &'static Endpoint = &V1_SEND;
}

/// The query string. `bot_token` is required; `block_name` or `block_id` (not both) picks the
/// block to send, and without either the call only sets attributes. Every other name is a
/// user attribute; names starting `chatfuel_` are reserved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV1Query", check = check_v1_query, rules("chatfuel.attr.reserved-prefix"))]
pub struct V1Query {
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: V1Params,
    /// User attributes to set before the block is rendered.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, String>,
}

/// The JSON body: attributes to set. The parameters belong in the query string; sent here,
/// they are read and flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "SmaxV1Body",
    check = check_v1_body,
    rules("smax.params.in-body", "chatfuel.attr.reserved-prefix")
)]
pub struct V1Body {
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: V1Params,
    /// User attributes to set before the block is rendered.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, serde_json::Value>,
}

/// Smax V1's parameters: documented in the query string, read from the body too.
/// [`V1Query`] and [`V1Body`] flatten them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV1Params")]
pub struct V1Params {
    /// The bot's token (Configure tab).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_token: Option<Secret>,
    /// The name of the block to send, percent-encoded in the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_name: Option<String>,
    /// The id of the block to send, instead of its name: 24 hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[0-9a-fA-F]{24}$", code = "smax.block-id.shape"))]
    pub block_id: Option<String>,
    /// A Messenger message tag for sends outside the 24-hour window: one of the three current
    /// tags, without the quotes Smax's doc template shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(messenger_tag = "smax")]
    pub messaging_tag: Option<String>,
}

/// How Smax V1 reads a send: parameters in the query string, attributes there or in the body
/// (spec §3.5).
pub const SMAX_V1: Family = Family {
    vendor: "Smax",
    token: "bot_token",
    token_source: "the bot's Configure tab",
    documented: <V1Query as crate::Members>::KEYS,
    reserved: ("chatfuel_", &catalog::CHATFUEL_ATTR_RESERVED_PREFIX),
    body: Body::Tolerated {
        rule: &catalog::SMAX_PARAMS_IN_BODY,
        attributes_accepted: true,
    },
};

/// The block alternatives: `block_name`, or `block_id` instead.
pub const V1_BLOCK: Selector = Selector {
    names: &["block_name", "block_id"],
    what: "which block to send",
    missing: &catalog::SMAX_BLOCK_MISSING,
    missing_help: "without a block, Smax only sets the attributes; add `block_name` or `block_id` to send a message",
    multiple: &catalog::SMAX_BLOCK_MULTIPLE,
    multiple_help: "Smax's docs offer `block_id` instead of `block_name`, not with it: keep one",
};

/// The whole request: the token, and the block.
pub fn check_v1_request(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    presence::token(&SMAX_V1, node, at, cx);
    presence::one_of(&V1_BLOCK, node, at, cx);
}

/// The query string's names.
pub fn check_v1_query(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&SMAX_V1, Part::Query, node, at, cx);
}

/// The body's names.
pub fn check_v1_body(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&SMAX_V1, Part::Body, node, at, cx);
}

#[cfg(test)]
mod tests {
    use super::V1_SEND;
    use crate::vendors::chatfuel::rules::tests::{codes, envelope};
    use crate::{Options, validate_body};

    fn v1(query: &str, body: Option<&str>) -> crate::Report {
        let body = body
            .map(|b| format!(r#", "body": {b}"#))
            .unwrap_or_default();
        let url = "https://api.smax.bot/bots/64a1f0c2e3b4d5a6f7081920/users/6029384756102938/send";
        envelope(
            &V1_SEND,
            &format!(r#"{{"method": "POST", "url": "{url}?{query}"{body}}}"#),
        )
    }

    #[test]
    fn body_parameters_satisfy_the_query_and_attributes_there_are_fine() {
        let report = v1(
            "bot_token=t",
            Some(r#"{"block_name": "Chào mừng", "ho_ten": "Mai", "tong_tien": 890000}"#),
        );
        assert_eq!(codes(&report), ["smax.params.in-body"]);
        assert_eq!(report.diagnostics[0].pointer, "/body/block_name");
    }

    #[test]
    fn chatfuel_names_get_the_smax_name_as_help() {
        let report = v1(
            "bot_token=t&chatfuel_block_id=64a1f0c2e3b4d5a6f7081921",
            None,
        );
        assert_eq!(
            codes(&report),
            ["chatfuel.attr.reserved-prefix", "smax.block.missing"]
        );
        let reserved = report
            .diagnostics
            .iter()
            .find(|d| d.rule.code == "chatfuel.attr.reserved-prefix");
        assert_eq!(
            reserved.and_then(|d| d.help.as_deref()),
            Some("Smax names this parameter `block_id`")
        );
    }

    #[test]
    fn a_bare_body_is_checked_alone() {
        let report = validate_body(
            &V1_SEND,
            br#"{"bot_token": "t", "chatfuel_x": "1", "ho_ten": "Mai"}"#,
            &Options::default(),
        );
        assert_eq!(
            codes(&report),
            ["chatfuel.attr.reserved-prefix", "smax.params.in-body"]
        );
        assert!(
            validate_body(&V1_SEND, b"{}", &Options::default())
                .diagnostics
                .is_empty()
        );
    }
}
