//! The `mantago.broadcast` and `mantago.token` requests (spec §3.1, §3.2), as serde models
//! with their rules.
//!
//! Both endpoints read `botId` from the query string and authenticate twice: a `Bearer` JWT
//! in the header and the paired `secret` in the body. Some MantaGO pages put `botId` in the
//! body instead, so the body models accept it too, and the request models check where it was
//! sent ([`rules::bot_id`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Model;

use super::rules;

/// The whole `mantago.broadcast` request: the query string, the headers and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "MantagoBroadcastRequest",
    check = rules::bot_id::apply,
    rules("mantago.bot-id.in-body", "mantago.bot-id.conflict", "mantago.bot-id.shape")
)]
pub struct BroadcastRequest {
    /// The query string: `botId`.
    pub query: Query,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// The JSON body.
    pub body: Broadcast,
}

impl BroadcastRequest {
    /// A request with the documented parts: `botId` in the query, `Bearer <token>` and
    /// `application/json` in the headers.
    pub fn new(bot_id: impl Into<String>, token: &crate::Secret, body: Broadcast) -> Self {
        BroadcastRequest {
            query: Query::new(bot_id),
            headers: Headers::new(token),
            body,
        }
    }
}

impl crate::request::EndpointRequest for BroadcastRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::BROADCAST;
}

/// The whole `mantago.token` request: the query string, the headers and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "MantagoTokenRequest",
    check = rules::bot_id::apply,
    rules("mantago.bot-id.in-body", "mantago.bot-id.conflict", "mantago.bot-id.shape")
)]
pub struct TokenRequest {
    /// The query string: `botId`.
    pub query: Query,
    /// The request headers (names lower-cased).
    pub headers: TokenHeaders,
    /// The JSON body.
    pub body: TokenRefresh,
}

impl TokenRequest {
    /// A request with the documented parts: `botId` in the query, `Bearer <current token>`
    /// and `application/json` in the headers.
    pub fn new(bot_id: impl Into<String>, token: &crate::Secret, body: TokenRefresh) -> Self {
        let Headers {
            authorization,
            content_type,
            other,
        } = Headers::new(token);
        TokenRequest {
            query: Query::new(bot_id),
            headers: TokenHeaders {
                authorization,
                content_type,
                other,
            },
            body,
        }
    }
}

impl crate::request::EndpointRequest for TokenRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::TOKEN;
}

/// The query string of both MantaGO endpoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "MantagoQuery")]
pub struct Query {
    /// The bot's id: the part of the dashboard URL after `/chatbot/`, 9 letters and digits
    /// (`Qa7Lm2Xz9`). Documented in the query; a `botId` in the body is accepted with a
    /// warning, so it is only required in one of the two places.
    #[serde(rename = "botId", default, skip_serializing_if = "Option::is_none")]
    pub bot_id: Option<String>,
    /// Other query parameters, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

impl Query {
    /// The query string `?botId=<bot_id>`.
    pub fn new(bot_id: impl Into<String>) -> Self {
        Query {
            bot_id: Some(bot_id.into()),
            other: BTreeMap::new(),
        }
    }
}

/// The headers `mantago.broadcast` reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "MantagoHeaders")]
pub struct Headers {
    /// `Bearer <JWT>`: the Open API token, valid for 30 days.
    #[serde(rename = "authorization")]
    #[pushspec(missing = "auth.header.missing", apply = crate::rules::auth::bearer_jwt)]
    pub authorization: crate::Secret,
    /// `application/json`.
    #[serde(rename = "content-type")]
    #[pushspec(apply = crate::rules::media_type::json)]
    pub content_type: String,
    /// Other headers, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

impl Headers {
    /// `Authorization: Bearer <token>` and `Content-Type: application/json`.
    pub fn new(token: &crate::Secret) -> Self {
        Headers {
            authorization: crate::Secret::new(format!("Bearer {}", token.expose())),
            content_type: "application/json".into(),
            other: BTreeMap::new(),
        }
    }
}

/// The headers `mantago.token` reads: as [`Headers`], but the token may have expired, since
/// replacing it is what the call is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "MantagoTokenHeaders")]
pub struct TokenHeaders {
    /// `Bearer <JWT>`: the current token, expired or not.
    #[serde(rename = "authorization")]
    #[pushspec(missing = "auth.header.missing", apply = crate::rules::auth::bearer_jwt_refresh)]
    pub authorization: crate::Secret,
    /// `application/json`.
    #[serde(rename = "content-type")]
    #[pushspec(apply = crate::rules::media_type::json)]
    pub content_type: String,
    /// Other headers, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

/// A broadcast: `POST https://mantago.cc/api/openapi/broadcast?botId={botId}`. It sends a
/// conversation module (`intentId`) or plain text (`message`) to LINE or Messenger users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(
    name = "MantagoBroadcast",
    unknown = "common.field.unknown",
    exactly_one_of(intent_id, message, missing = "mantago.content.missing", multiple = "mantago.content.both"),
    check = rules::client_ids::omitted,
    check = rules::message::length,
    check = rules::name::missing,
    rules(
        "mantago.client-ids.omitted", "mantago.client-ids.duplicate", "mantago.name.missing",
        "line.text.length", "messenger.text.length",
    )
)]
pub struct Broadcast {
    /// The bot's id. MantaGO documents it in the query string; here it is accepted with a
    /// warning, and must agree with the query's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[A-Za-z0-9]{9}$", code = "mantago.bot-id.shape"))]
    pub bot_id: Option<String>,
    /// The secret key paired with the token.
    pub secret: crate::Secret,
    /// The conversation module to send: the last path segment of the module's page. Send
    /// this or `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent_id: Option<String>,
    /// Plain text to send instead of a module: at most 5000 characters on LINE, 2000 on
    /// Messenger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The users to reach ("platform UUIDs"). Which audience an omitted list reaches is
    /// undocumented, so always send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(apply = rules::client_ids::duplicates)]
    pub client_ids: Option<Vec<String>>,
    /// The channel: `line` or `facebook`.
    pub platform: Platform,
    /// The Messenger message tag, required on `facebook` and meaningless elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(
        required_if(platform = "facebook", code = "mantago.fb-tag.required"),
        forbidden_unless(platform = "facebook", code = "mantago.fb-tag.unused"),
        messenger_tag = "mantago"
    )]
    pub fb_tag: Option<String>,
    /// A label for the broadcast in the dashboard. One revision of the docs requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Keys MantaGO does not document, kept so nothing is lost; each gets
    /// `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// The channel a broadcast goes to. MantaGO renders the list empty in its docs; `line` and
/// `facebook` are the values its use cases show, and others (`instagram`) are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(name = "MantagoPlatform", other_code = "mantago.platform.unknown")]
pub enum Platform {
    /// LINE.
    Line,
    /// Facebook Messenger; needs `fbTag`.
    Facebook,
    /// A value MantaGO's docs do not show.
    #[serde(untagged)]
    Other(String),
}

/// A token refresh: `POST https://mantago.cc/api/openapi/token?botId={botId}`. Issues a new
/// token and secret; the old pair stops working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(name = "MantagoTokenRefresh", unknown = "common.field.unknown")]
pub struct TokenRefresh {
    /// The bot's id. MantaGO documents it in the query string; here it is accepted with a
    /// warning, and must agree with the query's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[A-Za-z0-9]{9}$", code = "mantago.bot-id.shape"))]
    pub bot_id: Option<String>,
    /// The current secret key.
    pub secret: crate::Secret,
    /// Keys MantaGO does not document, kept so nothing is lost; each gets
    /// `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}
