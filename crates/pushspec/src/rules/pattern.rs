//! A regular expression the whole value must match, with the code it enforces. Each pattern
//! is compiled once, on first use, into a `static` the derive writes next to the model; the
//! derive has already checked its syntax at compile time.
//!
//! ```text
//! #[pushspec(pattern(regex = "^U[0-9a-f]{32}$", code = "firstline.line-user-id.format"))]
//! user_id: String,
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde_json::json;

use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::schema::FieldSchema;

/// A pattern compiled on first use. `None` only if the source does not compile, which the
/// derive rules out.
pub type Compiled = LazyLock<Option<Regex>>;

/// Compiles a pattern for a [`Compiled`] static.
pub fn compile(source: &str) -> Option<Regex> {
    Regex::new(source).ok()
}

/// The pattern and the rule it enforces.
#[derive(Debug, Clone, Copy)]
pub struct Args {
    /// The pattern as written (also the schema's `pattern`).
    pub source: &'static str,
    /// The compiled pattern.
    pub regex: &'static Compiled,
    /// The rule a mismatch breaks.
    pub rule: &'static Rule,
}

/// Checks a string against the pattern; other kinds are left to the type check.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let (Some(s), Some(regex)) = (node.as_str(), args.regex.as_ref()) else {
        return;
    };
    if !regex.is_match(s) {
        cx.emit(
            args.rule,
            at,
            node.span,
            format_args!("{} does not match `{}`", Described(*at), args.source),
        );
    }
}

/// `pattern`, when the schema expresses the rule.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    fs.keyword(args.rule, "pattern", json!(args.source));
}
