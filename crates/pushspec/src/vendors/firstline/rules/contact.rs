//! The shared body members: `contactable_type` (`firstline.contactable-type.enum`),
//! `contactable_id` (`firstline.contactable-id.type`) and `is_force`
//! (`firstline.is-force.type`).
//!
//! The rules travel with their types, [`ContactableType`], [`ContactableId`] and
//! [`IsForce`], whose `Check`, `JsonSchema` and serde impls are here: each accepts more than
//! one JSON form, or suggests a fix a plain enum could not.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog;
use crate::check::{Check, Cx, Described};
use crate::diag::Path;
use crate::json::{Node, Value};
use crate::schema;
use crate::vendors::firstline::model::{ContactableId, ContactableType, IsForce};

impl Check for ContactableType {
    const EXPECTED: &'static str = "a string";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        let Some(value) = node.as_str() else {
            cx.wrong_type(at, node, Self::EXPECTED);
            return false;
        };
        // `""` is left to the presence rule (`common.field.required`).
        if value.is_empty() || ContactableType::from_wire(value).is_some() {
            return true;
        }
        let list: Vec<String> = ContactableType::ALL
            .iter()
            .map(|t| format!("`{}`", t.wire()))
            .collect();
        let d = cx.emit(
            &catalog::FIRSTLINE_CONTACTABLE_TYPE_ENUM,
            at,
            node.span,
            format_args!(
                "{} is `{value}`; expected one of {}",
                Described(*at),
                list.join(", ")
            ),
        );
        match suggest(value) {
            Some((meant, why)) => {
                let source = meant.wire().replace('\\', "\\\\");
                d.help(format_args!(
                    "{why}: did you mean `{}`? In JSON source it is written `\"{source}\"`",
                    meant.wire()
                ));
            }
            None => {
                d.help("the type is FIRST LINE's class name for the contact's channel, e.g. `App\\LineContact` (written `\"App\\\\LineContact\"` in JSON)");
            }
        }
        true
    }
}

/// The type `value` most likely meant, and why it did not match: a doubled backslash, a
/// slash, a missing `App\`, other letter case, or a channel's common name (`line`,
/// `facebook`).
pub fn suggest(value: &str) -> Option<(ContactableType, &'static str)> {
    let trimmed = value.trim();
    let (rest, why) = if let Some(rest) = trimmed.strip_prefix("App\\\\") {
        (
            rest,
            "the value has two backslashes; the class name has one",
        )
    } else if let Some(rest) = trimmed.strip_prefix("App/") {
        (rest, "the class name is written with a backslash, not `/`")
    } else if let Some(rest) = trimmed.strip_prefix("App\\") {
        (rest, "the class name is spelt differently")
    } else if let Some(rest) = trimmed.strip_prefix("\\App\\") {
        (rest, "the class name has no leading backslash")
    } else {
        (trimmed, "the class name starts with the namespace `App\\`")
    };
    let core = rest.to_ascii_lowercase();
    let core = core.strip_suffix("contact").unwrap_or(&core);
    let meant = match core {
        "livechat" | "webchat" | "web" => ContactableType::Livechat,
        "line" => ContactableType::Line,
        "fb" | "facebook" | "messenger" => ContactableType::Fb,
        "ig" | "instagram" => ContactableType::Ig,
        "telegram" => ContactableType::Telegram,
        "viber" => ContactableType::Viber,
        "wechat" => ContactableType::Wechat,
        _ => return None,
    };
    Some((meant, why))
}

impl JsonSchema for ContactableType {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineContactableType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let descriptions: Vec<String> = ContactableType::ALL
            .iter()
            .map(|t| format!("`{}`: {}", t.wire(), t.channel()))
            .collect();
        let values: Vec<(&str, Option<&str>)> = ContactableType::ALL
            .iter()
            .zip(&descriptions)
            .map(|(t, d)| (t.wire(), Some(d.as_str())))
            .collect();
        schema::string_enum(
            &values,
            false,
            Some("The contact's channel, as FIRST LINE's class name with one backslash."),
        )
    }
}

impl Serialize for ContactableType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.wire())
    }
}

impl<'de> Deserialize<'de> for ContactableType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Cow::<'de, str>::deserialize(d)?;
        ContactableType::from_wire(&value).ok_or_else(|| {
            serde::de::Error::custom(format_args!("unknown contactable_type `{value}`"))
        })
    }
}

impl Check for ContactableId {
    const EXPECTED: &'static str = "an integer or a string of digits";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        match &node.value {
            Value::Number(n) if n.is_integer() => {
                if n.as_f64() < 0.0 {
                    cx.emit(
                        &catalog::FIRSTLINE_CONTACTABLE_ID_TYPE,
                        at,
                        node.span,
                        format_args!(
                            "{} is {}; FIRST LINE contact ids are positive",
                            Described(*at),
                            n.raw()
                        ),
                    );
                }
                true
            }
            Value::String(s) if s.is_empty() || s.bytes().all(|b| b.is_ascii_digit()) => true,
            Value::String(s) => {
                let d = cx.emit(
                    &catalog::FIRSTLINE_CONTACTABLE_ID_TYPE,
                    at,
                    node.span,
                    format_args!(
                        "{} is the string `{s}`, which is not a number",
                        Described(*at)
                    ),
                );
                if looks_like_line_user_id(s) {
                    d.help("this looks like a LINE userId: push to it with `firstline.push-line-user`, or look the contact up with the Contact API");
                } else {
                    d.help("send the FIRST LINE contact id from the Contact API, e.g. `5120`");
                }
                true
            }
            _ => {
                cx.wrong_type(at, node, Self::EXPECTED);
                false
            }
        }
    }
}

/// Whether `s` has the shape of a LINE userId (`U` and 32 hex digits), in any case.
fn looks_like_line_user_id(s: &str) -> bool {
    s.len() == 33 && s.starts_with(['U', 'u']) && s.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

impl JsonSchema for ContactableId {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineContactableId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut s = json_schema!({
            "description": "A FIRST LINE contact id from the Contact API: an integer, or the same digits as a string.",
            "anyOf": [
                { "type": "integer" },
                { "type": "string", "minLength": 1 }
            ]
        });
        schema::note_on(&mut s, &catalog::FIRSTLINE_CONTACTABLE_ID_TYPE, &[]);
        s
    }
}

impl Check for IsForce {
    const EXPECTED: &'static str = "true, false, 0 or 1";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        let bit = node
            .as_number()
            .and_then(|n| n.as_i64())
            .filter(|i| *i == 0 || *i == 1);
        if matches!(node.value, Value::Bool(_)) || bit.is_some() {
            return true;
        }
        let shown = match &node.value {
            Value::String(s) => format!("the string `\"{s}\"`"),
            Value::Number(n) => n.raw().to_owned(),
            _ => node.kind().to_owned(),
        };
        let d = cx.emit(
            &catalog::FIRSTLINE_IS_FORCE_TYPE,
            at,
            node.span,
            format_args!(
                "{} is {shown}; FIRST LINE takes `true`, `false`, `0` or `1`",
                Described(*at)
            ),
        );
        match node.as_str().map(|s| s.trim().to_ascii_lowercase()) {
            Some(s) if matches!(s.as_str(), "true" | "false" | "0" | "1") => {
                d.help(format_args!("write `{s}` without quotes"));
            }
            _ => {
                d.help("send `true` to push even while an agent holds the conversation, else `false` or nothing");
            }
        }
        false
    }
}

impl JsonSchema for IsForce {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineIsForce".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut s = json_schema!({
            "description": "Send even while an agent holds the conversation: a boolean, or 0/1.",
            "anyOf": [
                { "type": "boolean" },
                { "type": "integer", "enum": [0, 1] }
            ]
        });
        schema::note_on(&mut s, &catalog::FIRSTLINE_IS_FORCE_TYPE, &[]);
        s
    }
}

/// Reads `is_force` written as a boolean or as `0`/`1`.
pub fn bool_from_bool_or_bit<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Bool(bool),
        Bit(u8),
    }
    match Raw::deserialize(d)? {
        Raw::Bool(b) => Ok(b),
        Raw::Bit(0) => Ok(false),
        Raw::Bit(1) => Ok(true),
        Raw::Bit(n) => Err(serde::de::Error::custom(format_args!(
            "is_force is {n}; expected true, false, 0 or 1"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_meant_type() {
        let meant = |v: &str| suggest(v).map(|(t, _)| t);
        assert_eq!(meant("App\\\\LineContact"), Some(ContactableType::Line));
        assert_eq!(meant("App/FbContact"), Some(ContactableType::Fb));
        assert_eq!(meant("LineContact"), Some(ContactableType::Line));
        assert_eq!(meant("line"), Some(ContactableType::Line));
        assert_eq!(meant("facebook"), Some(ContactableType::Fb));
        assert_eq!(meant("App\\linecontact"), Some(ContactableType::Line));
        assert_eq!(meant("App\\WhatsappContact"), None);
    }

    #[test]
    fn wire_values_round_trip() {
        for t in ContactableType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(serde_json::from_str::<ContactableType>(&json).unwrap(), t);
        }
        assert_eq!(
            serde_json::to_string(&ContactableType::Line).unwrap(),
            r#""App\\LineContact""#
        );
    }
}
