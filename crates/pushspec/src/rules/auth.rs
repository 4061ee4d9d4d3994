//! Credentials in the `Authorization` header (spec §2.1): the scheme each vendor expects,
//! the JWT's shape and expiry. Nothing here ever prints a character of the credential: a
//! finding says what is present, how long it is, and whether its shape passes.
//!
//! ```text
//! #[serde(rename = "authorization")]
//! #[pushspec(missing = "auth.header.missing", apply = crate::rules::auth::bearer_jwt)]
//! authorization: Secret,
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// The credential after a case-insensitive `Bearer ` scheme (RFC 7235), if there is one.
pub fn strip_bearer(value: &str) -> Option<&str> {
    let (scheme, rest) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| rest.trim_start())
}

/// MantaGO: `Bearer <JWT>`; the JWT must be well formed and, given a clock, unexpired.
pub fn bearer_jwt(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    if let Some(token) = require_bearer(node, at, cx, "MantaGO") {
        jwt(token, node, at, cx, true);
    }
}

/// MantaGO's token refresh: as [`bearer_jwt`], but an expired token is what the call is for,
/// so `auth.jwt.expired` is not checked.
pub fn bearer_jwt_refresh(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    if let Some(token) = require_bearer(node, at, cx, "MantaGO") {
        jwt(token, node, at, cx, false);
    }
}

/// Smax V2: `Bearer <bot token>`.
pub fn bearer(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    require_bearer(node, at, cx, "Smax");
}

/// FIRST LINE: the raw token, without a scheme; `Bearer` is unexpected.
pub fn raw(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(value) = node.as_str() else { return };
    if strip_bearer(value).is_some() {
        cx.emit(
            &catalog::AUTH_BEARER_UNEXPECTED,
            at,
            node.span,
            "the `Authorization` header has a `Bearer` scheme; FIRST LINE documents the raw token",
        )
        .help("send the token alone: `Authorization: <token>`");
    }
}

/// OCA: the raw JWT is documented; `Bearer <JWT>` is what most integrators send and is
/// accepted without a finding. The JWT after any scheme must be well formed and unexpired.
pub fn jwt_bearer_tolerated(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(value) = node.as_str() else { return };
    let token = strip_bearer(value).unwrap_or(value.trim());
    jwt(token, node, at, cx, true);
}

fn require_bearer<'n>(
    node: &'n Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    vendor: &str,
) -> Option<&'n str> {
    let value = node.as_str()?;
    let token = strip_bearer(value);
    if token.is_none() {
        cx.emit(&catalog::AUTH_BEARER_MISSING, at, node.span, format_args!("the `Authorization` header has no `Bearer` scheme; {vendor} expects `Bearer <token>`"))
            .help("send `Authorization: Bearer <token>`");
    }
    token
}

/// `auth.jwt.malformed` and, when `check_expiry` and the caller gave a clock,
/// `auth.jwt.expired`. The payload is decoded locally and unverified; only `exp` is read.
fn jwt(token: &str, node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, check_expiry: bool) {
    match exp(token) {
        Err(problem) => {
            cx.emit(&catalog::AUTH_JWT_MALFORMED, at, node.span, format_args!("the credential is not a JWT ({problem}; {} characters long)", token.chars().count()))
                .help("copy the whole token from the vendor's dashboard: three base64url parts joined by `.`");
        }
        Ok(Some(exp)) if check_expiry => {
            if let Some(now) = cx.options().now.filter(|&now| exp < now) {
                cx.emit(
                    &catalog::AUTH_JWT_EXPIRED,
                    at,
                    node.span,
                    format_args!("the JWT expired {} before the given clock", age(now - exp)),
                )
                .help("refresh the token and secret (MantaGO tokens last 30 days)");
            }
        }
        Ok(_) => {}
    }
}

/// The `exp` claim of a JWT, if it has one, or what is wrong with its shape.
pub fn exp(token: &str) -> Result<Option<i64>, &'static str> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("it does not have 3 parts separated by `.`");
    };
    let base64url = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if !(base64url(header) && base64url(payload) && base64url(signature)) {
        return Err("a part is empty or not base64url");
    }
    // A usual payload decodes into a buffer on the stack: this runs on every MantaGO and
    // OCA request, and a `Vec` here was the one allocation a clean request made.
    let mut stack = [0u8; 768];
    let mut heap = Vec::new();
    let room = base64::decoded_len_estimate(payload.len());
    let buffer = match stack.get_mut(..room) {
        Some(buffer) => buffer,
        None => {
            heap.resize(room, 0);
            heap.as_mut_slice()
        }
    };
    let len = URL_SAFE_NO_PAD
        .decode_slice(payload, buffer)
        .map_err(|_| "the payload does not decode")?;
    let bytes = buffer.get(..len).unwrap_or_default();
    let claims: Claims = serde_json::from_slice(bytes).map_err(|_| "the payload is not JSON")?;
    Ok(claims.exp.as_ref().and_then(serde_json::Value::as_i64))
}

/// A JWT payload read for its `exp` alone. Every MantaGO and OCA request carries a JWT, and
/// reading its payload into a `serde_json::Value` allocated every key and string. This reads
/// the same JSON through the same `serde_json` paths (`deserialize_any`, so the same syntax,
/// string and nesting checks: `IgnoredAny` would skip lone surrogates that `Value` rejects),
/// keeps nothing but a top-level `exp` (the last one, as a `Value` map keeps it), and
/// allocates nothing else.
struct Claims {
    exp: Option<serde_json::Value>,
}

impl<'de> serde::Deserialize<'de> for Claims {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let exp = d.deserialize_any(Walk { top: true })?;
        Ok(Claims { exp })
    }
}

/// One JSON value, walked and dropped; at the top level, an object's last `exp` is kept.
struct Walk {
    top: bool,
}

/// A value below the top level: walked, nothing kept.
struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Walk { top: false })?;
        Ok(Skip)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk {
    type Value = Option<serde_json::Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut exp = None;
        while let Some(key) = map.next_key::<Key>()? {
            if self.top && key.is_exp {
                exp = Some(map.next_value::<serde_json::Value>()?);
            } else {
                map.next_value::<Skip>()?;
            }
        }
        Ok(exp)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A map key, compared with `exp` without being kept.
struct Key {
    is_exp: bool,
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<Key, E> {
                Ok(Key {
                    is_exp: key == "exp",
                })
            }
        }
        d.deserialize_any(V)
    }
}

fn age(seconds: i64) -> String {
    match seconds {
        s if s < 120 => format!("{s} seconds"),
        s if s < 7200 => format!("{} minutes", s / 60),
        s if s < 172_800 => format!("{} hours", s / 3600),
        s => format!("{} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exp_and_rejects_non_jwts() {
        // {"alg":"HS256"} . {"sub":"demo","exp":1700000000} . sig
        let token = format!(
            "eyJhbGciOiJIUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(br#"{"sub":"demo","exp":1700000000}"#)
        );
        assert_eq!(exp(&token), Ok(Some(1_700_000_000)));
        assert_eq!(
            exp("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.ZmFrZS1zaWduYXR1cmU"),
            Ok(None)
        );
        assert!(exp("fl-demo-token-2207").is_err());
        assert!(exp("a.b").is_err());
        assert!(exp("a..c").is_err());
        assert!(exp("a.b+c.d").is_err());
    }

    #[test]
    fn claims_read_exp_as_a_value_map_would() {
        // What `Claims` replaced: the whole payload read as a `serde_json::Value`.
        let by_value = |payload: &[u8]| {
            serde_json::from_slice::<serde_json::Value>(payload)
                .map(|v| v.get("exp").and_then(serde_json::Value::as_i64))
                .ok()
        };
        let by_claims = |payload: &[u8]| {
            serde_json::from_slice::<Claims>(payload)
                .map(|c| c.exp.as_ref().and_then(serde_json::Value::as_i64))
                .ok()
        };
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let deep_inside = format!(
            r#"{{"exp": 5, "x": {}1{}}}"#,
            "[".repeat(127),
            "]".repeat(127)
        );
        let cases: Vec<&[u8]> = vec![
            br#"{"exp": 1700000000}"#,
            br#"{"exp": 1, "exp": 2}"#,
            br#"{"exp": 1.5}"#,
            br#"{"exp": 1e400}"#,
            br#"{"exp": -7, "sub": {"a": [1, "\u00e9", null, true]}}"#,
            br#"{"exp": "1700000000"}"#,
            br#"{"ex\u0070": 9}"#,
            br#"{"exp": 18446744073709551615}"#,
            br#"[{"exp": 1}]"#,
            br#""exp""#,
            b"12",
            b"null",
            br#"{"exp": 1,}"#,
            br#"{"a": "\ud800"}"#,
            b"{\"a\": \"\xff\"}",
            br#"{"exp": 1} x"#,
            deep.as_bytes(),
            deep_inside.as_bytes(),
        ];
        for payload in cases {
            assert_eq!(
                by_claims(payload),
                by_value(payload),
                "{}",
                String::from_utf8_lossy(payload)
            );
        }
    }

    #[test]
    fn bearer_scheme_is_case_insensitive() {
        assert_eq!(strip_bearer("Bearer abc"), Some("abc"));
        assert_eq!(strip_bearer("bearer  abc"), Some("abc"));
        assert_eq!(strip_bearer("BEARER abc"), Some("abc"));
        assert_eq!(strip_bearer("abc"), None);
        assert_eq!(strip_bearer("Token abc"), None);
    }
}
