//! The names in a query string or body that are not documented parameters: subscriber
//! attributes. An attribute may not use the vendor's reserved prefix
//! (`chatfuel.attr.reserved-prefix`, `ahachat.attr.reserved-prefix`); and where the vendor
//! documents its parameters in the query string only, parameters in the JSON body are
//! flagged (`smax.params.in-body`, `ahachat.params.in-body`).
//!
//! A name that is a documented one in other letter case (`CHATFUEL_MESSAGE_TAG`) is the
//! model's `common.field.case` finding, instead of the reserved-prefix rule (spec §3.7).
//!
//! ```text
//! #[pushspec(check = rules::send::query, rules("chatfuel.attr.reserved-prefix"))]
//! pub struct Query { ..., #[serde(flatten)] pub attributes: BTreeMap<String, String> }
//! ```

use crate::check::{Cx, Quoted};
use crate::diag::Path;
use crate::json::Node;
use crate::rules::starts_with_ignore_case;

use super::{Body, Family, Part};

/// Checks the names of the query string or body object `node`, standing at `at`.
pub fn apply(family: &Family, part: Part, node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(members) = node.as_object() else {
        return;
    };
    let (prefix, reserved) = family.reserved;
    for m in members {
        let key = m.key;
        let here = at.key(key);
        if family.miscased(key).is_some() {
            continue;
        }
        let documented = family.is_documented(key);
        // In any letter case: `CHATFUEL_X` is as reserved as `chatfuel_x`.
        if !documented && starts_with_ignore_case(key, prefix) {
            cx.emit(
                reserved,
                &here,
                m.key_span,
                format_args!(
                    "attribute `{key}` starts with `{prefix}`, which {} reserves for its own parameters",
                    family.vendor
                ),
            )
            .help(match key.get(prefix.len()..).filter(|rest| family.is_documented(rest)) {
                // `chatfuel_block_id` sent to Smax, whose parameter is `block_id`.
                Some(rest) => format!("{} names this parameter `{rest}`", family.vendor),
                None => format!(
                    "rename the attribute without the `{prefix}` prefix; {}'s parameters are {}",
                    family.vendor,
                    list(family.documented, prefix)
                ),
            });
        }
        if let (
            Part::Body,
            Body::Tolerated {
                rule,
                attributes_accepted,
            },
        ) = (part, family.body)
        {
            if documented {
                cx.emit(
                    rule,
                    &here,
                    m.key_span,
                    format_args!(
                        "`{key}` is sent in the JSON body; {} documents it in the query string",
                        family.vendor
                    ),
                )
                .help(format_args!(
                    "move it to the URL: `?{key}=...`, percent-encoded"
                ));
            } else if !attributes_accepted {
                cx.emit(
                    rule,
                    &here,
                    m.key_span,
                    format_args!(
                        "attribute `{key}` is sent in the JSON body; {} documents attributes in the query string",
                        family.vendor
                    ),
                )
                .help(format_args!("move it to the URL: `?{key}=...`, percent-encoded"));
            }
        }
    }
}

/// The documented names with the reserved prefix, for the help line.
fn list(documented: &[&str], prefix: &str) -> String {
    let prefixed = documented.iter().copied().filter(|d| d.starts_with(prefix));
    if prefixed.clone().next().is_some() {
        Quoted(prefixed).to_string()
    } else {
        Quoted(documented.iter().copied()).to_string()
    }
}
