//! What changed between two versions of a JSON Schema file, and whether the change breaks
//! the people who rely on it: fields added or removed, `required` names added or removed,
//! enum values added or removed, bounds (`minimum`, `maxLength`, `pattern`, `type`, ...)
//! tightened or loosened.
//!
//! Whether a change breaks depends on who holds the document. A request schema describes
//! what users *send*: tightening it rejects payloads that used to pass. A response schema
//! describes what users *read*: loosening it lets through values their code does not
//! expect. Removing a field or a definition breaks both, because generated code loses a
//! member or a type. Where two versions cannot be compared (two different `pattern`s or
//! `not`s), the change counts as tightening. [`review`] runs the comparison for `cargo xtask schemas` and checks that
//! `schemas/CHANGELOG.md` names every endpoint whose schemas change in a breaking way.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::ensure::{Error, workspace_root};

/// The hand-written changelog that breaking changes must be recorded in.
pub(crate) const CHANGELOG: &str = "schemas/CHANGELOG.md";

/// How a change moves the set of documents a schema accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    /// Fewer documents pass (a required name, a narrower bound, an enum value gone).
    Tightens,
    /// More documents pass.
    Loosens,
    /// A field or a type disappears: generated code loses it, whichever way documents flow.
    Removes,
    /// Nothing a validator or a code generator relies on (a field added).
    Neutral,
}

/// Who holds documents of a schema: users send requests and read responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A request body or a whole request: what users send.
    Sent,
    /// A response: what users read.
    Read,
}

impl Role {
    /// The role of the schema file at `path`: responses are read, everything else is sent.
    pub(crate) fn of(path: &Path) -> Role {
        let name = path.file_name().map(|n| n.to_string_lossy());
        if name.is_some_and(|n| n.starts_with("response.")) {
            Role::Read
        } else {
            Role::Sent
        }
    }
}

/// One difference between two versions of a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    /// Where, as a JSON pointer into the schema (`/$defs/OcaMedia/properties/url`).
    pub(crate) at: String,
    /// What changed, in words.
    pub(crate) what: String,
    /// How it moves what the schema accepts.
    pub(crate) effect: Effect,
}

impl Change {
    /// Whether the change breaks users of a schema in `role`.
    pub(crate) fn breaking(&self, role: Role) -> bool {
        matches!(
            (self.effect, role),
            (Effect::Removes, _) | (Effect::Tightens, Role::Sent) | (Effect::Loosens, Role::Read)
        )
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.at.is_empty() { "/" } else { &self.at };
        write!(f, "{at}: {}", self.what)
    }
}

/// Keywords whose larger value accepts less.
const LOWER_BOUNDS: &[&str] = &[
    "minimum",
    "exclusiveMinimum",
    "minLength",
    "minItems",
    "minProperties",
];

/// Keywords whose smaller value accepts less.
const UPPER_BOUNDS: &[&str] = &[
    "maximum",
    "exclusiveMaximum",
    "maxLength",
    "maxItems",
    "maxProperties",
];

/// Every change from `old` to `new`, two versions of one schema document, in document order.
///
/// Local `$ref`s are followed where the two versions differ, so moving an inline schema into
/// `$defs` (or back) is no change; a definition both versions refer to by the same name is
/// compared once, under `$defs`.
pub(crate) fn changes(old: &Value, new: &Value) -> Vec<Change> {
    let mut cx = Cx {
        roots: (old, new),
        following: Vec::new(),
        out: Vec::new(),
    };
    compare(&mut cx, old, new, "");
    cx.out
}

/// A comparison under way: the two documents, the `$ref` pairs being followed (a recursive
/// type would otherwise be followed forever) and the changes found so far.
struct Cx<'a> {
    roots: (&'a Value, &'a Value),
    following: Vec<(Option<String>, Option<String>)>,
    out: Vec<Change>,
}

impl Cx<'_> {
    fn push(&mut self, at: &str, effect: Effect, what: String) {
        self.out.push(Change {
            at: at.to_owned(),
            what,
            effect,
        });
    }
}

fn compare(cx: &mut Cx<'_>, old: &Value, new: &Value, at: &str) {
    if old == new {
        return;
    }
    let (old_ref, new_ref) = (reference(old), reference(new));
    if old_ref != new_ref {
        let pair = (old_ref.map(str::to_owned), new_ref.map(str::to_owned));
        if cx.following.contains(&pair) {
            return;
        }
        let (Some(o), Some(n)) = (expand(cx.roots.0, old), expand(cx.roots.1, new)) else {
            let show = |r: Option<&str>| r.unwrap_or("none").to_owned();
            let what = format!("`$ref` {} → {}", show(old_ref), show(new_ref));
            return cx.push(at, Effect::Tightens, what);
        };
        cx.following.push(pair);
        compare(cx, &o, &n, at);
        cx.following.pop();
        return;
    }
    let (Some(old_map), Some(new_map)) = (keywords(old), keywords(new)) else {
        let effect = if new == &Value::Bool(false) {
            Effect::Tightens
        } else {
            Effect::Loosens
        };
        return cx.push(at, effect, format!("schema changed from {old} to {new}"));
    };
    let (old_map, new_map) = (old_map.as_ref(), new_map.as_ref());

    compare_set(cx, old_map.get("type"), new_map.get("type"), "type", at);
    compare_set(
        cx,
        old_map.get("enum"),
        new_map.get("enum"),
        "enum value",
        at,
    );
    compare_set(
        cx,
        old_map.get("required"),
        new_map.get("required"),
        "required name",
        at,
    );
    for (keys, tighter_when_larger) in [(LOWER_BOUNDS, true), (UPPER_BOUNDS, false)] {
        for key in keys {
            let (o, n) = (number(old_map.get(*key)), number(new_map.get(*key)));
            let effect = match (o, n) {
                (Some(o), Some(n)) if n != o && (n > o) == tighter_when_larger => Effect::Tightens,
                (Some(o), Some(n)) if n != o => Effect::Loosens,
                (None, Some(_)) => Effect::Tightens,
                (Some(_), None) => Effect::Loosens,
                _ => continue,
            };
            let show = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| v.to_string());
            cx.push(at, effect, format!("`{key}` {} → {}", show(o), show(n)));
        }
    }
    // A value that must equal, or must not match, something: a new or changed one may reject
    // old values (two regular expressions or two `not`s cannot be compared), an old one gone
    // accepts more.
    for key in ["const", "pattern", "not"] {
        match (old_map.get(key), new_map.get(key)) {
            (Some(o), Some(n)) if o != n => {
                cx.push(at, Effect::Tightens, format!("`{key}` {o} → {n}"));
            }
            (None, Some(n)) => cx.push(at, Effect::Tightens, format!("`{key}` {n} added")),
            (Some(o), None) => cx.push(at, Effect::Loosens, format!("`{key}` {o} removed")),
            _ => {}
        }
    }

    compare_members(cx, old_map, new_map, "properties", "field", at);
    compare_members(cx, old_map, new_map, "$defs", "definition", at);
    let additional = |map: &Map<String, Value>| map.get("additionalProperties").cloned();
    if let (o, n) = (additional(old_map), additional(new_map))
        && (o.is_some() || n.is_some())
    {
        // An absent `additionalProperties` allows anything, like `true`.
        let open = || Value::Bool(true);
        let (o, n) = (o.unwrap_or_else(open), n.unwrap_or_else(open));
        compare(cx, &o, &n, &format!("{at}/additionalProperties"));
    }
    if let (Some(o), Some(n)) = (old_map.get("items"), new_map.get("items")) {
        compare(cx, o, n, &format!("{at}/items"));
    }
    // Branches are compared by position; a new or lost branch widens or narrows the choice.
    for (key, more_tightens) in [("anyOf", false), ("oneOf", false), ("allOf", true)] {
        let (o, n) = (array(old_map.get(key)), array(new_map.get(key)));
        if o.len() == n.len() {
            for (i, (o, n)) in o.iter().zip(n).enumerate() {
                compare(cx, o, n, &format!("{at}/{key}/{i}"));
            }
        } else {
            let effect = if (n.len() > o.len()) == more_tightens {
                Effect::Tightens
            } else {
                Effect::Loosens
            };
            let what = format!("`{key}` has {} entries instead of {}", n.len(), o.len());
            cx.push(at, effect, what);
        }
    }
}

/// Compares a keyword whose value is a set (`type`, `enum`, `required`): a member gone
/// tightens `type` and `enum` and loosens `required`; a member added does the reverse.
fn compare_set(cx: &mut Cx<'_>, old: Option<&Value>, new: Option<&Value>, noun: &str, at: &str) {
    let members = |v: Option<&Value>| -> Option<Vec<Value>> {
        v.map(|v| v.as_array().cloned().unwrap_or_else(|| vec![v.clone()]))
    };
    let required = noun == "required name";
    // An absent `type` or `enum` allows everything; an absent `required` requires nothing.
    let absent = || required.then(Vec::new);
    match (members(old).or_else(absent), members(new).or_else(absent)) {
        (None, Some(new)) => {
            cx.push(
                at,
                Effect::Tightens,
                format!("{noun}s restricted to {}", list(&new)),
            );
        }
        (Some(old), None) => {
            let what = format!("{noun}s no longer restricted to {}", list(&old));
            cx.push(at, Effect::Loosens, what);
        }
        (Some(old), Some(new)) => {
            let gone: Vec<Value> = old.iter().filter(|v| !new.contains(v)).cloned().collect();
            let added: Vec<Value> = new.iter().filter(|v| !old.contains(v)).cloned().collect();
            let (gone_effect, added_effect) = if required {
                (Effect::Loosens, Effect::Tightens)
            } else {
                (Effect::Tightens, Effect::Loosens)
            };
            if !gone.is_empty() {
                cx.push(at, gone_effect, format!("{noun} removed: {}", list(&gone)));
            }
            if !added.is_empty() {
                cx.push(at, added_effect, format!("{noun} added: {}", list(&added)));
            }
        }
        (None, None) => {}
    }
}

/// Compares an object of named subschemas (`properties`, `$defs`): a name gone removes a
/// field or a type, a name added is neutral, a name in both is compared.
fn compare_members(
    cx: &mut Cx<'_>,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    key: &str,
    noun: &str,
    at: &str,
) {
    let empty = Map::new();
    let old = old.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let new = new.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let here = |name: &str| format!("{at}/{key}/{}", name.replace('~', "~0").replace('/', "~1"));
    for (name, old_schema) in old {
        match new.get(name) {
            Some(new_schema) => compare(cx, old_schema, new_schema, &here(name)),
            None => cx.push(
                &here(name),
                Effect::Removes,
                format!("{noun} `{name}` removed"),
            ),
        }
    }
    for name in new.keys().filter(|name| !old.contains_key(*name)) {
        cx.push(
            &here(name),
            Effect::Neutral,
            format!("{noun} `{name}` added"),
        );
    }
}

/// The `$ref` of a schema, if it has one.
fn reference(schema: &Value) -> Option<&str> {
    schema.get("$ref").and_then(Value::as_str)
}

/// `schema` with its local `$ref` replaced by the definition it points to (the schema's
/// other keywords, such as `description`, laid over it); `None` if it does not resolve.
fn expand(root: &Value, schema: &Value) -> Option<Value> {
    let Some(reference) = reference(schema) else {
        return Some(schema.clone());
    };
    let target = root.pointer(reference.strip_prefix('#')?)?;
    let mut merged = keywords(target)?.into_owned();
    for (key, value) in schema.as_object()? {
        if key != "$ref" {
            merged.insert(key.clone(), value.clone());
        }
    }
    Some(Value::Object(merged))
}

/// The keywords of a schema: an object's members, none for `true`; `None` for `false`.
fn keywords(schema: &Value) -> Option<Cow<'_, Map<String, Value>>> {
    match schema {
        Value::Object(map) => Some(Cow::Borrowed(map)),
        Value::Bool(true) => Some(Cow::Owned(Map::new())),
        _ => None,
    }
}

fn number(value: Option<&Value>) -> Option<f64> {
    value.and_then(Value::as_f64)
}

fn array(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn list(values: &[Value]) -> String {
    values
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The changes of every JSON Schema file that `cargo xtask schemas` would rewrite.
pub(crate) struct Review {
    /// Per changed file (relative to the workspace root): its changes.
    pub(crate) files: Vec<(PathBuf, Vec<Change>)>,
    /// Endpoint ids with a breaking change that the changelog's latest section does not name.
    pub(crate) unrecorded: Vec<String>,
}

/// Compares the committed JSON Schema files with `generated` (path, contents), reads the
/// changelog, and reports what changed and which breaking changes it does not record.
pub(crate) fn review(generated: &[(PathBuf, String)]) -> Result<Review, Error> {
    let mut files = Vec::new();
    let mut breaking = Vec::new();
    for (path, contents) in generated {
        let Some(old) = read(path)? else {
            continue; // A new file breaks no one.
        };
        if old == *contents {
            continue;
        }
        let parse = |text: &str| {
            serde_json::from_str::<Value>(text)
                .map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))
        };
        let found = changes(&parse(&old)?, &parse(contents)?);
        let role = Role::of(path);
        if found.iter().any(|c| c.breaking(role))
            && let Some(endpoint) = endpoint_of(path)
            && !breaking.contains(&endpoint)
        {
            breaking.push(endpoint);
        }
        files.push((path.clone(), found));
    }
    let changelog = read(Path::new(CHANGELOG))?.unwrap_or_default();
    let latest = latest_section(&changelog);
    let unrecorded = breaking
        .into_iter()
        .filter(|id| !latest.contains(&format!("`{id}`")))
        .collect();
    Ok(Review { files, unrecorded })
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (path, changes) in &self.files {
            writeln!(f, "{}:", path.display())?;
            if changes.is_empty() {
                writeln!(
                    f,
                    "  no change to what it accepts (descriptions, examples or notes)"
                )?;
            }
            for change in changes {
                let mark = if change.breaking(Role::of(path)) {
                    "breaking"
                } else {
                    "compatible"
                };
                writeln!(f, "  [{mark}] {change}")?;
            }
        }
        if !self.unrecorded.is_empty() {
            let ids: Vec<String> = self.unrecorded.iter().map(|id| format!("`{id}`")).collect();
            writeln!(
                f,
                "breaking changes need an entry in {CHANGELOG}: name {} in its latest `## ` section",
                ids.join(", ")
            )?;
        }
        Ok(())
    }
}

/// The endpoint id of `schemas/<id>/<file>`.
fn endpoint_of(path: &Path) -> Option<String> {
    let mut parts = path.strip_prefix("schemas").ok()?.components();
    let id = parts.next()?.as_os_str().to_string_lossy().into_owned();
    parts.next().map(|_| id)
}

/// The text of the first `## ` section of a Markdown document: the latest release, or
/// `## Unreleased`.
fn latest_section(markdown: &str) -> &str {
    let Some(start) = markdown
        .find("\n## ")
        .map(|i| i + 1)
        .or_else(|| markdown.starts_with("## ").then_some(0))
    else {
        return "";
    };
    let rest = &markdown[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

/// The file at `path` (relative to the workspace root), or `None` if it does not exist.
fn read(path: &Path) -> Result<Option<String>, Error> {
    match std::fs::read_to_string(workspace_root().join(path)) {
        Ok(text) => Ok(Some(text.replace("\r\n", "\n"))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn one(old: Value, new: Value) -> Change {
        let mut found = changes(&old, &new);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn fields_added_are_compatible_and_fields_removed_break_both_ways() {
        let old = json!({"properties": {"a": {"type": "string"}}});
        let new = json!({"properties": {"a": {"type": "string"}, "b": {"type": "string"}}});
        let added = one(old.clone(), new.clone());
        assert_eq!(added.to_string(), "/properties/b: field `b` added");
        assert!(!added.breaking(Role::Sent) && !added.breaking(Role::Read));
        let removed = one(new, old);
        assert_eq!(removed.to_string(), "/properties/b: field `b` removed");
        assert!(removed.breaking(Role::Sent) && removed.breaking(Role::Read));
    }

    #[test]
    fn a_new_required_name_breaks_senders_and_a_dropped_one_breaks_readers() {
        let old = json!({"required": ["a"]});
        let new = json!({"required": ["a", "b"]});
        let added = one(old.clone(), new.clone());
        assert_eq!(added.what, "required name added: \"b\"");
        assert!(added.breaking(Role::Sent) && !added.breaking(Role::Read));
        let dropped = one(new, json!({}));
        assert_eq!(dropped.what, "required name removed: \"a\", \"b\"");
        assert!(!dropped.breaking(Role::Sent) && dropped.breaking(Role::Read));
    }

    #[test]
    fn enum_values_and_types() {
        let gone = one(json!({"enum": ["a", "b"]}), json!({"enum": ["a"]}));
        assert_eq!(
            (gone.what.as_str(), gone.effect),
            ("enum value removed: \"b\"", Effect::Tightens)
        );
        let added = one(json!({"enum": ["a"]}), json!({"enum": ["a", "c"]}));
        assert_eq!(added.effect, Effect::Loosens);
        assert!(added.breaking(Role::Read) && !added.breaking(Role::Sent));
        let narrowed = one(
            json!({"type": ["string", "null"]}),
            json!({"type": "string"}),
        );
        assert_eq!(
            (narrowed.what.as_str(), narrowed.effect),
            ("type removed: \"null\"", Effect::Tightens)
        );
        let restricted = one(json!({}), json!({"type": "string"}));
        assert_eq!(
            (restricted.what.as_str(), restricted.effect),
            ("types restricted to \"string\"", Effect::Tightens)
        );
    }

    #[test]
    fn bounds_tighten_or_loosen_by_direction() {
        let cases = [
            (
                json!({"maxLength": 60}),
                json!({"maxLength": 20}),
                Effect::Tightens,
                "`maxLength` 60 → 20",
            ),
            (
                json!({"maxLength": 20}),
                json!({"maxLength": 60}),
                Effect::Loosens,
                "`maxLength` 20 → 60",
            ),
            (
                json!({"minimum": 0}),
                json!({"minimum": 1}),
                Effect::Tightens,
                "`minimum` 0 → 1",
            ),
            (
                json!({}),
                json!({"maximum": 9}),
                Effect::Tightens,
                "`maximum` none → 9",
            ),
            (
                json!({"minItems": 1}),
                json!({}),
                Effect::Loosens,
                "`minItems` 1 → none",
            ),
            (
                json!({"pattern": "^a"}),
                json!({"pattern": "^b"}),
                Effect::Tightens,
                "`pattern` \"^a\" → \"^b\"",
            ),
            (
                json!({"pattern": "^a"}),
                json!({}),
                Effect::Loosens,
                "`pattern` \"^a\" removed",
            ),
        ];
        for (old, new, effect, what) in cases {
            let change = one(old, new);
            assert_eq!((change.effect, change.what.as_str()), (effect, what));
        }
    }

    #[test]
    fn nested_changes_have_pointers_and_descriptions_are_not_changes() {
        let old = json!({"$defs": {"M": {"properties": {"u/rl": {"type": "string", "description": "old"}}}}});
        let new = json!({"$defs": {"M": {"properties": {"u/rl": {"type": "string", "description": "new", "minLength": 1}}}}});
        assert_eq!(
            one(old.clone(), new).to_string(),
            "/$defs/M/properties/u~1rl: `minLength` none → 1"
        );
        let described = json!({"$defs": {"M": {"properties": {"u/rl": {"type": "string", "description": "newer"}}}}});
        assert!(changes(&old, &described).is_empty());
        let items = one(
            json!({"items": {"enum": [1, 2]}}),
            json!({"items": {"enum": [1]}}),
        );
        assert_eq!(items.at, "/items");
    }

    #[test]
    fn closing_an_object_tightens_it_and_fewer_alternatives_tighten_a_union() {
        let closed = one(json!({}), json!({"additionalProperties": false}));
        assert_eq!(
            (closed.at.as_str(), closed.effect),
            ("/additionalProperties", Effect::Tightens)
        );
        let union = one(
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
            json!({"oneOf": [{"type": "string"}]}),
        );
        assert_eq!(union.effect, Effect::Tightens);
        let condition = one(
            json!({"allOf": []}),
            json!({"allOf": [{"required": ["a"]}]}),
        );
        assert_eq!(condition.effect, Effect::Tightens);
    }

    #[test]
    fn moving_a_schema_into_defs_is_no_change_and_refs_are_followed() {
        let inline = json!({"oneOf": [{"properties": {"a": {"const": "x"}}, "required": ["a"]}]});
        let moved = json!({
            "oneOf": [{"$ref": "#/$defs/X"}],
            "$defs": {"X": {"properties": {"a": {"const": "x"}}, "required": ["a"]}}
        });
        let found = changes(&inline, &moved);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].what, "definition `X` added");
        let tightened = json!({
            "oneOf": [{"$ref": "#/$defs/Y"}],
            "$defs": {"Y": {"properties": {"a": {"const": "y"}}, "required": ["a"]}, "Z": {"$ref": "#"}}
        });
        let found: Vec<String> = changes(&inline, &tightened)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert!(
            found.contains(&"/oneOf/0/properties/a: `const` \"x\" → \"y\"".to_owned()),
            "{found:?}"
        );
        assert_eq!(
            one(json!({"$ref": "#/$defs/Gone"}), json!({"$ref": "#"})).effect,
            Effect::Tightens
        );
    }

    #[test]
    fn roles_and_changelog_sections() {
        assert_eq!(
            Role::of(Path::new("schemas/x.y/response.200.schema.json")),
            Role::Read
        );
        assert_eq!(
            Role::of(Path::new("schemas/x.y/request.schema.json")),
            Role::Sent
        );
        assert_eq!(
            endpoint_of(Path::new("schemas/oca.template/request.schema.json")).as_deref(),
            Some("oca.template")
        );
        let changelog = "# Changelog\n\nIntro.\n\n## Unreleased\n\n- `oca.template`: x.\n\n## 0.1.0\n\n- `smax.v1.send`\n";
        assert_eq!(
            latest_section(changelog),
            "## Unreleased\n\n- `oca.template`: x.\n"
        );
        assert_eq!(latest_section("no sections"), "");
    }
}
