//! `oca.template-code.shape`: flags only what cannot be an issued template id: whitespace,
//! control characters, or an unfilled placeholder such as `{{template_id}}` or `<id>`.
//! OCA issues ids in several shapes (`<uuid with _>:<name>`, `marketing:<name>`), so
//! anything else is left alone.
//!
//! ```text
//! #[pushspec(apply = rules::template_code::apply)]
//! template_code_id: String,
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Checks a template id.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(id) = node.as_str() else { return };
    // The usual id is visible ASCII without `{` or `<`, which settles every question below
    // in one pass over its bytes.
    let plain = id
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'{' && b != b'<');
    let problem = if plain {
        None
    } else if id.chars().any(char::is_control) {
        Some("contains a control character")
    } else if id.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else if is_placeholder(id) {
        Some("is an unfilled placeholder")
    } else {
        None
    };
    if let Some(problem) = problem {
        cx.emit(
            &catalog::OCA_TEMPLATE_CODE_SHAPE,
            at,
            node.span,
            format_args!("`template_code_id` {problem}; OCA would answer 59 (template not found)"),
        )
        .help("copy the id of the approved template from the OCA dashboard");
    }
}

fn is_placeholder(id: &str) -> bool {
    let braces = id
        .find("{{")
        .is_some_and(|i| id.get(i..).is_some_and(|rest| rest.contains("}}")));
    let angles = id
        .find('<')
        .is_some_and(|i| id.get(i..).is_some_and(|rest| rest.contains('>')));
    braces || angles
}
