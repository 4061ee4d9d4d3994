//! Stage 2: checks the model for mistakes the parser cannot see: references to fields that
//! do not exist, rules on the wrong kind of field, impossible bounds, bad regexes, codes that
//! are not rule codes. Rule codes are resolved against the catalogue later, by the compiler,
//! from the constants that emit writes (see `emit::rule_const`).

use std::collections::BTreeMap;

use crate::ctxt::Ctxt;
use crate::model::{Code, ConditionKind, Container, Data, Field, FieldRule, Flatten, GroupKind};
use crate::syntax::last_segment;

const PHONE_PROFILES: &[&str] = &["intl", "e164", "subscriber"];
const TAG_VENDORS: &[&str] = &["mantago", "ahachat", "smax", "chatfuel"];

pub(crate) fn check(cx: &Ctxt, c: &Container) {
    for code in codes(c) {
        check_code(cx, code);
    }
    match &c.data {
        Data::Struct(fields) => check_fields(cx, c, fields),
        Data::TaggedEnum(e) => {
            for v in &e.variants {
                check_fields(cx, c, &v.fields);
                // A variant's unknown-key rule lists the other variants' keys, which a
                // flattened struct would hide; no vendor needs it.
                for f in v
                    .fields
                    .iter()
                    .filter(|f| f.flatten == Some(Flatten::Struct))
                {
                    cx.error_spanned_by(
                        &f.ty,
                        "`#[serde(flatten)]` of a model struct applies to structs, not enum variants",
                    );
                }
            }
            if let Some(group) = c.groups.first() {
                cx.error_spanned_by(
                    &group.span_ident,
                    "field groups apply to structs; put them on a struct",
                );
            }
        }
        Data::UnitEnum(e) => {
            if let (Some(code), None) = (&e.other_code, &e.other) {
                cx.error_spanned_by(
                    &code.0,
                    "`other_code` needs a `#[serde(untagged)] Other(String)` variant",
                );
            }
            if !c.groups.is_empty() || c.unknown.is_some() || !c.checks.is_empty() {
                cx.error_spanned_by(
                    &c.ident,
                    "a value enum takes only `enum_code` and `other_code`",
                );
            }
        }
    }
}

fn check_fields(cx: &Ctxt, c: &Container, fields: &[Field]) {
    let by_ident: BTreeMap<String, &Field> =
        fields.iter().map(|f| (f.ident.to_string(), f)).collect();

    // Wire names must be unique, aliases included: the validator maps each key to one field.
    let mut wire: BTreeMap<&str, &Field> = BTreeMap::new();
    for f in fields.iter().filter(|f| f.flatten.is_none()) {
        for name in std::iter::once(&f.wire).chain(&f.aliases) {
            if let Some(first) = wire.insert(name, f) {
                cx.error_spanned_by(
                    &f.ident,
                    format!(
                        "`{}` and `{}` both read the key `{name}`",
                        first.ident, f.ident
                    ),
                );
            }
        }
    }
    if fields
        .iter()
        .filter(|f| f.flatten == Some(Flatten::Map))
        .count()
        > 1
    {
        cx.error_spanned_by(
            &c.ident,
            "at most one `#[serde(flatten)]` map can capture unknown keys",
        );
    }

    for group in &c.groups {
        if group.fields.len() < 2 {
            cx.error_spanned_by(&group.span_ident, "a group needs at least two fields");
        }
        for ident in &group.fields {
            match by_ident.get(&ident.to_string()) {
                None => cx.error_spanned_by(ident, format!("no field `{ident}` in `{}`", c.ident)),
                Some(f) if !f.optional => cx.error_spanned_by(
                    ident,
                    format!(
                        "`{ident}` is required on its own; fields in a group must be `Option<_>`"
                    ),
                ),
                Some(_) => {}
            }
        }
        let (needs_missing, needs_multiple) = match group.kind {
            GroupKind::ExactlyOne => (true, true),
            GroupKind::AtLeastOne => (true, false),
            GroupKind::AtMostOne => (false, true),
        };
        if needs_missing && group.missing.is_none() {
            let key = if group.kind == GroupKind::ExactlyOne {
                "missing"
            } else {
                "code"
            };
            cx.error_spanned_by(
                &group.span_ident,
                format!("say which rule a missing value breaks: `{key} = \"...\"`"),
            );
        }
        if needs_multiple && group.multiple.is_none() {
            let key = if group.kind == GroupKind::ExactlyOne {
                "multiple"
            } else {
                "code"
            };
            cx.error_spanned_by(
                &group.span_ident,
                format!("say which rule several values break: `{key} = \"...\"`"),
            );
        }
    }

    for f in fields {
        if f.expected && !f.optional {
            cx.error_spanned_by(&f.ident, "`expected` marks an optional field whose absence is a warning; make it `Option<_>`");
        }
        if let Some(code) = &f.missing
            && f.optional
        {
            cx.error_spanned_by(
                &code.0,
                "`missing` sets the code for an absent required field, but this field is optional",
            );
        }
        if f.alias_code.is_some() && f.aliases.is_empty() {
            cx.error_spanned_by(
                &f.ident,
                "`alias_code` needs a `#[serde(alias = \"...\")]` spelling to flag",
            );
        }
        if f.flatten == Some(Flatten::Struct) {
            check_flattened_struct(cx, f);
        }
        if !f.each.is_empty()
            && last_segment(&f.ty).as_deref() != Some("Vec")
            && !is_option_vec(&f.ty)
        {
            cx.error_spanned_by(
                &f.ty,
                "`each(...)` applies rules to array items; the field must be a `Vec<_>`",
            );
        }
        for cond in &f.conditions {
            if cond.field == f.ident {
                cx.error_spanned_by(&cond.field, "a condition must name another field");
            } else if !by_ident.contains_key(&cond.field.to_string()) {
                cx.error_spanned_by(
                    &cond.field,
                    format!("no field `{}` in `{}`", cond.field, c.ident),
                );
            }
            if cond.kind == ConditionKind::RequiredIf && !f.optional {
                cx.error_spanned_by(
                    &f.ident,
                    "`required_if` on a field that is always required; make it `Option<_>`",
                );
            }
        }
        for rule in f.rules.iter().chain(&f.each) {
            check_rule(cx, rule);
        }
    }
}

/// A flattened model struct reads its keys with its own attributes: its field-level ones
/// would have no member to apply to, and serde cannot flatten an absent `Option`.
fn check_flattened_struct(cx: &Ctxt, f: &Field) {
    if f.optional {
        cx.error_spanned_by(
            &f.ty,
            "a flattened model is always read from the parent object; drop `Option<_>` and `#[serde(default)]`",
        );
    }
    if !matches!(f.ty, syn::Type::Path(_)) {
        cx.error_spanned_by(
            &f.ty,
            "a `#[serde(flatten)]` field is a map that captures unknown keys or a model struct",
        );
    }
    let attributes = f.expected
        || f.missing.is_some()
        || f.with.is_some()
        || f.alias_code.is_some()
        || !f.aliases.is_empty()
        || !f.rules.is_empty()
        || !f.each.is_empty()
        || !f.conditions.is_empty();
    if attributes {
        cx.error_spanned_by(
            &f.ident,
            "a flattened model takes no field attributes: put them on the fields of the flattened struct",
        );
    }
}

fn check_rule(cx: &Ctxt, rule: &FieldRule) {
    match rule {
        FieldRule::Chars {
            min: Some(lo),
            max: Some(hi),
            code,
        }
        | FieldRule::Items {
            min: Some(lo),
            max: Some(hi),
            code,
        } if lo > hi => {
            cx.error_spanned_by(&code.0, format!("`min` ({lo}) is above `max` ({hi})"));
        }
        FieldRule::Range {
            min: Some(lo),
            max: Some(hi),
            code,
        } if lo > hi => {
            cx.error_spanned_by(&code.0, format!("`min` ({lo}) is above `max` ({hi})"));
        }
        FieldRule::Pattern { regex, .. } => {
            if let Err(e) = regex_syntax::Parser::new().parse(&regex.value()) {
                cx.error_spanned_by(regex, format!("invalid regex: {e}"));
            }
        }
        FieldRule::Phone(profile) if !PHONE_PROFILES.contains(&profile.to_string().as_str()) => {
            cx.error_spanned_by(
                profile,
                format!(
                    "unknown phone profile; expected one of {}",
                    PHONE_PROFILES.join(", ")
                ),
            );
        }
        FieldRule::MessengerTag(vendor) if !TAG_VENDORS.contains(&vendor.to_string().as_str()) => {
            cx.error_spanned_by(
                vendor,
                format!(
                    "unknown tag vendor; expected one of {}",
                    TAG_VENDORS.join(", ")
                ),
            );
        }
        FieldRule::Url { schemes, .. } => {
            for s in schemes {
                let v = s.value();
                if v.is_empty()
                    || !v
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+.-".contains(c))
                {
                    cx.error_spanned_by(
                        s,
                        "a URL scheme is lower-case letters, digits, `+`, `.` or `-`",
                    );
                }
            }
        }
        _ => {}
    }
}

/// Every rule code the container names.
pub(crate) fn codes(c: &Container) -> Vec<&Code> {
    let mut out: Vec<&Code> = c.unknown.iter().chain(&c.check_rules).collect();
    for g in &c.groups {
        out.extend(g.missing.iter().chain(&g.multiple));
    }
    if let Data::UnitEnum(e) = &c.data {
        out.extend(e.enum_code.iter().chain(&e.other_code));
    }
    if let Data::TaggedEnum(e) = &c.data {
        out.extend(&e.enum_code);
    }
    for f in c.all_fields() {
        out.extend(f.missing.iter().chain(&f.alias_code));
        out.extend(f.conditions.iter().map(|c| &c.code));
        for rule in f.rules.iter().chain(&f.each) {
            out.extend(rule_code(rule));
        }
    }
    out
}

pub(crate) fn rule_code(rule: &FieldRule) -> Option<&Code> {
    match rule {
        FieldRule::Chars { code, .. }
        | FieldRule::Items { code, .. }
        | FieldRule::Range { code, .. }
        | FieldRule::Pattern { code, .. }
        | FieldRule::UniqueBy { code, .. } => Some(code),
        FieldRule::Url { scheme, .. } => scheme.as_ref(),
        _ => None,
    }
}

/// Rule codes are `<namespace>.<topic>.<rule>` in kebab-case (spec §0).
fn check_code(cx: &Ctxt, code: &Code) {
    let value = code.value();
    let parts: Vec<&str> = value.split('.').collect();
    let kebab = |p: &&str| {
        !p.is_empty()
            && !p.starts_with('-')
            && !p.ends_with('-')
            && !p.contains("--")
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(kebab) {
        cx.error_spanned_by(
            &code.0,
            format!("`{value}` is not a rule code: expected `<namespace>.<topic>.<rule>` in kebab-case, e.g. `oca.button.index-range`"),
        );
    }
}

fn is_option_vec(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(seg) = p.path.segments.last() else {
        return false;
    };
    if seg.ident != "Option" {
        return false;
    }
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
        return false;
    };
    matches!(args.args.first(), Some(syn::GenericArgument::Type(inner)) if last_segment(inner).as_deref() == Some("Vec"))
}
