//! The `chatfuel.send` request (spec §3.7), as serde models with their rules: the whole
//! request `{path, query, headers, body}`, and the parameters, which Chatfuel reads from
//! the query string or the JSON body alike.
//!
//! [`UserPath`] and [`Headers`] are shared with Smax V1, which clones this API.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Model, Secret};

use super::rules;

/// The whole `chatfuel.send` request: `POST https://api.chatfuel.com/bots/{BOT_ID}/users/{USER_ID}/send`,
/// with the parameters in the query string, in a JSON body, or split between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "ChatfuelSendRequest",
    check = rules::send::request,
    rules("auth.token.missing", "chatfuel.route.missing", "chatfuel.route.multiple")
)]
pub struct SendRequest {
    /// The bot and the user, from the URL path.
    pub path: UserPath,
    /// The query string parameters, percent-decoded.
    pub query: Query,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// The JSON body, if any: the same parameters as the query string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
}

impl crate::request::EndpointRequest for SendRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::SEND;
}

/// The path parameters of a Chatfuel-style send: the bot, then the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "ChatfuelUserPath")]
pub struct UserPath {
    /// The bot id from the dashboard URL (24 hex digits in Chatfuel's examples).
    #[serde(rename = "BOT_ID")]
    pub bot_id: String,
    /// The user: the `messenger user id`, the `chatfuel user id` or the `fb_id` attribute.
    #[serde(rename = "USER_ID")]
    pub user_id: String,
}

/// The headers a Chatfuel-style send reads: only `Content-Type`, which is JSON when a body is
/// sent. The credential is a parameter, never a header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "ChatfuelHeaders")]
pub struct Headers {
    /// `application/json`.
    #[serde(
        rename = "content-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[pushspec(apply = crate::rules::media_type::json)]
    pub content_type: Option<String>,
    /// Other headers, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

/// The parameters in the query string. Exactly one of `chatfuel_block_name`,
/// `chatfuel_block_id`, `chatfuel_flow_name` and `chatfuel_flow_id` selects what runs, and
/// `chatfuel_token` is required; each may be here or in the body. Every other name is a user
/// attribute to set; names starting `chatfuel_` are reserved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "ChatfuelQuery",
    check = rules::send::query,
    rules("chatfuel.attr.reserved-prefix")
)]
pub struct Query {
    /// The parameters.
    #[serde(flatten)]
    pub params: Params,
    /// User attributes to set before the block or flow runs.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, String>,
}

/// The JSON body: the same parameters as the query string, which Chatfuel reads from either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "ChatfuelBody",
    check = rules::send::body,
    rules("chatfuel.attr.reserved-prefix")
)]
pub struct Body {
    /// The parameters.
    #[serde(flatten)]
    pub params: Params,
    /// User attributes to set before the block or flow runs.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, serde_json::Value>,
}

/// The documented parameters, which Chatfuel reads from the query string or the JSON body
/// alike; [`Query`] and [`Body`] flatten them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "ChatfuelParams")]
pub struct Params {
    /// The bot's API token (Settings → API). Required, in the query string or the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatfuel_token: Option<Secret>,
    /// The name of the block to run (percent-encoded in the query string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatfuel_block_name: Option<String>,
    /// The id of the block to run: 24 hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[0-9a-fA-F]{24}$", code = "chatfuel.block-id.shape"))]
    pub chatfuel_block_id: Option<String>,
    /// The name of the flow to run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatfuel_flow_name: Option<String>,
    /// The id of the flow to run; it starts at its entry point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatfuel_flow_id: Option<String>,
    /// A Messenger message tag for sends outside the 24-hour window; `UPDATE` is Chatfuel's
    /// pseudo-tag for sends inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(messenger_tag = "chatfuel")]
    pub chatfuel_message_tag: Option<String>,
    /// A comma-separated list of tags; it replaces the user's existing tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
}
