//! Whole HTTP requests: the envelope `{method, url, headers, body}` and typed [`Request`]s.
//!
//! Half of the vendor APIs carry their payload in the path and query string and most carry
//! a credential in a header, so a request is validated as one tree,
//! `{method, url, path, query, headers, body}`, built from whatever the input was (a JSON
//! envelope, a `.http` request, a typed [`Request`]) with every value spanned in the input.
//! The endpoint's request model checks that tree, so pointers come out as `/query/botId`,
//! `/headers/authorization` (lower-cased) or `/body/...`.

mod build;
mod envelope;
mod har;
mod http;
pub mod matching;
mod tree;
pub mod url;

use std::fmt::Write as _;

use crate::check::{Cx, Options};
use crate::diag::Report;
use crate::endpoint::Endpoint;
use crate::json::Arena;

pub use build::{BuildError, EndpointRequest, build};
pub use har::{HarEntry, validate_har};
use tree::Raw;

/// A request as a service builds it before sending: what [`validate_request`] checks and
/// the vendor builders produce.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// `POST` for every endpoint pushspec knows.
    pub method: String,
    /// The full URL, query string percent-encoded.
    pub url: String,
    /// Header names and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes, if any.
    pub body: Option<Vec<u8>>,
}

impl std::fmt::Debug for Request {
    /// Prints the request with credential headers and the query string redacted: a
    /// `Request` holds credentials (spec §2.1).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = self
            .url
            .split_once('?')
            .map_or(self.url.clone(), |(base, _)| format!("{base}?<redacted>"));
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &url)
            .field(
                "headers",
                &self
                    .headers
                    .iter()
                    .map(|(n, v)| {
                        (
                            n.as_str(),
                            if crate::validate::is_secret_key(n) {
                                "<redacted>"
                            } else {
                                v
                            },
                        )
                    })
                    .collect::<Vec<_>>(),
            )
            .field(
                "body",
                &self.body.as_ref().map(|b| format!("<{} bytes>", b.len())),
            )
            .finish()
    }
}

impl Request {
    /// The request as `.http` text (the REST-client format): request line, headers, a blank
    /// line, the body. Diagnostics of [`validate_request`] give lines and columns in it.
    pub fn to_http(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.url);
        for (name, value) in &self.headers {
            let _ = writeln!(out, "{name}: {value}");
        }
        if let Some(body) = &self.body {
            out.push('\n');
            out.push_str(&String::from_utf8_lossy(body));
        }
        out
    }
}

/// Validates a typed request. The endpoint is found from the URL; positions in the report
/// refer to [`Request::to_http`]. No I/O, no panics.
pub fn validate_request(request: &Request, options: &Options) -> Report {
    validate_http(request.to_http().as_bytes(), None, options)
}

/// Validates every request of a `.http` file (requests separated by lines starting with
/// `###`), each with positions in the whole file. Returns each request's 1-based first line
/// with its report.
pub fn validate_http_file(
    source: &[u8],
    endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> Vec<(u32, Report)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line = 1u32;
    let mut first_line = 1u32;
    let mut at = 0;
    while at <= source.len() {
        let line_end = source
            .get(at..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
            .map_or(source.len(), |i| at + i);
        let is_separator = source.get(at..).is_some_and(|r| r.starts_with(b"###"));
        if is_separator || line_end == source.len() {
            let end = if is_separator { at } else { source.len() };
            let chunk = source.get(start..end).unwrap_or_default();
            if chunk.iter().any(|b| !b.is_ascii_whitespace()) && has_request_line(chunk) {
                out.push((
                    first_line,
                    validate_http_at(source, start..end, first_line, endpoint, options),
                ));
            }
            start = line_end + 1;
            first_line = line + 1;
        }
        at = line_end + 1;
        line += 1;
    }
    out
}

/// Whether a chunk of a `.http` file holds more than comments.
fn has_request_line(chunk: &[u8]) -> bool {
    String::from_utf8_lossy(chunk)
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("//"))
}

/// Validates the request in `source[own]`, which starts line `line`, with positions in the
/// whole source. Only the request's own bytes are read: a file of many requests is
/// validated in one pass over it.
fn validate_http_at(
    source: &[u8],
    own: std::ops::Range<usize>,
    line: u32,
    endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> Report {
    let request = source.get(own.clone()).unwrap_or_default();
    let mut report = check_http(request, own.start as u32, endpoint, options);
    let mut positions = crate::diag::position::Cursor::at(source, own.start, line as usize, false);
    report.locate_with(&mut positions, own);
    report
}

/// Validates one request written as `.http` text. `endpoint` forces the endpoint; `None`
/// finds it from the URL.
pub fn validate_http(
    source: &[u8],
    endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> Report {
    let mut report = check_http(source, 0, endpoint, options);
    report.locate(source);
    report
}

/// The report on one `.http` request that starts at byte `offset` of its file, not yet
/// located.
fn check_http(
    source: &[u8],
    offset: u32,
    endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> Report {
    Arena::with(|arena| {
        let mut cx = Cx::new(options);
        let Some(parsed) = http::parse(source, offset, arena, &mut cx) else {
            return cx.into_report(endpoint.map(|e| e.id));
        };
        let body_sent = parsed.body.is_some();
        let body = parsed
            .body
            .and_then(|(offset, bytes)| tree::parse_body(bytes, offset, arena, &mut cx));
        let raw = Raw {
            body,
            body_sent,
            ..parsed.raw
        };
        let chosen = tree::check(raw, endpoint, arena, &mut cx);
        cx.into_report(chosen.or(endpoint).map(|e| e.id))
    })
}

/// Validates a request envelope, a JSON object `{"method", "url", "headers", "body"}`.
/// `headers` is an object of strings (or a HAR-style array of `{name, value}`); `body` is
/// the JSON body itself, or a string holding the raw body. `endpoint` forces the endpoint;
/// `None` finds it from the URL. No I/O, no panics.
pub fn validate_envelope(
    source: &[u8],
    endpoint: Option<&'static Endpoint>,
    options: &Options,
) -> Report {
    Arena::with(|arena| {
        let mut cx = Cx::new(options);
        let root = match crate::json::parse(source, arena, &options.limits.for_validation()) {
            Ok(root) => root,
            Err(e) => {
                crate::validate::syntax_error(&e, &crate::diag::Path::ROOT, &mut cx);
                return finish(cx, endpoint, source, false);
            }
        };
        // From here on the source parsed, so it is valid UTF-8.
        let Some(mut raw) = envelope::read(root, arena, &mut cx) else {
            return finish(cx, endpoint, source, true);
        };
        if let Some(body) = raw.body
            && let Some(text) = body.as_str()
        {
            // A string body is the raw body text; its JSON is parsed on its own, and findings
            // in it point at the string as a whole.
            raw.body = tree::parse_body(text.as_bytes(), 0, arena, &mut cx)
                .map(|node| tree::respan(&node, arena, &|_| body.span));
        }
        let chosen = tree::check(raw, endpoint, arena, &mut cx);
        finish(cx, chosen.or(endpoint), source, true)
    })
}

/// The report of `cx`, located in `source`. `parsed` says that `source` parsed as JSON, and
/// so is valid UTF-8, which makes its columns cheaper to count.
fn finish(cx: Cx<'_>, endpoint: Option<&'static Endpoint>, source: &[u8], parsed: bool) -> Report {
    let mut report = cx.into_report(endpoint.map(|e| e.id));
    report.locate_in(source, parsed);
    report
}

#[cfg(test)]
mod tests;
