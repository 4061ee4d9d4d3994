//! The `firstline.push` and `firstline.push-line-user` requests (spec §3.8, §3.9), as serde
//! models with their rules: the whole requests `{path, query, headers, body}`, and the bodies.
//!
//! FIRST LINE puts the message under `message` and its kind in a sibling `type`, which serde
//! would write as an adjacently tagged enum. Code generators understand an internally tagged
//! union better, and the derive supports only that, so each body is an enum tagged by `type`
//! whose variants repeat the shared members and carry `message` typed for their kind. The
//! wire format is the same.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Model, Secret};

use super::message::{ButtonMessage, CarouselMessage, ImageCarouselMessage, QuickReplyMessage};
use super::rules;

/// The whole `firstline.push` request: `POST https://{API_HOST}/api/v1/message/push`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlinePushRequest",
    check = rules::request::credential,
    rules("auth.header.missing")
)]
pub struct PushRequest {
    /// The query string; it may carry the API token instead of the header (the parameter's
    /// name is undocumented).
    pub query: Query,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// The JSON body.
    pub body: PushBody,
}

impl PushRequest {
    /// A request with the documented headers: the raw token, `application/json` both ways.
    pub fn new(token: Secret, body: PushBody) -> Self {
        PushRequest {
            query: Query::default(),
            headers: Headers::new(token),
            body,
        }
    }
}

impl crate::request::EndpointRequest for PushRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::PUSH;
}

/// The whole `firstline.push-line-user` request:
/// `POST https://{API_HOST}/api/social-media-contact/adapter/push-message/line-account/{line_account}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlinePushLineUserRequest",
    check = rules::request::credential,
    rules("auth.header.missing")
)]
pub struct PushLineUserRequest {
    /// The LINE official account, from the URL path.
    pub path: LineAccountPath,
    /// The query string; it may carry the API token instead of the header.
    pub query: Query,
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// The JSON body.
    pub body: LineUserBody,
}

impl PushLineUserRequest {
    /// A request to the LINE account `line_account` with the documented headers.
    pub fn new(line_account: u64, token: Secret, body: LineUserBody) -> Self {
        PushLineUserRequest {
            path: LineAccountPath {
                line_account: line_account.to_string(),
            },
            query: Query::default(),
            headers: Headers::new(token),
            body,
        }
    }
}

impl crate::request::EndpointRequest for PushLineUserRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::PUSH_LINE_USER;
}

/// The path parameters of `firstline.push-line-user`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineLineAccountPath",
    rules("firstline.line-account.type")
)]
pub struct LineAccountPath {
    /// FIRST LINE's id of the LINE official account: a positive integer such as `12`.
    #[pushspec(apply = rules::request::line_account)]
    pub line_account: String,
}

/// The query string, percent-decoded. FIRST LINE accepts the API token as a query parameter
/// whose name it does not document; any parameter whose name contains `token` is taken for
/// it and redacted. Its `Check` and `JsonSchema` are in [`rules::request`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Query(pub BTreeMap<String, String>);

/// The headers FIRST LINE reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineHeaders",
    check = rules::request::accept,
    rules("firstline.header.accept")
)]
pub struct Headers {
    /// The employee's API token, raw, without a scheme. It may be sent in the query string
    /// instead.
    #[serde(
        rename = "authorization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[pushspec(apply = crate::rules::auth::raw)]
    pub authorization: Option<Secret>,
    /// `application/json`.
    #[serde(rename = "content-type")]
    #[pushspec(apply = crate::rules::media_type::json)]
    pub content_type: String,
    /// `application/json`. FIRST LINE asks for it; what happens without it is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    /// Other headers, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

impl Headers {
    /// The documented headers: the raw token, and JSON both ways.
    pub fn new(token: Secret) -> Self {
        Headers {
            authorization: Some(token),
            content_type: "application/json".into(),
            accept: Some("application/json".into()),
            other: BTreeMap::new(),
        }
    }
}

/// The `firstline.push` body: one message to one FIRST LINE contact, chosen by `type`.
/// Platform limits (spec §4) apply by `contactable_type`: LINE's for `App\LineContact`,
/// Messenger's for `App\FbContact`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "type", rename_all = "snake_case")]
#[pushspec(
    name = "FirstlinePushBody",
    unknown = "common.field.unknown",
    check = rules::limits::push,
    rules(
        "line.text.length", "line.alt-text.length", "line.buttons.text-length",
        "line.buttons.action-count", "line.carousel.column-count", "line.carousel.title-length",
        "line.carousel.text-length", "line.carousel.action-count", "line.carousel.consistency",
        "line.action.label-length", "line.action.text-length", "line.action.uri",
        "line.image.https", "line.quick-reply.count",
        "messenger.text.length", "messenger.quick-reply.count", "messenger.quick-reply.title-length",
        "messenger.button.count", "messenger.button.title-length", "messenger.button.text-length",
        "messenger.generic.element-count", "messenger.generic.text-length",
    )
)]
pub enum PushBody {
    /// A text message.
    Text {
        /// The contact's channel: `App\LineContact`, `App\FbContact`, ...
        contactable_type: ContactableType,
        /// The FIRST LINE contact id, from the Contact API (not a LINE userId or a PSID).
        contactable_id: ContactableId,
        /// Send even while an agent holds the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text.
        #[pushspec(with = rules::message::string)]
        message: String,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A text with up to a few buttons.
    Button {
        /// The contact's channel: `App\LineContact`, `App\FbContact`, ...
        contactable_type: ContactableType,
        /// The FIRST LINE contact id, from the Contact API (not a LINE userId or a PSID).
        contactable_id: ContactableId,
        /// Send even while an agent holds the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text and its buttons.
        #[pushspec(with = rules::message::object::<ButtonMessage>)]
        message: ButtonMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A text with quick replies.
    Quickreply {
        /// The contact's channel: `App\LineContact`, `App\FbContact`, ...
        contactable_type: ContactableType,
        /// The FIRST LINE contact id, from the Contact API (not a LINE userId or a PSID).
        contactable_id: ContactableId,
        /// Send even while an agent holds the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text and its quick replies.
        #[pushspec(with = rules::message::object::<QuickReplyMessage>)]
        message: QuickReplyMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A carousel of cards, each with an image, a title, a text and actions.
    Carousel {
        /// The contact's channel: `App\LineContact`, `App\FbContact`, ...
        contactable_type: ContactableType,
        /// The FIRST LINE contact id, from the Contact API (not a LINE userId or a PSID).
        contactable_id: ContactableId,
        /// Send even while an agent holds the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The cards.
        #[pushspec(with = rules::message::object::<CarouselMessage>)]
        message: CarouselMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A carousel of images, each with one action and coloured labels.
    ImageCarousel {
        /// The contact's channel: `App\LineContact`, `App\FbContact`, ...
        contactable_type: ContactableType,
        /// The FIRST LINE contact id, from the Contact API (not a LINE userId or a PSID).
        contactable_id: ContactableId,
        /// Send even while an agent holds the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The images.
        #[pushspec(with = rules::message::object::<ImageCarouselMessage>)]
        message: ImageCarouselMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
}

/// The `firstline.push-line-user` body: one message to a LINE user of the account in the
/// path, chosen by `type`. FIRST LINE creates the contact if it has none. LINE's limits
/// (spec §4) always apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "type", rename_all = "snake_case")]
#[pushspec(
    name = "FirstlineLineUserBody",
    unknown = "common.field.unknown",
    check = rules::limits::line_user,
    rules(
        "line.text.length", "line.alt-text.length", "line.buttons.text-length",
        "line.buttons.action-count", "line.carousel.column-count", "line.carousel.title-length",
        "line.carousel.text-length", "line.carousel.action-count", "line.carousel.consistency",
        "line.action.label-length", "line.action.text-length", "line.action.uri",
        "line.image.https", "line.quick-reply.count",
    )
)]
pub enum LineUserBody {
    /// A text message.
    Text {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text.
        #[pushspec(with = rules::message::string)]
        message: String,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A text with buttons.
    Button {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text and its buttons.
        #[pushspec(with = rules::message::object::<ButtonMessage>)]
        message: ButtonMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A text with quick replies.
    Quickreply {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The text and its quick replies.
        #[pushspec(with = rules::message::object::<QuickReplyMessage>)]
        message: QuickReplyMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A carousel of cards.
    Carousel {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The cards.
        #[pushspec(with = rules::message::object::<CarouselMessage>)]
        message: CarouselMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A carousel of images.
    ImageCarousel {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// The images.
        #[pushspec(with = rules::message::object::<ImageCarouselMessage>)]
        message: ImageCarouselMessage,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// An image. FIRST LINE lists the type but does not document its `message`, so it is
    /// not checked.
    Image {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// Undocumented; any JSON value.
        message: serde_json::Value,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
    /// A product carousel. FIRST LINE lists the type but does not document its `message`,
    /// so it is not checked.
    CarouselForProducts {
        /// The LINE userId: `U` and 32 lower-case hex digits.
        #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
        user_id: String,
        /// Send even while an agent holds the conversation (`0`/`1` tolerated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        is_force: Option<IsForce>,
        /// Undocumented; any JSON value.
        message: serde_json::Value,
        /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
        #[serde(flatten)]
        unknown: BTreeMap<String, serde_json::Value>,
    },
}

/// The channel of a FIRST LINE contact, as FIRST LINE's (Laravel) class name with one
/// literal backslash: `App\LineContact` is written `"App\\LineContact"` in JSON source.
/// Anything else is `firstline.contactable-type.enum`, with a suggested fix for the usual
/// slips (a doubled backslash, `/`, no `App\`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactableType {
    /// `App\LivechatContact`: the website live chat.
    Livechat,
    /// `App\LineContact`: LINE; LINE's limits apply.
    Line,
    /// `App\FbContact`: Facebook Messenger; Messenger's limits apply.
    Fb,
    /// `App\IgContact`: Instagram.
    Ig,
    /// `App\TelegramContact`: Telegram.
    Telegram,
    /// `App\ViberContact`: Viber.
    Viber,
    /// `App\WechatContact`: WeChat.
    Wechat,
}

impl ContactableType {
    /// Every type, in the documentation's order.
    pub const ALL: [ContactableType; 7] = [
        ContactableType::Livechat,
        ContactableType::Line,
        ContactableType::Fb,
        ContactableType::Ig,
        ContactableType::Telegram,
        ContactableType::Viber,
        ContactableType::Wechat,
    ];

    /// The value on the wire (decoded: one backslash).
    pub const fn wire(self) -> &'static str {
        match self {
            ContactableType::Livechat => "App\\LivechatContact",
            ContactableType::Line => "App\\LineContact",
            ContactableType::Fb => "App\\FbContact",
            ContactableType::Ig => "App\\IgContact",
            ContactableType::Telegram => "App\\TelegramContact",
            ContactableType::Viber => "App\\ViberContact",
            ContactableType::Wechat => "App\\WechatContact",
        }
    }

    /// The type whose wire value is `value`, exactly.
    pub fn from_wire(value: &str) -> Option<ContactableType> {
        ContactableType::ALL.into_iter().find(|t| t.wire() == value)
    }

    /// What the type stands for, for schema descriptions.
    pub const fn channel(self) -> &'static str {
        match self {
            ContactableType::Livechat => "website live chat",
            ContactableType::Line => "LINE",
            ContactableType::Fb => "Facebook Messenger",
            ContactableType::Ig => "Instagram",
            ContactableType::Telegram => "Telegram",
            ContactableType::Viber => "Viber",
            ContactableType::Wechat => "WeChat",
        }
    }
}

/// A FIRST LINE contact id: an integer, or a string of digits (which FIRST LINE reads the
/// same way). Anything else is `firstline.contactable-id.type`, a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContactableId {
    /// The documented form, e.g. `5120`.
    Number(i64),
    /// The id as a string, e.g. `"5120"`.
    Text(String),
}

/// Whether to send even while an agent holds the conversation: `true`/`false`, or `1`/`0`.
/// Anything else is `firstline.is-force.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IsForce(#[serde(deserialize_with = "rules::contact::bool_from_bool_or_bit")] pub bool);
