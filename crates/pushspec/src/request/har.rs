//! HAR 1.2 captures: every entry whose URL matches a vendor endpoint is validated as a
//! request, with positions in the HAR file; every other entry is counted as skipped, never
//! dropped silently.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::tree::{self, Raw};
use super::{envelope, matching, url};
use crate::check::{Cx, Options};
use crate::diag::{Path, Report};
use crate::endpoint::Endpoint;
use crate::json::{self, Arena, Node};

/// One entry of a capture.
#[derive(Debug)]
pub enum HarEntry {
    /// The entry was validated.
    Validated {
        /// Its index in `log.entries`.
        index: usize,
        /// The report.
        report: Report,
    },
    /// The entry's URL matches no endpoint (and none was forced): not a vendor request.
    Skipped {
        /// Its index in `log.entries`.
        index: usize,
        /// Its URL with the query string removed (query values may be secrets).
        url: String,
    },
}

/// Validates a HAR capture. A file that is not a HAR gets one report with the problem.
pub fn validate_har(
    source: &[u8],
    forced: Option<&'static Endpoint>,
    options: &Options,
) -> Result<Vec<HarEntry>, Report> {
    let fail = |cx: Cx<'_>| {
        let mut report = cx.into_report(None);
        report.locate(source);
        report
    };
    // One arena for the capture and every body in it: a HAR file is validated as a whole.
    let arena = &Arena::new();
    let mut cx = Cx::new(options);
    let root = match json::parse(source, arena, &options.limits.for_validation()) {
        Ok(root) => root,
        Err(e) => {
            crate::validate::syntax_error(&e, &Path::ROOT, &mut cx);
            return Err(fail(cx));
        }
    };
    let Some(entries) = root
        .get("log")
        .and_then(|l| l.get("entries"))
        .and_then(Node::as_array)
    else {
        cx.wrong_type(
            &Path::ROOT.key("log").key("entries"),
            &root,
            "a HAR 1.2 capture with `log.entries`",
        );
        return Err(fail(cx));
    };
    let mut out = Vec::with_capacity(entries.len());
    // One cursor for every entry, which come in file order: each report's positions are
    // counted on from the last one's, so a capture of many entries is read once, not once
    // per entry. (The capture parsed, so it is valid UTF-8.)
    let mut positions = crate::diag::position::Cursor::new(source, true);
    for (index, entry) in entries.iter().enumerate() {
        let request = entry.get("request").unwrap_or(entry);
        let url_text = request
            .get("url")
            .and_then(Node::as_str)
            .unwrap_or_default();
        let matched = url::split(url_text.trim(), arena)
            .as_ref()
            .and_then(matching::find);
        if forced.is_none() && matched.is_none() {
            out.push(HarEntry::Skipped {
                index,
                url: url_text.split('?').next().unwrap_or_default().to_owned(),
            });
            continue;
        }
        let mut cx = Cx::new(options);
        let raw = Raw {
            method: request.get("method").copied(),
            url: request.get("url").copied(),
            url_text_at: request
                .get("url")
                .filter(|u| u.is_verbatim_str())
                .map(|u| u.span.start + 1),
            headers: headers(request, arena),
            body: None,
            body_sent: false,
        };
        let post = request.get("postData");
        let text = post
            .and_then(|p| p.get("text"))
            .and_then(|t| t.as_str().map(|s| (s, t.span)));
        let base64 = post.and_then(|p| p.get("encoding")).and_then(Node::as_str) == Some("base64");
        let decoded: Option<(Vec<u8>, json::Span)> = text.map(|(s, span)| {
            let bytes = if base64 {
                STANDARD
                    .decode(s.trim())
                    .unwrap_or_else(|_| s.as_bytes().to_vec())
            } else {
                s.as_bytes().to_vec()
            };
            (bytes, span)
        });
        let body = decoded
            .as_ref()
            .filter(|(b, _)| !b.is_empty())
            .and_then(|(bytes, span)| {
                let span = *span;
                // The body text is a string inside the HAR: findings point at that string.
                tree::parse_body(bytes, 0, arena, &mut cx)
                    .map(|node| tree::respan(&node, arena, &|_| span))
            });
        let body_sent = decoded.as_ref().is_some_and(|(b, _)| !b.is_empty());
        let chosen = tree::check(
            Raw {
                body,
                body_sent,
                ..raw
            },
            forced,
            arena,
            &mut cx,
        );
        let mut report = cx.into_report(chosen.or(forced).map(|e| e.id));
        let own = entry.span.start as usize..entry.span.end as usize;
        report.locate_with(&mut positions, own);
        out.push(HarEntry::Validated { index, report });
    }
    Ok(out)
}

fn headers<'a>(request: &Node<'a>, arena: &'a Arena) -> &'a [json::Member<'a>] {
    let items = request
        .get("headers")
        .and_then(Node::as_array)
        .unwrap_or_default();
    let mut headers = arena.scratch(items.len());
    headers.extend(
        items
            .iter()
            .filter_map(envelope::har_header)
            // HTTP/2 captures list pseudo-headers (`:authority`); they are not request headers.
            .filter(|m| !m.key.starts_with(':')),
    );
    headers.into_bump_slice()
}
