//! The `message` of a FIRST LINE push, one type per `type` (spec §3.8): `button`,
//! `quickreply`, `carousel` and `image_carousel` (a `text` message is a plain string).
//!
//! FIRST LINE lists every member but says nothing about what it does when one is missing,
//! so apart from `options` and `columns`, without which there is no message, the members are
//! optional in the model and their absence is `firstline.message.field-missing`, a warning
//! (the [`Listed`] impls name them). The schema does not require them either, so it never
//! rejects what the validator only warns about.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Model;

use super::rules;
use super::rules::message::Listed;

/// A `button` message: a text and its buttons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineButtonMessage",
    unknown = "common.field.unknown",
    check = rules::message::listed::<ButtonMessage>,
    rules("firstline.message.field-missing")
)]
pub struct ButtonMessage {
    /// The text above the buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain_text: Option<String>,
    /// The buttons.
    #[pushspec(
        missing = "firstline.message.shape",
        with = rules::message::array::<ButtonOption>
    )]
    pub options: Vec<ButtonOption>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for ButtonMessage {
    const LISTED: &'static [&'static str] = &["explain_text"];
}

/// A button: it sends a text, dials a number or opens a URL, by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineButtonOption",
    unknown = "common.field.unknown",
    check = rules::message::listed::<ButtonOption>,
    rules("firstline.message.field-missing")
)]
pub struct ButtonOption {
    /// The button's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What the button does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ButtonOptionType>,
    /// The text sent back when tapped (`type: text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The number to dial (`type: phonenumber`), in E.164 form: `+886912345678`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(
        phone = "e164",
        required_if(kind = "phonenumber", code = "firstline.option.number-required"),
        forbidden_unless(kind = "phonenumber", code = "firstline.option.extraneous")
    )]
    pub number: Option<String>,
    /// The URL to open (`type: url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(
        url,
        required_if(kind = "url", code = "firstline.option.url-required"),
        forbidden_unless(kind = "url", code = "firstline.option.extraneous")
    )]
    pub url: Option<String>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for ButtonOption {
    const LISTED: &'static [&'static str] = &["label", "type"];
}

/// What a button does. FIRST LINE gives the types as examples, so another value is kept
/// and flagged with `firstline.option.type-unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(
    name = "FirstlineButtonOptionType",
    other_code = "firstline.option.type-unknown"
)]
pub enum ButtonOptionType {
    /// Sends `value` as the contact's reply.
    Text,
    /// Dials `number`.
    Phonenumber,
    /// Opens `url`.
    Url,
    /// A type FIRST LINE does not list.
    #[serde(untagged)]
    Other(String),
}

/// What a quick reply or a card action does. Another value is kept and flagged with
/// `firstline.option.type-unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(
    name = "FirstlineActionType",
    other_code = "firstline.option.type-unknown"
)]
pub enum ActionType {
    /// Sends a text as the contact's reply.
    Text,
    /// Opens `url`.
    Url,
    /// A type FIRST LINE does not list.
    #[serde(untagged)]
    Other(String),
}

/// A `quickreply` message: a text and the replies offered under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineQuickReplyMessage",
    unknown = "common.field.unknown",
    check = rules::message::listed::<QuickReplyMessage>,
    rules("firstline.message.field-missing")
)]
pub struct QuickReplyMessage {
    /// The text above the quick replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain_text: Option<String>,
    /// The quick replies.
    #[pushspec(
        missing = "firstline.message.shape",
        with = rules::message::array::<QuickReplyOption>
    )]
    pub options: Vec<QuickReplyOption>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for QuickReplyMessage {
    const LISTED: &'static [&'static str] = &["explain_text"];
}

/// A quick reply: it sends a text or opens a URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineQuickReplyOption",
    unknown = "common.field.unknown",
    check = rules::message::listed::<QuickReplyOption>,
    rules("firstline.message.field-missing")
)]
pub struct QuickReplyOption {
    /// The reply's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The text sent back when tapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What the reply does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionType>,
    /// The URL to open (`type: url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(
        url,
        required_if(kind = "url", code = "firstline.option.url-required"),
        forbidden_unless(kind = "url", code = "firstline.option.extraneous")
    )]
    pub url: Option<String>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for QuickReplyOption {
    const LISTED: &'static [&'static str] = &["label", "value", "type"];
}

/// A `carousel` message: cards side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineCarouselMessage",
    unknown = "common.field.unknown",
    check = rules::message::listed::<CarouselMessage>,
    rules("firstline.message.field-missing")
)]
pub struct CarouselMessage {
    /// The text shown where the carousel cannot be (notifications, chat lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// The cards.
    #[pushspec(
        missing = "firstline.message.shape",
        with = rules::message::array::<CarouselColumn>
    )]
    pub columns: Vec<CarouselColumn>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for CarouselMessage {
    const LISTED: &'static [&'static str] = &["alt_text"];
}

/// A card of a carousel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineCarouselColumn",
    unknown = "common.field.unknown",
    check = rules::message::listed::<CarouselColumn>,
    rules("firstline.message.field-missing")
)]
pub struct CarouselColumn {
    /// The card's image: an absolute `https` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(url)]
    pub image_url: Option<String>,
    /// The card's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The card's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The card's buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<CarouselAction>>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for CarouselColumn {
    const LISTED: &'static [&'static str] = &["image_url", "title", "text", "actions"];
}

/// A button of a card: it sends a text or opens a URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineCarouselAction",
    unknown = "common.field.unknown",
    check = rules::message::listed::<CarouselAction>,
    rules("firstline.message.field-missing")
)]
pub struct CarouselAction {
    /// What the button does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionType>,
    /// The button's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The text sent back when tapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The button's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The URL to open (`type: url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(
        url,
        required_if(kind = "url", code = "firstline.option.url-required"),
        forbidden_unless(kind = "url", code = "firstline.option.extraneous")
    )]
    pub url: Option<String>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for CarouselAction {
    const LISTED: &'static [&'static str] = &["type", "text", "value"];
}

/// An `image_carousel` message: images side by side, each with one action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineImageCarouselMessage",
    unknown = "common.field.unknown",
    check = rules::message::listed::<ImageCarouselMessage>,
    rules("firstline.message.field-missing")
)]
pub struct ImageCarouselMessage {
    /// The text shown where the carousel cannot be (notifications, chat lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// The images.
    #[pushspec(
        missing = "firstline.message.shape",
        with = rules::message::array::<ImageCarouselColumn>
    )]
    pub columns: Vec<ImageCarouselColumn>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for ImageCarouselMessage {
    const LISTED: &'static [&'static str] = &["alt_text"];
}

/// An image of an image carousel, with its action and two coloured labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineImageCarouselColumn",
    unknown = "common.field.unknown",
    check = rules::message::listed::<ImageCarouselColumn>,
    rules("firstline.message.field-missing")
)]
pub struct ImageCarouselColumn {
    /// The image: an absolute `https` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(url)]
    pub image_url: Option<String>,
    /// What tapping the image does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ImageCarouselAction>,
    /// The button drawn on the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button: Option<StyledText>,
    /// The badge drawn on the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<StyledText>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for ImageCarouselColumn {
    const LISTED: &'static [&'static str] = &["image_url", "action", "button", "badge"];
}

/// What tapping an image does. FIRST LINE documents `type`, `url` and `value` as nullable:
/// `null` means "not used" here, so only an absent member is
/// `firstline.message.field-missing`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineImageCarouselAction",
    unknown = "common.field.unknown",
    check = rules::message::listed::<ImageCarouselAction>,
    rules("firstline.message.field-missing")
)]
pub struct ImageCarouselAction {
    /// What the image does, or `null` for nothing.
    #[serde(rename = "type", default)]
    pub kind: Option<ActionType>,
    /// The URL to open (`type: url`), or `null`.
    #[serde(default)]
    #[pushspec(
        url,
        required_if(kind = "url", code = "firstline.option.url-required"),
        forbidden_unless(kind = "url", code = "firstline.option.extraneous")
    )]
    pub url: Option<String>,
    /// The text sent back when tapped (`type: text`), or `null`.
    #[serde(default)]
    pub value: Option<String>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for ImageCarouselAction {
    const LISTED: &'static [&'static str] = &["type", "url", "value"];
    const NULLABLE: bool = true;
}

/// A label drawn on an image (its `button` or `badge`): a text and its colours, each
/// `#RRGGBB`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[pushspec(
    name = "FirstlineStyledText",
    unknown = "common.field.unknown",
    check = rules::message::listed::<StyledText>,
    rules("firstline.message.field-missing")
)]
pub struct StyledText {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The fill colour, `#RRGGBB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(color)]
    pub background_color: Option<String>,
    /// The border colour, `#RRGGBB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(color)]
    pub border_color: Option<String>,
    /// The text colour, `#RRGGBB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[pushspec(color)]
    pub color: Option<String>,
    /// Keys FIRST LINE does not document; each gets `common.field.unknown`.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Listed for StyledText {
    const LISTED: &'static [&'static str] = &["text", "background_color", "border_color", "color"];
}
