//! The AhaChat requests (spec §3.3, §3.4), as serde models with their rules. AhaChat clones
//! Chatfuel's Broadcasting API: everything travels in the query string, the endpoint fixes
//! how the subscriber is found (by Messenger user id, or by phone number), and any other
//! query name is a subscriber attribute to save.
//!
//! AhaChat documents no body. Parameters sent in a JSON body anyway are read (integrator
//! code relies on it) and flagged, so the body models carry the same parameters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::vendors::chatfuel::Headers;
use crate::{Model, Secret};

use super::rules;

/// The whole `ahachat.send-by-user` request:
/// `POST https://ahachat.com/api/bots/{BOT_ID}/users/{USER_ID}/send?ahachat_token=...`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatSendByUserRequest",
    check = rules::send_by_user,
    rules("auth.token.missing", "ahachat.block.missing")
)]
pub struct SendByUserRequest {
    /// The bot and the subscriber, from the URL path.
    pub path: UserPath,
    /// The query string parameters, percent-decoded.
    pub query: UserQuery,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// A JSON body, which AhaChat does not document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<UserBody>,
}

impl crate::request::EndpointRequest for SendByUserRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::SEND_BY_USER;
}

/// The whole `ahachat.send-by-phone` request:
/// `POST https://ahachat.com/api/bots/{BOT_ID}/phones/send?ahachat_token=...&phone=...`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatSendByPhoneRequest",
    check = rules::send_by_phone,
    rules("auth.token.missing", "common.field.required", "ahachat.block.missing")
)]
pub struct SendByPhoneRequest {
    /// The bot, from the URL path.
    pub path: BotPath,
    /// The query string parameters, percent-decoded.
    pub query: PhoneQuery,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// A JSON body, which AhaChat does not document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<PhoneBody>,
}

impl crate::request::EndpointRequest for SendByPhoneRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::SEND_BY_PHONE;
}

/// The path parameters of `ahachat.send-by-user`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "AhachatUserPath")]
pub struct UserPath {
    /// The bot id (numeric in practice).
    #[serde(rename = "BOT_ID")]
    pub bot_id: String,
    /// The subscriber's page-scoped Messenger user id (`messenger_user_id`): digits.
    #[serde(rename = "USER_ID")]
    #[pushspec(pattern(regex = "^[0-9]+$", code = "ahachat.user-id.shape"))]
    pub user_id: String,
}

/// The path parameters of `ahachat.send-by-phone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "AhachatBotPath")]
pub struct BotPath {
    /// The bot id (numeric in practice).
    #[serde(rename = "BOT_ID")]
    pub bot_id: String,
}

/// The query string of `ahachat.send-by-user`. `ahachat_token` is required and
/// `ahachat_block_name` expected; every other name is a subscriber attribute to save, and
/// names starting `ahachat_` are best avoided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatUserQuery",
    check = rules::user_query,
    rules("ahachat.attr.reserved-prefix")
)]
pub struct UserQuery {
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: Params,
    /// Subscriber attributes to save.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, String>,
}

/// The query string of `ahachat.send-by-phone`: as [`UserQuery`], plus the subscriber's
/// phone number, which is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatPhoneQuery",
    check = rules::phone_query,
    rules("ahachat.attr.reserved-prefix")
)]
pub struct PhoneQuery {
    /// The subscriber's phone number as AhaChat stored it (`84912345678` or `0912345678`);
    /// a `+` must be sent as `%2B`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(phone = "subscriber")]
    pub phone: Option<String>,
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: Params,
    /// Subscriber attributes to save.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, String>,
}

/// A JSON body sent to `ahachat.send-by-user`. AhaChat documents the query string only:
/// every key here is flagged, and the parameters are still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatUserBody",
    check = rules::user_body,
    rules("ahachat.params.in-body", "ahachat.attr.reserved-prefix")
)]
pub struct UserBody {
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: Params,
    /// Subscriber attributes: belong in the query string.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, serde_json::Value>,
}

/// A JSON body sent to `ahachat.send-by-phone`. AhaChat documents the query string only:
/// every key here is flagged, and the parameters are still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "AhachatPhoneBody",
    check = rules::phone_body,
    rules("ahachat.params.in-body", "ahachat.attr.reserved-prefix")
)]
pub struct PhoneBody {
    /// The subscriber's phone number: belongs in the query string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(phone = "subscriber")]
    pub phone: Option<String>,
    /// The token, block and tag.
    #[serde(flatten)]
    pub params: Params,
    /// Subscriber attributes: belong in the query string.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, serde_json::Value>,
}

/// AhaChat's parameters besides the phone: documented in the query string, read from the
/// body too. [`UserQuery`], [`PhoneQuery`], [`UserBody`] and [`PhoneBody`] flatten them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "AhachatParams")]
pub struct Params {
    /// The bot's API token (Settings; resettable): 64 lower-case hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[0-9a-f]{64}$", code = "ahachat.token.shape"))]
    pub ahachat_token: Option<Secret>,
    /// The name of the block to send, percent-encoded in the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahachat_block_name: Option<String>,
    /// A Messenger message tag for sends outside the 24-hour window; AhaChat lists the three
    /// current tags, and `STANDARD_MESSAGING` for no tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(messenger_tag = "ahachat")]
    pub ahachat_message_tag: Option<String>,
}
