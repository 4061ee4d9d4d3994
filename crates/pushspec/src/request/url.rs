//! Splits a request URL into scheme, host, path segments and query parameters, keeping the
//! byte offset of every piece so findings point into the URL as written.
//!
//! Query strings decode as `application/x-www-form-urlencoded` (UTF-8, `+` is a space), the
//! way the vendors' PHP and Node servers read them (spec §0).
//!
//! Everything a split needs lives in the caller's [`Arena`], next to the request tree that
//! it feeds: splitting a URL does no `malloc`, as it runs on every request.

use crate::json::Arena;

/// A piece of the URL and where it starts in the URL text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text, decoded where the part is decoded (query names and values): borrowed from
    /// the URL, or decoded into the arena.
    pub text: &'a str,
    /// Byte range in the URL text, as written.
    pub range: (usize, usize),
}

/// A URL, split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitUrl<'a> {
    /// The scheme, as written.
    pub scheme: &'a str,
    /// The host (and port), as written.
    pub host: &'a str,
    /// The path segments after the host, not decoded (templates match raw segments).
    pub segments: &'a [Piece<'a>],
    /// The query parameters in order, names and values decoded.
    pub query: &'a [(Piece<'a>, Piece<'a>)],
}

/// Splits an absolute `scheme://host/path?query#fragment` URL; `None` when it is not one.
/// The pieces and any decoded text are kept in `arena`.
///
/// This runs on every request, so it scans bytes with `memchr`: every separator is ASCII,
/// so a byte position is always a character boundary, and `str`'s searchers (built for long
/// needles) cost more to set up than the whole scan.
///
/// ```
/// use pushspec::{json::Arena, request::url::split};
///
/// let arena = Arena::new();
/// let url = split("https://api.example.com/bots/7/send?name=a%20b", &arena).unwrap();
/// assert_eq!(url.segments[1].text, "7");
/// assert_eq!((url.query[0].0.text, url.query[0].1.text), ("name", "a b"));
/// ```
pub fn split<'a>(url: &'a str, arena: &'a Arena) -> Option<SplitUrl<'a>> {
    let bytes = url.as_bytes();
    let scheme_end = (0..bytes.len()).find(|&i| bytes.get(i..i + 3) == Some(b"://".as_slice()))?;
    let scheme = url.get(..scheme_end)?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    {
        return None;
    }
    let after_scheme = scheme.len() + 3;
    let rest = url.get(after_scheme..)?;
    let host_end = memchr::memchr3(b'/', b'?', b'#', rest.as_bytes()).unwrap_or(rest.len());
    let host = rest.get(..host_end)?;
    if host.is_empty() {
        return None;
    }
    let tail = rest.get(host_end..)?;
    let tail_start = after_scheme + host_end;
    // The path ends at the first `?` or `#`; the query, if any, at the next `#`.
    let (path, query) = match memchr::memchr2(b'?', b'#', tail.as_bytes()) {
        Some(i) if tail.as_bytes().get(i) == Some(&b'?') => {
            let rest = tail.get(i + 1..)?;
            let query = rest.get(..memchr::memchr(b'#', rest.as_bytes()).unwrap_or(rest.len()))?;
            (tail.get(..i)?, Some(query))
        }
        Some(i) => (tail.get(..i)?, None),
        None => (tail, None),
    };
    // Room for the usual number of pieces, so that each vector is one bump.
    let mut segments = arena.scratch(8);
    for (i, (at, seg)) in pieces(path, b'/').enumerate() {
        // The text before the first `/` is empty (the path starts with `/`).
        if i > 0 && !seg.is_empty() {
            let at = tail_start + at;
            segments.push(Piece {
                text: seg,
                range: (at, at + seg.len()),
            });
        }
    }
    let mut params = arena.scratch(if query.is_some() { 8 } else { 0 });
    if let Some(query) = query {
        let query_start = tail_start + path.len() + 1;
        for (at, pair) in pieces(query, b'&') {
            if pair.is_empty() {
                continue;
            }
            let at = query_start + at;
            let (name, value, value_offset) = match memchr::memchr(b'=', pair.as_bytes()) {
                Some(i) => (pair.get(..i)?, pair.get(i + 1..)?, i + 1),
                None => (pair, "", pair.len()),
            };
            let name = Piece {
                text: decode(name, arena),
                range: (at, at + name.len()),
            };
            let value = Piece {
                text: decode(value, arena),
                range: (at + value_offset, at + value_offset + value.len()),
            };
            params.push((name, value));
        }
    }
    Some(SplitUrl {
        scheme,
        host,
        segments: segments.into_bump_slice(),
        query: params.into_bump_slice(),
    })
}

/// The pieces of `s` between the ASCII byte `sep`, each with its offset in `s`, as
/// `str::split` gives them (an empty `s` is one empty piece).
fn pieces(s: &str, sep: u8) -> impl Iterator<Item = (usize, &str)> {
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let at = start?;
        let rest = s.get(at..).unwrap_or_default();
        let (piece, next) = match memchr::memchr(sep, rest.as_bytes()) {
            Some(i) => (rest.get(..i).unwrap_or_default(), Some(at + i + 1)),
            None => (rest, None),
        };
        start = next;
        Some((at, piece))
    })
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte. Invalid
/// escapes are kept as written, and invalid UTF-8 is replaced, as PHP and Node do. Text with
/// nothing to decode is returned as it is; decoded text is written into `arena`.
pub fn decode<'a>(s: &'a str, arena: &'a Arena) -> &'a str {
    if memchr::memchr2(b'%', b'+', s.as_bytes()).is_none() {
        return s;
    }
    let bytes = s.as_bytes();
    let mut out = arena.scratch(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|h| hex(*h)),
                bytes.get(i + 2).and_then(|l| hex(*l)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    let out = out.into_bump_slice();
    match std::str::from_utf8(out) {
        Ok(text) => text,
        // Rare: the replacement characters make it another text, copied in once more.
        Err(_) => arena.alloc_str(&String::from_utf8_lossy(out)),
    }
}

/// Encodes a query name or value so that [`decode`] gives it back: unreserved characters as
/// they are, everything else as `%XX` (so `+` in a phone number is sent as `%2B`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_decodes_with_offsets() {
        let url = "https://ahachat.com/api/bots/20481234/phones/send?ahachat_block_name=order%20shipped&phone=+84912345678&flag";
        let arena = Arena::new();
        let u = split(url, &arena).unwrap();
        assert_eq!((u.scheme, u.host), ("https", "ahachat.com"));
        let segs: Vec<&str> = u.segments.iter().map(|p| p.text).collect();
        assert_eq!(segs, ["api", "bots", "20481234", "phones", "send"]);
        let (r0, r1) = u.segments[2].range;
        assert_eq!(&url[r0..r1], "20481234");
        let q: Vec<(&str, &str)> = u.query.iter().map(|(n, v)| (n.text, v.text)).collect();
        assert_eq!(
            q,
            [
                ("ahachat_block_name", "order shipped"),
                ("phone", " 84912345678"),
                ("flag", "")
            ]
        );
        let (v0, v1) = u.query[1].1.range;
        assert_eq!(&url[v0..v1], "+84912345678");
    }

    #[test]
    fn pieces_agree_with_str_split() {
        for s in ["", "/", "a//b/", "/api/v1", "x", "é/ü&/"] {
            let ours: Vec<&str> = pieces(s, b'/').map(|(_, p)| p).collect();
            assert_eq!(ours, s.split('/').collect::<Vec<_>>(), "{s:?}");
            for (at, p) in pieces(s, b'/') {
                assert_eq!(&s[at..at + p.len()], p);
            }
        }
    }

    #[test]
    fn rejects_relative_urls() {
        let arena = Arena::new();
        assert!(split("/api/v1/message/push", &arena).is_none());
        assert!(split("https:///x", &arena).is_none());
        assert!(split("mantago.cc/api", &arena).is_none());
    }

    #[test]
    fn decoding_matches_encoding() {
        let arena = Arena::new();
        for s in [
            "+84 912 345 678",
            "order shipped",
            "Đơn hàng #1024 & 50%",
            "a=b",
        ] {
            assert_eq!(decode(&encode(s), &arena), s);
        }
        assert_eq!(decode("%zz%4", &arena), "%zz%4");
        assert_eq!(decode("%C3%A9", &arena), "é");
        // Invalid UTF-8 is replaced, as PHP and Node read it.
        assert_eq!(decode("a%FFb", &arena), "a\u{fffd}b");
    }
}
