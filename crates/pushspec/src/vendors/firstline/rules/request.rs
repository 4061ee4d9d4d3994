//! The parts of a FIRST LINE request around the body: the credential
//! (`auth.header.missing`), the `Accept` header (`firstline.header.accept`), the token in the
//! query string, and the LINE account in the path (`firstline.line-account.type`).
//!
//! FIRST LINE takes its API token raw in the `Authorization` header, or as a query parameter
//! whose name it does not document (spec §2.1). Any query parameter whose name contains
//! `token` is taken for it: it counts as the credential and is a secret. [`Query`]'s
//! `Check` and `JsonSchema` are here.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::catalog;
use crate::check::{Check, Cx, Described, describe};
use crate::diag::Path;
use crate::json::{Node, Span};
use crate::rules::media_type;
use crate::vendors::firstline::model::Query;

/// Whether a query parameter name is FIRST LINE's token: it contains `token`, in any case.
pub fn is_token_parameter(name: &str) -> bool {
    // Compared in place: this runs on every query parameter of every request.
    name.as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"token"))
}

/// The whole request: `auth.header.missing` when there is neither an `Authorization` header
/// nor a token in the query string.
pub fn credential(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let headers = node.get("headers");
    let in_header = headers
        .and_then(|h| h.get("authorization"))
        .is_some_and(Node::is_given);
    let in_query = node
        .get("query")
        .and_then(Node::as_object)
        .unwrap_or_default()
        .iter()
        .any(|m| is_token_parameter(m.key) && m.value.is_given());
    if in_header || in_query {
        return;
    }
    let start = headers.map_or(node.span, |h| h.span).start;
    let headers_at = at.key("headers");
    cx.emit(
        &catalog::AUTH_HEADER_MISSING,
        &headers_at.key("authorization"),
        Span::new(start, start.saturating_add(1)),
        "the request has no `Authorization` header and no token in the query string",
    )
    .help("send the employee's API token as it is, without a scheme: `Authorization: <token>`");
}

impl Check for Query {
    const EXPECTED: &'static str = "an object";

    /// Every value is a string (the request tree says so); a parameter named like a token is
    /// the credential, so its value is redacted wherever the input is echoed (spec §2.1).
    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        let Some(members) = node.as_object() else {
            cx.wrong_type(at, node, Self::EXPECTED);
            return false;
        };
        for m in members {
            if is_token_parameter(m.key) {
                cx.secret(m.value.span);
            }
            String::check(&m.value, &at.key(m.key), cx);
        }
        true
    }
}

impl JsonSchema for Query {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineQuery".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "The query string. FIRST LINE accepts the API token here under a name it does not document; \
                            a parameter whose name contains `token` is taken for it.",
            "properties": {},
            "additionalProperties": { "type": "string" }
        })
    }
}

/// The headers: `firstline.header.accept` when `Accept` is missing or is not JSON.
pub fn accept(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let here = at.key("accept");
    match node.get("accept") {
        None => {
            let span = Span::new(node.span.start, node.span.start.saturating_add(1));
            cx.emit(
                &catalog::FIRSTLINE_HEADER_ACCEPT,
                &here,
                span,
                "the request has no `Accept` header; FIRST LINE asks for `Accept: application/json`",
            )
            .help("add `Accept: application/json` (what FIRST LINE answers without it is undocumented)");
        }
        Some(value) => {
            let Some(text) = value.as_str() else { return };
            if !media_type::is_json(text) {
                cx.emit(
                    &catalog::FIRSTLINE_HEADER_ACCEPT,
                    &here,
                    value.span,
                    format_args!(
                        "{} is `{text}`; FIRST LINE asks for `application/json`",
                        describe(&here)
                    ),
                )
                .help("send `Accept: application/json`");
            }
        }
    }
}

/// The path's `line_account`: a positive integer (path values are text).
pub fn line_account(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(value) = node.as_str() else { return };
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    if digits && value.bytes().any(|b| b != b'0') {
        return;
    }
    let why = if digits { "zero" } else { "not a number" };
    cx.emit(
        &catalog::FIRSTLINE_LINE_ACCOUNT_TYPE,
        at,
        node.span,
        format_args!(
            "{} is `{value}`, {why}; it is FIRST LINE's id of the LINE official account",
            Described(*at)
        ),
    )
    .help("use the account's positive integer id, as in `.../push-message/line-account/12`");
}

#[cfg(test)]
mod tests {
    use super::is_token_parameter;

    #[test]
    fn any_name_with_token_is_the_credential() {
        for name in ["token", "api_token", "access_token", "TOKEN", "apiToken"] {
            assert!(is_token_parameter(name), "{name}");
        }
        for name in ["key", "tok", "user_id"] {
            assert!(!is_token_parameter(name), "{name}");
        }
    }
}
