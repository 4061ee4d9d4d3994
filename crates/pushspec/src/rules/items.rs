//! Array length, with the code of the limit.
//!
//! ```text
//! #[pushspec(items(max = 4, code = "line.buttons.action-count"))]
//! options: Vec<ButtonOption>,
//! ```

use serde_json::json;

use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::schema::FieldSchema;

/// Bounds, inclusive.
#[derive(Debug, Clone, Copy)]
pub struct Args {
    /// Fewest items allowed.
    pub min: Option<u64>,
    /// Most items allowed.
    pub max: Option<u64>,
    /// The rule a violation breaks.
    pub rule: &'static Rule,
}

/// Checks an array's length; other kinds are left to the type check.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(items) = node.as_array() else { return };
    let n = items.len() as u64;
    if let Some(max) = args.max.filter(|&max| n > max) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!("{} has {n} items; the limit is {max}", Described(*at)),
        );
    } else if let Some(min) = args.min.filter(|&min| n < min) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!("{} has {n} items; it needs at least {min}", Described(*at)),
        );
    }
}

/// `minItems`/`maxItems`, when the schema expresses the rule.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    if let Some(min) = args.min {
        fs.keyword(args.rule, "minItems", json!(min));
    }
    if let Some(max) = args.max {
        fs.keyword(args.rule, "maxItems", json!(max));
    }
}
