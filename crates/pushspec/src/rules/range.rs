//! Numeric range, inclusive, with the code of the limit.
//!
//! ```text
//! #[pushspec(range(min = 0, max = 9, code = "oca.button.index-range"))]
//! index: i64,
//! ```

use serde_json::json;

use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::schema::FieldSchema;

/// Bounds, inclusive.
#[derive(Debug, Clone, Copy)]
pub struct Args {
    /// Smallest value allowed.
    pub min: Option<f64>,
    /// Largest value allowed.
    pub max: Option<f64>,
    /// The rule a violation breaks.
    pub rule: &'static Rule,
}

/// Checks a number; other kinds are left to the type check.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(n) = node.as_number() else { return };
    check_value(n.as_f64(), n.raw(), node, at, cx, args);
}

/// Checks `value` (written as `raw`) against the bounds; for rules that read numbers out of
/// strings, such as a button index sent as `"12"`.
pub fn check_value(
    value: f64,
    raw: &str,
    node: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    args: &Args,
) {
    if let Some(max) = args.max.filter(|&max| value > max) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!("{} is {raw}; the largest allowed is {max}", Described(*at)),
        );
    } else if let Some(min) = args.min.filter(|&min| value < min) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!("{} is {raw}; the smallest allowed is {min}", Described(*at)),
        );
    }
}

/// `minimum`/`maximum`, when the schema expresses the rule.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    if let Some(min) = args.min {
        fs.keyword(args.rule, "minimum", number(min));
    }
    if let Some(max) = args.max {
        fs.keyword(args.rule, "maximum", number(max));
    }
}

/// Whole bounds are written as integers (`9`, not `9.0`), as people write them.
fn number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}
