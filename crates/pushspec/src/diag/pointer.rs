//! RFC 6901 JSON pointers, built on the stack while walking and only rendered on error.

use std::fmt::Write as _;

/// One step of a path: an object key (wire name) or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// An object member, by its key as written on the wire.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

/// A location in the request envelope, as a linked list of segments living on the stack.
///
/// Walking a payload pushes one `Path` per level without allocating; the pointer string is
/// only built by [`Path::to_pointer`] when a diagnostic is recorded.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Option<Seg<'a>>,
}

impl<'a> Path<'a> {
    /// The empty pointer (the whole envelope).
    pub const ROOT: Path<'static> = Path {
        parent: None,
        seg: None,
    };

    /// The pointer to the request body, `/body`.
    pub const BODY: Path<'static> = Path {
        parent: Some(&Path::ROOT),
        seg: Some(Seg::Key("body")),
    };

    /// A child member.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Some(Seg::Key(key)),
        }
    }

    /// A child element.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Some(Seg::Index(index)),
        }
    }

    /// The last segment, if any.
    pub fn last(&self) -> Option<Seg<'a>> {
        self.seg
    }

    /// Renders the RFC 6901 pointer, e.g. `/body/message/template/payload/2/index`.
    pub fn to_pointer(&self) -> String {
        let mut segs = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            if let Some(seg) = p.seg {
                segs.push(seg);
            }
            at = p.parent;
        }
        let mut out = String::new();
        for seg in segs.iter().rev() {
            out.push('/');
            match seg {
                Seg::Key(k) => escape_token(k, &mut out),
                Seg::Index(i) => {
                    let _ = write!(out, "{i}");
                }
            }
        }
        out
    }
}

/// Appends `token` to `out` escaped per RFC 6901: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape_token(token: &str, out: &mut String) {
    // Wire names almost never hold either character: copy them whole.
    if !token.contains(['~', '/']) {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_pointers_with_wire_names() {
        let payload = Path::BODY.key("message");
        let item = payload.key("payload");
        let second = item.index(2);
        assert_eq!(
            second.key("index").to_pointer(),
            "/body/message/payload/2/index"
        );
        assert_eq!(Path::ROOT.to_pointer(), "");
        assert_eq!(Path::BODY.to_pointer(), "/body");
    }

    #[test]
    fn escapes_tilde_and_slash_per_rfc_6901() {
        let cases = [
            ("a/b", "/a~1b"),
            ("m~n", "/m~0n"),
            ("~1", "/~01"),
            ("/~", "/~1~0"),
            ("", "/"),
            ("é x", "/é x"),
        ];
        for (key, pointer) in cases {
            assert_eq!(Path::ROOT.key(key).to_pointer(), pointer, "key {key:?}");
        }
    }
}
