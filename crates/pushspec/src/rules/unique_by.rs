//! Unique keys across array items, e.g. button indexes. JSON Schema's `uniqueItems` compares
//! whole items, so this rule is listed in `x-pushspec-rules` instead.
//!
//! ```text
//! #[pushspec(unique_by(key = "index", code = "oca.button.index-duplicate"))]
//! payload: Vec<Component>,
//! ```

use crate::check::Cx;
use crate::diag::{Path, Rule};
use crate::json::{Node, Value};
use crate::schema::FieldSchema;

/// The item key and the rule a repeat breaks.
#[derive(Debug, Clone, Copy)]
pub struct Args {
    /// The member of each item to compare (items without it are skipped).
    pub key: &'static str,
    /// The rule a repeat breaks.
    pub rule: &'static Rule,
}

/// Reports every item whose `key` repeats an earlier item's. Numbers compare by value, so
/// `1` and `1.0` are the same index; a numeric string is not the same as the number.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(items) = node.as_array() else { return };
    // On the stack for the usual handful of items: this runs on every array of its field.
    let mut seen: smallvec::SmallVec<[(usize, &Node<'_>); 8]> = smallvec::SmallVec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(value) = item.get(args.key) else {
            continue;
        };
        if let Some((first, _)) = seen.iter().find(|(_, v)| same(v, value)) {
            let item_at = at.index(i);
            cx.emit(
                args.rule,
                &item_at.key(args.key),
                value.span,
                format_args!(
                    "`{}` {} is already used by item {first}",
                    args.key,
                    text(value)
                ),
            );
        } else {
            seen.push((i, value));
        }
    }
}

/// Lists the rule in `x-pushspec-rules`.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    fs.note(args.rule);
}

fn same(a: &Node<'_>, b: &Node<'_>) -> bool {
    match (&a.value, &b.value) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (x, y) => x == y,
    }
}

fn text(node: &Node<'_>) -> String {
    match &node.value {
        Value::Number(n) => n.raw().to_owned(),
        Value::String(s) => format!("\"{s}\""),
        _ => node.kind().to_owned(),
    }
}
