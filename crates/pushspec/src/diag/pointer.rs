//! RFC 6901 JSON pointers, built on the stack while walking and only rendered on error.

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
        // Every diagnostic renders one, and valid payloads carry warnings, so this is on the
        // hot path: the segments are gathered on the stack (a heap vector only past
        // `INLINE` levels) and the string is allocated once, at its final length.
        const INLINE: usize = 16;
        let mut inline = [Seg::Index(0); INLINE];
        let mut depth = 0;
        let mut deep = Vec::new();
        let mut len = 0;
        let mut at = Some(self);
        while let Some(p) = at {
            if let Some(seg) = p.seg {
                len += 1 + match seg {
                    Seg::Key(k) => k.len(),
                    Seg::Index(i) => decimal_len(i),
                };
                match inline.get_mut(depth) {
                    Some(slot) => *slot = seg,
                    None => deep.push(seg),
                }
                depth += 1;
            }
            at = p.parent;
        }
        // `inline` holds the innermost segments, `deep` the outer ones: root first is `deep`
        // reversed, then `inline` reversed.
        let inline = inline.get(..depth.min(INLINE)).unwrap_or_default();
        let mut out = String::with_capacity(len);
        for seg in deep.iter().rev().chain(inline.iter().rev()) {
            out.push('/');
            match seg {
                Seg::Key(k) => escape_token(k, &mut out),
                Seg::Index(i) => out.push_str(itoa::Buffer::new().format(*i)),
            }
        }
        out
    }
}

/// The number of decimal digits of `i`.
fn decimal_len(i: usize) -> usize {
    i.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Appends `token` to `out` escaped per RFC 6901: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape_token(token: &str, out: &mut String) {
    // Wire names almost never hold either character: copy them whole. (Both are ASCII, so a
    // byte test finds them; `contains(['~', '/'])` decoded every character to look.)
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
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
    fn deep_paths_render_in_order() {
        fn nest(at: &Path<'_>, left: usize, want: &mut String) -> String {
            if left == 0 {
                return at.to_pointer();
            }
            let i = 100 - left;
            if i.is_multiple_of(2) {
                *want += &format!("/{i}");
                nest(&at.index(i), left - 1, want)
            } else {
                *want += "/k";
                nest(&at.key("k"), left - 1, want)
            }
        }
        for levels in [0, 1, 15, 16, 17, 40] {
            let mut want = String::new();
            assert_eq!(
                nest(&Path::ROOT, levels, &mut want),
                want,
                "{levels} levels"
            );
        }
        assert_eq!(decimal_len(0), 1);
        assert_eq!(decimal_len(9), 1);
        assert_eq!(decimal_len(10), 2);
        assert_eq!(decimal_len(12345), 5);
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
