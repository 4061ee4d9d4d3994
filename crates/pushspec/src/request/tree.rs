//! Builds the request tree `{method, url, path, query, headers, body}` from a raw request
//! and checks it: the method, the URL, the endpoint, then the endpoint's request model.

use super::{matching, url};
use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::endpoint::Endpoint;
use crate::json::{self, Arena, Member, Node, Span, Value};

/// A request as read from its source, every part spanned in that source.
#[derive(Debug, Default)]
pub(super) struct Raw<'a> {
    /// The method string.
    pub(super) method: Option<Node<'a>>,
    /// The URL string.
    pub(super) url: Option<Node<'a>>,
    /// Where the URL's text starts in the source when its bytes are the source's bytes
    /// (no escapes), so that query and path pieces get exact spans.
    pub(super) url_text_at: Option<u32>,
    /// Header names as written, with their values.
    pub(super) headers: &'a [Member<'a>],
    /// The body.
    pub(super) body: Option<Node<'a>>,
    /// Whether the request carried a body, even one that did not parse (and so is not in
    /// `body`): then "the body is missing" would be false.
    pub(super) body_sent: bool,
}

/// Checks a raw request as `forced`, or as the endpoint its URL matches; returns the
/// endpoint used. The request tree is built in `arena`, next to the tree `raw` came from.
pub(super) fn check<'a>(
    raw: Raw<'a>,
    forced: Option<&'static Endpoint>,
    arena: &'a Arena,
    cx: &mut Cx<'_>,
) -> Option<&'static Endpoint> {
    let root = Path::ROOT;
    let method_at = root.key("method");
    match raw
        .method
        .as_ref()
        .and_then(|m| m.as_str().map(|s| (s, m.span)))
    {
        Some(("POST", _)) => {}
        Some((other, span)) => {
            cx.emit(
                &catalog::REQUEST_METHOD_POST,
                &method_at,
                span,
                format_args!("the method is `{other}`; every push endpoint takes `POST`"),
            )
            .help("send the request with `POST`");
        }
        None => {
            let span = raw.url.as_ref().map_or(Span::default(), |u| u.span);
            cx.emit(
                &catalog::REQUEST_METHOD_POST,
                &method_at,
                span,
                "the request has no method; every push endpoint takes `POST`",
            );
        }
    }

    let url_at = root.key("url");
    let url_node = raw.url.as_ref();
    let url_text = url_node.and_then(Node::as_str).unwrap_or_default();
    let trimmed = url_text.trim();
    if trimmed.len() != url_text.len() {
        let span = url_node.map_or(Span::default(), |n| n.span);
        cx.emit(
            &catalog::REQUEST_URL_WHITESPACE,
            &url_at,
            span,
            "the request URL has whitespace around it",
        )
        .help("remove the spaces or line breaks around the URL");
    }
    let lead = url_text.len() - url_text.trim_start().len();
    let split = url::split(trimmed, arena);
    if split.is_none()
        && let Some(node) = url_node
    {
        cx.emit(
            &catalog::URL_SYNTAX,
            &url_at,
            node.span,
            "the request URL is not an absolute `https://host/path` URL",
        );
    }
    let matched = split.as_ref().and_then(matching::find);
    let endpoint = forced.or(matched);
    match (forced, matched, &split) {
        (Some(f), Some(m), _) if f.id != m.id => {
            let span = url_node.map_or(Span::default(), |n| n.span);
            cx.emit(
                &catalog::REQUEST_URL_ENDPOINT,
                &url_at,
                span,
                format_args!("the URL is `{}`'s, not `{}`'s", m.id, f.id),
            )
            .help(format_args!(
                "validate it as `{}`, or fix the URL (`{}`)",
                m.id, f.url
            ));
        }
        (Some(f), None, Some(_)) => {
            let span = url_node.map_or(Span::default(), |n| n.span);
            cx.emit(
                &catalog::REQUEST_URL_ENDPOINT,
                &url_at,
                span,
                format_args!("the URL does not match `{}`", f.id),
            )
            .help(format_args!("the endpoint's URL is `{}`", f.url));
        }
        (None, None, Some(s)) => {
            let span = url_node.map_or(Span::default(), |n| n.span);
            cx.emit(
                &catalog::REQUEST_URL_ENDPOINT,
                &url_at,
                span,
                format_args!(
                    "the URL (host `{}`) matches no endpoint pushspec knows",
                    s.host
                ),
            )
            .help("run `pushspec endpoints` for the URL templates, or pass `--endpoint`");
        }
        _ => {}
    }

    // Pieces of the URL get exact spans when the URL text is the source text.
    let url_span = url_node.map_or(Span::default(), |n| n.span);
    let piece_span = |range: (usize, usize)| match raw.url_text_at {
        Some(at) => Span::new(at + (lead + range.0) as u32, at + (lead + range.1) as u32),
        None => url_span,
    };
    // The tree's vectors are scratch space in the arena, which the tree lives in anyway:
    // no `malloc` per request for them.
    let mut path = arena.scratch(4);
    if let (Some(e), Some(s)) = (endpoint, &split) {
        for (name, piece) in matching::capture(e, s).into_iter().flatten() {
            let span = piece_span(piece.range);
            path.push(member(name, span, Value::String(piece.text), span));
        }
    }
    let query = arena.alloc_iter(split.map(|s| s.query).unwrap_or_default().iter().map(
        |(name, value)| {
            member(
                name.text,
                piece_span(name.range),
                Value::String(value.text),
                piece_span(value.range),
            )
        },
    ));
    let headers = arena.alloc_iter(raw.headers.iter().map(|m| Member {
        key: arena.lowercase(m.key),
        ..*m
    }));
    // Every `Authorization` value is a secret, whatever the endpoint (spec §2.1).
    for h in headers.iter().filter(|h| h.key == "authorization") {
        cx.secret(h.value.span);
    }

    let mut members = arena.scratch(6);
    if let Some(method) = raw.method {
        members.push(member("method", method.span, method.value, method.span));
    }
    if let Some(u) = url_node {
        members.push(member("url", u.span, u.value, u.span));
    }
    members.push(member(
        "path",
        url_span,
        Value::Object(path.into_bump_slice()),
        url_span,
    ));
    members.push(member("query", url_span, Value::Object(query), url_span));
    let headers_span = headers.first().map_or(url_span, |h| h.key_span);
    members.push(member(
        "headers",
        headers_span,
        Value::Object(headers),
        headers_span,
    ));
    let unparsed_body = raw.body_sent && raw.body.is_none();
    if let Some(body) = raw.body {
        let span = body.span;
        members.push(member("body", span, body.value, span));
    }
    let tree = Node {
        value: Value::Object(members.into_bump_slice()),
        span: url_span,
    };

    crate::validate::every_value(&tree, None, &root, cx);
    if let Some(e) = endpoint {
        (e.check_request)(&tree, &root, cx);
    }
    if unparsed_body {
        // The body's syntax error is already reported; its absence is not.
        cx.retain(|d| {
            !(d.rule.code == catalog::COMMON_FIELD_REQUIRED.code && d.pointer == "/body")
        });
    }
    endpoint
}

/// Parses a body's bytes, found at `offset` in the source; a syntax error becomes a
/// `request.body.invalid-json` finding.
pub(super) fn parse_body<'b>(
    bytes: &'b [u8],
    offset: u32,
    arena: &'b Arena,
    cx: &mut Cx<'_>,
) -> Option<Node<'b>> {
    match json::parse(bytes, arena, &cx.options().limits.for_validation()) {
        Ok(node) if offset == 0 => Some(node),
        Ok(node) => Some(respan(&node, arena, &|s| {
            Span::new(s.start.saturating_add(offset), s.end.saturating_add(offset))
        })),
        Err(mut e) => {
            e.offset = e.offset.saturating_add(offset);
            crate::validate::syntax_error(&e, &Path::BODY, cx);
            None
        }
    }
}

/// A copy of a tree with every span rewritten, built in `arena` (trees there are shared and
/// so never changed in place). Only bodies nested in another document take this detour.
pub(super) fn respan<'a>(node: &Node<'a>, arena: &'a Arena, f: &impl Fn(Span) -> Span) -> Node<'a> {
    let value = match node.value {
        Value::Array(items) => {
            Value::Array(arena.alloc_iter(items.iter().map(|i| respan(i, arena, f))))
        }
        Value::Object(members) => Value::Object(arena.alloc_iter(members.iter().map(|m| Member {
            key: m.key,
            key_span: f(m.key_span),
            value: respan(&m.value, arena, f),
        }))),
        scalar => scalar,
    };
    Node {
        value,
        span: f(node.span),
    }
}

fn member<'a>(key: &'a str, key_span: Span, value: Value<'a>, span: Span) -> Member<'a> {
    Member {
        key,
        key_span,
        value: Node { value, span },
    }
}
