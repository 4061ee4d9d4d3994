//! Every attribute keyword the derive reads, written once.

use std::fmt;

use syn::{Ident, Path};

/// An attribute keyword.
#[derive(Copy, Clone)]
pub(crate) struct Symbol(pub(crate) &'static str);

macro_rules! symbols {
    ($($name:ident = $text:literal,)*) => {
        $(pub(crate) const $name: Symbol = Symbol($text);)*
    };
}

symbols! {
    // Attribute namespaces.
    PUSHSPEC = "pushspec",
    SERDE = "serde",
    DOC = "doc",
    // serde keywords the derive must agree with.
    RENAME = "rename",
    RENAME_ALL = "rename_all",
    ALIAS = "alias",
    TAG = "tag",
    CONTENT = "content",
    UNTAGGED = "untagged",
    FLATTEN = "flatten",
    DEFAULT = "default",
    SKIP = "skip",
    DENY_UNKNOWN_FIELDS = "deny_unknown_fields",
    // Container keywords.
    NAME = "name",
    UNKNOWN = "unknown",
    CHECK = "check",
    SCHEMA = "schema",
    RULES = "rules",
    EXACTLY_ONE_OF = "exactly_one_of",
    AT_LEAST_ONE_OF = "at_least_one_of",
    AT_MOST_ONE_OF = "at_most_one_of",
    ENUM_CODE = "enum_code",
    OTHER_CODE = "other_code",
    // Field keywords.
    EXPECTED = "expected",
    MISSING = "missing",
    WITH = "with",
    APPLY = "apply",
    ALIAS_CODE = "alias_code",
    REQUIRED_IF = "required_if",
    FORBIDDEN_UNLESS = "forbidden_unless",
    EACH = "each",
    UNIQUE_BY = "unique_by",
    // Rules and their arguments.
    CHARS = "chars",
    ITEMS = "items",
    RANGE = "range",
    PATTERN = "pattern",
    URL = "url",
    COLOR = "color",
    PHONE = "phone",
    MESSENGER_TAG = "messenger_tag",
    EMAIL = "email",
    MIN = "min",
    MAX = "max",
    CODE = "code",
    SCHEME = "scheme",
    SCHEMES = "schemes",
    KEY = "key",
    REGEX = "regex",
    MULTIPLE = "multiple",
    SKIP_DESERIALIZING = "skip_deserializing",
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}
