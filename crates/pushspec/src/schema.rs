//! Builds the JSON Schema of a model from the same attributes its validator runs on.
//!
//! Generated `JsonSchema` impls call into this module. The policy lives here, in one place:
//! a rule becomes a JSON Schema keyword only when the catalogue says the schema expresses it
//! (`Rule::in_schema`, error-severity rules only); every other rule is listed in the
//! object's `x-pushspec-rules` extension, so the schema still names it.

use std::collections::BTreeMap;

use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::diag::{Rule, Severity};

/// The extension keyword that lists rules a JSON Schema cannot express.
pub const RULES_KEYWORD: &str = "x-pushspec-rules";

/// The extension keyword that names the rules a cross-field constraint (an `allOf` entry)
/// expresses.
pub const EXPRESSES_KEYWORD: &str = "x-pushspec-expresses";

/// The extension keyword that names the tag member of a tagged union's `oneOf`.
pub const TAG_KEYWORD: &str = "x-pushspec-tag";

/// Whether a conditional rule requires or forbids its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionKind {
    /// `required_if`: given when the sibling has the value.
    RequiredIf,
    /// `forbidden_unless`: absent unless the sibling has the value.
    ForbiddenUnless,
}

/// The schema of one object (a struct, or one variant of a tagged enum) being built.
#[derive(Debug, Default)]
pub struct Object {
    description: Option<&'static str>,
    properties: Map<String, Value>,
    required: Vec<String>,
    all_of: Vec<Value>,
    additional: Option<Value>,
    notes: BTreeMap<&'static str, (&'static Rule, Vec<String>)>,
}

/// The schema of one field being built; [`FieldSchema::finish`] puts it into its object.
#[derive(Debug)]
pub struct FieldSchema<'o> {
    object: &'o mut Object,
    name: &'static str,
    schema: Value,
    required: bool,
    items: bool,
    aliases: Vec<String>,
}

impl Object {
    /// A new object schema with the model's doc comment.
    pub fn new(description: Option<&'static str>) -> Self {
        Object {
            description,
            ..Object::default()
        }
    }

    /// Starts a property; `g` is the generator that made `schema`, to look its `$ref`s up.
    pub fn field(
        &mut self,
        g: &SchemaGenerator,
        name: &'static str,
        schema: Schema,
        required: bool,
        description: Option<&'static str>,
    ) -> FieldSchema<'_> {
        // A field of any JSON value (`true`) becomes `{}` so that it can carry keywords.
        let mut schema = match schema.to_value() {
            Value::Bool(true) => json!({}),
            other => other,
        };
        if let (Some(d), Some(map)) = (description, schema.as_object_mut()) {
            map.insert("description".into(), d.into());
        }
        // `""` in a required field is `common.field.required` (spec §0), whatever the
        // field's type: `minLength` says it for plain strings; a field that may be a string
        // among other things (a `$ref` to a string enum, any value) says it with `not`.
        if required && schema.get("type").is_some_and(|t| t == "string") {
            insert(&mut schema, "minLength", json!(1));
        } else if required && schema.get("not").is_none() && may_be_string(g, &schema, 0) {
            insert(&mut schema, "not", json!({ "const": "" }));
        }
        FieldSchema {
            object: self,
            name,
            schema,
            required,
            items: false,
            aliases: Vec::new(),
        }
    }

    /// The schema of members no field claims (a `#[serde(flatten)]` map).
    pub fn additional(&mut self, schema: Schema) {
        self.additional = Some(schema.to_value());
    }

    /// Makes this object one variant of a tagged union: `tag` must be `value`.
    pub fn tag(&mut self, tag: &'static str, value: &'static str, _rule: &'static Rule) {
        let description = format!("Always `{value}`: the `{tag}` that selects this variant.");
        self.properties.insert(
            tag.into(),
            json!({ "const": value, "description": description }),
        );
        self.required.push(tag.into());
    }

    /// Lists `rule` in `x-pushspec-rules`, on the given fields (none: the whole object).
    pub fn note(&mut self, rule: &'static Rule, fields: &[&str]) {
        let entry = self
            .notes
            .entry(rule.code)
            .or_insert_with(|| (rule, Vec::new()));
        for f in fields {
            if !entry.1.iter().any(|x| x == f) {
                entry.1.push((*f).to_owned());
            }
        }
    }

    /// A field group: at least one given (`missing`), at most one given (`multiple`).
    pub fn group(
        &mut self,
        fields: &[&str],
        missing: Option<&'static Rule>,
        multiple: Option<&'static Rule>,
    ) {
        let given = |f: &str| json!({ "required": [f], "properties": { f: given() } });
        let each_given = || fields.iter().map(|f| given(f)).collect::<Vec<_>>();
        match (
            missing.filter(|r| expressed(r)),
            multiple.filter(|r| expressed(r)),
        ) {
            (Some(m), Some(n)) => self.cross_field(&[m, n], json!({ "oneOf": each_given() })),
            (Some(m), None) => self.cross_field(&[m], json!({ "anyOf": each_given() })),
            (None, Some(n)) => {
                let pairs: Vec<Value> = pairs(fields)
                    .map(|(a, b)| json!({ "allOf": [given(a), given(b)] }))
                    .collect();
                self.cross_field(&[n], json!({ "not": { "anyOf": pairs } }));
            }
            (None, None) => {}
        }
        for rule in missing
            .into_iter()
            .chain(multiple)
            .filter(|r| !expressed(r))
        {
            self.note(rule, fields);
        }
    }

    /// A conditional field: `if sibling == value then field given` (or forbidden).
    pub fn condition(
        &mut self,
        kind: ConditionKind,
        field: &'static str,
        sibling: &'static str,
        value: &'static str,
        rule: &'static Rule,
    ) {
        if !expressed(rule) {
            self.note(rule, &[field, sibling]);
            return;
        }
        let when = json!({ "properties": { sibling: { "const": value } }, "required": [sibling] });
        let then = json!({ "required": [field], "properties": { field: given() } });
        let schema = match kind {
            ConditionKind::RequiredIf => json!({ "if": when, "then": then }),
            ConditionKind::ForbiddenUnless => {
                json!({ "if": { "properties": { sibling: { "not": { "const": value } } }, "required": [sibling] }, "then": { "not": then } })
            }
        };
        self.cross_field(&[rule], schema);
    }

    /// A rule of the custom checks of a model that has a schema hook
    /// (`#[pushspec(schema = ...)]`): listed in `x-pushspec-rules`, unless the schema
    /// expresses it, in which case the hook writes its keywords (the differential test in
    /// `tests/schemas.rs` fails if it does not).
    pub fn checked(&mut self, rule: &'static Rule) {
        if !expressed(rule) {
            self.note(rule, &[]);
        }
    }

    /// Adds a constraint across fields to `allOf`, naming the rules it expresses in
    /// `x-pushspec-expresses`: code generators that turn fields into types drop such
    /// constraints, and the name tells their users which pushspec rule they then miss.
    pub fn cross_field(&mut self, rules: &[&'static Rule], mut schema: Value) {
        let codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        insert(&mut schema, EXPRESSES_KEYWORD, json!(codes));
        self.all_of.push(schema);
    }

    /// The finished object schema.
    pub fn into_schema(self) -> Schema {
        let mut map = Map::new();
        map.insert("type".into(), "object".into());
        if let Some(d) = self.description {
            map.insert("description".into(), d.into());
        }
        map.insert("properties".into(), Value::Object(self.properties));
        if !self.required.is_empty() {
            map.insert("required".into(), self.required.into());
        }
        if let Some(additional) = self.additional {
            map.insert("additionalProperties".into(), additional);
        }
        if !self.all_of.is_empty() {
            map.insert("allOf".into(), self.all_of.into());
        }
        if !self.notes.is_empty() {
            let notes: Vec<Value> = self
                .notes
                .into_values()
                .map(|(rule, fields)| note_value(rule, &fields))
                .collect();
            map.insert(RULES_KEYWORD.into(), notes.into());
        }
        Schema::from(map)
    }
}

impl FieldSchema<'_> {
    /// Adds a JSON Schema keyword that expresses `rule`, or lists the rule in
    /// `x-pushspec-rules` when the schema does not express it.
    pub fn keyword(&mut self, rule: &'static Rule, key: &str, value: Value) {
        if expressed(rule) {
            let target = if self.items {
                self.schema.get_mut("items")
            } else {
                Some(&mut self.schema)
            };
            if let Some(target) = target {
                insert(target, key, value);
            }
        } else {
            self.note(rule);
        }
    }

    /// Lists `rule` in the object's `x-pushspec-rules`, on this field.
    pub fn note(&mut self, rule: &'static Rule) {
        self.object.note(rule, &[self.name]);
    }

    /// A required field whose absence breaks `rule` rather than `common.field.required`.
    pub fn required_by(&mut self, rule: &'static Rule) {
        if !expressed(rule) {
            self.note(rule);
        }
    }

    /// Other accepted spellings of the key, each flagged with `rule` (a warning). The schema
    /// accepts them as `deprecated` properties, and a required field may be given under any
    /// of its spellings.
    pub fn aliases(&mut self, aliases: &[&str], rule: &'static Rule) {
        self.note(rule);
        self.aliases.extend(aliases.iter().map(|a| (*a).to_owned()));
    }

    /// Rules that follow apply to the array's items.
    pub fn items(&mut self) -> &mut Self {
        self.items = true;
        self
    }

    /// Puts the property into its object.
    pub fn finish(self) {
        if self.required && self.aliases.is_empty() {
            self.object.required.push(self.name.to_owned());
        } else if self.required {
            let spellings =
                std::iter::once(self.name).chain(self.aliases.iter().map(String::as_str));
            // Each branch names the property it requires, as strict validators (Ajv's
            // `strictRequired`) want: a `required` name must be a declared property.
            let any: Vec<Value> = spellings
                .map(|n| json!({ "required": [n], "properties": { n: true } }))
                .collect();
            self.object.all_of.push(json!({ "anyOf": any }));
        }
        for alias in &self.aliases {
            let mut schema = self.schema.clone();
            insert(&mut schema, "deprecated", json!(true));
            self.object.properties.insert(alias.clone(), schema);
        }
        self.object
            .properties
            .insert(self.name.to_owned(), self.schema);
    }
}

/// Whether `schema` may accept a string, following `$ref`s into `g`'s definitions (a
/// definition still being built counts as "may").
fn may_be_string(g: &SchemaGenerator, schema: &Value, depth: u8) -> bool {
    let Some(map) = schema.as_object() else {
        return schema != &Value::Bool(false);
    };
    if let Some(t) = map.get("type") {
        return t == "string" || t.as_array().is_some_and(|t| t.contains(&json!("string")));
    }
    if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
        let path = g.settings().definitions_path.trim_start_matches('#');
        let path = path.trim_end_matches('/');
        let name = reference
            .strip_prefix('#')
            .and_then(|r| r.strip_prefix(path));
        let definition = name
            .and_then(|n| n.strip_prefix('/'))
            .and_then(|n| g.definitions().get(n));
        return match definition {
            Some(definition) if depth < 8 => may_be_string(g, definition, depth + 1),
            _ => true,
        };
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = map.get(key).and_then(Value::as_array) {
            return branches.iter().any(|b| may_be_string(g, b, depth + 1));
        }
    }
    true
}

/// Whether the schema expresses `rule` with standard keywords.
pub fn expressed(rule: &Rule) -> bool {
    rule.in_schema && rule.severity == Severity::Error
}

/// A string from a fixed set. `open` keeps unknown values valid (an `Other(String)` arm).
pub fn string_enum(
    values: &[(&str, Option<&str>)],
    open: bool,
    description: Option<&str>,
) -> Schema {
    let names: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
    let mut map = Map::new();
    if open {
        map.insert(
            "anyOf".into(),
            json!([{ "type": "string", "enum": names }, { "type": "string" }]),
        );
    } else {
        map.insert("type".into(), "string".into());
        map.insert("enum".into(), json!(names));
    }
    if let Some(d) = description {
        map.insert("description".into(), d.into());
    }
    Schema::from(map)
}

/// A union of objects told apart by the `tag` member: `oneOf` with a `const` tag in each
/// variant.
///
/// Each variant is a definition of its own, `<name><Value>` (`OcaHeaderParameterImage`),
/// and the `oneOf` holds `$ref`s to them: code generators then emit one named type per
/// variant, and OpenAPI's `discriminator` (added by the OpenAPI generator from
/// `x-pushspec-tag`) can map each tag value to its schema, which it can only do by `$ref`.
pub fn tagged_union(
    g: &mut SchemaGenerator,
    name: &str,
    tag: &str,
    variants: Vec<(&str, Schema)>,
    description: Option<&str>,
) -> Schema {
    let path = g.settings().definitions_path.clone();
    let path = path.trim_start_matches('#').trim_end_matches('/');
    let mut refs = Vec::new();
    for (value, schema) in variants {
        let definition = format!("{name}{}", pascal_case(value));
        refs.push(json!({ "$ref": format!("#{path}/{definition}") }));
        g.definitions_mut().insert(definition, schema.to_value());
    }
    let mut map = Map::new();
    map.insert("type".into(), "object".into());
    if let Some(d) = description {
        map.insert("description".into(), d.into());
    }
    map.insert("oneOf".into(), refs.into());
    map.insert(TAG_KEYWORD.into(), tag.into());
    Schema::from(map)
}

/// `image_carousel` → `ImageCarousel`, `oca.template` → `OcaTemplate`, `4XX` → `4XX`: a
/// name as part of a definition name.
pub fn pascal_case(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// Lists `rule` in `x-pushspec-rules` of a schema that is not an object model, unless the
/// schema's own keywords express it (a hand-written schema states the rule itself).
pub fn note_on(schema: &mut Schema, rule: &'static Rule, fields: &[String]) {
    if expressed(rule) {
        return;
    }
    if let Some(map) = schema.as_object_mut() {
        let list = map.entry(RULES_KEYWORD).or_insert_with(|| json!([]));
        if let Some(list) = list.as_array_mut() {
            list.push(note_value(rule, fields));
        }
    }
}

fn note_value(rule: &Rule, fields: &[String]) -> Value {
    json!({ "code": rule.code, "severity": rule.severity, "summary": rule.summary, "fields": fields })
}

/// "Given" for presence rules: not null, not `""`, not `[]` (see `Node::is_given`).
fn given() -> Value {
    json!({ "not": { "enum": [null, "", []] } })
}

fn insert(schema: &mut Value, key: &str, value: Value) {
    if let Some(map) = schema.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

fn pairs<'a>(fields: &'a [&'a str]) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    fields
        .iter()
        .enumerate()
        .flat_map(move |(i, a)| fields.iter().skip(i + 1).map(move |b| (*a, *b)))
}
