//! `priority` (spec §3.6): the order in which Smax tries the identifiers, inferred from
//! integrator code. Each item is `fbid`, `phone` or `email` (an `other_code` on
//! [`V2Identifier`](crate::vendors::smax::V2Identifier)), and none repeats: both are
//! `smax.priority.items`.
//!
//! ```text
//! #[pushspec(apply = rules::priority::repeated)]
//! priority: Option<Vec<V2Identifier>>,
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Checks the `priority` array for repeated items.
pub fn repeated(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(items) = node.as_array() else { return };
    for (i, item) in items.iter().enumerate() {
        let Some(name) = item.as_str() else { continue };
        let first = items
            .iter()
            .take(i)
            .position(|earlier| earlier.as_str() == Some(name));
        if let Some(first) = first {
            cx.emit(
                &catalog::SMAX_PRIORITY_ITEMS,
                &at.index(i),
                item.span,
                format_args!("item {i} repeats `{name}`, already item {first}"),
            )
            .help("list each identifier once, in the order to try them");
        }
    }
}
