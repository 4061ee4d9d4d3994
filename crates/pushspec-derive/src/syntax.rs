//! Stage 1: reads the derive input and its `#[serde]` and `#[pushspec]` attributes into the
//! model. Reports every malformed attribute, and keeps going so all of them are reported.
//!
//! serde's attributes are read because they decide the wire names: `rename_all` here means
//! exactly what it means to serde, so diagnostics and schemas use the names on the wire.

use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Attribute, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::model::{
    Code, Condition, ConditionKind, Container, Data, Field, FieldRule, Flatten, Group, GroupKind,
    TaggedEnum, TaggedVariant, UnitEnum, UnitVariant,
};
use crate::symbol::*;

pub(crate) fn parse(cx: &Ctxt, input: &DeriveInput) -> Option<Container> {
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(
            &input.generics,
            "#[derive(Model)] models are concrete types: remove the generics",
        );
    }
    let serde = ContainerSerde::parse(cx, &input.attrs);
    let mut container = Container {
        ident: input.ident.clone(),
        name: input.ident.to_string(),
        doc: doc(&input.attrs),
        data: Data::Struct(Vec::new()),
        unknown: None,
        checks: Vec::new(),
        check_rules: Vec::new(),
        schemas: Vec::new(),
        groups: Vec::new(),
    };
    let mut enum_code = None;
    let mut other_code = None;
    for_each_meta(cx, &input.attrs, PUSHSPEC, |meta| {
        if meta.path == NAME {
            container.name = meta.value()?.parse::<LitStr>()?.value();
        } else if meta.path == UNKNOWN {
            container.unknown = Some(code(meta)?);
        } else if meta.path == CHECK {
            container.checks.push(meta.value()?.parse()?);
        } else if meta.path == SCHEMA {
            container.schemas.push(meta.value()?.parse()?);
        } else if meta.path == RULES {
            let content;
            syn::parenthesized!(content in meta.input);
            let codes = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
            container.check_rules.extend(codes.into_iter().map(Code));
        } else if meta.path == EXACTLY_ONE_OF {
            container.groups.push(group(meta, GroupKind::ExactlyOne)?);
        } else if meta.path == AT_LEAST_ONE_OF {
            container.groups.push(group(meta, GroupKind::AtLeastOne)?);
        } else if meta.path == AT_MOST_ONE_OF {
            container.groups.push(group(meta, GroupKind::AtMostOne)?);
        } else if meta.path == ENUM_CODE {
            enum_code = Some(code(meta)?);
        } else if meta.path == OTHER_CODE {
            other_code = Some(code(meta)?);
        } else {
            return Err(meta.error(format!(
                "unknown container attribute `{}`; expected one of: name, unknown, check, rules, \
                 exactly_one_of, at_least_one_of, at_most_one_of, enum_code, other_code",
                path_name(&meta.path)
            )));
        }
        Ok(())
    });

    container.data = match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Data::Struct(fields(cx, named.named.iter(), serde.rename_all)),
            _ => {
                cx.error_spanned_by(
                    &input.ident,
                    "#[derive(Model)] needs named fields: a model is a JSON object",
                );
                return None;
            }
        },
        syn::Data::Enum(data) => {
            if let Some(tag) = serde.tag.clone() {
                if serde.content.is_some() {
                    cx.error_spanned_by(
                        &input.ident,
                        "adjacently tagged enums (`tag` + `content`) are not supported yet",
                    );
                }
                let variants = data
                    .variants
                    .iter()
                    .map(|v| {
                        let vs = VariantSerde::parse(cx, &v.attrs);
                        let wire = vs.rename.unwrap_or_else(|| {
                            rename(&v.ident.to_string(), serde.rename_all, true)
                        });
                        let fields = match &v.fields {
                            Fields::Named(named) => fields(cx, named.named.iter(), vs.rename_all),
                            Fields::Unit => Vec::new(),
                            Fields::Unnamed(_) => {
                                cx.error_spanned_by(
                                    v,
                                    "variants of a tagged model need named fields (or none)",
                                );
                                Vec::new()
                            }
                        };
                        TaggedVariant {
                            wire,
                            doc: doc(&v.attrs),
                            fields,
                        }
                    })
                    .collect();
                Data::TaggedEnum(TaggedEnum {
                    tag,
                    variants,
                    enum_code: enum_code.take(),
                })
            } else if serde.untagged {
                cx.error_spanned_by(&input.ident, "untagged enums are not supported: the validator could not tell which variant was meant");
                return None;
            } else {
                let mut variants = Vec::new();
                let mut other = None;
                for v in &data.variants {
                    let vs = VariantSerde::parse(cx, &v.attrs);
                    match &v.fields {
                        Fields::Unit if !vs.untagged => variants.push(UnitVariant {
                            wire: vs.rename.unwrap_or_else(|| rename(&v.ident.to_string(), serde.rename_all, true)),
                            aliases: vs.aliases,
                            doc: doc(&v.attrs),
                        }),
                        Fields::Unnamed(f) if vs.untagged && f.unnamed.len() == 1 && other.is_none() => {
                            other = Some(v.ident.clone());
                        }
                        _ => cx.error_spanned_by(
                            v,
                            "a value enum has unit variants, plus at most one `#[serde(untagged)] Other(String)` \
                             variant that keeps unknown values; for objects use `#[serde(tag = \"...\")]`",
                        ),
                    }
                }
                Data::UnitEnum(UnitEnum {
                    variants,
                    other,
                    enum_code: enum_code.take(),
                    other_code: other_code.take(),
                })
            }
        }
        syn::Data::Union(_) => {
            cx.error_spanned_by(&input.ident, "#[derive(Model)] does not support unions");
            return None;
        }
    };
    if let Some(code) = enum_code {
        cx.error_spanned_by(&code.0, "`enum_code` applies to enums only");
    }
    if let Some(code) = other_code {
        cx.error_spanned_by(
            &code.0,
            "`other_code` applies to value enums with an `Other(String)` variant only",
        );
    }
    if serde.deny_unknown_fields {
        cx.syn_error(syn::Error::new(
            serde.deny_span.unwrap_or_else(|| input.ident.span()),
            "models capture unknown keys instead of rejecting them (spec §0): remove \
             `deny_unknown_fields` and use `#[pushspec(unknown = \"common.field.unknown\")]`",
        ));
    }
    Some(container)
}

fn fields<'a>(
    cx: &Ctxt,
    fields: impl Iterator<Item = &'a syn::Field>,
    rename_all: Option<RenameRule>,
) -> Vec<Field> {
    fields.filter_map(|f| field(cx, f, rename_all)).collect()
}

fn field(cx: &Ctxt, f: &syn::Field, rename_all: Option<RenameRule>) -> Option<Field> {
    let ident = f.ident.clone()?;
    let serde = FieldSerde::parse(cx, &f.attrs);
    if serde.skip {
        return None;
    }
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let mut field = Field {
        wire: serde
            .rename
            .unwrap_or_else(|| rename(name, rename_all, false)),
        aliases: serde.aliases,
        optional: serde.default || is_option(&f.ty),
        // A map captures the members no field reads; anything else is a model whose keys
        // sit in this object (check.rs rejects what cannot be one).
        flatten: serde.flatten.then(|| match last_segment(&f.ty).as_deref() {
            Some("BTreeMap" | "HashMap") => Flatten::Map,
            _ => Flatten::Struct,
        }),
        doc: doc(&f.attrs),
        ident,
        ty: f.ty.clone(),
        missing: None,
        expected: false,
        with: None,
        alias_code: None,
        rules: Vec::new(),
        each: Vec::new(),
        conditions: Vec::new(),
    };
    for_each_meta(cx, &f.attrs, PUSHSPEC, |meta| {
        if meta.path == EXPECTED {
            field.expected = true;
        } else if meta.path == MISSING {
            field.missing = Some(code(meta)?);
        } else if meta.path == WITH {
            field.with = Some(meta.value()?.parse()?);
        } else if meta.path == ALIAS_CODE {
            field.alias_code = Some(code(meta)?);
        } else if meta.path == REQUIRED_IF {
            field
                .conditions
                .push(condition(meta, ConditionKind::RequiredIf)?);
        } else if meta.path == FORBIDDEN_UNLESS {
            field
                .conditions
                .push(condition(meta, ConditionKind::ForbiddenUnless)?);
        } else if meta.path == EACH {
            meta.parse_nested_meta(|inner| {
                field.each.push(rule(&inner)?);
                Ok(())
            })?;
        } else {
            field.rules.push(rule(meta)?);
        }
        Ok(())
    });
    Some(field)
}

/// Parses one value rule: `chars(max = 60, code = "...")`, `url`, `phone = "intl"`, ...
fn rule(meta: &ParseNestedMeta<'_>) -> syn::Result<FieldRule> {
    let p = &meta.path;
    if *p == CHARS || *p == ITEMS {
        let (min, max, code) = bounds(meta, int)?;
        return Ok(if *p == CHARS {
            FieldRule::Chars { min, max, code }
        } else {
            FieldRule::Items { min, max, code }
        });
    }
    if *p == RANGE {
        let (min, max, code) = bounds(meta, number)?;
        return Ok(FieldRule::Range { min, max, code });
    }
    if *p == PATTERN {
        let (mut regex, mut code_) = (None, None);
        meta.parse_nested_meta(|arg| {
            if arg.path == REGEX {
                regex = Some(arg.value()?.parse::<LitStr>()?);
            } else if arg.path == CODE {
                code_ = Some(code(&arg)?);
            } else {
                return Err(arg.error("expected `regex` or `code`"));
            }
            Ok(())
        })?;
        let regex = regex.ok_or_else(|| meta.error("`pattern` needs `regex = \"...\"`"))?;
        let code = code_.ok_or_else(|| meta.error("`pattern` needs `code = \"...\"`"))?;
        return Ok(FieldRule::Pattern { regex, code });
    }
    if *p == URL {
        let (mut scheme, mut schemes) = (None, Vec::new());
        if meta.input.peek(syn::token::Paren) {
            meta.parse_nested_meta(|arg| {
                if arg.path == SCHEME {
                    scheme = Some(code(&arg)?);
                } else if arg.path == SCHEMES {
                    let list: syn::ExprArray = arg.value()?.parse()?;
                    for e in list.elems {
                        match e {
                            Expr::Lit(syn::ExprLit {
                                lit: Lit::Str(s), ..
                            }) => schemes.push(s),
                            other => {
                                return Err(syn::Error::new_spanned(
                                    other,
                                    "expected a string literal",
                                ));
                            }
                        }
                    }
                } else {
                    return Err(
                        arg.error("expected `scheme = \"code\"` or `schemes = [\"https\", ...]`")
                    );
                }
                Ok(())
            })?;
        }
        return Ok(FieldRule::Url { scheme, schemes });
    }
    if *p == COLOR {
        return Ok(FieldRule::Color);
    }
    if *p == EMAIL {
        return Ok(FieldRule::Email);
    }
    if *p == PHONE {
        let s: LitStr = meta.value()?.parse()?;
        return Ok(FieldRule::Phone(Ident::new(&s.value(), s.span())));
    }
    if *p == MESSENGER_TAG {
        let s: LitStr = meta.value()?.parse()?;
        return Ok(FieldRule::MessengerTag(Ident::new(&s.value(), s.span())));
    }
    if *p == UNIQUE_BY {
        let (mut key, mut code_) = (None, None);
        meta.parse_nested_meta(|arg| {
            if arg.path == KEY {
                key = Some(arg.value()?.parse::<LitStr>()?);
            } else if arg.path == CODE {
                code_ = Some(code(&arg)?);
            } else {
                return Err(arg.error("expected `key` or `code`"));
            }
            Ok(())
        })?;
        let key = key.ok_or_else(|| {
            meta.error("`unique_by` needs `key = \"...\"` (a wire name in the items)")
        })?;
        let code = code_.ok_or_else(|| meta.error("`unique_by` needs `code = \"...\"`"))?;
        return Ok(FieldRule::UniqueBy { key, code });
    }
    if *p == APPLY {
        return Ok(FieldRule::Apply(meta.value()?.parse()?));
    }
    Err(meta.error(format!(
        "unknown field attribute `{}`; expected one of: expected, missing, with, alias_code, required_if, \
         forbidden_unless, each, chars, items, range, pattern, url, color, phone, messenger_tag, email, \
         unique_by, apply",
        path_name(&meta.path)
    )))
}

/// The `(min = .., max = .., code = "..")` arguments of a bounds rule (`chars`, `items`,
/// `range`), with `value` reading a bound.
type Bounds<T> = (Option<T>, Option<T>, Code);

fn bounds<T>(
    meta: &ParseNestedMeta<'_>,
    value: fn(&ParseNestedMeta<'_>) -> syn::Result<T>,
) -> syn::Result<Bounds<T>> {
    let (mut min, mut max, mut code_) = (None, None, None);
    meta.parse_nested_meta(|arg| {
        if arg.path == MIN {
            min = Some(value(&arg)?);
        } else if arg.path == MAX {
            max = Some(value(&arg)?);
        } else if arg.path == CODE {
            code_ = Some(code(&arg)?);
        } else {
            return Err(arg.error("expected `min`, `max` or `code`"));
        }
        Ok(())
    })?;
    let code = code_.ok_or_else(|| {
        meta.error("this rule needs `code = \"...\"`: say which catalogue rule it enforces")
    })?;
    if min.is_none() && max.is_none() {
        return Err(meta.error("give `min`, `max` or both"));
    }
    Ok((min, max, code))
}

fn group(meta: &ParseNestedMeta<'_>, kind: GroupKind) -> syn::Result<Group> {
    let span_ident = meta
        .path
        .get_ident()
        .cloned()
        .unwrap_or_else(|| Ident::new("group", meta.input.span()));
    let mut group = Group {
        kind,
        fields: Vec::new(),
        missing: None,
        multiple: None,
        span_ident,
    };
    meta.parse_nested_meta(|arg| {
        if arg.input.peek(Token![=]) {
            let is_missing =
                arg.path == MISSING || (arg.path == CODE && kind == GroupKind::AtLeastOne);
            let is_multiple =
                arg.path == MULTIPLE || (arg.path == CODE && kind == GroupKind::AtMostOne);
            match (kind, is_missing, is_multiple) {
                (GroupKind::ExactlyOne | GroupKind::AtLeastOne, true, _) => {
                    group.missing = Some(code(&arg)?)
                }
                (GroupKind::ExactlyOne | GroupKind::AtMostOne, _, true) => {
                    group.multiple = Some(code(&arg)?)
                }
                (GroupKind::ExactlyOne, ..) => {
                    return Err(arg.error("expected `missing = \"code\"` or `multiple = \"code\"`"));
                }
                _ => return Err(arg.error("expected `code = \"...\"`")),
            }
        } else {
            let ident = arg
                .path
                .get_ident()
                .cloned()
                .ok_or_else(|| arg.error("expected a field name"))?;
            group.fields.push(ident);
        }
        Ok(())
    })?;
    Ok(group)
}

fn condition(meta: &ParseNestedMeta<'_>, kind: ConditionKind) -> syn::Result<Condition> {
    let (mut on, mut code_) = (None, None);
    meta.parse_nested_meta(|arg| {
        if arg.path == CODE {
            code_ = Some(code(&arg)?);
        } else {
            let ident = arg
                .path
                .get_ident()
                .cloned()
                .ok_or_else(|| arg.error("expected `field = \"value\"`"))?;
            on = Some((ident, arg.value()?.parse::<LitStr>()?));
        }
        Ok(())
    })?;
    let (field, value) = on.ok_or_else(|| {
        meta.error("expected a sibling condition, e.g. `platform = \"facebook\"`")
    })?;
    let code = code_.ok_or_else(|| meta.error("this condition needs `code = \"...\"`"))?;
    Ok(Condition {
        kind,
        field,
        value,
        code,
    })
}

fn code(meta: &ParseNestedMeta<'_>) -> syn::Result<Code> {
    Ok(Code(meta.value()?.parse()?))
}

fn int(meta: &ParseNestedMeta<'_>) -> syn::Result<u64> {
    meta.value()?.parse::<syn::LitInt>()?.base10_parse()
}

fn number(meta: &ParseNestedMeta<'_>) -> syn::Result<f64> {
    let input = meta.value()?;
    let negative = input.peek(Token![-]);
    if negative {
        input.parse::<Token![-]>()?;
    }
    let lit: Lit = input.parse()?;
    let value = match &lit {
        Lit::Int(i) => i.base10_parse::<f64>()?,
        Lit::Float(f) => f.base10_parse::<f64>()?,
        _ => return Err(syn::Error::new_spanned(lit, "expected a number")),
    };
    Ok(if negative { -value } else { value })
}

fn path_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// The doc comment, lines joined, one leading space trimmed per line.
fn doc(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path() == &DOC)
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|l| l.strip_prefix(' ').unwrap_or(&l).trim_end().to_owned())
        .collect();
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn is_option(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|s| s == "Option")
}

/// The last path segment of a type, e.g. `Vec` for `std::vec::Vec<T>`.
pub(crate) fn last_segment(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// Calls `f` on every argument of every `#[<namespace>(...)]` attribute, collecting errors.
fn for_each_meta(
    cx: &Ctxt,
    attrs: &[Attribute],
    namespace: crate::symbol::Symbol,
    mut f: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path() == &namespace) {
        if let Err(e) = attr.parse_nested_meta(|meta| f(&meta)) {
            cx.syn_error(e);
        }
    }
}

/// Skips a serde attribute argument this derive does not need.
fn skip_meta(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

#[derive(Default)]
struct ContainerSerde {
    rename_all: Option<RenameRule>,
    tag: Option<String>,
    content: Option<String>,
    untagged: bool,
    deny_unknown_fields: bool,
    deny_span: Option<proc_macro2::Span>,
}

impl ContainerSerde {
    fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut s = ContainerSerde::default();
        for_each_meta(cx, attrs, SERDE, |meta| {
            if meta.path == RENAME_ALL {
                s.rename_all = Some(rename_rule(meta)?);
            } else if meta.path == TAG {
                s.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == CONTENT {
                s.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == UNTAGGED {
                s.untagged = true;
            } else if meta.path == DENY_UNKNOWN_FIELDS {
                s.deny_unknown_fields = true;
                s.deny_span = meta.path.get_ident().map(Ident::span);
            } else {
                skip_meta(meta)?;
            }
            Ok(())
        });
        s
    }
}

#[derive(Default)]
struct FieldSerde {
    rename: Option<String>,
    aliases: Vec<String>,
    default: bool,
    flatten: bool,
    skip: bool,
}

impl FieldSerde {
    fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut s = FieldSerde::default();
        for_each_meta(cx, attrs, SERDE, |meta| {
            if meta.path == RENAME {
                s.rename = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == ALIAS {
                s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == DEFAULT {
                s.default = true;
                skip_meta(meta)?;
            } else if meta.path == FLATTEN {
                s.flatten = true;
            } else if meta.path == SKIP || meta.path == SKIP_DESERIALIZING {
                s.skip = true;
            } else {
                skip_meta(meta)?;
            }
            Ok(())
        });
        s
    }
}

#[derive(Default)]
struct VariantSerde {
    rename: Option<String>,
    rename_all: Option<RenameRule>,
    aliases: Vec<String>,
    untagged: bool,
}

impl VariantSerde {
    fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut s = VariantSerde::default();
        for_each_meta(cx, attrs, SERDE, |meta| {
            if meta.path == RENAME {
                s.rename = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == RENAME_ALL {
                s.rename_all = Some(rename_rule(meta)?);
            } else if meta.path == ALIAS {
                s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path == UNTAGGED {
                s.untagged = true;
            } else {
                skip_meta(meta)?;
            }
            Ok(())
        });
        s
    }
}

/// serde's `rename_all` rules.
#[derive(Clone, Copy)]
enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

fn rename_rule(meta: &ParseNestedMeta<'_>) -> syn::Result<RenameRule> {
    let s: LitStr = meta.value()?.parse()?;
    Ok(match s.value().as_str() {
        "lowercase" => RenameRule::Lower,
        "UPPERCASE" => RenameRule::Upper,
        "PascalCase" => RenameRule::Pascal,
        "camelCase" => RenameRule::Camel,
        "snake_case" => RenameRule::Snake,
        "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
        "kebab-case" => RenameRule::Kebab,
        "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
        _ => return Err(syn::Error::new_spanned(s, "unknown rename rule")),
    })
}

/// Applies a `rename_all` rule the way serde does: fields are snake_case in Rust, variants
/// PascalCase.
fn rename(name: &str, rule: Option<RenameRule>, variant: bool) -> String {
    let Some(rule) = rule else {
        return name.to_owned();
    };
    // Split into lower-case words from either Rust convention.
    let words: Vec<String> = if variant {
        let mut words = Vec::new();
        for c in name.chars() {
            if c.is_uppercase() || words.is_empty() {
                words.push(String::new());
            }
            if let Some(w) = words.last_mut() {
                w.extend(c.to_lowercase());
            }
        }
        words
    } else {
        name.split('_').map(str::to_owned).collect()
    };
    let cap = |w: &String| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    match rule {
        RenameRule::Lower => words.concat(),
        RenameRule::Upper => words.concat().to_uppercase(),
        RenameRule::Pascal => words.iter().map(cap).collect(),
        RenameRule::Camel => {
            let mut out = words.first().cloned().unwrap_or_default();
            out.extend(words.iter().skip(1).map(cap));
            out
        }
        RenameRule::Snake => words.join("_"),
        RenameRule::ScreamingSnake => words.join("_").to_uppercase(),
        RenameRule::Kebab => words.join("-"),
        RenameRule::ScreamingKebab => words.join("-").to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_like_serde() {
        assert_eq!(
            rename("client_ids", Some(RenameRule::Camel), false),
            "clientIds"
        );
        assert_eq!(rename("bot_id", Some(RenameRule::Pascal), false), "BotId");
        assert_eq!(
            rename("QuickReply", Some(RenameRule::Snake), true),
            "quick_reply"
        );
        assert_eq!(
            rename("UrlDynamic", Some(RenameRule::ScreamingSnake), true),
            "URL_DYNAMIC"
        );
        assert_eq!(rename("Header", Some(RenameRule::Lower), true), "header");
        assert_eq!(
            rename("image_url", Some(RenameRule::Kebab), false),
            "image-url"
        );
        assert_eq!(rename("x", None, false), "x");
    }
}
