//! OCA's rules that are more than one attribute: one module per family of §3.10 and §5.
//!
//! They read the raw JSON tree, like every check, so they still run when the payload is
//! structurally broken elsewhere.

pub mod auth;
pub mod button;
pub mod payload;
pub mod template;
pub mod template_code;
pub mod text;

use crate::json::Node;

/// The components of a template node (`payload` items that are objects), with their index.
pub(crate) fn components<'n, 'a>(
    template: &'n Node<'a>,
) -> impl Iterator<Item = (usize, &'n Node<'a>)> {
    template
        .get("payload")
        .and_then(Node::as_array)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_object().is_some())
}

/// A component's `position`, if it is a string.
pub(crate) fn position<'n>(component: &'n Node<'_>) -> Option<&'n str> {
    component.get("position").and_then(Node::as_str)
}

/// A component's parameters as a slice: the array, or a lone object read as one parameter.
pub(crate) fn parameters<'n, 'a>(component: &'n Node<'a>) -> &'n [Node<'a>] {
    match component.get("parameters") {
        Some(p) if p.as_object().is_some() => std::slice::from_ref(p),
        Some(p) => p.as_array().unwrap_or_default(),
        None => &[],
    }
}

/// A button's `sub_types` (or the `sub_type` spelling), if it is a string.
pub(crate) fn sub_type<'n>(component: &'n Node<'_>) -> Option<&'n str> {
    component
        .get("sub_types")
        .or_else(|| component.get("sub_type"))
        .and_then(Node::as_str)
}

/// A button's index as a number, from an integer or a numeric string.
pub(crate) fn button_index(component: &Node<'_>) -> Option<u64> {
    let index = component.get("index")?;
    match (index.as_number(), index.as_str()) {
        (Some(n), _) => n.as_i64().and_then(|i| u64::try_from(i).ok()),
        (_, Some(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
        _ => None,
    }
}
