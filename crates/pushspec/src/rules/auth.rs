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
        cx.emit(&catalog::AUTH_BEARER_MISSING, at, node.span, format!("the `Authorization` header has no `Bearer` scheme; {vendor} expects `Bearer <token>`"))
            .help("send `Authorization: Bearer <token>`");
    }
    token
}

/// `auth.jwt.malformed` and, when `check_expiry` and the caller gave a clock,
/// `auth.jwt.expired`. The payload is decoded locally and unverified; only `exp` is read.
fn jwt(token: &str, node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, check_expiry: bool) {
    match exp(token) {
        Err(problem) => {
            cx.emit(&catalog::AUTH_JWT_MALFORMED, at, node.span, format!("the credential is not a JWT ({problem}; {} characters long)", token.chars().count()))
                .help("copy the whole token from the vendor's dashboard: three base64url parts joined by `.`");
        }
        Ok(Some(exp)) if check_expiry => {
            if let Some(now) = cx.options().now.filter(|&now| exp < now) {
                cx.emit(
                    &catalog::AUTH_JWT_EXPIRED,
                    at,
                    node.span,
                    format!("the JWT expired {} before the given clock", age(now - exp)),
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
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| "the payload does not decode")?;
    let claims: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| "the payload is not JSON")?;
    Ok(claims.get("exp").and_then(serde_json::Value::as_i64))
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
    fn bearer_scheme_is_case_insensitive() {
        assert_eq!(strip_bearer("Bearer abc"), Some("abc"));
        assert_eq!(strip_bearer("bearer  abc"), Some("abc"));
        assert_eq!(strip_bearer("BEARER abc"), Some("abc"));
        assert_eq!(strip_bearer("abc"), None);
        assert_eq!(strip_bearer("Token abc"), None);
    }
}
