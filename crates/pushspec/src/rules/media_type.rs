//! `Content-Type` and `Accept`: the media type only, compared case-insensitively, with
//! parameters ignored (spec §0): `application/json; charset=utf-8` is `application/json`.
//!
//! ```text
//! #[serde(rename = "content-type")]
//! #[pushspec(apply = crate::rules::media_type::json)]
//! content_type: String,
//! ```

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;

/// Whether a `Content-Type` or `Accept` value means JSON.
pub fn is_json(value: &str) -> bool {
    value.split(',').any(|part| {
        part.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    })
}

/// The header must be `application/json` (`common.field.enum` otherwise).
pub fn json(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(value) = node.as_str() else { return };
    if !value.is_empty() && !is_json(value) {
        cx.emit(
            &catalog::COMMON_FIELD_ENUM,
            at,
            node.span,
            format_args!("{} is `{value}`; the body is JSON", Described(*at)),
        )
        .help("send `application/json`");
    }
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn compares_the_media_type_only() {
        for v in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "text/plain, application/json",
        ] {
            assert!(is_json(v), "{v}");
        }
        for v in [
            "text/json",
            "application/x-www-form-urlencoded",
            "",
            "application/jsonp",
        ] {
            assert!(!is_json(v), "{v}");
        }
    }
}
