//! The derive's attributes end to end, on a small model of their own: what each one reports
//! and what the schema says, independent of any vendor.

use std::collections::BTreeMap;

use pushspec::json::{Arena, Limits, parse};
use pushspec::{Check, Cx, Model, Options, Path};
use serde::{Deserialize, Serialize};

/// A model that uses the declarative attributes.
#[derive(Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(
    name = "AttributeProbe",
    unknown = "common.field.unknown",
    exactly_one_of(
        intent_id,
        message,
        missing = "mantago.content.missing",
        multiple = "mantago.content.both"
    )
)]
struct Probe {
    #[pushspec(expected)]
    block_name: Option<String>,
    intent_id: Option<String>,
    #[pushspec(chars(max = 10, code = "line.text.length"))]
    message: Option<String>,
    platform: Platform,
    #[pushspec(required_if(platform = "facebook", code = "mantago.fb-tag.required"))]
    #[pushspec(forbidden_unless(platform = "facebook", code = "mantago.fb-tag.unused"))]
    fb_tag: Option<String>,
    #[pushspec(
        items(max = 2, code = "line.buttons.action-count"),
        each(chars(max = 3, code = "line.action.label-length"))
    )]
    labels: Option<Vec<String>>,
    #[pushspec(range(min = 0, max = 9, code = "oca.button.index-range"))]
    index: Option<i64>,
    #[pushspec(unique_by(key = "index", code = "oca.button.index-duplicate"))]
    buttons: Option<Vec<serde_json::Value>>,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize, Deserialize, Model)]
#[serde(rename_all = "lowercase")]
#[pushspec(
    name = "AttributeProbePlatform",
    other_code = "mantago.platform.unknown"
)]
enum Platform {
    Line,
    Facebook,
    #[serde(untagged)]
    Other(String),
}

fn codes(json: &str) -> Vec<(String, String)> {
    let arena = Arena::new();
    let node = parse(json.as_bytes(), &arena, &Limits::default()).unwrap();
    let options = Options::default();
    let mut cx = Cx::new(&options);
    Probe::check(&node, &Path::BODY, &mut cx);
    cx.into_diagnostics()
        .into_iter()
        .map(|d| (d.rule.code.to_owned(), d.pointer))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect()
}

#[test]
fn a_clean_value_reports_nothing() {
    assert_eq!(
        codes(r#"{"blockName": "b", "intentId": "i", "platform": "line"}"#),
        []
    );
}

#[test]
fn expected_fields_warn_when_absent() {
    assert_eq!(
        codes(r#"{"intentId": "i", "platform": "line"}"#),
        pairs(&[("common.field.expected", "/body/blockName")])
    );
}

#[test]
fn groups_conditions_and_open_enums() {
    let got = codes(r#"{"blockName": "b", "platform": "facebook"}"#);
    assert_eq!(
        got,
        pairs(&[
            ("mantago.fb-tag.required", "/body/fbTag"),
            ("mantago.content.missing", "/body")
        ])
    );
    let got = codes(
        r#"{"blockName": "b", "intentId": "i", "message": "m", "platform": "telegram", "fbTag": "ACCOUNT_UPDATE"}"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("mantago.platform.unknown", "/body/platform"),
            ("mantago.fb-tag.unused", "/body/fbTag"),
            ("mantago.content.both", "/body/message"),
        ])
    );
}

#[test]
fn value_rules_report_with_their_own_codes() {
    let got = codes(
        r#"{"blockName": "b", "intentId": "i", "platform": "line", "labels": ["ok", "long", "x"], "index": 12,
            "buttons": [{"index": 1}, {"index": 1.0}], "INTENTID": "x", "colour": 1}"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("common.field.case", "/body/INTENTID"),
            ("common.field.unknown", "/body/colour"),
            ("line.buttons.action-count", "/body/labels"),
            ("line.action.label-length", "/body/labels/1"),
            ("oca.button.index-range", "/body/index"),
            ("oca.button.index-duplicate", "/body/buttons/1/index"),
        ])
    );
}

#[test]
fn the_schema_carries_error_rules_as_keywords_and_the_rest_as_extensions() {
    let schema = schemars::schema_for!(Probe).to_value();
    let root = &schema;
    assert_eq!(root["properties"]["index"]["maximum"], 9);
    // The group's "none given" is an error the schema states (`anyOf` of required sets);
    // "several given" is a warning, so it is an extension, and `oneOf` would be wrong.
    let all_of = root["allOf"].as_array().unwrap();
    assert!(
        all_of
            .iter()
            .any(|s| s["anyOf"][0]["required"][0] == "intentId"),
        "{all_of:?}"
    );
    assert!(
        all_of
            .iter()
            .any(|s| s["if"]["properties"]["platform"]["const"] == "facebook"),
        "{all_of:?}"
    );
    assert!(
        !all_of.iter().any(|s| s.get("oneOf").is_some()),
        "{all_of:?}"
    );
    let noted: Vec<&str> = root["x-pushspec-rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    for code in [
        "common.field.expected",
        "line.text.length",
        "mantago.content.both",
        "oca.button.index-duplicate",
    ] {
        assert!(noted.contains(&code), "{code} not in {noted:?}");
    }
}
