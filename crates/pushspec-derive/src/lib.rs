//! `#[derive(Model)]`: one set of attributes, read once, emitted as a validator and a schema.
//!
//! The pipeline is parse ([`syntax`]) → check ([`check`]) → emit ([`emit`]), with [`model`]
//! as the only contract between the stages. All errors of all stages are collected and
//! reported together; when there are any, the derive emits them plus stub impls, so the user
//! sees their mistakes and not a cascade of "trait not implemented" errors.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod check;
mod ctxt;
mod emit;
mod model;
mod symbol;
mod syntax;

use proc_macro::TokenStream;
use quote::quote;
use syn::{DeriveInput, parse_macro_input};

/// Derives `pushspec::Check` and `schemars::JsonSchema` from serde and `#[pushspec]`
/// attributes, and for a struct `pushspec::Members`, which lets another model flatten it
/// (`#[serde(flatten)]`). See the `pushspec` crate's `rules` module for every attribute.
#[proc_macro_derive(Model, attributes(pushspec))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input).into()
}

fn expand(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let model = syntax::parse(&cx, input);
    if let Some(model) = &model {
        check::check(&cx, model);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => emit::expand(&model),
        (Err(errors), _) => fallback(input, errors),
        (Ok(()), None) => fallback(
            input,
            syn::Error::new_spanned(&input.ident, "cannot derive Model"),
        ),
    }
}

/// The errors, plus impls that keep the rest of the crate compiling (as thiserror does).
fn fallback(input: &DeriveInput, errors: syn::Error) -> proc_macro2::TokenStream {
    let ident = &input.ident;
    let errors = errors.to_compile_error();
    let members = matches!(input.data, syn::Data::Struct(_)).then(|| {
        quote! {
            impl __p::Members for #ident {
                const KEYS: &'static [&'static str] = &[];
                fn check_members(
                    _: &__p::Node<'_>,
                    _: &[__p::Member<'_>],
                    _: &__p::Path<'_>,
                    _: &mut __p::Cx<'_>,
                    _: bool,
                ) {
                    ::core::unimplemented!()
                }
                fn schema_members(_: &mut __p::schemars::SchemaGenerator, _: &mut __p::schema::Object) {
                    ::core::unimplemented!()
                }
            }
        }
    });
    quote! {
        #errors
        const _: () = {
            use ::pushspec::__private as __p;
            impl __p::Check for #ident {
                const EXPECTED: &'static str = "";
                fn check(_: &__p::Node<'_>, _: &__p::Path<'_>, _: &mut __p::Cx<'_>) -> bool {
                    ::core::unimplemented!()
                }
            }
            impl __p::schemars::JsonSchema for #ident {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed("")
                }
                fn json_schema(_: &mut __p::schemars::SchemaGenerator) -> __p::schemars::Schema {
                    ::core::unimplemented!()
                }
            }
            #members
        };
    }
}
