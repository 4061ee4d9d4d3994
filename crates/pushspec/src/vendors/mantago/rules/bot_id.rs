//! Where `botId` was sent (spec §3.1): documented in the query string, but some MantaGO pages
//! put it in the body. A body `botId` satisfies the requirement with a warning
//! (`mantago.bot-id.in-body`); without either, the query's `botId` is `common.field.required`;
//! two different ids are `mantago.bot-id.conflict`. The query's id must also look like a
//! dashboard id (`mantago.bot-id.shape`, as the body model's `pattern` says for the body's).
//!
//! The check spans the query and the body, so it runs on the whole request; a bare body has
//! no query, and only the body model's shape check applies to it.
//!
//! ```text
//! #[pushspec(check = rules::bot_id::apply, rules("mantago.bot-id.in-body", ...))]
//! struct BroadcastRequest { query: Query, headers: Headers, body: Broadcast }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Whether `id` looks like a dashboard bot id: 9 ASCII letters and digits, the body model's
/// `^[A-Za-z0-9]{9}$`.
pub fn is_shaped(id: &str) -> bool {
    id.len() == 9 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Checks a request tree `{path, query, headers, body}`.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let query = node.get("query");
    let in_query = query.and_then(|q| q.get("botId"));
    let in_body = node.get("body").and_then(|b| b.get("botId"));
    let (query_id, body_id) = (given(in_query), given(in_body));
    let query_at = at.key("query");
    let body_at = at.key("body");
    match (query_id, body_id, in_body) {
        (None, None, _) => {
            let (span, message) = match (in_query, query) {
                (Some(empty), _) => (empty.span, "`botId` is empty in the query string"),
                (None, Some(q)) => (q.span, "`botId` is missing from the query string"),
                (None, None) => (
                    super::opening(node),
                    "`botId` is missing from the query string",
                ),
            };
            cx.emit(&catalog::COMMON_FIELD_REQUIRED, &query_at.key("botId"), span, message)
                .help("add `?botId=<bot id>` to the URL: the id after `/chatbot/` in the dashboard's address");
        }
        (None, Some(_), Some(body_node)) => {
            cx.emit(
                &catalog::MANTAGO_BOT_ID_IN_BODY,
                &body_at.key("botId"),
                body_node.span,
                "`botId` is only in the body; MantaGO's API reference reads it from the query string",
            )
            .help("send it as `?botId=<bot id>` in the URL (it may stay in the body too)");
        }
        (Some(q), Some(b), Some(body_node)) if q != b => {
            cx.emit(
                &catalog::MANTAGO_BOT_ID_CONFLICT,
                &body_at.key("botId"),
                body_node.span,
                format_args!("the body's `botId` `{b}` differs from the query's `{q}`; which one MantaGO uses is undocumented"),
            )
            .help("send the same bot id in both places, or drop the one in the body");
        }
        _ => {}
    }
    // The body's id is checked by the body model; the query's is checked here, unless it is
    // the same value, which would only repeat that finding.
    if let (Some(id), Some(node)) = (query_id, in_query)
        && !is_shaped(id)
        && body_id != Some(id)
    {
        cx.emit(
            &catalog::MANTAGO_BOT_ID_SHAPE,
            &query_at.key("botId"),
            node.span,
            format_args!(
                "`botId` `{id}` is not 9 letters and digits, the shape of a dashboard bot id"
            ),
        )
        .help("copy the id from the dashboard's address: the part after `/chatbot/`");
    }
}

/// The string value of a node, unless it is absent, not a string, or `""`.
fn given<'n>(node: Option<&'n Node<'_>>) -> Option<&'n str> {
    node.and_then(Node::as_str).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::is_shaped;

    #[test]
    fn shape_is_nine_ascii_letters_and_digits() {
        assert!(is_shaped("Qa7Lm2Xz9"));
        assert!(!is_shaped("Qa7Lm2Xz"));
        assert!(!is_shaped("Qa7Lm2Xz9a"));
        assert!(!is_shaped("Qa7Lm-Xz9"));
        assert!(!is_shaped("Qa7Lm2Xzé"));
    }
}
