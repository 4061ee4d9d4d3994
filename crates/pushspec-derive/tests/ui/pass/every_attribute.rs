//! A model that uses every attribute compiles, and validates what it declares.
use std::collections::BTreeMap;

use pushspec::{Model, Options};
use serde::{Deserialize, Serialize};

fn custom(_: &pushspec::json::Node<'_>, _: &pushspec::Path<'_>, _: &mut pushspec::Cx<'_>) {}

fn with(node: &pushspec::json::Node<'_>, at: &pushspec::Path<'_>, cx: &mut pushspec::Cx<'_>) -> bool {
    <String as pushspec::Check>::check(node, at, cx)
}

/// Every container and field attribute at once.
#[derive(Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(
    name = "EveryAttribute",
    unknown = "common.field.unknown",
    check = custom,
    rules("mantago.client-ids.omitted"),
    exactly_one_of(intent_id, message, missing = "mantago.content.missing", multiple = "mantago.content.both"),
    at_least_one_of(intent_id, message, code = "mantago.content.missing"),
    at_most_one_of(intent_id, message, code = "mantago.content.both")
)]
struct Everything {
    #[pushspec(expected)]
    name: Option<String>,
    intent_id: Option<String>,
    #[pushspec(chars(min = 1, max = 5000, code = "line.text.length"))]
    message: Option<String>,
    platform: Platform,
    #[pushspec(required_if(platform = "facebook", code = "mantago.fb-tag.required"))]
    #[pushspec(forbidden_unless(platform = "facebook", code = "mantago.fb-tag.unused"))]
    #[pushspec(messenger_tag = "mantago")]
    fb_tag: Option<String>,
    #[pushspec(items(max = 10, code = "line.carousel.column-count"), each(chars(max = 40, code = "line.carousel.title-length")))]
    client_ids: Option<Vec<String>>,
    #[pushspec(range(min = 0, max = 9, code = "oca.button.index-range"))]
    index: Option<i64>,
    #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
    user_id: Option<String>,
    #[pushspec(url(scheme = "oca.media.url-scheme", schemes = ["https"]))]
    image_url: Option<String>,
    #[pushspec(color)]
    color: Option<String>,
    #[pushspec(phone = "subscriber")]
    phone: Option<String>,
    #[pushspec(email)]
    email: Option<String>,
    #[serde(alias = "subType")]
    #[pushspec(alias_code = "oca.button.sub-type-spelling", with = with, apply = custom)]
    sub_types: Option<String>,
    #[pushspec(unique_by(key = "index", code = "oca.button.index-duplicate"))]
    buttons: Option<Vec<serde_json::Value>>,
    #[serde(flatten)]
    rest: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(other_code = "mantago.platform.unknown")]
enum Platform {
    Line,
    Facebook,
    #[serde(untagged)]
    Other(String),
}

fn main() {
    let schema = schemars::schema_for!(Everything);
    assert!(schema.get("x-pushspec-rules").is_some());
    let _ = Options::default();
}
