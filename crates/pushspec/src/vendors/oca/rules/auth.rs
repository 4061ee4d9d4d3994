//! Authentication templates (spec §3.10): no media header (`oca.auth.media-header`), an OTP
//! of letters and digits (`oca.auth.otp-charset`), and a copy-code button that carries the
//! same OTP (`oca.auth.button-otp`).
//!
//! A template is an authentication template when the registry says `category:
//! authentication`, or the caller says so (`Options::oca_authentication`).
//!
//! ```text
//! #[pushspec(check = rules::auth::apply)]
//! struct Template { ... }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Checks a template node, if it is an authentication template.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    if !is_authentication(node, cx) {
        return;
    }
    let payload_at = at.key("payload");
    let mut otp: Option<&str> = None;
    for (i, component) in super::components(node) {
        let component_at = payload_at.index(i);
        match super::position(component) {
            Some("header") => {
                for (j, param) in super::parameters(component).iter().enumerate() {
                    let Some(ty) = param.get("type").and_then(Node::as_str) else {
                        continue;
                    };
                    if matches!(ty, "image" | "video" | "document") {
                        cx.emit(
                            &catalog::OCA_AUTH_MEDIA_HEADER,
                            &component_at.key("parameters").index(j).key("type"),
                            param.span,
                            format_args!("an authentication template cannot have a {ty} header"),
                        )
                        .help("WhatsApp authentication templates allow a text header at most");
                    }
                }
            }
            Some("body") if otp.is_none() => {
                let Some(first) = super::parameters(component).first() else {
                    continue;
                };
                let Some(text_node) = first.get("text") else {
                    continue;
                };
                let Some(code) = text_node.as_str() else {
                    continue;
                };
                otp = Some(code);
                if !code.is_empty() && !code.chars().all(char::is_alphanumeric) {
                    cx.emit(
                        &catalog::OCA_AUTH_OTP_CHARSET,
                        &component_at.key("parameters").index(0).key("text"),
                        text_node.span,
                        "the one-time password has characters other than letters and digits",
                    )
                    .help("send the code alone, e.g. `482913`, without spaces, dashes or words");
                }
            }
            _ => {}
        }
    }
    let Some(otp) = otp else { return };
    for (i, component) in super::components(node) {
        if super::position(component) != Some("button")
            || super::sub_type(component) != Some("url_dynamic")
        {
            continue;
        }
        for (j, param) in super::parameters(component).iter().enumerate() {
            let Some(text_node) = param.get("text") else {
                continue;
            };
            if text_node.as_str().is_some_and(|t| t != otp) {
                cx.emit(
                    &catalog::OCA_AUTH_BUTTON_OTP,
                    &payload_at.index(i).key("parameters").index(j).key("text"),
                    text_node.span,
                    "the copy-code button carries a different code than the body's one-time password",
                )
                .help("send the same code in the body parameter and the button parameter");
            }
        }
    }
}

fn is_authentication(node: &Node<'_>, cx: &Cx<'_>) -> bool {
    let options = cx.options();
    options.oca_authentication
        || options.templates.as_ref().is_some_and(|registry| {
            node.get("template_code_id")
                .and_then(Node::as_str)
                .and_then(|id| registry.get(id))
                .is_some_and(|t| t.is_authentication())
        })
}
