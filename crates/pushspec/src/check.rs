//! The `Check` trait: how a type walks a JSON node, and the context that collects findings.
//!
//! `#[derive(Model)]` implements `Check` for structs and enums; this module implements it
//! for the leaves (strings, numbers, booleans), containers (`Vec`, `Option`, maps) and
//! [`Secret`](crate::Secret). A check never stops early: it reports what it finds and returns
//! whether the node had the expected JSON shape, so the caller knows whether field rules
//! (lengths, patterns, ...) can run on it.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::catalog;
use crate::diag::{Diagnostic, Path, Profile, Report, Rule};
use crate::json::{Limits, Member, Node, Span, Value};
use crate::vendors::oca::Registry;

/// What the caller decides about a validation run. Cheap to clone; build it once.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `default` or `strict` (spec §0).
    pub profile: Profile,
    /// The OCA template registry (spec §5); enables the `oca.template.*` rules.
    pub templates: Option<Arc<Registry>>,
    /// Treat every OCA template as an authentication template, as if the registry said so.
    pub oca_authentication: bool,
    /// The caller's clock, in Unix seconds, for `auth.jwt.expired`; skipped without one, so
    /// that CI runs are reproducible.
    pub now: Option<i64>,
    /// Input size, nesting and string limits.
    pub limits: Limits,
    /// What the requests of one run share, for rules across requests
    /// (`messenger.otn.reused`); `None` checks each request alone.
    pub batch: Option<Arc<Batch>>,
}

/// The state one run shares across its requests. It keeps only hashes of single-use
/// credentials, never the credentials.
#[derive(Debug, Default)]
pub struct Batch {
    seen: std::sync::Mutex<std::collections::HashSet<u64>>,
}

impl Batch {
    /// A fresh batch.
    pub fn new() -> Self {
        Batch::default()
    }

    /// Records a use of the single-use credential `value` of kind `kind`; `false` if the
    /// batch has seen it before.
    pub fn first_use(&self, kind: &str, value: &str) -> bool {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (kind, value).hash(&mut hasher);
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.insert(hasher.finish())
    }
}

/// The validation context: the options and the findings so far.
#[derive(Debug)]
pub struct Cx<'o> {
    options: &'o Options,
    diagnostics: Vec<Diagnostic>,
    secrets: Vec<Span>,
}

impl<'o> Cx<'o> {
    /// A fresh context.
    pub fn new(options: &'o Options) -> Self {
        Cx {
            options,
            diagnostics: Vec::new(),
            secrets: Vec::new(),
        }
    }

    /// The run's options.
    pub fn options(&self) -> &'o Options {
        self.options
    }

    /// Records a finding of `rule` at `at`, pointing at `span` in the input. The severity
    /// comes from the catalogue and the profile. Returns the diagnostic so a help line can
    /// be attached.
    pub fn emit(
        &mut self,
        rule: &'static Rule,
        at: &Path<'_>,
        span: Span,
        message: impl std::fmt::Display,
    ) -> &mut Diagnostic {
        let diagnostic = Diagnostic {
            rule,
            severity: rule.severity_in(self.options.profile),
            pointer: at.to_pointer(),
            span,
            line: None,
            column: None,
            message: crate::diag::text(message),
            help: None,
        };
        self.diagnostics.push(diagnostic);
        let last = self.diagnostics.len() - 1;
        // The element was pushed on the line above, so the index is in bounds.
        #[allow(clippy::indexing_slicing, reason = "index of the element just pushed")]
        &mut self.diagnostics[last]
    }

    /// Records `common.field.type`: `node` is not the `expected` JSON kind.
    pub fn wrong_type(&mut self, at: &Path<'_>, node: &Node<'_>, expected: &str) {
        self.emit(
            &catalog::COMMON_FIELD_TYPE,
            at,
            node.span,
            format_args!(
                "{} must be {expected}, found {}",
                Described(*at),
                article(node.kind())
            ),
        );
    }

    /// Records that the input holds a secret at `span` (a token, key or JWT), so every
    /// output that echoes the input can redact it (spec §2.1).
    pub fn secret(&mut self, span: Span) {
        // A request usually marks a handful (a header, the same value again as a string under
        // a credential key, a query token): room for them in one allocation, not three.
        if self.secrets.capacity() == 0 {
            self.secrets.reserve(8);
        }
        self.secrets.push(span);
    }

    /// Keeps only the findings `keep` accepts: for a caller that knows a finding is moot.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
    }

    /// Whether any finding has been recorded.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The report of the findings, in emission order, and the secrets seen, on the endpoint
    /// with id `endpoint`; not yet located.
    pub fn into_report(self, endpoint: Option<&'static str>) -> Report {
        Report {
            endpoint,
            diagnostics: self.diagnostics,
            secrets: self.secrets,
        }
    }

    /// The findings, in emission order.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Names the member a path points at, for messages: `` `phone_number` `` or `item 2`.
pub fn describe(at: &Path<'_>) -> String {
    Described(*at).to_string()
}

/// [`describe`] as a value that writes the name only when a message is formatted. Rules that
/// run on every value of their field take it up front for all their messages, and almost
/// always emit none.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Described<'a>(pub(crate) Path<'a>);

impl std::fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.last() {
            Some(crate::diag::Seg::Key(k)) => write!(f, "`{k}`"),
            Some(crate::diag::Seg::Index(i)) => write!(f, "item {i}"),
            None => f.write_str("the body"),
        }
    }
}

/// Names written into a message as `` `a`, `b`, `c` ``, straight from where they are,
/// without a `String` per name and a `Vec` to join them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quoted<I>(pub(crate) I);

impl<'n, I> std::fmt::Display for Quoted<I>
where
    I: Iterator<Item = &'n str> + Clone,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, name) in self.0.clone().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }
}

fn article(kind: &str) -> String {
    match kind {
        "array" | "object" | "integer" => format!("an {kind}"),
        "null" => "null".to_owned(),
        _ => format!("a {kind}"),
    }
}

/// A type that knows how to check a JSON node that should hold it.
pub trait Check {
    /// The expected JSON, for messages: `"a string"`, `"an integer"`, `"an object"`.
    const EXPECTED: &'static str;

    /// Checks `node`, recording every finding in `cx`. Returns `false` when the node is not
    /// the expected JSON kind (a `common.field.type` finding has been recorded), so the
    /// caller skips the field rules that need the right kind.
    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool;
}

/// A model struct: the keys it reads from an object and the checks on them, apart from the
/// object itself, so that another model can read them from its own object
/// (`#[serde(flatten)]`). `#[derive(Model)]` implements it for every struct.
pub trait Members: Check {
    /// Every key the struct reads, flattened structs' included: wire names, then aliases.
    const KEYS: &'static [&'static str];

    /// Checks the struct's fields among `members`, the members of the object `node`. With
    /// `unknown`, the keys no field reads are flagged; a parent that flattens the struct
    /// passes `false` and flags them itself, knowing its own keys too.
    fn check_members(
        node: &Node<'_>,
        members: &[Member<'_>],
        at: &Path<'_>,
        cx: &mut Cx<'_>,
        unknown: bool,
    );

    /// Adds the struct's properties, required keys and cross-field constraints to `object`.
    fn schema_members(g: &mut schemars::SchemaGenerator, object: &mut crate::schema::Object);
}

/// `parts` end to end, for a parent's [`Members::KEYS`]: `N` is their total length, which
/// the derive computes from the same parts, so nothing is dropped.
#[allow(
    clippy::mem_replace_with_default,
    reason = "`mem::take` is not const; the replaced slice is moved on at once"
)]
pub const fn concat_keys<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut rest: &mut [&'static str] = &mut out;
    let mut parts = parts;
    while let Some((part, more)) = parts.split_first() {
        let mut keys = *part;
        while let Some((key, tail)) = keys.split_first() {
            if let Some((slot, free)) = core::mem::replace(&mut rest, &mut []).split_first_mut() {
                *slot = key;
                rest = free;
            }
            keys = tail;
        }
        parts = more;
    }
    out
}

/// Whether a key stands twice in `keys`: a parent and a struct it flattens reading the same
/// key, which the derive turns into a compile error.
pub const fn has_duplicate(keys: &[&str]) -> bool {
    let mut keys = keys;
    while let Some((key, rest)) = keys.split_first() {
        let mut others = rest;
        while let Some((other, tail)) = others.split_first() {
            if same(key.as_bytes(), other.as_bytes()) {
                return true;
            }
            others = tail;
        }
        keys = rest;
    }
    false
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.split_first(), b.split_first()) {
            (None, None) => return true,
            (Some((x, a_rest)), Some((y, b_rest))) if *x == *y => {
                a = a_rest;
                b = b_rest;
            }
            _ => return false,
        }
    }
}

impl Check for String {
    const EXPECTED: &'static str = "a string";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        expect(
            matches!(node.value, Value::String(_)),
            node,
            at,
            cx,
            Self::EXPECTED,
        )
    }
}

impl Check for bool {
    const EXPECTED: &'static str = "a boolean";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        expect(
            matches!(node.value, Value::Bool(_)),
            node,
            at,
            cx,
            Self::EXPECTED,
        )
    }
}

impl Check for f64 {
    const EXPECTED: &'static str = "a number";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        expect(
            matches!(node.value, Value::Number(_)),
            node,
            at,
            cx,
            Self::EXPECTED,
        )
    }
}

macro_rules! check_integer {
    ($($ty:ty => $expected:literal),* $(,)?) => {$(
        impl Check for $ty {
            const EXPECTED: &'static str = $expected;

            fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
                // Integral floats (`1.0`) count, as JSON Schema's `integer` does; the range is
                // the Rust type's, which the schema states as `minimum`/`maximum`.
                let fits = node.as_number().and_then(|n| n.as_i64()).is_some_and(|i| <$ty>::try_from(i).is_ok());
                expect(fits, node, at, cx, Self::EXPECTED)
            }
        }
    )*};
}

check_integer! {
    i64 => "an integer",
    i32 => "an integer",
    u64 => "a non-negative integer",
    u32 => "a non-negative integer",
    u8 => "an integer from 0 to 255",
}

impl Check for serde_json::Value {
    const EXPECTED: &'static str = "any JSON value";

    fn check(_: &Node<'_>, _: &Path<'_>, _: &mut Cx<'_>) -> bool {
        true
    }
}

impl<T: Check> Check for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        // serde reads `null` as `None`, and the schema allows it; whether a null counts as
        // "given" is up to the presence rules (`Node::is_given`).
        matches!(node.value, Value::Null) || T::check(node, at, cx)
    }
}

impl<T: Check> Check for Box<T> {
    const EXPECTED: &'static str = T::EXPECTED;

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        T::check(node, at, cx)
    }
}

impl<T: Check> Check for Vec<T> {
    const EXPECTED: &'static str = "an array";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        let Some(items) = node.as_array() else {
            cx.wrong_type(at, node, Self::EXPECTED);
            return false;
        };
        for (i, item) in items.iter().enumerate() {
            T::check(item, &at.index(i), cx);
        }
        true
    }
}

impl<T: Check> Check for BTreeMap<String, T> {
    const EXPECTED: &'static str = "an object";

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        let Some(members) = node.as_object() else {
            cx.wrong_type(at, node, Self::EXPECTED);
            return false;
        };
        for m in members {
            T::check(&m.value, &at.key(m.key), cx);
        }
        true
    }
}

fn expect(ok: bool, node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, expected: &str) -> bool {
    if !ok {
        cx.wrong_type(at, node, expected);
    }
    ok
}
