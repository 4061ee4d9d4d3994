//! Buttons: the index (`oca.button.index-type`, `-string`, `-range`), the parameters
//! (`oca.button.parameters-shape`, `oca.button.param-type`) and URL suffixes
//! (`whatsapp.button.url-suffix`).
//!
//! The index and parameter rules travel with their types, [`ButtonIndex`] and
//! [`ButtonParameters`], whose `Check`, `JsonSchema` and serde impls are here: the wire
//! accepts more than the documented form (a numeric string, a bare object), so the type says
//! what is accepted and flags it.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};
use serde_json::json;

use crate::catalog;
use crate::check::{Check, Cx, Described};
use crate::diag::Path;
use crate::json::{Node, Value};
use crate::rules::range;
use crate::schema;
use crate::vendors::oca::model::{ButtonIndex, ButtonParameter, ButtonParameters};

/// WhatsApp templates carry at most 10 buttons: indexes 0 to 9.
const INDEX_RANGE: range::Args = range::Args {
    min: None,
    max: Some(9.0),
    rule: &catalog::OCA_BUTTON_INDEX_RANGE,
};

impl Check for ButtonIndex {
    const EXPECTED: &'static str = "an integer from 0 to 9";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        match &node.value {
            Value::Number(n) => {
                let value = n.as_f64();
                if !n.is_integer() {
                    cx.emit(
                        &catalog::OCA_BUTTON_INDEX_TYPE,
                        at,
                        node.span,
                        format_args!("`index` is {}; it must be a whole number", n.raw()),
                    );
                } else if value < 0.0 {
                    cx.emit(
                        &catalog::OCA_BUTTON_INDEX_TYPE,
                        at,
                        node.span,
                        format_args!("`index` is {}; indexes start at 0", n.raw()),
                    );
                } else {
                    range::check_value(value, n.raw(), node, at, cx, &INDEX_RANGE);
                }
                true
            }
            Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                cx.emit(
                    &catalog::OCA_BUTTON_INDEX_STRING,
                    at,
                    node.span,
                    format_args!("`index` is the string \"{s}\"; OCA documents an integer"),
                )
                .help(format_args!(
                    "write {} without quotes",
                    s.trim_start_matches('0').parse::<u64>().unwrap_or(0)
                ));
                let value: f64 = s.parse().unwrap_or(f64::INFINITY);
                range::check_value(value, s, node, at, cx, &INDEX_RANGE);
                true
            }
            _ => {
                cx.wrong_type(at, node, Self::EXPECTED);
                false
            }
        }
    }
}

impl JsonSchema for ButtonIndex {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OcaButtonIndex".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut s = json_schema!({
            "description": "The button's 0-based position in the template (WhatsApp allows 10 buttons). \
                            A numeric string is accepted with a warning.",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": 9 },
                { "type": "string", "pattern": "^0*[0-9]$" }
            ]
        });
        schema::note_on(&mut s, &catalog::OCA_BUTTON_INDEX_STRING, &[]);
        s
    }
}

/// Reads an index written as a number or as a numeric string.
pub fn index_from_number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(u8),
        Text(String),
    }
    match Raw::deserialize(d)? {
        Raw::Number(n) => Ok(n),
        Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
    }
}

impl Check for ButtonParameters {
    const EXPECTED: &'static str = "an array of one parameter";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        match &node.value {
            Value::Array(items) => {
                match items.len() {
                    0 => {
                        cx.emit(&catalog::OCA_PAYLOAD_EMPTY_PARAMETERS, at, node.span, "the button component has no parameters")
                            .help("a dynamic button takes one parameter; drop the component for a static button");
                    }
                    1 => {}
                    n => {
                        cx.emit(
                            &catalog::OCA_BUTTON_PARAMETERS_SHAPE,
                            at,
                            node.span,
                            format_args!("the button has {n} parameters; it takes exactly one"),
                        );
                    }
                }
                for (i, item) in items.iter().enumerate() {
                    ButtonParameter::check(item, &at.index(i), cx);
                }
                true
            }
            Value::Object(_) => {
                cx.emit(
                    &catalog::OCA_BUTTON_PARAMETERS_SHAPE,
                    at,
                    node.span,
                    "`parameters` is an object; OCA describes an array of one",
                )
                .help("wrap it in brackets: `\"parameters\": [{...}]`");
                ButtonParameter::check(node, at, cx)
            }
            _ => {
                cx.wrong_type(at, node, Self::EXPECTED);
                false
            }
        }
    }
}

impl JsonSchema for ButtonParameters {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OcaButtonParameters".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let item = g.subschema_for::<ButtonParameter>();
        let mut s = json_schema!({
            "description": "One parameter, as an array; a bare object is accepted with a warning.",
            "anyOf": [ { "type": "array", "items": item }, item ]
        });
        schema::note_on(&mut s, &catalog::OCA_BUTTON_PARAMETERS_SHAPE, &[]);
        schema::note_on(&mut s, &catalog::OCA_PAYLOAD_EMPTY_PARAMETERS, &[]);
        s
    }
}

/// Reads parameters written as an array or as one bare object.
pub fn parameters_from_array_or_object<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<ButtonParameter>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Many(Vec<ButtonParameter>),
        One(ButtonParameter),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Many(v) => v,
        Raw::One(p) => vec![p],
    })
}

/// The checks that join a button's sub-type to its parameters: a quick reply sends a
/// `payload` parameter, a URL button a `text` suffix. Runs on every component; only buttons
/// are looked at.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    if super::position(node) != Some("button") {
        return;
    }
    let Some(kind) = super::sub_type(node) else {
        return;
    };
    let expected = match kind {
        "quick_reply" => "payload",
        "url_dynamic" => "text",
        _ => return,
    };
    let params_at = at.key("parameters");
    let as_object = node
        .get("parameters")
        .is_some_and(|p| p.as_object().is_some());
    for (i, param) in super::parameters(node).iter().enumerate() {
        let here = if as_object {
            params_at
        } else {
            params_at.index(i)
        };
        let Some(ty) = param.get("type") else {
            continue;
        };
        let ty_at = here.key("type");
        match ty.as_str() {
            Some(t) if t == expected => {}
            Some(t @ ("payload" | "text")) => {
                cx.emit(
                    &catalog::OCA_BUTTON_PARAM_TYPE,
                    &ty_at,
                    ty.span,
                    format_args!("a `{kind}` button takes a `{expected}` parameter, not `{t}`"),
                )
                .help(match kind {
                    "quick_reply" => "write `{\"type\": \"payload\", \"payload\": \"...\"}`",
                    _ => "write `{\"type\": \"text\", \"text\": \"<url suffix>\"}`",
                });
            }
            _ => {}
        }
        if kind == "url_dynamic"
            && let Some(text) = param.get("text")
        {
            url_suffix(text, &here.key("text"), cx);
        }
    }
}

/// The schema side of [`apply`], on the `button` variant: a quick reply's parameter may not
/// be `text`, nor a URL button's `payload`. It reads the sub-type as [`super::sub_type`] does
/// (`sub_types`, else `sub_type`, when a string) and the parameters as [`super::parameters`]
/// does (an array, or one bare object), so that the schema and the validator agree on every
/// payload. A `type` that is neither is left to the parameter's own `oneOf`.
pub fn schema(o: &mut schema::Object, variant: Option<&str>) {
    if variant != Some("button") {
        return;
    }
    for (kind, other) in [("quick_reply", "text"), ("url_dynamic", "payload")] {
        let when = json!({ "anyOf": [
            { "properties": { "sub_types": { "const": kind } }, "required": ["sub_types"] },
            {
                "not": { "properties": { "sub_types": true }, "required": ["sub_types"] },
                "properties": { "sub_type": { "const": kind } },
                "required": ["sub_type"]
            }
        ] });
        let parameter =
            json!({ "type": "object", "properties": { "type": { "not": { "const": other } } } });
        let then = json!({ "properties": { "parameters": { "anyOf": [
            { "type": "array", "items": parameter },
            parameter
        ] } } });
        o.cross_field(
            &[&catalog::OCA_BUTTON_PARAM_TYPE],
            json!({ "if": when, "then": then }),
        );
    }
}

/// The url_dynamic text is appended to the template's URL prefix: a whole URL or whitespace
/// makes a broken link.
fn url_suffix(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(text) = node.as_str() else { return };
    let start = text.trim_start();
    if ["http://", "https://", "www."]
        .iter()
        .any(|p| crate::rules::starts_with_ignore_case(start, p))
    {
        cx.emit(
            &catalog::WHATSAPP_BUTTON_URL_SUFFIX,
            at,
            node.span,
            format_args!(
                "{} is a whole URL, but it is appended to the template's URL",
                Described(*at)
            ),
        )
        .help("send only the part after the template's base URL, e.g. `A1024` or `track?id=A1024`");
    } else if text.chars().any(char::is_whitespace) {
        cx.emit(
            &catalog::WHATSAPP_BUTTON_URL_SUFFIX,
            at,
            node.span,
            format_args!(
                "{} contains whitespace, which breaks the link",
                Described(*at)
            ),
        )
        .help("percent-encode spaces as `%20`, or remove them");
    }
}
