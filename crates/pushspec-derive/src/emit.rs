//! Stage 3: writes the `Check` and `JsonSchema` impls from the checked model.
//!
//! Every rule is emitted as the same two calls, `rules::<name>::apply(node, at, cx, &args)`
//! for validation and `rules::<name>::schema(&args, &mut field_schema)` for the schema, so
//! adding a rule is a variant in `model.rs`, a parse arm in `syntax.rs` and a runtime module.
//! Generated code reaches the runtime through one alias, `__p`, and lives in `const _: () = {}`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

use crate::model::{
    Code, ConditionKind, Container, Data, Field, FieldRule, Flatten, TaggedEnum, UnitEnum,
};

pub(crate) fn expand(c: &Container) -> TokenStream {
    let ident = &c.ident;
    let mut members = TokenStream::new();
    let (check_body, schema_body) = match &c.data {
        Data::Struct(fields) => {
            members = members_impl(c, fields);
            struct_impls(c)
        }
        Data::UnitEnum(e) => unit_enum_impls(e, c.doc.as_deref()),
        Data::TaggedEnum(e) => tagged_enum_impls(c, e),
    };
    let expected = match c.data {
        Data::UnitEnum(_) => "a string",
        _ => "an object",
    };
    let name = &c.name;
    let rule_consts = rule_consts(c);
    quote! {
        #[doc(hidden)]
        #[allow(
            clippy::all, clippy::pedantic, unused_variables, unused_mut, unreachable_code, non_snake_case,
            reason = "generated: one shape for every model, whatever lints the user's crate sets"
        )]
        const _: () = {
            use ::pushspec::__private as __p;

            #rule_consts

            #members

            impl __p::Check for #ident {
                const EXPECTED: &'static str = #expected;

                fn check(node: &__p::Node<'_>, at: &__p::Path<'_>, cx: &mut __p::Cx<'_>) -> bool {
                    #check_body
                }
            }

            impl __p::schemars::JsonSchema for #ident {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(#name)
                }

                fn schema_id() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", #name))
                }

                fn json_schema(g: &mut __p::schemars::SchemaGenerator) -> __p::schemars::Schema {
                    #schema_body
                }
            }
        };
    }
}

/// The constant that holds the catalogue entry for `code` (see [`rule_consts`]).
fn rule(code: &Code) -> TokenStream {
    let ident = rule_ident(&code.value());
    quote!(#ident)
}

fn rule_ident(code: &str) -> Ident {
    let name: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format_ident!("RULE_{}", name)
}

/// One constant per rule code the model names, resolved against the catalogue at compile
/// time: an unknown code fails the build once, with the error on the user's literal.
fn rule_consts(c: &Container) -> TokenStream {
    let mut seen = std::collections::BTreeSet::new();
    let consts = crate::check::codes(c).into_iter().filter(|code| seen.insert(code.value())).map(|code| {
        let lit = &code.0;
        let ident = rule_ident(&lit.value());
        let message = format!("unknown rule code `{}`: it is not in the catalogue (crates/pushspec/src/catalog.rs)", lit.value());
        quote_spanned! {lit.span()=>
            const #ident: &__p::Rule = match __p::catalog::find(#lit) {
                ::core::option::Option::Some(rule) => rule,
                ::core::option::Option::None => ::core::panic!(#message),
            };
        }
    });
    quote!(#(#consts)*)
}

fn opt_rule(code: Option<&Code>) -> TokenStream {
    match code {
        Some(code) => {
            let r = rule(code);
            quote!(::core::option::Option::Some(#r))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn default_rule(code: Option<&Code>, default: &str) -> TokenStream {
    match code {
        Some(code) => rule(code),
        None => {
            let ident = format_ident!("{}", default);
            quote!(&__p::catalog::#ident)
        }
    }
}

fn doc_tokens(doc: Option<&str>) -> TokenStream {
    match doc {
        Some(d) => quote!(::core::option::Option::Some(#d)),
        None => quote!(::core::option::Option::None),
    }
}

fn struct_impls(c: &Container) -> (TokenStream, TokenStream) {
    let check = quote! {
        let ::core::option::Option::Some(members) = node.as_object() else {
            cx.wrong_type(at, node, <Self as __p::Check>::EXPECTED);
            return false;
        };
        <Self as __p::Members>::check_members(node, members, at, cx, true);
        true
    };
    let doc = doc_tokens(c.doc.as_deref());
    let unknown = unknown_note(c);
    let schema = quote! {
        let mut o = __p::schema::Object::new(#doc);
        <Self as __p::Members>::schema_members(g, &mut o);
        #unknown
        o.into_schema()
    };
    (check, schema)
}

/// The unknown-key rule is the outermost object's: a flattened struct leaves it to its
/// parent, so it is noted by the object's schema rather than by `schema_members`.
fn unknown_note(c: &Container) -> Option<TokenStream> {
    c.unknown.as_ref().map(|code| {
        let r = rule(code);
        quote!(o.note(#r, &[]);)
    })
}

/// The `Members` impl of a struct, and its `KEYS`: its own keys, then each flattened
/// struct's, checked at compile time to be distinct.
fn members_impl(c: &Container, fields: &[Field]) -> TokenStream {
    let ident = &c.ident;
    let own = read_keys(fields);
    let children: Vec<&syn::Type> = flattened(fields).map(|f| &f.ty).collect();
    let check_fields = check_fields(c, fields, None);
    let schema_fields = schema_fields(c, fields, None);
    let overlap = children.first().map(|ty| {
        let message = format!(
            "`{ident}` and a struct it flattens both read the same key; rename one of them"
        );
        quote_spanned! {syn::spanned::Spanned::span(ty)=>
            const _: () = ::core::assert!(!__p::has_duplicate(&KEYS), #message);
        }
    });
    quote! {
        const OWN_KEYS: &[&str] = &[#(#own),*];
        const KEYS: [&str; OWN_KEYS.len() #(+ <#children as __p::Members>::KEYS.len())*] =
            __p::concat_keys(&[OWN_KEYS, #(<#children as __p::Members>::KEYS),*]);
        #overlap

        impl __p::Members for #ident {
            const KEYS: &'static [&'static str] = &KEYS;

            fn check_members(
                node: &__p::Node<'_>,
                members: &[__p::Member<'_>],
                at: &__p::Path<'_>,
                cx: &mut __p::Cx<'_>,
                unknown: bool,
            ) {
                #check_fields
            }

            fn schema_members(g: &mut __p::schemars::SchemaGenerator, o: &mut __p::schema::Object) {
                #schema_fields
            }
        }
    }
}

/// The keys the fields read themselves: each field's wire name and aliases.
fn read_keys(fields: &[Field]) -> Vec<&str> {
    fields
        .iter()
        .filter(|f| f.flatten.is_none())
        .flat_map(|f| std::iter::once(f.wire.as_str()).chain(f.aliases.iter().map(String::as_str)))
        .collect()
}

/// The fields that flatten another model struct.
fn flattened(fields: &[Field]) -> impl Iterator<Item = &Field> {
    fields.iter().filter(|f| f.flatten == Some(Flatten::Struct))
}

/// Where a tagged variant's fields stand: the tag member, its value for this variant, and
/// the keys of the other variants.
struct Variant<'a> {
    tag: &'a str,
    value: &'a str,
    siblings: Vec<&'a str>,
}

/// The member walk shared by structs and tagged variants. Expects `node`, `members`, `at`
/// and `cx` in scope. In a variant, the tag member and the other variants' keys are
/// documented keys of the object, so they are not unknown: a key of another variant shows
/// in the message about the one this variant misses.
fn check_fields(c: &Container, fields: &[Field], variant: Option<&Variant<'_>>) -> TokenStream {
    let tag = variant.map(|v| v.tag);
    let n = fields.iter().filter(|f| f.flatten.is_none()).count();
    let slots: Vec<Ident> = (0..n).map(|i| format_ident!("__f{}", i)).collect();
    let plain: Vec<&Field> = fields.iter().filter(|f| f.flatten.is_none()).collect();
    let map = fields.iter().find(|f| f.flatten == Some(Flatten::Map));
    let children: Vec<&syn::Type> = flattened(fields).map(|f| &f.ty).collect();

    let mut arms = Vec::new();
    for (i, f) in plain.iter().enumerate() {
        let wire = &f.wire;
        arms.push(quote!(#wire => (#i, false),));
        for alias in &f.aliases {
            arms.push(quote!(#alias => (#i, true),));
        }
    }
    let tag_arm = tag.map(|t| quote!(#t => continue,));
    let sibling_arm = variant.filter(|v| !v.siblings.is_empty()).map(|v| {
        let siblings = &v.siblings;
        quote!(#(#siblings)|* => continue,)
    });
    // With flattened structs, the suggestions for a misspelt key cover their keys too.
    let known = if children.is_empty() {
        let known = read_keys(fields).into_iter().chain(tag);
        quote!(&[#(#known),*])
    } else {
        quote!(<Self as __p::Members>::KEYS)
    };
    let unknown_rule = opt_rule(c.unknown.as_ref());
    let map_check = map.map(|f| {
        let ty = map_value_type(&f.ty);
        quote!(<#ty as __p::Check>::check(&m.value, &at.key(&m.key), cx);)
    });

    // In field order, a flattened struct's checks where it stands.
    let mut slot = slots.iter();
    let field_checks: Vec<TokenStream> = fields
        .iter()
        .filter_map(|f| match f.flatten {
            None => slot.next().map(|s| check_field(f, s, variant)),
            Some(Flatten::Struct) => {
                let ty = &f.ty;
                Some(quote!(<#ty as __p::Members>::check_members(node, members, at, cx, false);))
            }
            Some(Flatten::Map) => None,
        })
        .collect();
    let by_ident = |ident: &Ident| -> Option<(usize, &Field)> {
        plain
            .iter()
            .enumerate()
            .find(|(_, f)| f.ident == *ident)
            .map(|(i, f)| (i, *f))
    };
    let slot_pair = |ident: &Ident| -> TokenStream {
        match by_ident(ident).and_then(|(i, f)| Some((f, slots.get(i)?))) {
            Some((f, slot)) => {
                let wire = &f.wire;
                quote!((#wire, #slot))
            }
            None => quote!(("", ::core::option::Option::None)),
        }
    };
    let conditions = plain.iter().zip(&slots).flat_map(|(f, slot)| {
        f.conditions.iter().map(move |cond| (f, slot, cond))
    }).map(|(f, slot, cond)| {
        let wire = &f.wire;
        let sibling = slot_pair(&cond.field);
        let value = &cond.value;
        let r = rule(&cond.code);
        let func = match cond.kind {
            ConditionKind::RequiredIf => quote!(required_if),
            ConditionKind::ForbiddenUnless => quote!(forbidden_unless),
        };
        quote!(__p::rules::condition::#func(node, at, cx, (#wire, #slot), #sibling, #value, #r);)
    });
    let groups = c.groups.iter().map(|g| {
        let members = g.fields.iter().map(&slot_pair);
        let missing = opt_rule(g.missing.as_ref());
        let multiple = opt_rule(g.multiple.as_ref());
        quote!(__p::rules::group::apply(node, at, cx, &[#(#members),*], #missing, #multiple);)
    });
    let checks = c.checks.iter().map(|p| quote!(#p(node, at, cx);));

    quote! {
        let mut slots: [::core::option::Option<&__p::Member<'_>>; #n] = [::core::option::Option::None; #n];
        let mut via_alias = [false; #n];
        for m in members {
            let (i, alias): (usize, bool) = match &*m.key {
                #(#arms)*
                #tag_arm
                #sibling_arm
                _ => {
                    // The flattened structs check their own keys; the rest are unknown,
                    // unless this struct is itself flattened and its parent flags them.
                    if #(<#children as __p::Members>::KEYS.contains(&&*m.key) ||)* !unknown {
                        continue;
                    }
                    __p::rules::unknown::apply(m, at, cx, #known, #unknown_rule);
                    #map_check
                    continue;
                }
            };
            if let ::core::option::Option::Some(slot @ ::core::option::Option::None) = slots.get_mut(i) {
                *slot = ::core::option::Option::Some(m);
                if let ::core::option::Option::Some(a) = via_alias.get_mut(i) {
                    *a = alias;
                }
            }
        }
        let [#(#slots),*] = slots;
        let mut via_alias = via_alias.into_iter();
        #(#field_checks)*
        #(#conditions)*
        #(#groups)*
        #(#checks)*
    }
}

fn check_field(f: &Field, slot: &Ident, variant: Option<&Variant<'_>>) -> TokenStream {
    let wire = &f.wire;
    let ty = &f.ty;
    let missing = |rule: TokenStream| match variant {
        Some(Variant {
            tag,
            value,
            siblings,
        }) => quote! {
            __p::rules::presence::missing_in_variant(node, &at.key(#wire), cx, #rule, (#tag, #value), &[#(#siblings),*]);
        },
        None => quote!(__p::rules::presence::missing(node, &at.key(#wire), cx, #rule);),
    };
    let absent = if f.optional {
        if f.expected {
            missing(quote!(&__p::catalog::COMMON_FIELD_EXPECTED))
        } else {
            quote!()
        }
    } else {
        missing(default_rule(f.missing.as_ref(), "COMMON_FIELD_REQUIRED"))
    };
    let type_check = match &f.with {
        Some(with) => quote!(#with(&m.value, &at, cx)),
        None => quote!(<#ty as __p::Check>::check(&m.value, &at, cx)),
    };
    let given = if f.optional {
        quote!()
    } else {
        let r = default_rule(f.missing.as_ref(), "COMMON_FIELD_REQUIRED");
        quote!(let ok = ok && __p::rules::presence::given(&m.value, &at, cx, #r);)
    };
    let alias = f.alias_code.as_ref().map(|code| {
        let r = rule(code);
        quote! {
            if alias {
                __p::rules::presence::alias(m, &at, cx, #wire, #r);
            }
        }
    });
    let rules = f
        .rules
        .iter()
        .map(|r| apply_rule(r, quote!(&m.value), quote!(&at)));
    let each = (!f.each.is_empty()).then(|| {
        let rules = f
            .each
            .iter()
            .map(|r| apply_rule(r, quote!(item), quote!(&at.index(i))));
        quote! {
            if let ::core::option::Option::Some(items) = m.value.as_array() {
                for (i, item) in items.iter().enumerate() {
                    #(#rules)*
                }
            }
        }
    });
    quote! {
        let alias = via_alias.next().unwrap_or(false);
        match #slot {
            ::core::option::Option::None => { #absent }
            ::core::option::Option::Some(m) => {
                let at = at.key(&m.key);
                #alias
                let ok = #type_check;
                #given
                if ok {
                    #(#rules)*
                    #each
                }
            }
        }
    }
}

/// The `(module, args)` of a declarative rule.
fn rule_call(r: &FieldRule) -> (TokenStream, TokenStream) {
    let opt_u64 = |v: &Option<u64>| match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    let opt_f64 = |v: &Option<f64>| match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    match r {
        FieldRule::Chars { min, max, code } | FieldRule::Items { min, max, code } => {
            let module = if matches!(r, FieldRule::Chars { .. }) {
                quote!(chars)
            } else {
                quote!(items)
            };
            let (min, max, rule) = (opt_u64(min), opt_u64(max), rule(code));
            (
                module.clone(),
                quote!(__p::rules::#module::Args { min: #min, max: #max, rule: #rule }),
            )
        }
        FieldRule::Range { min, max, code } => {
            let (min, max, rule) = (opt_f64(min), opt_f64(max), rule(code));
            (
                quote!(range),
                quote!(__p::rules::range::Args { min: #min, max: #max, rule: #rule }),
            )
        }
        FieldRule::Pattern { regex, code } => {
            let rule = rule(code);
            (
                quote!(pattern),
                quote!({
                    static REGEX: __p::rules::pattern::Compiled =
                        __p::rules::pattern::Compiled::new(|| __p::rules::pattern::compile(#regex));
                    __p::rules::pattern::Args { source: #regex, regex: &REGEX, rule: #rule }
                }),
            )
        }
        FieldRule::Url { scheme, schemes } => {
            let scheme = default_rule(scheme.as_ref(), "URL_SCHEME");
            let schemes = if schemes.is_empty() {
                quote!(&["http", "https"])
            } else {
                quote!(&[#(#schemes),*])
            };
            (
                quote!(url),
                quote!(__p::rules::url::Args { scheme_rule: #scheme, schemes: #schemes }),
            )
        }
        FieldRule::Color => (quote!(color), quote!(__p::rules::color::Args {})),
        FieldRule::Email => (quote!(email), quote!(__p::rules::email::Args {})),
        FieldRule::Phone(profile) => {
            let variant = match profile.to_string().as_str() {
                "intl" => format_ident!("Intl", span = profile.span()),
                "e164" => format_ident!("E164", span = profile.span()),
                _ => format_ident!("Subscriber", span = profile.span()),
            };
            (
                quote!(phone),
                quote!(__p::rules::phone::Args { profile: __p::rules::phone::Profile::#variant }),
            )
        }
        FieldRule::MessengerTag(vendor) => {
            let name = vendor.to_string();
            let mut chars = name.chars();
            let pascal: String = chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect();
            let variant = format_ident!("{}", pascal, span = vendor.span());
            (
                quote!(tag),
                quote!(__p::rules::tag::Args { vendor: __p::rules::tag::TagVendor::#variant }),
            )
        }
        FieldRule::UniqueBy { key, code } => {
            let rule = rule(code);
            (
                quote!(unique_by),
                quote!(__p::rules::unique_by::Args { key: #key, rule: #rule }),
            )
        }
        FieldRule::Apply(_) => (quote!(), quote!()),
    }
}

fn apply_rule(r: &FieldRule, node: TokenStream, at: TokenStream) -> TokenStream {
    if let FieldRule::Apply(path) = r {
        return quote!(#path(#node, #at, cx););
    }
    let (module, args) = rule_call(r);
    quote!(__p::rules::#module::apply(#node, #at, cx, &#args);)
}

fn schema_rule(r: &FieldRule, target: TokenStream) -> TokenStream {
    if let FieldRule::Apply(_) = r {
        return quote!();
    }
    let (module, args) = rule_call(r);
    quote!(__p::rules::#module::schema(&#args, &mut #target);)
}

/// The schema of `fields` into `o`, with the container's groups, check rules and schema
/// hooks; `variant` is the tag value when the fields are a tagged enum's variant.
fn schema_fields(c: &Container, fields: &[Field], variant: Option<&str>) -> TokenStream {
    let props = fields.iter().map(|f| {
        let ty = &f.ty;
        let wire = &f.wire;
        let doc = doc_tokens(f.doc.as_deref());
        match f.flatten {
            Some(Flatten::Map) => {
                let value = map_value_type(ty);
                return quote!(o.additional(g.subschema_for::<#value>()););
            }
            Some(Flatten::Struct) => {
                return quote!(<#ty as __p::Members>::schema_members(g, o););
            }
            None => {}
        }
        let required = !f.optional;
        let rules = f.rules.iter().map(|r| schema_rule(r, quote!(fs)));
        let each = f.each.iter().map(|r| schema_rule(r, quote!(fs.items())));
        let expected = f
            .expected
            .then(|| quote!(fs.note(&__p::catalog::COMMON_FIELD_EXPECTED);));
        let missing = f.missing.as_ref().map(|code| {
            let r = rule(code);
            quote!(fs.required_by(#r);)
        });
        let alias = f.alias_code.as_ref().map(|code| {
            let r = rule(code);
            let aliases = &f.aliases;
            quote!(fs.aliases(&[#(#aliases),*], #r);)
        });
        let conditions = f.conditions.iter().map(|cond| {
            let sibling = fields
                .iter()
                .find(|s| s.ident == cond.field)
                .map(|s| s.wire.clone())
                .unwrap_or_default();
            let value = &cond.value;
            let r = rule(&cond.code);
            let kind = match cond.kind {
                ConditionKind::RequiredIf => quote!(__p::schema::ConditionKind::RequiredIf),
                ConditionKind::ForbiddenUnless => {
                    quote!(__p::schema::ConditionKind::ForbiddenUnless)
                }
            };
            quote!(o.condition(#kind, #wire, #sibling, #value, #r);)
        });
        quote! {
            {
                let s = g.subschema_for::<#ty>();
                let mut fs = o.field(g, #wire, s, #required, #doc);
                #missing
                #expected
                #alias
                #(#rules)*
                #(#each)*
                fs.finish();
                #(#conditions)*
            }
        }
    });
    let groups = c.groups.iter().map(|g| {
        let wires: Vec<String> = g
            .fields
            .iter()
            .filter_map(|ident| {
                fields
                    .iter()
                    .find(|f| f.ident == *ident)
                    .map(|f| f.wire.clone())
            })
            .collect();
        let missing = opt_rule(g.missing.as_ref());
        let multiple = opt_rule(g.multiple.as_ref());
        quote!(o.group(&[#(#wires),*], #missing, #multiple);)
    });
    // Without a schema hook, every check rule is listed: nothing writes its keywords.
    let notes = c.check_rules.iter().map(|code| {
        let r = rule(code);
        if c.schemas.is_empty() {
            quote!(o.note(#r, &[]);)
        } else {
            quote!(o.checked(#r);)
        }
    });
    let variant = match variant {
        Some(wire) => quote!(::core::option::Option::Some(#wire)),
        None => quote!(::core::option::Option::None),
    };
    let hooks = c.schemas.iter().map(|p| quote!(#p(&mut o, #variant);));
    quote! {
        #(#props)*
        #(#groups)*
        #(#notes)*
        #(#hooks)*
    }
}

fn unit_enum_impls(e: &UnitEnum, doc: Option<&str>) -> (TokenStream, TokenStream) {
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();
    let accepted: Vec<&str> = e
        .variants
        .iter()
        .flat_map(|v| std::iter::once(v.wire.as_str()).chain(v.aliases.iter().map(String::as_str)))
        .collect();
    let enum_rule = default_rule(e.enum_code.as_ref(), "COMMON_FIELD_ENUM");
    let unknown = if e.other.is_some() {
        let other = opt_rule(e.other_code.as_ref());
        quote! {
            if let ::core::option::Option::Some(rule) = #other {
                __p::rules::enumeration::unknown(node, at, cx, value, &[#(#wires),*], rule);
            }
            true
        }
    } else {
        quote! {
            __p::rules::enumeration::unknown(node, at, cx, value, &[#(#wires),*], #enum_rule);
            true
        }
    };
    let check = quote! {
        let ::core::option::Option::Some(value) = node.as_str() else {
            cx.wrong_type(at, node, <Self as __p::Check>::EXPECTED);
            return false;
        };
        match value {
            #(#accepted)|* => true,
            _ => { #unknown }
        }
    };
    let docs: Vec<TokenStream> = e
        .variants
        .iter()
        .map(|v| doc_tokens(v.doc.as_deref()))
        .collect();
    let open = e.other.is_some();
    let note = e.other_code.as_ref().map(|code| {
        let r = rule(code);
        quote!(__p::schema::note_on(&mut s, #r, &[]);)
    });
    let doc = doc_tokens(doc);
    let schema = quote! {
        let mut s = __p::schema::string_enum(&[#((#wires, #docs)),*], #open, #doc);
        #note
        s
    };
    (check, schema)
}

fn tagged_enum_impls(c: &Container, e: &TaggedEnum) -> (TokenStream, TokenStream) {
    let name = &c.name;
    let tag = &e.tag;
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();
    let enum_rule = default_rule(e.enum_code.as_ref(), "COMMON_FIELD_ENUM");
    let arms = e.variants.iter().map(|v| {
        let wire = &v.wire;
        let own: Vec<&str> = v
            .fields
            .iter()
            .flat_map(|f| {
                std::iter::once(f.wire.as_str()).chain(f.aliases.iter().map(String::as_str))
            })
            .collect();
        let mut siblings: Vec<&str> = e
            .variants
            .iter()
            .flat_map(|o| o.fields.iter().map(|f| f.wire.as_str()))
            .filter(|k| !own.contains(k) && k != tag)
            .collect();
        siblings.sort_unstable();
        siblings.dedup();
        let body = check_fields(
            c,
            &v.fields,
            Some(&Variant {
                tag,
                value: wire,
                siblings,
            }),
        );
        quote!(#wire => { #body })
    });
    let check = quote! {
        let ::core::option::Option::Some(members) = node.as_object() else {
            cx.wrong_type(at, node, <Self as __p::Check>::EXPECTED);
            return false;
        };
        let unknown = true;
        let tag_at = at.key(#tag);
        let ::core::option::Option::Some(tag) = members.iter().find(|m| m.key == #tag) else {
            __p::rules::presence::missing(node, &tag_at, cx, &__p::catalog::COMMON_FIELD_REQUIRED);
            return true;
        };
        let ::core::option::Option::Some(value) = tag.value.as_str() else {
            cx.wrong_type(&tag_at, &tag.value, "a string");
            return true;
        };
        match value {
            #(#arms)*
            _ => __p::rules::enumeration::unknown(&tag.value, &tag_at, cx, value, &[#(#wires),*], #enum_rule),
        }
        true
    };
    let unknown = unknown_note(c);
    let variants = e.variants.iter().map(|v| {
        let wire = &v.wire;
        let doc = doc_tokens(v.doc.as_deref());
        let fields = schema_fields(c, &v.fields, Some(wire));
        quote! {
            (#wire, {
                let mut o = __p::schema::Object::new(#doc);
                o.tag(#tag, #wire, #enum_rule);
                #fields
                #unknown
                o.into_schema()
            })
        }
    });
    let doc = doc_tokens(c.doc.as_deref());
    let schema = quote! {
        let variants = ::std::vec![#(#variants),*];
        __p::schema::tagged_union(g, #name, #tag, variants, #doc)
    };
    (check, schema)
}

/// `V` of a `BTreeMap<String, V>` or `HashMap<String, V>`.
fn map_value_type(ty: &syn::Type) -> TokenStream {
    if let syn::Type::Path(p) = ty
        && let Some(seg) = p.path.segments.last()
        && let syn::PathArguments::AngleBracketed(args) = &seg.arguments
        && let Some(syn::GenericArgument::Type(v)) = args.args.iter().nth(1)
    {
        return quote!(#v);
    }
    quote!(__p::serde_json::Value)
}
