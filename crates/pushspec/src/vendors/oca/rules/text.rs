//! Template text parameters: `whatsapp.param.text-empty`, `whatsapp.param.text-chars`, and
//! `url.host.local` for a parameter that is a bare URL to a local host.
//!
//! ```text
//! #[pushspec(missing = "whatsapp.param.text-empty", apply = rules::text::apply)]
//! text: String,
//! ```

use crate::catalog;
use crate::check::{Cx, describe};
use crate::diag::Path;
use crate::json::Node;
use crate::rules::url;

/// Checks one text parameter value. (`""` was already reported by the presence check.)
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(text) = node.as_str() else { return };
    if !text.is_empty() && text.trim().is_empty() {
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_EMPTY,
            at,
            node.span,
            format!(
                "{} is blank; WhatsApp rejects empty parameters",
                describe(at)
            ),
        )
        .help("send a visible value, or use a template without this placeholder");
        return;
    }
    if let Some(c) = text.chars().find(|c| matches!(c, '\n' | '\r' | '\t')) {
        let name = match c {
            '\n' => "a newline",
            '\r' => "a carriage return",
            _ => "a tab",
        };
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_CHARS,
            at,
            node.span,
            format!(
                "{} contains {name}; WhatsApp parameters cannot",
                describe(at)
            ),
        )
        .help("put line breaks in the approved template text, not in parameters");
    } else if text.contains("     ") {
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_CHARS,
            at,
            node.span,
            format!(
                "{} contains 5 or more spaces in a row; WhatsApp rejects that",
                describe(at)
            ),
        );
    }
    let host = url::parse(text.trim()).ok().and_then(|u| u.host);
    if host.is_some_and(|h| !h.is_empty() && url::host_is_local(h)) {
        cx.emit(
            &catalog::URL_HOST_LOCAL,
            at,
            node.span,
            format!(
                "{} is a URL to a local or private host, which recipients cannot open",
                describe(at)
            ),
        );
    }
}
