//! The `oca.template` request body (spec §3.10), as serde models with their rules.
//!
//! The plain, media and authentication variants share one wire format: the variant is read
//! from the header parameter's type and from the template registry (§5), not from the shape.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Model;

use super::rules;

/// The whole `oca.template` request: the headers and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaTemplateRequest")]
pub struct TemplateRequest {
    /// The request headers (names lower-cased).
    pub headers: Headers,
    /// The JSON body.
    pub body: TemplatePush,
}

impl TemplateRequest {
    /// A request with the documented headers: the raw JWT and `application/json`.
    pub fn new(token: crate::Secret, body: TemplatePush) -> Self {
        let headers = Headers {
            authorization: token,
            content_type: "application/json".into(),
            other: BTreeMap::new(),
        };
        TemplateRequest { headers, body }
    }
}

impl crate::request::EndpointRequest for TemplateRequest {
    const ENDPOINT: &'static crate::Endpoint = &super::TEMPLATE;
}

/// The headers OCA reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaHeaders")]
pub struct Headers {
    /// The JWT from the OCA dashboard, raw as documented; `Bearer <JWT>` is accepted too.
    #[serde(rename = "authorization")]
    #[pushspec(missing = "auth.header.missing", apply = crate::rules::auth::jwt_bearer_tolerated)]
    pub authorization: crate::Secret,
    /// `application/json`.
    #[serde(rename = "content-type")]
    #[pushspec(apply = crate::rules::media_type::json)]
    pub content_type: String,
    /// Other headers, passed through.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

/// A WhatsApp template push: `POST https://wa01.ocatelkom.co.id/api/v2/push/message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaTemplatePush", unknown = "common.field.unknown")]
pub struct TemplatePush {
    /// The recipient's WhatsApp number with its country code; the leading `+` is optional
    /// (`6281298765432` or `+6281298765432`).
    #[pushspec(phone = "intl")]
    pub phone_number: String,
    /// The message to send.
    pub message: Message,
    /// Keys OCA does not document, kept so nothing is lost; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// The message: always a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaMessage", unknown = "common.field.unknown")]
pub struct Message {
    /// The message type; OCA's push endpoint sends templates only.
    #[serde(rename = "type")]
    pub kind: MessageType,
    /// The template and its parameters.
    pub template: Template,
}

/// The kind of message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(name = "OcaMessageType")]
pub enum MessageType {
    /// A pre-approved WhatsApp template.
    Template,
}

/// An approved template and the values for its placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "OcaTemplate",
    unknown = "common.field.unknown",
    check = rules::auth::apply,
    check = rules::template::apply,
    rules(
        "oca.auth.media-header", "oca.auth.otp-charset", "oca.auth.button-otp",
        "oca.template.unregistered", "oca.template.body-param-count", "oca.template.header-mismatch",
        "oca.template.button-index", "oca.template.button-sub-type", "oca.template.button-static",
        "oca.template.button-missing",
    )
)]
pub struct Template {
    /// The template id issued by OCA, usually `<prefix>:<template_name>` where the prefix
    /// is a UUID written with `_` or a word such as `marketing`.
    #[pushspec(apply = rules::template_code::apply)]
    pub template_code_id: String,
    /// The components: at most one header, one body, and the buttons. `[]` for a template
    /// without variables.
    #[pushspec(
        unique_by(key = "index", code = "oca.button.index-duplicate"),
        apply = rules::payload::duplicate_positions
    )]
    pub payload: Vec<Component>,
}

/// One component of the template, chosen by `position`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "position", rename_all = "lowercase")]
#[pushspec(
    name = "OcaComponent",
    unknown = "common.field.unknown",
    check = rules::button::apply,
    schema = rules::button::schema,
    rules("oca.button.param-type", "whatsapp.button.url-suffix")
)]
pub enum Component {
    /// The header: one text or media parameter.
    Header {
        /// Exactly one parameter, whose type matches the template's header.
        #[pushspec(apply = rules::payload::header_parameters)]
        parameters: Vec<HeaderParameter>,
    },
    /// The body: one text parameter per placeholder, in order. `[]` when the body has none.
    Body {
        /// The placeholder values.
        parameters: Vec<BodyParameter>,
    },
    /// A button with a dynamic part: a quick-reply payload or a URL suffix.
    Button {
        /// The button kind. OCA documents the key `sub_types`; WhatsApp's `sub_type` is
        /// accepted and flagged.
        #[serde(alias = "sub_type")]
        #[pushspec(alias_code = "oca.button.sub-type-spelling")]
        sub_types: ButtonSubType,
        /// The button's position in the template, from 0.
        #[pushspec(missing = "oca.button.index-type")]
        index: ButtonIndex,
        /// One parameter: `{type: payload}` for quick replies, `{type: text}` for URLs.
        parameters: ButtonParameters,
    },
}

/// A header parameter, chosen by `type`; a media type carries its value under the same key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "type", rename_all = "lowercase")]
#[pushspec(name = "OcaHeaderParameter", unknown = "common.field.unknown")]
pub enum HeaderParameter {
    /// A text header value.
    Text {
        /// The value, at most 60 characters.
        #[pushspec(
            missing = "whatsapp.param.text-empty",
            chars(max = 60, code = "whatsapp.header.text-length"),
            apply = rules::text::apply
        )]
        text: String,
    },
    /// An image header.
    Image {
        /// The image.
        #[pushspec(missing = "oca.header.media-mismatch")]
        image: Media,
    },
    /// A video header.
    Video {
        /// The video.
        #[pushspec(missing = "oca.header.media-mismatch")]
        video: Media,
    },
    /// A document header.
    Document {
        /// The document.
        #[pushspec(missing = "oca.header.media-mismatch")]
        document: Media,
    },
}

/// A media file OCA fetches by URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaMedia", unknown = "common.field.unknown")]
pub struct Media {
    /// Where OCA downloads the file: an absolute `http` or `https` URL.
    #[pushspec(url(scheme = "oca.media.url-scheme"))]
    pub url: String,
    /// A caption shown with the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// A body parameter: always text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "type", rename_all = "lowercase")]
#[pushspec(
    name = "OcaBodyParameter",
    unknown = "common.field.unknown",
    enum_code = "oca.body.param-type"
)]
pub enum BodyParameter {
    /// A text value for one placeholder.
    Text {
        /// The value: not blank, no newlines or tabs, no runs of 5 spaces.
        #[pushspec(missing = "whatsapp.param.text-empty", apply = rules::text::apply)]
        text: String,
    },
}

/// The kind of a dynamic button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "snake_case")]
#[pushspec(name = "OcaButtonSubType", enum_code = "oca.button.sub-type-enum")]
pub enum ButtonSubType {
    /// A quick-reply button; its parameter overrides the payload sent back.
    QuickReply,
    /// A URL button; its parameter is appended to the template's URL.
    UrlDynamic,
}

/// A button's 0-based position in the template (at most 10 buttons, so 0 to 9). OCA's SDKs
/// sometimes send it as a numeric string, which is accepted with `oca.button.index-string`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ButtonIndex(
    #[serde(deserialize_with = "rules::button::index_from_number_or_string")] pub u8,
);

/// A button's parameters: documented as an array of one; a bare object is read as one
/// parameter and flagged with `oca.button.parameters-shape`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ButtonParameters(
    #[serde(deserialize_with = "rules::button::parameters_from_array_or_object")]
    pub  Vec<ButtonParameter>,
);

/// A button parameter, chosen by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(tag = "type", rename_all = "lowercase")]
#[pushspec(
    name = "OcaButtonParameter",
    unknown = "common.field.unknown",
    enum_code = "oca.button.param-type"
)]
pub enum ButtonParameter {
    /// The payload a quick reply sends back.
    Payload {
        /// At most 256 characters.
        #[pushspec(chars(max = 256, code = "whatsapp.button.payload-length"))]
        payload: String,
    },
    /// The suffix appended to a URL button's base URL.
    Text {
        /// A path or query suffix, not a whole URL.
        text: String,
    },
}
