//! Reads one request in the `.http` format of the VS Code and JetBrains REST clients: the
//! request line `METHOD URL [HTTP/1.1]`, header lines `Name: value`, a blank line, the body.
//! Lines starting with `#` or `//` before the request line are comments.

use super::tree::Raw;
use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::{Arena, Member, Node, Span, Value};

/// A parsed `.http` request: the raw request, and the body bytes with their offset.
pub(super) struct Parsed<'a> {
    /// Method, URL and headers.
    pub(super) raw: Raw<'a>,
    /// The body, if there is one: its offset in the source and its bytes.
    pub(super) body: Option<(u32, &'a [u8])>,
}

/// Parses `source`, with the headers in `arena`; `None` (with a finding) when there is no
/// request line. `source` starts at byte `offset` of its file, and spans are the file's.
pub(super) fn parse<'a>(
    source: &'a [u8],
    offset: u32,
    arena: &'a Arena,
    cx: &mut Cx<'_>,
) -> Option<Parsed<'a>> {
    let text = match std::str::from_utf8(source) {
        Ok(text) => text,
        Err(e) => {
            let at = offset.saturating_add(e.valid_up_to() as u32);
            let span = Span::new(at, at.saturating_add(1));
            cx.emit(
                &catalog::REQUEST_BODY_INVALID_JSON,
                &Path::ROOT,
                span,
                format_args!("invalid UTF-8 at byte {}", e.valid_up_to()),
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = offset + (source.len() - text.len()) as u32;
    let mut lines = lines(text, base).peekable();
    // Skip blank lines, comments and `###` separators before the request line.
    while lines.peek().is_some_and(|(_, l)| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t.starts_with("//")
    }) {
        lines.next();
    }
    let Some((at, line)) = lines.next() else {
        cx.emit(
            &catalog::COMMON_FIELD_REQUIRED,
            &Path::ROOT.key("url"),
            Span::new(base, base),
            "the `.http` text has no request line `POST https://...`",
        );
        return None;
    };
    let mut raw = Raw::default();
    let mut words = words(line, at);
    let (first, second) = (words.next(), words.next());
    let (method, url) = match (first, second) {
        (Some(m), Some(u)) => (Some(m), u),
        (Some(u), None) => (None, u),
        _ => return None,
    };
    raw.method = method.map(|(s, span)| Node {
        value: Value::String(s),
        span,
    });
    raw.url = Some(Node {
        value: Value::String(url.0),
        span: url.1,
    });
    raw.url_text_at = Some(url.1.start);
    let mut body_at = None;
    let mut headers = Vec::new();
    for (at, line) in lines.by_ref() {
        if line.trim().is_empty() {
            body_at = Some(at + line.len() as u32);
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let name_span = Span::new(at, at + name.len() as u32);
            let value_start =
                at + name.len() as u32 + 1 + (value.len() - value.trim_start().len()) as u32;
            let value = value.trim();
            headers.push(Member {
                key: name.trim(),
                key_span: name_span,
                value: Node {
                    value: Value::String(value),
                    span: Span::new(value_start, value_start + value.len() as u32),
                },
            });
        }
    }
    raw.headers = arena.alloc_slice(&headers);
    let body = body_at.and_then(|start| {
        let rest = source.get(start.checked_sub(offset)? as usize..)?;
        let rest_text = std::str::from_utf8(rest).ok()?;
        // A following request starts at `###`.
        let end = rest_text.find("\n###").map_or(rest_text.len(), |i| i + 1);
        let body = rest_text.get(..end)?;
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        (!trimmed.is_empty())
            .then(|| (start + lead as u32 + 1, trimmed.as_bytes()))
            .map(|(s, b)| (s - 1, b))
    });
    Some(Parsed { raw, body })
}

/// Lines with the offset of their first byte; line ends (`\n`, `\r\n`) are not included.
fn lines(text: &str, base: u32) -> impl Iterator<Item = (u32, &str)> {
    let mut at = base;
    text.split('\n').map(move |line| {
        let start = at;
        at += line.len() as u32 + 1;
        (start, line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Whitespace-separated words with their spans.
fn words(line: &str, at: u32) -> impl Iterator<Item = (&str, Span)> {
    line.split_whitespace().map(move |w| {
        let offset = w.as_ptr() as usize - line.as_ptr() as usize;
        (
            w,
            Span::new(at + offset as u32, at + (offset + w.len()) as u32),
        )
    })
}
