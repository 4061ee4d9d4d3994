//! URL fields (spec §2.3): `request.url.whitespace`, `url.syntax`, the field's scheme rule
//! (`url.scheme`, or `oca.media.url-scheme` on OCA media) and `url.host.local`.
//!
//! The syntax check is a small RFC 3986 absolute-URI check written out here rather than a URL
//! parser: the rules only need the scheme and the host, and the values are never resolved.

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::schema::FieldSchema;

/// The schemes the vendors fetch from.
pub const HTTP: &[&str] = &["http", "https"];

/// Arguments of the URL rule: which rule reports a wrong scheme, and which schemes are right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Args {
    /// Reported when the scheme is not one of `schemes`.
    pub scheme_rule: &'static Rule,
    /// The accepted schemes, lower-case; compared case-insensitively.
    pub schemes: &'static [&'static str],
}

impl Args {
    /// A URL field outside OCA: `http`/`https`, else `url.scheme` (W, INFERENCE).
    pub const WEB: Args = Args {
        scheme_rule: &catalog::URL_SCHEME,
        schemes: HTTP,
    };
    /// An OCA media URL: `http`/`https`, else `oca.media.url-scheme` (E, OCA documents it).
    pub const OCA_MEDIA: Args = Args {
        scheme_rule: &catalog::OCA_MEDIA_URL_SCHEME,
        schemes: HTTP,
    };
}

/// The parts of an absolute URL that the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Url<'a> {
    /// The scheme as written (compare it case-insensitively).
    pub scheme: &'a str,
    /// The host, when the URL has an authority (`scheme://host...`). IPv6 literals keep
    /// their brackets; the host may be empty for schemes other than `http`/`https`
    /// (`file:///tmp/a`).
    pub host: Option<&'a str>,
}

/// Why a value is not an absolute URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxError {
    /// The value is empty.
    Empty,
    /// A whitespace or control character inside the value, with its 1-based character
    /// position.
    Whitespace {
        /// 1-based position, in characters.
        position: usize,
        /// The character.
        found: char,
    },
    /// The value starts with `//`: a scheme-relative reference.
    SchemeRelative,
    /// No `scheme:` in front (`example.com/a.png`, `localhost:8080/a.png`).
    NoScheme,
    /// Nothing after `scheme:`.
    NothingAfterScheme,
    /// An `http`/`https` URL without `//` after the scheme.
    NoAuthority,
    /// An `http`/`https` URL with an empty host.
    EmptyHost,
    /// An IPv6 literal host without its closing `]`.
    UnclosedBracket,
    /// A port that is not all digits.
    BadPort,
}

impl SyntaxError {
    fn explain(self) -> &'static str {
        match self {
            SyntaxError::Empty => "it is blank",
            SyntaxError::Whitespace { .. } => "it contains whitespace or a control character",
            SyntaxError::SchemeRelative => "it starts with `//`, so it has no scheme",
            SyntaxError::NoScheme => "it has no scheme such as `https:`",
            SyntaxError::NothingAfterScheme => "nothing follows the scheme",
            SyntaxError::NoAuthority => "the scheme is not followed by `//` and a host",
            SyntaxError::EmptyHost => "the host is empty",
            SyntaxError::UnclosedBracket => "the IPv6 host has no closing `]`",
            SyntaxError::BadPort => "the port is not a number",
        }
    }

    fn help(self) -> &'static str {
        match self {
            SyntaxError::Whitespace { .. } => {
                "percent-encode spaces as `%20`, and remove line breaks and tabs"
            }
            SyntaxError::SchemeRelative => "write the scheme too: `https://…`",
            SyntaxError::NoScheme => "write the full URL, starting with `https://`",
            SyntaxError::NoAuthority | SyntaxError::EmptyHost => {
                "write the URL as `https://host/path`"
            }
            _ => "write a full URL such as `https://example.com/image.png`",
        }
    }
}

fn is_http(scheme: &str) -> bool {
    HTTP.iter().any(|s| s.eq_ignore_ascii_case(scheme))
}

/// Checks that `s` is an absolute URL (RFC 3986 §4.3: `scheme ":" hier-part`), and for
/// `http`/`https` that `//` and a non-empty host follow. Whitespace anywhere is an error: the
/// caller trims first if surrounding whitespace should only warn.
pub fn parse(s: &str) -> Result<Url<'_>, SyntaxError> {
    if s.is_empty() {
        return Err(SyntaxError::Empty);
    }
    // Printable ASCII has no whitespace or control character: most URLs are only that, and
    // a byte test is far cheaper than the Unicode one below.
    if !s.bytes().all(|b| b.is_ascii_graphic())
        && let Some((i, found)) = s
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        return Err(SyntaxError::Whitespace {
            position: i + 1,
            found,
        });
    }
    if s.starts_with("//") {
        return Err(SyntaxError::SchemeRelative);
    }
    // Every URL field comes through here (some twice), so the separators, all ASCII, are
    // found by plain byte scans rather than `str` searchers.
    let Some((scheme, rest)) = split_first(s, |b| b == b':') else {
        return Err(SyntaxError::NoScheme);
    };
    let mut bytes = scheme.bytes();
    let scheme_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    // `example.com:8080/a` and `localhost:8080` are absolute URIs by the grammar (with the
    // scheme `example.com`), but what the writer meant is a host and a port without a scheme.
    let host_and_port = rest.starts_with(|c: char| c.is_ascii_digit())
        && (scheme.contains('.') || scheme.eq_ignore_ascii_case("localhost"));
    if !scheme_ok || host_and_port {
        return Err(SyntaxError::NoScheme);
    }
    if rest.is_empty() {
        return Err(SyntaxError::NothingAfterScheme);
    }
    let Some(after) = rest.strip_prefix("//") else {
        if is_http(scheme) {
            return Err(SyntaxError::NoAuthority);
        }
        return Ok(Url { scheme, host: None });
    };
    let authority =
        split_first(after, |b| matches!(b, b'/' | b'?' | b'#')).map_or(after, |(a, _)| a);
    // Userinfo ends at the last `@`; it is never looked at, let alone echoed.
    let host_port = authority
        .bytes()
        .rposition(|b| b == b'@')
        .and_then(|at| authority.get(at + 1..))
        .unwrap_or(authority);
    let (host, port) = if host_port.starts_with('[') {
        let Some(close) = host_port.bytes().position(|b| b == b']') else {
            return Err(SyntaxError::UnclosedBracket);
        };
        let (host, tail) = host_port.split_at(close + 1);
        match tail.strip_prefix(':') {
            Some(port) => (host, Some(port)),
            None if tail.is_empty() => (host, None),
            None => return Err(SyntaxError::BadPort),
        }
    } else {
        match split_first(host_port, |b| b == b':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(SyntaxError::BadPort);
    }
    if host.is_empty() && is_http(scheme) {
        return Err(SyntaxError::EmptyHost);
    }
    Ok(Url {
        scheme,
        host: Some(host),
    })
}

/// `s` split around its first byte that `hit` accepts, which must be an ASCII byte (so both
/// sides are whole characters), as `str::split_once` splits it.
fn split_first(s: &str, hit: impl Fn(u8) -> bool) -> Option<(&str, &str)> {
    let at = s.bytes().position(hit)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// Whether `s` is exactly one absolute URL with a host, such as `https://example.com/a`, and
/// nothing else (no surrounding text or whitespace). RFC 3986 would also accept `Order:123`,
/// which is not what anybody means by a URL, so a `scheme://host` authority is required.
pub fn is_bare_absolute_url(s: &str) -> bool {
    parse(s).is_ok_and(|url| url.host.is_some_and(|h| !h.is_empty()))
}

/// Whether `host` (as in a URL: IPv6 literals may keep their brackets) names the local
/// machine or a private network, which a vendor's servers cannot reach: `localhost`,
/// `*.localhost`, `*.local`, 127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16,
/// 169.254.0.0/16, 0.0.0.0, `::1`, `::`, fc00::/7, fe80::/10 and IPv4-mapped forms of these.
pub fn host_is_local(host: &str) -> bool {
    // Every URL field's host comes through here, so nothing is copied or lower-cased: the
    // names compare case-insensitively in place, and the address parsers run only on what
    // can be an address (IPv4 starts with a digit, IPv6 has a colon; both are
    // case-insensitive already).
    let host = host.strip_suffix('.').unwrap_or(host);
    let ends_with = |suffix: &str| {
        host.len()
            .checked_sub(suffix.len())
            .and_then(|at| host.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
    };
    if host.eq_ignore_ascii_case("localhost") || ends_with(".localhost") || ends_with(".local") {
        return true;
    }
    if host.starts_with(|c: char| c.is_ascii_digit())
        && let Ok(v4) = host.parse::<Ipv4Addr>()
    {
        return v4_is_local(v4);
    }
    if !host.contains(':') {
        return false;
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if let Ok(v6) = bare.parse::<Ipv6Addr>() {
        return v6.is_loopback()
            || v6.is_unspecified()
            || v6.is_unique_local()
            || v6.is_unicast_link_local()
            || v6.to_ipv4_mapped().is_some_and(v4_is_local);
    }
    false
}

fn v4_is_local(v4: Ipv4Addr) -> bool {
    v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified()
}

/// Checks a URL field (spec §2.3).
///
/// ```text
/// #[pushspec(url)]
/// image_url: String,
/// #[pushspec(url(scheme = "oca.media.url-scheme"))]
/// url: String,
/// ```
///
/// Only strings are checked, and `""` is left to the presence rules.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(raw) = node.as_str() else { return };
    if raw.is_empty() {
        return;
    }
    let what = Described(*at);
    let trimmed = raw.trim();
    if !trimmed.is_empty() && trimmed.len() != raw.len() {
        let side = match (
            raw.starts_with(char::is_whitespace),
            raw.ends_with(char::is_whitespace),
        ) {
            (true, true) => "leading and trailing",
            (true, false) => "leading",
            _ => "trailing",
        };
        cx.emit(
            &catalog::REQUEST_URL_WHITESPACE,
            at,
            node.span,
            format_args!("{what} has {side} whitespace around the URL; some servers reject it or fetch a different URL"),
        )
        .help("remove the whitespace around the URL");
    }
    let url = match parse(trimmed) {
        Ok(url) => url,
        Err(e) => {
            let mut message = format!("{what} is not an absolute URL: {}", e.explain());
            if let SyntaxError::Whitespace { position, found } = e {
                let _ = write!(
                    message,
                    " (`{}` at character {position})",
                    found.escape_debug()
                );
            }
            cx.emit(&catalog::URL_SYNTAX, at, node.span, message)
                .help(e.help());
            return;
        }
    };
    if !args
        .schemes
        .iter()
        .any(|s| s.eq_ignore_ascii_case(url.scheme))
    {
        cx.emit(
            args.scheme_rule,
            at,
            node.span,
            format_args!(
                "{what} uses the scheme `{}`; expected {}",
                url.scheme,
                one_of(args.schemes)
            ),
        )
        .help(format_args!(
            "use {} URL that the vendor's servers can fetch",
            article_url(args.schemes)
        ));
    }
    if let Some(host) = url.host.filter(|h| host_is_local(h)) {
        cx.emit(
            &catalog::URL_HOST_LOCAL,
            at,
            node.span,
            format_args!("{what} points at `{host}`, a local or private-network host that the vendor's servers cannot reach"),
        )
        .help("use a publicly reachable host");
    }
}

/// The scheme rule as a JSON Schema `pattern` (ECMA-262 and `regex` alike): optional leading
/// whitespace, then one of `schemes` in any case, then `:`. `""` passes, as in [`apply`].
/// Only the scheme rule is expressible this way; `url.syntax` and the others are listed in
/// `x-pushspec-rules`.
pub fn scheme_pattern(schemes: &[&str]) -> String {
    let alternatives: Vec<String> = schemes
        .iter()
        .map(|scheme| {
            scheme
                .chars()
                .map(|c| match c {
                    c if c.is_ascii_alphabetic() => {
                        format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                    }
                    '+' | '.' => format!("\\{c}"),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect();
    format!(r"^$|^\s*(?:{}):", alternatives.join("|"))
}

/// The schema side: the scheme rule as a `pattern` ([`scheme_pattern`]); `url.syntax`,
/// `request.url.whitespace` and `url.host.local` listed in `x-pushspec-rules`.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    fs.note(&catalog::REQUEST_URL_WHITESPACE);
    fs.note(&catalog::URL_SYNTAX);
    fs.keyword(
        args.scheme_rule,
        "pattern",
        serde_json::json!(scheme_pattern(args.schemes)),
    );
    fs.note(&catalog::URL_HOST_LOCAL);
}

/// "`http` or `https`".
fn one_of(schemes: &[&str]) -> String {
    match schemes {
        [] => "no scheme at all".to_owned(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<_> = init.iter().map(|s| format!("`{s}`")).collect();
            format!("{} or `{last}`", init.join(", "))
        }
    }
}

/// "an `https`": the preferred (last) scheme, with its article.
fn article_url(schemes: &[&str]) -> String {
    match schemes.last() {
        Some(s) if s.starts_with(['a', 'e', 'i', 'o', 'u', 'h']) => format!("an `{s}`"),
        Some(s) => format!("a `{s}`"),
        None => "a".to_owned(),
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::Options;
    use crate::json::{Span, Value};
    use crate::rules::testing::{noted, schema_of};

    fn run(args: &Args, value: &str) -> Vec<crate::Diagnostic> {
        let node = Node {
            value: Value::String(value),
            span: Span::new(0, 5),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY.key("image_url"), &mut cx, args);
        cx.into_diagnostics()
    }

    fn codes(args: &Args, value: &str) -> Vec<&'static str> {
        run(args, value).iter().map(|d| d.rule.code).collect()
    }

    const WEB: Args = Args::WEB;
    const OCA: Args = Args::OCA_MEDIA;

    #[test]
    fn table() {
        #[rustfmt::skip]
        let cases: &[(&Args, &str, &[&str])] = &[
            (&WEB, "https://example.com/a.png", &[]),
            (&WEB, "HTTPS://Example.COM:8443/a.png?x=1#f", &[]),
            (&WEB, "http://user:pw@example.com/", &[]),
            (&WEB, "https://[2001:db8::1]:443/a", &[]),
            (&WEB, " https://example.com/a.png", &["request.url.whitespace"]),
            (&WEB, "https://example.com/a.png\n", &["request.url.whitespace"]),
            (&WEB, "https://example.com/a b.png", &["url.syntax"]),
            (&WEB, "  https://example.com/a b.png ", &["request.url.whitespace", "url.syntax"]),
            (&WEB, "   ", &["url.syntax"]),
            (&WEB, "example.com/a.png", &["url.syntax"]),
            (&WEB, "www.example.com:8080/a.png", &["url.syntax"]),
            (&WEB, "localhost:8080/a.png", &["url.syntax"]),
            (&WEB, "//example.com/a.png", &["url.syntax"]),
            (&WEB, "/images/a.png", &["url.syntax"]),
            (&WEB, "https:example.com", &["url.syntax"]),
            (&WEB, "https:///a.png", &["url.syntax"]),
            (&WEB, "https://example.com:80a/", &["url.syntax"]),
            (&WEB, "https://[::1/", &["url.syntax"]),
            (&WEB, "1http://example.com", &["url.syntax"]),
            (&WEB, "mailto:", &["url.syntax"]),
            (&WEB, "ftp://example.com/a.png", &["url.scheme"]),
            (&WEB, "data:image/png;base64,iVBORw0KGgo=", &["url.scheme"]),
            (&WEB, "tel:+886912345678", &["url.scheme"]),
            (&WEB, "http://localhost:8080/a.png", &["url.host.local"]),
            (&WEB, "http://LOCALHOST./a.png", &["url.host.local"]),
            (&WEB, "http://app.localhost/a.png", &["url.host.local"]),
            (&WEB, "http://printer.local/a.png", &["url.host.local"]),
            (&WEB, "http://127.0.0.1/a.png", &["url.host.local"]),
            (&WEB, "http://127.8.9.10/a.png", &["url.host.local"]),
            (&WEB, "http://10.1.2.3/a.png", &["url.host.local"]),
            (&WEB, "http://172.16.0.1/a.png", &["url.host.local"]),
            (&WEB, "http://172.31.255.255/a.png", &["url.host.local"]),
            (&WEB, "http://172.32.0.1/a.png", &[]),
            (&WEB, "http://192.168.1.20/a.png", &["url.host.local"]),
            (&WEB, "http://169.254.169.254/latest", &["url.host.local"]),
            (&WEB, "http://0.0.0.0:3000/", &["url.host.local"]),
            (&WEB, "http://[::1]:3000/", &["url.host.local"]),
            (&WEB, "http://[fd12:3456::1]/", &["url.host.local"]),
            (&WEB, "http://[fc00::1]/", &["url.host.local"]),
            (&WEB, "http://[::ffff:192.168.0.1]/", &["url.host.local"]),
            (&WEB, "http://[2001:db8::1]/", &[]),
            (&WEB, "http://8.8.8.8/", &[]),
            (&WEB, "http://localhost.example.com/", &[]),
            (&WEB, "http://[FE80::1]/", &["url.host.local"]),
            (&WEB, "http://[::FFFF:10.0.0.1]/", &["url.host.local"]),
            (&WEB, "http://Printer.LOCAL:631/", &["url.host.local"]),
            (&WEB, "http://example.com/user@localhost", &[]),
            (&WEB, "http://a@b@LocalHost/", &["url.host.local"]),
            (&WEB, "https://éxample.com/ä.png?q=ü#ö", &[]),
            (&WEB, "https://example.com\u{a0}/a.png", &["url.syntax"]),
            (&WEB, "ftp://localhost/a", &["url.scheme", "url.host.local"]),
            (&WEB, "", &[]),
            (&OCA, "https://cdn.example.co.id/promo.jpg", &[]),
            (&OCA, "ftp://cdn.example.co.id/promo.jpg", &["oca.media.url-scheme"]),
            (&OCA, "file:///tmp/promo.jpg", &["oca.media.url-scheme"]),
        ];
        for (args, value, expected) in cases {
            assert_eq!(codes(args, value), *expected, "{value:?}");
        }
    }

    #[test]
    fn scheme_severity_follows_the_rule() {
        use crate::Severity;
        assert_eq!(
            run(&WEB, "ftp://example.com/a")[0].severity,
            Severity::Warning
        );
        assert_eq!(
            run(&OCA, "ftp://example.com/a")[0].severity,
            Severity::Error
        );
    }

    #[test]
    fn messages() {
        let d = &run(&OCA, "ftp://cdn.example.com/a.png")[0];
        assert_eq!(
            d.message,
            "`image_url` uses the scheme `ftp`; expected `http` or `https`"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("use an `https` URL that the vendor's servers can fetch")
        );
        let d = &run(&WEB, "https://example.com/a b.png")[0];
        assert!(d.message.contains("character 22"), "{}", d.message);
        assert!(d.help.as_deref().unwrap().contains("%20"));
        let d = &run(&WEB, "http://192.168.1.20/a.png")[0];
        assert!(d.message.contains("`192.168.1.20`"), "{}", d.message);
        let d = &run(&WEB, "https://example.com ")[0];
        assert!(d.message.contains("trailing whitespace"), "{}", d.message);
    }

    #[test]
    fn userinfo_is_never_echoed() {
        for d in run(&WEB, "ftp://admin:hunter2@localhost/a") {
            assert!(
                !d.message.contains("hunter2") && !d.help.unwrap_or_default().contains("hunter2")
            );
        }
    }

    #[test]
    fn bare_absolute_urls() {
        for yes in [
            "https://example.com",
            "http://localhost:8080/x",
            "ftp://example.com/a",
        ] {
            assert!(is_bare_absolute_url(yes), "{yes}");
        }
        for no in [
            "Order:123",
            "see https://example.com",
            "https://example.com ",
            "example.com",
            "",
            "tel:+62812",
        ] {
            assert!(!is_bare_absolute_url(no), "{no}");
        }
    }

    #[test]
    fn parse_reports_the_host() {
        assert_eq!(
            parse("https://u@Example.com:8080/a?b#c").map(|u| u.host),
            Ok(Some("Example.com"))
        );
        assert_eq!(parse("https://[::1]/").map(|u| u.host), Ok(Some("[::1]")));
        assert_eq!(parse("mailto:a@example.com").map(|u| u.host), Ok(None));
        assert_eq!(parse("file:///etc/hosts").map(|u| u.host), Ok(Some("")));
    }

    #[test]
    fn the_scheme_pattern_agrees_with_the_validator() {
        let pattern = regex::Regex::new(&scheme_pattern(HTTP)).unwrap();
        #[rustfmt::skip]
        let values = [
            "", "https://example.com/a.png", "HTTP://example.com", " https://example.com", "ftp://example.com",
            "data:image/png;base64,AAAA", "tel:+886912345678", "httpx://example.com", "file:///tmp/a",
        ];
        for value in values {
            let wrong_scheme = codes(&OCA, value).contains(&"oca.media.url-scheme");
            assert_eq!(pattern.is_match(value), !wrong_scheme, "{value:?}");
        }
        assert_eq!(
            scheme_pattern(&["git+ssh"]),
            r"^$|^\s*(?:[gG][iI][tT]\+[sS][sS][hH]):"
        );
    }

    #[test]
    fn schema_expresses_only_the_oca_scheme_rule() {
        let oca = schema_of(|fs| schema(&OCA, fs));
        assert_eq!(oca["properties"]["f"]["pattern"], scheme_pattern(HTTP));
        assert_eq!(
            noted(&oca),
            ["request.url.whitespace", "url.host.local", "url.syntax"]
        );
        let web = schema_of(|fs| schema(&WEB, fs));
        assert!(web["properties"]["f"].get("pattern").is_none());
        assert_eq!(
            noted(&web),
            [
                "request.url.whitespace",
                "url.host.local",
                "url.scheme",
                "url.syntax"
            ]
        );
    }
}
