//! Template text parameters: `whatsapp.param.text-empty`, `whatsapp.param.text-chars`, and
//! `url.host.local` for a parameter that is a bare URL to a local host.
//!
//! ```text
//! #[pushspec(missing = "whatsapp.param.text-empty", apply = rules::text::apply)]
//! text: String,
//! ```

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::rules::url;

/// Checks one text parameter value. (`""` was already reported by the presence check.)
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(text) = node.as_str() else { return };
    if !text.is_empty() && text.trim().is_empty() {
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_EMPTY,
            at,
            node.span,
            format_args!(
                "{} is blank; WhatsApp rejects empty parameters",
                Described(*at)
            ),
        )
        .help("send a visible value, or use a template without this placeholder");
        return;
    }
    let scan = scan(text.as_bytes());
    if let Some(c) = scan.control {
        let name = match c {
            b'\n' => "a newline",
            b'\r' => "a carriage return",
            _ => "a tab",
        };
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_CHARS,
            at,
            node.span,
            format_args!(
                "{} contains {name}; WhatsApp parameters cannot",
                Described(*at)
            ),
        )
        .help("put line breaks in the approved template text, not in parameters");
    } else if scan.space_run {
        cx.emit(
            &catalog::WHATSAPP_PARAM_TEXT_CHARS,
            at,
            node.span,
            format_args!(
                "{} contains 5 or more spaces in a row; WhatsApp rejects that",
                Described(*at)
            ),
        );
    }
    // Only a text with a `:` can be a URL with a host; most parameters are names and numbers.
    if !scan.colon {
        return;
    }
    let host = url::parse(text.trim()).ok().and_then(|u| u.host);
    if host.is_some_and(|h| !h.is_empty() && url::host_is_local(h)) {
        cx.emit(
            &catalog::URL_HOST_LOCAL,
            at,
            node.span,
            format_args!(
                "{} is a URL to a local or private host, which recipients cannot open",
                Described(*at)
            ),
        );
    }
}

/// What one pass over a parameter's bytes finds. Every character it looks for is ASCII, and
/// no byte of a multi-byte UTF-8 character is ASCII, so bytes are enough.
struct Scan {
    /// The first newline, carriage return or tab.
    control: Option<u8>,
    /// Whether 5 or more spaces stand in a row.
    space_run: bool,
    /// Whether there is a `:`, which every URL with a host has.
    colon: bool,
}

fn scan(bytes: &[u8]) -> Scan {
    let mut found = Scan {
        control: None,
        space_run: false,
        colon: false,
    };
    let mut run = 0;
    for &b in bytes {
        match b {
            b'\n' | b'\r' | b'\t' => {
                found.control = found.control.or(Some(b));
            }
            b' ' => {
                run += 1;
                found.space_run |= run >= 5;
                continue;
            }
            b':' => found.colon = true,
            _ => {}
        }
        run = 0;
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_pass_finds_what_the_str_searches_found() {
        for text in [
            "",
            "Budi",
            "a    b",
            "a     b",
            "     ",
            "x\ty     ",
            "é     é",
            "a\r\n",
            "https://x.test/a",
            "http://localhost\n",
            "a :    b",
            "    ",
            "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}",
        ] {
            let scan = super::scan(text.as_bytes());
            let control = text.chars().find(|c| matches!(c, '\n' | '\r' | '\t'));
            assert_eq!(scan.control.map(char::from), control, "{text:?}");
            assert_eq!(scan.colon, text.contains(':'), "{text:?}");
            if control.is_none() {
                assert_eq!(scan.space_run, text.contains("     "), "{text:?}");
            }
        }
    }
}
