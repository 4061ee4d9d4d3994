//! Smax.bot V2: the JSON send, `smax.v2.send` (spec §3.6), with its models, its rules and
//! its response (§6).
//!
//! One JSON body names the customer by one identifier (Smax id, e-mail, phone or Facebook
//! PSID), and carries either a block to run or inline messages. Keys Smax does not document
//! are custom attributes, as the integrator code sends them (`smax.attr.top-level`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Model;
use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

use super::rules;

/// `smax.v2.send`.
pub const V2_SEND: Endpoint = Endpoint {
    id: "smax.v2.send",
    vendor: "Smax.bot",
    url: "https://api.smax.bot/public/bots/{botID}/send",
    summary: "Send a block or inline messages to a customer by identifier",
    check_request: body_checker::<V2Request>,
    check_body: body_checker::<V2Send>,
    request_schema: schema_of::<V2Request>,
    body_schema: schema_of::<V2Send>,
    responses: &[
        Response {
            status: "200",
            description: "Accepted (undocumented; as V1, by inference): `success: true`.",
            schema: schema_of::<V2Response>,
        },
        Response {
            status: "default",
            description: "Rejected (undocumented; as V1, by inference): `success: false`, `result` says why.",
            schema: schema_of::<V2Response>,
        },
    ],
};

/// The whole `smax.v2.send` request: the path, the headers and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV2Request")]
pub struct V2Request {
    /// The bot, from the URL path.
    pub path: V2Path,
    /// The request headers (names lower-cased).
    pub headers: V2Headers,
    /// The JSON body.
    pub body: V2Send,
}

impl V2Request {
    /// A request with the documented parts: the bot in the path, `Bearer <bot token>` and
    /// `application/json` in the headers.
    pub fn new(bot_id: impl Into<String>, token: &crate::Secret, body: V2Send) -> Self {
        V2Request {
            path: V2Path {
                bot_id: bot_id.into(),
            },
            headers: V2Headers {
                authorization: crate::Secret::new(format!("Bearer {}", token.expose())),
                content_type: Some("application/json".into()),
                other: BTreeMap::new(),
            },
            body,
        }
    }
}

impl crate::request::EndpointRequest for V2Request {
    const ENDPOINT: &'static Endpoint = &V2_SEND;
}

/// The path parameters of `https://api.smax.bot/public/bots/{botID}/send`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV2Path")]
pub struct V2Path {
    /// The bot's id.
    #[serde(rename = "botID")]
    pub bot_id: String,
}

/// The headers Smax V2 reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV2Headers")]
pub struct V2Headers {
    /// `Bearer <bot token>`.
    #[serde(rename = "authorization")]
    #[pushspec(missing = "auth.header.missing", apply = crate::rules::auth::bearer)]
    pub authorization: crate::Secret,
    /// `application/json`, as Smax's example sends it (the field table does not list it).
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

/// A V2 send: `POST https://api.smax.bot/public/bots/{botID}/send`. Names the customer by
/// exactly one identifier, and sends a block (`block_id`) or inline `messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "SmaxV2Send",
    unknown = "smax.attr.top-level",
    at_least_one_of(
        customer_id,
        customer_email,
        customer_phone,
        customer_fbid,
        code = "smax.customer.identifier-required"
    ),
    at_most_one_of(
        customer_id,
        customer_email,
        customer_phone,
        customer_fbid,
        code = "smax.customer.multiple-identifiers"
    ),
    exactly_one_of(
        block_id,
        messages,
        missing = "smax.content.missing",
        multiple = "smax.content.both"
    ),
    at_most_one_of(
        messaging_tag,
        one_time_notif_token,
        notification_messages_token,
        code = "smax.send-mode.conflict"
    ),
    rules("smax.priority.items", "messenger.token.marketing-deprecated")
)]
pub struct V2Send {
    /// The customer's Smax id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The customer's e-mail address, as stored in Smax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(email)]
    pub customer_email: Option<String>,
    /// The customer's phone number, as stored in Smax (national `09…` forms are fine).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(phone = "subscriber")]
    pub customer_phone: Option<String>,
    /// The customer's Facebook page-scoped id (PSID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_fbid: Option<String>,
    /// The block to run: 24 hex digits. Send this or `messages`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(pattern(regex = "^[0-9a-fA-F]{24}$", code = "smax.block-id.shape"))]
    pub block_id: Option<String>,
    /// Inline messages, instead of a block: `{"text": "..."}` as documented, or a Messenger
    /// `attachment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<V2MessageItem>>,
    /// A Messenger one-time notification token: single use, valid for a year after opt-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(apply = rules::token::one_time_reused)]
    pub one_time_notif_token: Option<crate::Secret>,
    /// A Messenger marketing-messages token (formerly Recurring Notifications), deprecated
    /// by Meta.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(apply = rules::token::marketing_deprecated)]
    pub notification_messages_token: Option<crate::Secret>,
    /// The order in which the identifiers are tried (inferred from integrator code): each of
    /// `fbid`, `phone` and `email` at most once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(apply = rules::priority::repeated)]
    pub priority: Option<Vec<V2Identifier>>,
    /// A Messenger message tag. Not in the V2 doc, but integrator code sends it and V1
    /// documents it: one of the three current tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(messenger_tag = "smax")]
    pub messaging_tag: Option<String>,
    /// Custom attributes to store on the customer: any other top-level key.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, serde_json::Value>,
}

/// One element of `messages`: a message object, or anything else, which is kept and flagged
/// with `smax.messages.shape` (Smax does not document the elements beyond `{"text"}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum V2MessageItem {
    /// A message object.
    Message(V2Message),
    /// Something that is not a message object.
    Other(serde_json::Value),
}

/// An inline message: text, or a Messenger attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "SmaxV2Message",
    at_least_one_of(text, attachment, code = "smax.messages.shape")
)]
pub struct V2Message {
    /// The text, at most 2000 characters (Messenger's limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(chars(max = 2000, code = "messenger.text.length"))]
    pub text: Option<String>,
    /// A Messenger attachment object (`{"type": "image", "payload": {...}}`), passed through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<serde_json::Value>,
    /// Other keys (`quick_replies`, ...), passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// A customer identifier, as an item of `priority`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(name = "SmaxV2Identifier", other_code = "smax.priority.items")]
pub enum V2Identifier {
    /// `customer_fbid`.
    Fbid,
    /// `customer_phone`.
    Phone,
    /// `customer_email`.
    Email,
    /// A value the integrator code does not use.
    #[serde(untagged)]
    Other(String),
}

/// Smax's answer to a V2 send. Undocumented; inferred to be V1's: `{"success": true}`, or
/// `{"success": false, "result": "<reason>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "SmaxV2Response")]
pub struct V2Response {
    /// Whether Smax accepted the send.
    pub success: bool,
    /// A status text, or why the send failed (never match on the wording).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::EndpointRequest;
    use crate::{Options, Profile, Secret, Severity, validate_body};

    fn codes(body: &str) -> Vec<&'static str> {
        let report = validate_body(&V2_SEND, body.as_bytes(), &Options::default());
        let mut codes: Vec<_> = report.diagnostics.iter().map(|d| d.rule.code).collect();
        codes.sort_unstable();
        codes
    }

    #[test]
    fn bodies() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            (r#"{"customer_fbid":"6029384756102938","block_id":"64a1f0c2e3b4d5a6f7081921"}"#, &[]),
            (r#"{"customer_phone":"0912345678","messages":[{"text":"Xin chào"},{"attachment":{"type":"image"}}]}"#, &[]),
            (r#"{"block_id":"64a1f0c2e3b4d5a6f7081921"}"#, &["smax.customer.identifier-required"]),
            (r#"{"customer_id":"c1","customer_fbid":"1","block_id":"64a1f0c2e3b4d5a6f7081921"}"#, &["smax.customer.multiple-identifiers"]),
            (r#"{"customer_email":"lan@","block_id":"64a1f0c2e3b4d5a6f7081921"}"#, &["smax.customer.email-unparseable"]),
            (r#"{"customer_id":"c1","block_id":"b1"}"#, &["smax.block-id.shape"]),
            (r#"{"customer_id":"c1"}"#, &["smax.content.missing"]),
            (r#"{"customer_id":"c1","messages":[]}"#, &["smax.content.missing"]),
            (r#"{"customer_id":"c1","block_id":"64a1f0c2e3b4d5a6f7081921","messages":[{"text":"a"}]}"#, &["smax.content.both"]),
            (r#"{"customer_id":"c1","messages":[42, null, {}, {"text":""}]}"#, &["smax.messages.shape", "smax.messages.shape", "smax.messages.shape", "smax.messages.shape"]),
            (r#"{"customer_id":"c1","messages":"Xin chào"}"#, &["common.field.type"]),
            (r#"{"customer_id":"c1","block_id":"64a1f0c2e3b4d5a6f7081921","priority":["phone","Email","phone"]}"#, &["smax.priority.items", "smax.priority.items"]),
            (r#"{"customer_id":"c1","block_id":"64a1f0c2e3b4d5a6f7081921","messaging_tag":"ACCOUNT_UPDATE","notification_messages_token":"t"}"#, &["messenger.token.marketing-deprecated", "smax.send-mode.conflict"]),
            (r#"{"customer_id":"c1","block_id":"64a1f0c2e3b4d5a6f7081921","notification_messages_token":""}"#, &[]),
            (r#"{"customer_id":"c1","block_id":"64a1f0c2e3b4d5a6f7081921","ten_khach":"Lan"}"#, &["smax.attr.top-level"]),
        ];
        for (body, expected) in cases {
            assert_eq!(codes(body), *expected, "{body}");
        }
    }

    #[test]
    fn several_identifiers_are_an_error_in_strict() {
        let body =
            br#"{"customer_id":"c1","customer_fbid":"1","block_id":"64a1f0c2e3b4d5a6f7081921"}"#;
        let options = Options {
            profile: Profile::Strict,
            ..Options::default()
        };
        let report = validate_body(&V2_SEND, body, &options);
        assert_eq!(report.diagnostics.len(), 1);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Error)
        );
    }

    #[test]
    fn typed_requests_build_and_validate_clean() {
        let body: V2Send = serde_json::from_str(
            r#"{"customer_phone":"0912345678","priority":["phone","zalo"],"messages":[{"text":"Xin chào"},"raw"],"hang":"vàng"}"#,
        )
        .unwrap();
        assert_eq!(
            body.priority,
            Some(vec![
                V2Identifier::Phone,
                V2Identifier::Other("zalo".into())
            ])
        );
        assert!(matches!(
            body.messages.as_deref(),
            Some([V2MessageItem::Message(_), V2MessageItem::Other(_)])
        ));
        assert_eq!(
            body.attributes.get("hang"),
            Some(&serde_json::json!("vàng"))
        );

        let body: V2Send = serde_json::from_str(
            r#"{"customer_fbid":"6029384756102938","block_id":"64a1f0c2e3b4d5a6f7081921"}"#,
        )
        .unwrap();
        let request = V2Request::new(
            "64a1f0c2e3b4d5a6f7081920",
            &Secret::new("smx-demo-bot-token-8840"),
            body,
        )
        .to_request()
        .unwrap();
        assert_eq!(
            request.url,
            "https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send"
        );
        let report = crate::validate_request(&request, &Options::default());
        assert_eq!(report.endpoint, Some("smax.v2.send"));
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    }

    #[test]
    fn message_item_schema_accepts_what_is_only_a_warning() {
        let schema = schemars::SchemaGenerator::default().into_root_schema_for::<V2MessageItem>();
        let text = serde_json::to_string(&schema).unwrap();
        assert!(
            text.contains(r#""type":["array","boolean","null","number","string"]"#),
            "{text}"
        );
        assert!(text.contains("smax.messages.shape"), "{text}");
    }
}
