//! AhaChat's configuration of the Chatfuel-family rules ([`crate::vendors::chatfuel::rules`]),
//! and the checks its models name: the token, the phone (by-phone) and the block over the
//! query string and body together; reserved attribute names; parameters in the body.

use crate::catalog;
use crate::check::{Cx, Members};
use crate::diag::Path;
use crate::json::Node;
use crate::vendors::chatfuel::rules::{Body, Family, Part, attributes, presence};

/// How AhaChat reads `ahachat.send-by-user`: the query string only (spec §3.3).
pub const BY_USER: Family = Family {
    vendor: "AhaChat",
    token: "ahachat_token",
    token_source: "the bot's Settings",
    documented: <super::UserQuery as Members>::KEYS,
    reserved: ("ahachat_", &catalog::AHACHAT_ATTR_RESERVED_PREFIX),
    body: Body::Tolerated {
        rule: &catalog::AHACHAT_PARAMS_IN_BODY,
        attributes_accepted: false,
    },
};

/// How AhaChat reads `ahachat.send-by-phone`: as [`BY_USER`], plus `phone` (spec §3.4).
pub const BY_PHONE: Family = Family {
    documented: <super::PhoneQuery as Members>::KEYS,
    ..BY_USER
};

/// The whole `ahachat.send-by-user` request: the token and the block.
pub fn send_by_user(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    presence::token(&BY_USER, node, at, cx);
    block(node, at, cx);
}

/// The whole `ahachat.send-by-phone` request: the token, the phone and the block.
pub fn send_by_phone(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    presence::token(&BY_PHONE, node, at, cx);
    presence::require(
        node,
        at,
        cx,
        "phone",
        &catalog::COMMON_FIELD_REQUIRED,
        "AhaChat finds the subscriber by it",
    );
    block(node, at, cx);
}

/// `ahachat.block.missing`: without a block name, what AhaChat sends is undocumented.
fn block(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    presence::require(
        node,
        at,
        cx,
        "ahachat_block_name",
        &catalog::AHACHAT_BLOCK_MISSING,
        "AhaChat sends the block it names (what happens without one is undocumented)",
    );
}

/// The query string of `ahachat.send-by-user`.
pub fn user_query(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&BY_USER, Part::Query, node, at, cx);
}

/// The query string of `ahachat.send-by-phone`.
pub fn phone_query(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&BY_PHONE, Part::Query, node, at, cx);
}

/// A body sent to `ahachat.send-by-user`.
pub fn user_body(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&BY_USER, Part::Body, node, at, cx);
}

/// A body sent to `ahachat.send-by-phone`.
pub fn phone_body(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    attributes::apply(&BY_PHONE, Part::Body, node, at, cx);
}

#[cfg(test)]
mod tests {
    use crate::vendors::ahachat::{SEND_BY_PHONE, SEND_BY_USER};
    use crate::vendors::chatfuel::rules::tests::{codes, envelope};
    use crate::{Options, validate_body};

    const TOKEN: &str = "7a34c8fd0c7e310727139e62248fd1471b443b254ae933e394d9f9218584d6f0";

    fn by_phone(query: &str, body: Option<&str>) -> crate::Report {
        let body = body
            .map(|b| format!(r#", "body": {b}"#))
            .unwrap_or_default();
        let url = "https://ahachat.com/api/bots/20481234/phones/send";
        envelope(
            &SEND_BY_PHONE,
            &format!(r#"{{"method": "POST", "url": "{url}?{query}"{body}}}"#),
        )
    }

    #[test]
    fn body_parameters_are_read_and_flagged() {
        let report = by_phone(
            "ahachat_block_name=x",
            Some(&format!(
                r#"{{"ahachat_token": "{TOKEN}", "phone": "0912345678"}}"#
            )),
        );
        assert_eq!(
            codes(&report),
            ["ahachat.params.in-body", "ahachat.params.in-body"]
        );
        let report = by_phone(
            &format!("ahachat_token={TOKEN}&ahachat_block_name=x"),
            Some(r#"{"phone": "01662345678"}"#),
        );
        assert_eq!(
            codes(&report),
            ["ahachat.params.in-body", "phone.vn.legacy-prefix"],
            "the body phone is checked too"
        );
    }

    #[test]
    fn phone_is_required_on_by_phone_only() {
        let report = by_phone(&format!("ahachat_token={TOKEN}&ahachat_block_name=x"), None);
        assert_eq!(codes(&report), ["common.field.required"]);
        assert_eq!(report.diagnostics[0].pointer, "/query/phone");
        let url = "https://ahachat.com/api/bots/20481234/users/7712345678901234/send";
        let by_user = envelope(
            &SEND_BY_USER,
            &format!(
                r#"{{"method": "POST", "url": "{url}?ahachat_token={TOKEN}&ahachat_block_name=x&phone=abc"}}"#
            ),
        );
        assert!(
            by_user.diagnostics.is_empty(),
            "on by-user, `phone` is an attribute: {by_user:?}"
        );
    }

    #[test]
    fn a_bare_body_is_checked_alone() {
        let report = validate_body(
            &SEND_BY_USER,
            br#"{"ahachat_block_name": "x", "ahachat_vip": "1"}"#,
            &Options::default(),
        );
        assert_eq!(
            codes(&report),
            [
                "ahachat.attr.reserved-prefix",
                "ahachat.params.in-body",
                "ahachat.params.in-body"
            ]
        );
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.pointer.starts_with("/body/"))
        );
    }
}
