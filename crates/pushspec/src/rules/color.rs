//! Hex colours (spec §2.3): `color.hex.non-canonical` and `color.hex.invalid`, for the
//! FIRST LINE `image_carousel` `button`/`badge` colours.

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::schema::FieldSchema;

/// Arguments of the colour rule (none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Args {}

/// How a colour value is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// `#RRGGBB`, either case.
    Canonical,
    /// A hex colour in another accepted notation: `#RGB`, `#RRGGBBAA`, or one of the three
    /// without `#`.
    NonCanonical {
        /// What is off, for messages: e.g. "`#RGB` shorthand".
        notation: &'static str,
        /// The same colour as `#RRGGBB` (upper case). For `#RRGGBBAA` this drops the alpha.
        canonical: String,
        /// The alpha channel, for `#RRGGBBAA`.
        alpha: Option<String>,
    },
    /// Not a hex colour.
    Invalid,
}

/// Classifies a colour value as written (no trimming).
pub fn classify(s: &str) -> Form {
    let (hash, hex) = match s.strip_prefix('#') {
        Some(hex) => (true, hex),
        None => (false, s),
    };
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Form::Invalid;
    }
    if hash && hex.len() == 6 {
        return Form::Canonical;
    }
    let upper = hex.to_ascii_uppercase();
    let (notation, canonical, alpha) = match (hash, hex.len()) {
        (false, 6) => ("six hex digits without `#`", format!("#{upper}"), None),
        (true, 3) => ("`#RGB` shorthand", expand(&upper), None),
        (false, 3) => ("`RGB` shorthand without `#`", expand(&upper), None),
        (_, 8) => {
            // All ASCII hex digits, so byte 6 is a character boundary.
            let (rgb, alpha) = upper.split_at(6);
            let notation = if hash {
                "`#RRGGBBAA` with an alpha channel"
            } else {
                "`RRGGBBAA` with an alpha channel and without `#`"
            };
            (notation, format!("#{rgb}"), Some(alpha.to_owned()))
        }
        _ => return Form::Invalid,
    };
    Form::NonCanonical {
        notation,
        canonical,
        alpha,
    }
}

/// `ABC` → `#AABBCC`.
fn expand(rgb: &str) -> String {
    let mut out = String::with_capacity(7);
    out.push('#');
    for c in rgb.chars() {
        out.push(c);
        out.push(c);
    }
    out
}

/// Checks a colour field (spec §2.3): canonical `#RRGGBB`; other hex notations warn, anything
/// else is an error.
///
/// ```text
/// #[pushspec(color)]
/// background_color: String,
/// ```
///
/// Only strings are checked, and `""` is left to the presence rules.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Args {} = args;
    let Some(raw) = node.as_str() else { return };
    if raw.is_empty() {
        return;
    }
    let what = Described(*at);
    match classify(raw) {
        Form::Canonical => {}
        Form::NonCanonical {
            notation,
            canonical,
            alpha,
        } => {
            let help = match alpha.as_deref() {
                Some("FF") => format!("write `{canonical}` (the alpha `FF` is opaque anyway)"),
                Some(alpha) => format!(
                    "write `{canonical}`; this drops the alpha `{alpha}`, so the colour becomes opaque"
                ),
                None => format!("write `{canonical}`"),
            };
            cx.emit(
                &catalog::COLOR_HEX_NON_CANONICAL,
                at,
                node.span,
                format_args!(
                    "{what} is `{raw}`, written as {notation}; the documented form is `#RRGGBB`"
                ),
            )
            .help(help);
        }
        Form::Invalid => {
            let trimmed = raw.trim();
            let help = match classify(trimmed) {
                Form::Canonical if trimmed != raw => format!("remove the whitespace: `{trimmed}`"),
                Form::NonCanonical { canonical, .. } if trimmed != raw => {
                    format!("remove the whitespace and write `{canonical}`")
                }
                _ => "write the colour as `#` and six hex digits, e.g. `#1A73E8`".to_owned(),
            };
            cx.emit(
                &catalog::COLOR_HEX_INVALID,
                at,
                node.span,
                format_args!("{what} is not a hex colour: {}", why_invalid(raw)),
            )
            .help(help);
        }
    }
}

/// `color.hex.invalid` as a JSON Schema `pattern`: any accepted hex notation (canonical or
/// not). `""` passes, as in [`apply`].
pub const VALID_PATTERN: &str = "^$|^#?(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$";

/// The canonical form, `#RRGGBB`, as a pattern (for documentation; the rule is a warning).
pub const CANONICAL_PATTERN: &str = "^#[0-9A-Fa-f]{6}$";

/// The schema side. Neither colour rule is expressed by the schema today (the catalogue
/// decides), so both are listed in `x-pushspec-rules`; `keyword` adds the pattern by itself
/// should `color.hex.invalid` ever become schema-expressed.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    let Args {} = args;
    fs.keyword(
        &catalog::COLOR_HEX_INVALID,
        "pattern",
        serde_json::json!(VALID_PATTERN),
    );
    fs.note(&catalog::COLOR_HEX_NON_CANONICAL);
}

/// What is wrong with an invalid colour, for the message.
fn why_invalid(raw: &str) -> String {
    let hex = raw.strip_prefix('#').unwrap_or(raw);
    match hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        Some(c) => format!(
            "`{raw}` contains `{}`; expected `#RRGGBB`",
            c.escape_debug()
        ),
        None => {
            let n = hex.len();
            format!(
                "`{raw}` has {n} hex digit{}; expected `#RRGGBB` (6 digits)",
                if n == 1 { "" } else { "s" }
            )
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::Options;
    use crate::json::{Span, Value};
    use crate::rules::testing::{noted, schema_of};

    fn run(value: &str) -> Vec<crate::Diagnostic> {
        let node = Node {
            value: Value::String(value),
            span: Span::new(0, 5),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(
            &node,
            &Path::BODY.key("background_color"),
            &mut cx,
            &Args {},
        );
        cx.into_diagnostics()
    }

    #[test]
    fn table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            ("#1A73E8", &[], None),
            ("#ffffff", &[], None),
            ("#abc", &["color.hex.non-canonical"], Some("write `#AABBCC`")),
            ("abc", &["color.hex.non-canonical"], Some("write `#AABBCC`")),
            ("1a73e8", &["color.hex.non-canonical"], Some("write `#1A73E8`")),
            ("#1A73E8FF", &["color.hex.non-canonical"], Some("write `#1A73E8` (the alpha `FF` is opaque anyway)")),
            ("#1a73e880", &["color.hex.non-canonical"],
                Some("write `#1A73E8`; this drops the alpha `80`, so the colour becomes opaque")),
            ("1A73E880", &["color.hex.non-canonical"],
                Some("write `#1A73E8`; this drops the alpha `80`, so the colour becomes opaque")),
            ("red", &["color.hex.invalid"], None),
            ("#GGGGGG", &["color.hex.invalid"], None),
            ("#12345", &["color.hex.invalid"], None),
            ("#", &["color.hex.invalid"], None),
            ("rgb(0,0,0)", &["color.hex.invalid"], None),
            ("#ffffff ", &["color.hex.invalid"], Some("remove the whitespace: `#ffffff`")),
            (" #abc", &["color.hex.invalid"], Some("remove the whitespace and write `#AABBCC`")),
            ("", &[], None),
        ];
        for (value, expected, help) in cases {
            let diagnostics = run(value);
            let codes: Vec<_> = diagnostics.iter().map(|d| d.rule.code).collect();
            assert_eq!(codes, *expected, "{value:?}");
            if let Some(help) = help {
                assert_eq!(diagnostics[0].help.as_deref(), Some(*help), "{value:?}");
            }
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            run("#abc")[0].message,
            "`background_color` is `#abc`, written as `#RGB` shorthand; the documented form is `#RRGGBB`"
        );
        assert_eq!(
            run("#12345")[0].message,
            "`background_color` is not a hex colour: `#12345` has 5 hex digits; expected `#RRGGBB` (6 digits)"
        );
        assert_eq!(
            run("blue")[0].message,
            "`background_color` is not a hex colour: `blue` contains `l`; expected `#RRGGBB`"
        );
    }

    #[test]
    fn non_strings_are_left_to_the_type_check() {
        let node = Node {
            value: Value::Null,
            span: Span::new(0, 4),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY, &mut cx, &Args {});
        assert!(cx.is_clean());
    }

    #[test]
    fn the_schema_patterns_agree_with_the_validator() {
        let valid = regex::Regex::new(VALID_PATTERN).unwrap();
        let canonical = regex::Regex::new(CANONICAL_PATTERN).unwrap();
        for value in [
            "",
            "#1A73E8",
            "#abc",
            "abc",
            "1a73e8",
            "#1A73E8FF",
            "red",
            "#12345",
            "#",
            " #abc",
            "#ABCDEFG",
        ] {
            let codes: Vec<_> = run(value).iter().map(|d| d.rule.code).collect();
            assert_eq!(
                valid.is_match(value),
                !codes.contains(&"color.hex.invalid"),
                "{value:?}"
            );
            if !value.is_empty() {
                assert_eq!(canonical.is_match(value), codes.is_empty(), "{value:?}");
            }
        }
    }

    #[test]
    fn schema_lists_both_rules() {
        let s = schema_of(|fs| schema(&Args {}, fs));
        assert_eq!(noted(&s), ["color.hex.invalid", "color.hex.non-canonical"]);
    }
}
