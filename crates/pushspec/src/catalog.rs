//! The rule catalogue (spec §7): every rule code with its severity, strict promotion,
//! schema coverage, summary and source. The one place a rule's facts are written.
//!
//! Models name rules by code (`#[pushspec(code = "oca.button.index-range")]`); the derive
//! resolves the code here at compile time with [`find`], so a misspelt code does not build.

use crate::diag::{Rule, Severity};

macro_rules! catalogue {
    ($(
        $(#[$meta:meta])*
        $ident:ident = $code:literal, $sev:ident $(=> $strict:ident)?, schema: $schema:literal,
            $summary:literal, $source:literal;
    )*) => {
        $(
            #[doc = concat!("`", $code, "`: ", $summary)]
            $(#[$meta])*
            pub const $ident: Rule = Rule {
                code: $code,
                severity: catalogue!(@sev $sev),
                strict: catalogue!(@strict $sev $($strict)?),
                in_schema: $schema,
                summary: $summary,
                source: $source,
            };
        )*

        /// Every rule, in catalogue order.
        pub const ALL: &[&Rule] = &[$(&$ident),*];
    };
    (@sev E) => { Severity::Error };
    (@sev W) => { Severity::Warning };
    (@strict $sev:ident) => { catalogue!(@sev $sev) };
    (@strict $sev:ident $strict:ident) => { catalogue!(@sev $strict) };
}

/// Finds a rule by code. A `const fn`, so generated code can resolve codes at compile time.
pub const fn find(code: &str) -> Option<&'static Rule> {
    let mut i = 0;
    while i < ALL.len() {
        let rule = ALL[i];
        if eq(rule.code.as_bytes(), code.as_bytes()) {
            return Some(rule);
        }
        i += 1;
    }
    None
}

#[allow(clippy::indexing_slicing, reason = "const fn; every index is checked against len")]
const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

catalogue! {
    // request / common / auth
    REQUEST_METHOD_POST = "request.method.post", E, schema: false,
        "method is not POST", "all vendor docs";
    REQUEST_BODY_INVALID_JSON = "request.body.invalid-json", E, schema: false,
        "body does not parse (comments, leading-zero numbers, bad `\\` escapes)", "RFC 8259";
    /// Not in the spec's catalogue (§7 is silent on repeated keys): RFC 8259 says names
    /// SHOULD be unique, and the vendors' PHP and Node servers silently keep the last copy.
    REQUEST_BODY_DUPLICATE_KEY = "request.body.duplicate-key", E, schema: false,
        "an object repeats a key", "RFC 8259 §4";
    COMMON_FIELD_REQUIRED = "common.field.required", E, schema: true,
        "documented required field absent or `\"\"`", "§3 tables";
    COMMON_FIELD_TYPE = "common.field.type", E, schema: true,
        "JSON type not allowed by the table", "§3 tables";
    COMMON_FIELD_ENUM = "common.field.enum", E, schema: true,
        "value outside a documented enum", "§3 tables";
}
