//! The parsed model: the only contract between syntax, check and emit.
//!
//! Everything keeps the user's tokens (`LitStr`, `Ident`, `Path`) so that errors found later,
//! by the check stage or by the compiler in generated code, point at the user's attribute.

use syn::{Ident, LitStr, Type};

/// One `#[derive(Model)]` input.
pub(crate) struct Container {
    pub(crate) ident: Ident,
    /// The schema name (`#[pushspec(name = "...")]`, else the type name).
    pub(crate) name: String,
    /// Doc comment, for the schema's `description`.
    pub(crate) doc: Option<String>,
    pub(crate) data: Data,
    /// Key rule for members no field claims (`#[pushspec(unknown = "code")]`).
    pub(crate) unknown: Option<Code>,
    /// Custom object checks, run after the fields (`#[pushspec(check = path)]`).
    pub(crate) checks: Vec<syn::Path>,
    /// Codes the custom checks may emit, for the schema's `x-pushspec-rules`.
    pub(crate) check_rules: Vec<Code>,
    /// The schema side of the custom checks (`#[pushspec(schema = path)]`):
    /// `fn(&mut schema::Object, Option<&str>)`, given each object schema (a tagged enum's
    /// once per variant, with its tag value) to add the keywords that express the checks'
    /// rules the catalogue marks as expressible.
    pub(crate) schemas: Vec<syn::Path>,
    pub(crate) groups: Vec<Group>,
}

pub(crate) enum Data {
    /// A struct with named fields: a JSON object.
    Struct(Vec<Field>),
    /// An enum of unit variants: a JSON string from a fixed set.
    UnitEnum(UnitEnum),
    /// `#[serde(tag = "...")]`: a JSON object whose tag member picks the variant's fields.
    TaggedEnum(TaggedEnum),
}

pub(crate) struct UnitEnum {
    pub(crate) variants: Vec<UnitVariant>,
    /// The `#[serde(untagged)] Other(String)` arm that keeps unknown values.
    pub(crate) other: Option<Ident>,
    /// Code for a value outside the set (default `common.field.enum`).
    pub(crate) enum_code: Option<Code>,
    /// Code for a value kept by the `Other` arm (none: accepted silently).
    pub(crate) other_code: Option<Code>,
}

pub(crate) struct UnitVariant {
    pub(crate) wire: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) doc: Option<String>,
}

pub(crate) struct TaggedEnum {
    /// The tag member's wire name.
    pub(crate) tag: String,
    pub(crate) variants: Vec<TaggedVariant>,
    /// Code for a tag value outside the set (default `common.field.enum`).
    pub(crate) enum_code: Option<Code>,
}

pub(crate) struct TaggedVariant {
    pub(crate) wire: String,
    pub(crate) doc: Option<String>,
    pub(crate) fields: Vec<Field>,
}

/// A rule code as the user wrote it.
#[derive(Clone)]
pub(crate) struct Code(pub(crate) LitStr);

impl Code {
    pub(crate) fn value(&self) -> String {
        self.0.value()
    }
}

pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) wire: String,
    /// Other accepted spellings (`#[serde(alias)]`).
    pub(crate) aliases: Vec<String>,
    /// `Option<_>` or `#[serde(default)]`: absence is not an error.
    pub(crate) optional: bool,
    /// `#[serde(flatten)]`: what the field reads from its parent's object.
    pub(crate) flatten: Option<Flatten>,
    pub(crate) doc: Option<String>,
    /// Code when a required field is absent (default `common.field.required`).
    pub(crate) missing: Option<Code>,
    /// `yes~` in the spec: absence is `common.field.expected` (a warning).
    pub(crate) expected: bool,
    /// Replaces the type check: `fn(&Node, &Path, &mut Cx) -> bool`.
    pub(crate) with: Option<syn::Path>,
    /// Code when the member was found under an alias.
    pub(crate) alias_code: Option<Code>,
    pub(crate) rules: Vec<FieldRule>,
    /// Rules applied to every element of an array.
    pub(crate) each: Vec<FieldRule>,
    pub(crate) conditions: Vec<Condition>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flatten {
    /// A `BTreeMap`/`HashMap`: receives the members no other field claims.
    Map,
    /// Another model struct: reads its own keys from the same object (`Members`).
    Struct,
}

/// A declarative rule on one value. Each has a runtime module `rules::<name>`.
pub(crate) enum FieldRule {
    Chars {
        min: Option<u64>,
        max: Option<u64>,
        code: Code,
    },
    Items {
        min: Option<u64>,
        max: Option<u64>,
        code: Code,
    },
    Range {
        min: Option<f64>,
        max: Option<f64>,
        code: Code,
    },
    Pattern {
        regex: LitStr,
        code: Code,
    },
    Url {
        scheme: Option<Code>,
        schemes: Vec<LitStr>,
    },
    Color,
    Phone(Ident),
    MessengerTag(Ident),
    Email,
    UniqueBy {
        key: LitStr,
        code: Code,
    },
    /// A custom function on the value: `fn(&Node, &Path, &mut Cx)`.
    Apply(syn::Path),
}

/// `required_if(field = "value", code = "...")` or `forbidden_unless(...)`.
pub(crate) struct Condition {
    pub(crate) kind: ConditionKind,
    /// The sibling field, by its Rust name.
    pub(crate) field: Ident,
    pub(crate) value: LitStr,
    pub(crate) code: Code,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConditionKind {
    /// The field must be given when the sibling has the value.
    RequiredIf,
    /// The field must not be given unless the sibling has the value.
    ForbiddenUnless,
}

/// `exactly_one_of`, `at_least_one_of`, `at_most_one_of` over sibling fields.
pub(crate) struct Group {
    pub(crate) kind: GroupKind,
    pub(crate) fields: Vec<Ident>,
    /// Code when none is given (exactly/at-least).
    pub(crate) missing: Option<Code>,
    /// Code when several are given (exactly/at-most).
    pub(crate) multiple: Option<Code>,
    /// The attribute's keyword, for error spans.
    pub(crate) span_ident: Ident,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(
    clippy::enum_variant_names,
    reason = "named after the attributes: exactly_one_of, at_least_one_of, at_most_one_of"
)]
pub(crate) enum GroupKind {
    ExactlyOne,
    AtLeastOne,
    AtMostOne,
}

impl Container {
    /// Every field, of the struct or of all variants.
    pub(crate) fn all_fields(&self) -> Vec<&Field> {
        match &self.data {
            Data::Struct(fields) => fields.iter().collect(),
            Data::TaggedEnum(e) => e.variants.iter().flat_map(|v| &v.fields).collect(),
            Data::UnitEnum(_) => Vec::new(),
        }
    }
}
