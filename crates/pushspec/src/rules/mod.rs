//! The rules, one module each. Generated code applies every rule the same way,
//! `rules::<name>::apply(node, at, cx, &args)`, and asks it for its schema the same way,
//! `rules::<name>::schema(&args, &mut field_schema)`. A rule ignores nodes of a JSON kind it
//! does not apply to: the type check has already reported those.

// Structure: presence, keys, enums, groups and conditions.
pub mod condition;
pub mod enumeration;
pub mod group;
pub mod presence;
pub mod unknown;

// Every value, whatever its field.
pub mod placeholder;

// Declarative value rules.
pub mod chars;
pub mod items;
pub mod pattern;
pub mod range;
pub mod unique_by;

// Vendor-neutral value rules (spec §2).
pub mod auth;
pub mod color;
pub mod email;
pub mod media_type;
pub mod phone;
pub mod tag;
pub mod url;

#[cfg(test)]
mod testing;

/// Whether `s` starts with the ASCII `prefix`, in any letter case, without a lower-cased copy
/// of `s`: these tests run on every value of their field.
pub(crate) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}
