//! The registry rules, `oca.template.*` (spec §5): the payload must fit the approved
//! template. OCA only answers 39 or 59 for these mistakes, without saying which part is
//! wrong, so each rule points at the exact component.
//!
//! ```text
//! #[pushspec(check = rules::template::apply)]
//! struct Template { ... }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::{Node, Span};
use crate::vendors::oca::registry::{ButtonKind, HeaderKind, Template};

/// Checks a template node against the registry, when one was given.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(registry) = cx.options().templates.clone() else {
        return;
    };
    let Some(id_node) = node.get("template_code_id") else {
        return;
    };
    let Some(id) = id_node.as_str().filter(|id| !id.is_empty()) else {
        return;
    };
    let Some(template) = registry.get(id) else {
        cx.emit(
            &catalog::OCA_TEMPLATE_UNREGISTERED,
            &at.key("template_code_id"),
            id_node.span,
            format_args!("template `{id}` is not in the registry"),
        )
        .help(
            "add it to the registry file if it is approved; OCA answers 59 for unknown templates",
        );
        return;
    };
    let payload_at = at.key("payload");
    let payload_span = node.get("payload").map_or(opening(node), opening);
    body(node, template, &payload_at, payload_span, cx);
    header(node, template, &payload_at, payload_span, cx);
    buttons(node, template, &payload_at, payload_span, cx);
}

fn body(node: &Node<'_>, t: &Template, at: &Path<'_>, payload_span: Span, cx: &mut Cx<'_>) {
    let body = super::components(node).find(|(_, c)| super::position(c) == Some("body"));
    let given = body.map_or(0, |(_, c)| super::parameters(c).len());
    let expected = t.body_params as usize;
    if given != expected {
        let component_at;
        let (here, span) = match body {
            Some((i, c)) => {
                component_at = at.index(i);
                (
                    component_at.key("parameters"),
                    c.get("parameters").map_or(c.span, |p| p.span),
                )
            }
            None => (*at, payload_span),
        };
        cx.emit(
            &catalog::OCA_TEMPLATE_BODY_PARAM_COUNT,
            &here,
            span,
            format_args!("the body has {given} parameters; template `{}` has {expected} placeholders", t.template_code_id),
        )
        .help("OCA answers 39 when the count differs: send one text parameter per placeholder, in order");
    }
}

fn header(node: &Node<'_>, t: &Template, at: &Path<'_>, payload_span: Span, cx: &mut Cx<'_>) {
    let header = super::components(node).find(|(_, c)| super::position(c) == Some("header"));
    let wanted = match t.header {
        HeaderKind::None | HeaderKind::Text => None,
        HeaderKind::TextParam => Some("text"),
        HeaderKind::Image => Some("image"),
        HeaderKind::Video => Some("video"),
        HeaderKind::Document => Some("document"),
    };
    let id = &t.template_code_id;
    match (header, wanted) {
        (None, None) => {}
        (Some((i, c)), None) => {
            cx.emit(
                &catalog::OCA_TEMPLATE_HEADER_MISMATCH,
                &at.index(i),
                c.span,
                format_args!(
                    "template `{id}` has a {} header, which takes no component",
                    describe(t.header)
                ),
            )
            .help("remove the header component");
        }
        (None, Some(kind)) => {
            cx.emit(&catalog::OCA_TEMPLATE_HEADER_MISMATCH, at, payload_span, format_args!("template `{id}` has a {kind} header, but the payload has no header component"))
                .help(format_args!("add `{{\"position\": \"header\", \"parameters\": [{{\"type\": \"{kind}\", ...}}]}}`"));
        }
        (Some((i, c)), Some(kind)) => {
            let params = super::parameters(c);
            let actual = params
                .first()
                .and_then(|p| p.get("type"))
                .and_then(Node::as_str);
            if params.len() == 1 && actual.is_some_and(|a| a != kind) {
                let (component_at, span) = (at.index(i), params.first().map_or(c.span, |p| p.span));
                let params_at = component_at.key("parameters");
                let first_at = params_at.index(0);
                let param_at = first_at.key("type");
                cx.emit(
                    &catalog::OCA_TEMPLATE_HEADER_MISMATCH,
                    &param_at,
                    span,
                    format_args!(
                        "template `{id}` has a {kind} header, but the parameter is `{}`",
                        actual.unwrap_or_default()
                    ),
                );
            }
        }
    }
}

fn buttons(node: &Node<'_>, t: &Template, at: &Path<'_>, payload_span: Span, cx: &mut Cx<'_>) {
    let id = &t.template_code_id;
    // A template has at most 10 buttons (spec §3.10); more spill to the heap.
    let mut supplied: smallvec::SmallVec<[u64; 10]> = smallvec::SmallVec::new();
    for (i, c) in super::components(node).filter(|(_, c)| super::position(c) == Some("button")) {
        let Some(index) = super::button_index(c) else {
            continue;
        };
        supplied.push(index);
        let index_node = c.get("index").unwrap_or(c);
        let Some(registered) = usize::try_from(index).ok().and_then(|ix| t.button(ix)) else {
            cx.emit(
                &catalog::OCA_TEMPLATE_BUTTON_INDEX,
                &at.index(i).key("index"),
                index_node.span,
                format_args!(
                    "button {index} does not exist: template `{id}` has {} buttons",
                    t.buttons.len()
                ),
            );
            continue;
        };
        match (registered.sub_type, super::sub_type(c)) {
            (ButtonKind::Static, _) => {
                cx.emit(&catalog::OCA_TEMPLATE_BUTTON_STATIC, &at.index(i), c.span, format_args!("button {index} of `{id}` is static; it takes no component"))
                    .help("remove this component: static buttons (fixed URL, call) have nothing to fill in");
            }
            (kind, Some(given))
                if matches!(given, "quick_reply" | "url_dynamic") && given != kind.as_str() =>
            {
                let key = if c.get("sub_types").is_some() {
                    "sub_types"
                } else {
                    "sub_type"
                };
                let span = c.get(key).map_or(c.span, |n| n.span);
                cx.emit(
                    &catalog::OCA_TEMPLATE_BUTTON_SUB_TYPE,
                    &at.index(i).key(key),
                    span,
                    format_args!(
                        "button {index} of `{id}` is `{}`, not `{given}`",
                        kind.as_str()
                    ),
                );
            }
            _ => {}
        }
    }
    for (index, b) in t.buttons.iter().enumerate() {
        if b.sub_type == ButtonKind::UrlDynamic && !supplied.contains(&(index as u64)) {
            cx.emit(
                &catalog::OCA_TEMPLATE_BUTTON_MISSING,
                at,
                payload_span,
                format_args!("button {index} of `{id}` is a url_dynamic button, but no component supplies its URL suffix"),
            )
            .help(format_args!("add `{{\"position\": \"button\", \"sub_types\": \"url_dynamic\", \"index\": {index}, \"parameters\": [{{\"type\": \"text\", \"text\": \"...\"}}]}}`"));
        }
    }
}

fn describe(kind: HeaderKind) -> &'static str {
    match kind {
        HeaderKind::None => "no",
        HeaderKind::Text => "fixed text",
        other => other.as_str(),
    }
}

/// The first byte of a node, for findings about what it lacks.
fn opening(node: &Node<'_>) -> Span {
    Span::new(node.span.start, node.span.start.saturating_add(1))
}
