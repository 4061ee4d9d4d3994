//! The component list: `oca.payload.duplicate-position`, `oca.payload.empty-parameters` and
//! `oca.header.param-count`.
//!
//! ```text
//! #[pushspec(apply = rules::payload::duplicate_positions)]
//! payload: Vec<Component>,
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Two header or two body components: OCA's behaviour is undocumented (buttons may repeat).
pub fn duplicate_positions(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(items) = node.as_array() else { return };
    let mut first: [Option<usize>; 2] = [None, None];
    for (i, item) in items.iter().enumerate() {
        let Some(position) = item.get("position") else {
            continue;
        };
        let slot = match position.as_str() {
            Some("header") => 0,
            Some("body") => 1,
            _ => continue,
        };
        match first.get_mut(slot) {
            Some(Some(earlier)) => {
                let name = position.as_str().unwrap_or_default();
                cx.emit(
                    &catalog::OCA_PAYLOAD_DUPLICATE_POSITION,
                    &at.index(i).key("position"),
                    position.span,
                    format_args!(
                        "a second `{name}` component; item {earlier} is already the {name}"
                    ),
                )
                .help(format_args!(
                    "merge the parameters into one `{name}` component"
                ));
            }
            Some(empty) => *empty = Some(i),
            None => {}
        }
    }
}

/// A header takes exactly one parameter; `[]` gets its own code (a body may be empty).
pub fn header_parameters(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(params) = node.as_array() else {
        return;
    };
    match params.len() {
        0 => {
            cx.emit(&catalog::OCA_PAYLOAD_EMPTY_PARAMETERS, at, node.span, "the header component has no parameters")
                .help("give the header's one parameter, or drop the component if the header is fixed text");
        }
        1 => {}
        n => {
            cx.emit(
                &catalog::OCA_HEADER_PARAM_COUNT,
                at,
                node.span,
                format_args!("the header has {n} parameters; a template header takes exactly one"),
            );
        }
    }
}
