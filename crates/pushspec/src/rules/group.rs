//! Field groups: at least one, at most one, or exactly one of several sibling fields given.
//!
//! ```text
//! #[pushspec(exactly_one_of(intent_id, message,
//!     missing = "mantago.content.missing", multiple = "mantago.content.both"))]
//! #[pushspec(at_least_one_of(customer_id, customer_email, code = "smax.customer.identifier-required"))]
//! #[pushspec(at_most_one_of(customer_id, customer_email, code = "smax.customer.multiple-identifiers"))]
//! ```
//!
//! "Given" means present, not null, not `""` and not `[]` (`Node::is_given`).

use crate::check::{Cx, Quoted};
use crate::diag::{Path, Rule};
use crate::json::{Member, Node, Span};

/// Checks one group: `members` are the group's wire names with the member found, if any.
pub fn apply(
    object: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    members: &[(&str, Option<&Member<'_>>)],
    missing: Option<&'static Rule>,
    multiple: Option<&'static Rule>,
) {
    // The names are listed, and the given members collected, only for a finding: a valid
    // object gives exactly one, and groups run on every object of their model.
    let names = || Quoted(members.iter().map(|(n, _)| *n));
    let mut given_members = members
        .iter()
        .filter_map(|(n, m)| m.filter(|m| m.value.is_given()).map(|m| (*n, m)));
    let given: Vec<(&str, &Member<'_>)> = match (given_members.next(), given_members.next()) {
        (Some(_), None) => return,
        (None, _) => Vec::new(),
        (Some(first), Some(second)) => [first, second].into_iter().chain(given_members).collect(),
    };
    match (given.as_slice(), missing, multiple) {
        ([], Some(rule), _) => {
            let span = Span::new(object.span.start, object.span.start.saturating_add(1));
            cx.emit(
                rule,
                at,
                span,
                format_args!("none of {} is given; one is needed", names()),
            );
        }
        ([_, second, ..], _, Some(rule)) => {
            let all = match given.as_slice() {
                [(a, _), (b, _)] => format!("`{a}` and `{b}`"),
                _ => Quoted(given.iter().map(|(n, _)| *n)).to_string(),
            };
            cx.emit(
                rule,
                &at.key(second.1.key),
                second.1.key_span,
                format_args!(
                    "{all} are {} given; send only one of {}",
                    if given.len() == 2 { "both" } else { "all" },
                    names()
                ),
            );
        }
        _ => {}
    }
}
