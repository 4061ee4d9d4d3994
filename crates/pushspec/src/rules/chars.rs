//! String length in characters (Unicode scalar values, spec §9), with the code of the limit.
//!
//! ```text
//! #[pushspec(chars(max = 60, code = "whatsapp.header.text-length"))]
//! text: String,
//! ```

use serde_json::json;

use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::schema::FieldSchema;

/// Bounds, inclusive.
#[derive(Debug, Clone, Copy)]
pub struct Args {
    /// Fewest characters allowed.
    pub min: Option<u64>,
    /// Most characters allowed.
    pub max: Option<u64>,
    /// The rule a violation breaks.
    pub rule: &'static Rule,
}

/// Checks a string's length; other kinds are left to the type check.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(s) = node.as_str() else { return };
    let n = s.chars().count() as u64;
    if let Some(max) = args.max.filter(|&max| n > max) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!(
                "{} is {n} characters long; the limit is {max}",
                Described(*at)
            ),
        )
        .help(format_args!("shorten it by {} characters", n - max));
    } else if let Some(min) = args.min.filter(|&min| n < min) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!(
                "{} is {n} characters long; it needs at least {min}",
                Described(*at)
            ),
        );
    }
}

/// `minLength`/`maxLength`, when the schema expresses the rule.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    if let Some(min) = args.min {
        fs.keyword(args.rule, "minLength", json!(min));
    }
    if let Some(max) = args.max {
        fs.keyword(args.rule, "maxLength", json!(max));
    }
}
