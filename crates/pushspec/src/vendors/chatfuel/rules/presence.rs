//! Parameters a family request must carry, looked up in the query string and the JSON body
//! together: the credential (`auth.token.missing`), other required parameters
//! (`common.field.required`, `ahachat.block.missing`), and one-of selectors
//! (`chatfuel.route.missing`/`-multiple`, `smax.block.missing`/`-multiple`).
//!
//! A parameter in the body satisfies the requirement on every family vendor: Chatfuel
//! documents the body, and Smax V1 and AhaChat read it (the body placement itself is
//! flagged by [`super::attributes`]). A parameter written in other letter case
//! (`CHATFUEL_TOKEN`) is reported once, as `common.field.case`, not again as missing.
//!
//! ```text
//! #[pushspec(check = rules::send::request, rules("auth.token.missing", "chatfuel.route.missing", ...))]
//! pub struct SendRequest { ... }
//! ```

use crate::catalog;
use crate::check::{Cx, Quoted};
use crate::diag::{Diagnostic, Path, Rule};
use crate::json::{Node, Span};

use super::{Family, Part, given, is_miscased, present};

/// `auth.token.missing`: the family's credential is in neither the query string nor the
/// body. When a header looks like the token (`authorization`, `x-…-token`), the help says
/// that the vendor does not read headers.
pub fn token(family: &Family, request: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let name = family.token;
    // The message parts are only put together when the token is missing: this runs on
    // every request of the family, and almost all of them carry it.
    if !is_absent(request, name) {
        return;
    }
    let header = request
        .get("headers")
        .and_then(Node::as_object)
        .unwrap_or_default()
        .iter()
        .find(|h| h.key == "authorization" || h.key.contains("token"))
        .map(|h| h.key.to_string());
    let why = format!(
        "{} authenticates the call with it, read from {}",
        family.vendor,
        family.where_read()
    );
    if let Some(d) = absent(request, at, cx, name, &catalog::AUTH_TOKEN_MISSING, &why) {
        d.help(match header {
            Some(header) => format!(
                "the token seems to be in the `{header}` header, but {} does not read headers: send it as `{name}=<token>` in the query string",
                family.vendor
            ),
            None => format!("add `{name}=<token>` to the query string; the token is in {}", family.token_source),
        });
    }
}

/// A parameter the endpoint needs: absent or `""` in both the query string and the body
/// breaks `rule`. `why` completes the message.
pub fn require(
    request: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    name: &str,
    rule: &'static Rule,
    why: &str,
) {
    absent(request, at, cx, name, rule, why);
}

/// Records `rule` when `name` is not given; returns the finding so a help can be attached.
fn absent<'c>(
    request: &Node<'_>,
    at: &Path<'_>,
    cx: &'c mut Cx<'_>,
    name: &str,
    rule: &'static Rule,
    why: &str,
) -> Option<&'c mut Diagnostic> {
    if !is_absent(request, name) {
        return None;
    }
    // An empty value is pointed at; an absent one at the query string, where it belongs.
    Some(match present(request, name) {
        Some(found) => {
            let part_at = at.key(found.part.key());
            cx.emit(
                rule,
                &part_at.key(name),
                found.member.value.span,
                format_args!("`{name}` is empty; {why}"),
            )
        }
        None => {
            let query_at = at.key(Part::Query.key());
            cx.emit(
                rule,
                &query_at.key(name),
                start_of(request.get("query")),
                format_args!("`{name}` is missing; {why}"),
            )
        }
    })
}

/// Whether `name` counts as missing: not given, and not spelt in other letter case either
/// (that is reported as `common.field.case`).
fn is_absent(request: &Node<'_>, name: &str) -> bool {
    given(request, name).is_none() && !is_miscased(request, name)
}

/// Alternatives of which exactly one is expected: a block or flow to run.
#[derive(Debug, Clone, Copy)]
pub struct Selector {
    /// The parameter names, in documentation order.
    pub names: &'static [&'static str],
    /// What they select, for messages: "the block or flow to run".
    pub what: &'static str,
    /// The rule none breaks.
    pub missing: &'static Rule,
    /// The help for none.
    pub missing_help: &'static str,
    /// The rule several break.
    pub multiple: &'static Rule,
    /// The help for several: what the vendor's docs say about them.
    pub multiple_help: &'static str,
}

/// Checks a selector across the query string and the body. A name given in both counts once.
pub fn one_of(selector: &Selector, request: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    // The list of names is only written out for a finding, and the given names are only
    // collected when there are several: a valid request gives exactly one of them, and this
    // runs on every request of the family.
    let list = || Quoted(selector.names.iter().copied());
    let mut given_names = selector.names.iter().filter_map(|n| given(request, n));
    let found: Vec<_> = match (given_names.next(), given_names.next()) {
        (Some(_), None) => return,
        (None, _) => Vec::new(),
        (Some(first), Some(second)) => [first, second].into_iter().chain(given_names).collect(),
    };
    match found.as_slice() {
        [] => {
            if selector.names.iter().any(|n| is_miscased(request, n)) {
                return;
            }
            let Some(first) = selector.names.first() else {
                return;
            };
            let query_at = at.key(Part::Query.key());
            cx.emit(
                selector.missing,
                &query_at.key(first),
                start_of(request.get("query")),
                format_args!(
                    "none of {} is given; the request does not say {}",
                    list(),
                    selector.what
                ),
            )
            .help(selector.missing_help);
        }
        [_] => {}
        [_, second, ..] => {
            let (all, both) = match found.as_slice() {
                [a, b] => (format!("`{}` and `{}`", a.member.key, b.member.key), "both"),
                _ => (
                    Quoted(found.iter().map(|f| f.member.key)).to_string(),
                    "all",
                ),
            };
            let part_at = at.key(second.part.key());
            cx.emit(
                selector.multiple,
                &part_at.key(second.member.key),
                second.member.key_span,
                format_args!(
                    "{all} are {both} given; send only one of {} to choose {}",
                    list(),
                    selector.what
                ),
            )
            .help(selector.multiple_help);
        }
    }
}

/// A one-character span at the start of `node` (the query string: the start of the URL).
fn start_of(node: Option<&Node<'_>>) -> Span {
    let start = node.map_or(0, |n| n.span.start);
    Span::new(start, start.saturating_add(1))
}
