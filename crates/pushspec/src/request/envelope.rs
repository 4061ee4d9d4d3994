//! Reads a JSON request envelope `{"method", "url", "headers", "body"}` into a [`Raw`]
//! request. `headers` is an object of strings, or a HAR-style array of `{name, value}`.

use super::tree::Raw;
use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::{Arena, Member, Node, Value};

/// The raw request of an envelope; `None` when the envelope is not an object. The request
/// borrows the envelope's parts, so a large body is never copied.
pub(super) fn read<'a>(root: Node<'a>, arena: &'a Arena, cx: &mut Cx<'_>) -> Option<Raw<'a>> {
    let root_start = root.span.start;
    let members = match root.value {
        Value::Object(members) => members,
        _ => {
            cx.wrong_type(
                &Path::ROOT,
                &root,
                "a request envelope object `{\"method\", \"url\", \"headers\", \"body\"}`",
            );
            return None;
        }
    };
    let mut raw = Raw::default();
    for m in members {
        let at = Path::ROOT.key(m.key);
        match m.key {
            "method" => {
                if m.value.as_str().is_some() {
                    raw.method = Some(m.value);
                } else {
                    cx.wrong_type(&at, &m.value, "a string");
                }
            }
            "url" => match m.value.value {
                Value::String(_) => {
                    // A URL written without escapes is the source's own bytes, one to one.
                    if m.value.is_verbatim_str() {
                        raw.url_text_at = Some(m.value.span.start + 1);
                    }
                    raw.url = Some(m.value);
                }
                _ => cx.wrong_type(&at, &m.value, "a string"),
            },
            "headers" => raw.headers = headers(m.value, &at, arena, cx),
            "body" => {
                raw.body = Some(m.value).filter(|b| !matches!(b.value, Value::Null));
                raw.body_sent = raw.body.is_some();
            }
            other => {
                cx.emit(
                    &catalog::COMMON_FIELD_UNKNOWN,
                    &at,
                    m.key_span,
                    format_args!("`{other}` is not part of a request envelope"),
                )
                .help(
                    "an envelope has `method`, `url` (with the query string), `headers` and `body`",
                );
            }
        }
    }
    if raw.url.is_none() {
        let span = crate::json::Span::new(root_start, root_start.saturating_add(1));
        cx.emit(
            &catalog::COMMON_FIELD_REQUIRED,
            &Path::ROOT.key("url"),
            span,
            "the request envelope has no `url`",
        );
    }
    Some(raw)
}

fn headers<'a>(
    node: Node<'a>,
    at: &Path<'_>,
    arena: &'a Arena,
    cx: &mut Cx<'_>,
) -> &'a [Member<'a>] {
    match node.value {
        Value::Object(members) => members,
        Value::Array(items) => {
            // Collected in the arena, where the headers stay with the rest of the tree.
            let mut headers = arena.scratch(items.len());
            headers.extend(items.iter().enumerate().filter_map(|(i, item)| {
                let header = har_header(item);
                if header.is_none() {
                    cx.wrong_type(
                        &at.index(i),
                        item,
                        "a header `{\"name\": ..., \"value\": ...}`",
                    );
                }
                header
            }));
            headers.into_bump_slice()
        }
        _ => {
            cx.wrong_type(at, &node, "an object of header names and values");
            &[]
        }
    }
}

/// A HAR-style header, `{"name": ..., "value": ...}`, as a member: the name is its key.
pub(super) fn har_header<'a>(item: &Node<'a>) -> Option<Member<'a>> {
    let name = item.get("name")?;
    Some(Member {
        key: name.as_str()?,
        key_span: name.span,
        value: *item.get("value")?,
    })
}
