//! Reads an endpoint's request model schema (`Endpoint::request_schema`): the object whose
//! `path`, `query` and `headers` properties are object schemas of the parameters, and whose
//! `body` property is the body.
//!
//! The OpenAPI generator builds an operation's parameters and security requirements from
//! what this module returns, so everything it needs from the schema is decided here, once:
//!
//! - A section (`path`, `query`, `headers`) may be inline or a `$ref` to a definition, and may
//!   be optional (`Option<Query>`, whose schema adds `null`).
//! - A parameter is required when its section is required and lists it in `required`.
//! - A property's `description` and `deprecated` belong to the parameter, not to its schema;
//!   `null` is dropped from its schema, because a parameter that is absent is simply not sent
//!   (`required: false` says that), and no HTTP parameter can carry a JSON `null`.
//! - A credential is a property whose schema carries `x-pushspec-secret: true` (the schema of
//!   `pushspec::Secret`).
//! - A `#[serde(flatten)]` map shows up as the section's `additionalProperties`.
//!
//! The placeholders of endpoints still being written return the trivial schema `true` (or
//! `{}`); that reads as `None`, and the generator falls back to the URL template.

use serde_json::{Map, Value};

/// The extension keyword that marks a credential (see `schemas/README.md`).
pub(crate) const SECRET_KEYWORD: &str = "x-pushspec-secret";

/// The properties a request model may have, in the order the sections are read.
const SECTIONS: [&str; 4] = ["path", "query", "headers", "body"];

/// How many `$ref` hops [`resolve`] follows before it calls the chain a cycle.
const MAX_HOPS: usize = 32;

/// An endpoint's request model, taken apart.
#[derive(Debug, Default)]
pub(crate) struct RequestModel {
    /// The path parameters.
    pub(crate) path: Section,
    /// The query parameters.
    pub(crate) query: Section,
    /// The headers; names are lower-case.
    pub(crate) headers: Section,
    /// `None` when the model has no body; otherwise whether the body is required.
    pub(crate) body: Option<bool>,
    /// The names of the body's top-level credentials (Chatfuel's `chatfuel_token` may be
    /// sent in the query or in the body).
    pub(crate) body_credentials: Vec<String>,
}

/// One of `path`, `query`, `headers`.
#[derive(Debug, Default)]
pub(crate) struct Section {
    /// The named parameters, in the model's order.
    pub(crate) properties: Vec<Property>,
    /// The schema of the members no property names (a `#[serde(flatten)]` map), `null`
    /// dropped; `None` when the section takes no other members.
    pub(crate) additional: Option<Additional>,
    /// The doc comment of the section's type, else that of the request model's property.
    pub(crate) description: Option<String>,
}

/// The members of a section that no property names.
#[derive(Debug)]
pub(crate) struct Additional {
    /// The schema of each value.
    pub(crate) schema: Value,
    /// Whether each value is a credential.
    pub(crate) secret: bool,
}

/// One parameter.
#[derive(Debug)]
pub(crate) struct Property {
    /// The wire name, exactly as sent.
    pub(crate) name: String,
    /// Whether the request must carry it.
    pub(crate) required: bool,
    /// The doc comment: the property's own, else that of the type it refers to.
    pub(crate) description: Option<String>,
    /// Whether the schema marks it `deprecated` (an alias spelling).
    pub(crate) deprecated: bool,
    /// Whether it is a credential (`x-pushspec-secret`).
    pub(crate) secret: bool,
    /// Its schema, without `description`, `deprecated` and `null`.
    pub(crate) schema: Value,
}

impl RequestModel {
    /// Reads the request model `schema`, whose `$ref`s point into `definitions` under
    /// `prefix` (`#/components/schemas/`). `Ok(None)` for the trivial schema of a
    /// placeholder; `Err` says what about the schema is not a request model.
    pub(crate) fn read(
        schema: &Value,
        definitions: &Map<String, Value>,
        prefix: &str,
    ) -> Result<Option<RequestModel>, String> {
        let root = resolve(schema, definitions, prefix)?;
        let root = match root {
            Value::Bool(true) => return Ok(None),
            Value::Object(object) if object.is_empty() => return Ok(None),
            Value::Object(object) if object.get("properties").is_some_and(Value::is_object) => {
                object
            }
            _ => {
                return Err(
                    "the request schema is not an object schema with `properties` (nor the \
                     placeholder `true`)"
                        .to_owned(),
                );
            }
        };
        let required = required_names(root);
        let mut model = RequestModel::default();
        for (name, property) in root
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let section_required = required.contains(&name.as_str());
            let section = || {
                read_section(name, property, section_required, definitions, prefix)
                    .map_err(|why| format!("`{name}`: {why}"))
            };
            match name.as_str() {
                "path" => model.path = section()?,
                "query" => model.query = section()?,
                "headers" => model.headers = section()?,
                "body" => {
                    model.body = Some(section_required);
                    model.body_credentials = credentials(property, definitions, prefix)
                        .map_err(|why| format!("`body`: {why}"))?;
                }
                _ => {
                    return Err(format!(
                        "the request schema has a property `{name}`; a request model has only \
                         {}",
                        SECTIONS.map(|s| format!("`{s}`")).join(", ")
                    ));
                }
            }
        }
        if let Some(header) = model
            .headers
            .properties
            .iter()
            .find(|header| header.name.bytes().any(|b| b.is_ascii_uppercase()))
        {
            return Err(format!(
                "`headers`: `{}` is not lower-case; header names are written lower-case",
                header.name
            ));
        }
        Ok(Some(model))
    }
}

/// Reads the section `name` (`path`, `query` or `headers`) of a request model.
fn read_section(
    name: &str,
    schema: &Value,
    section_required: bool,
    definitions: &Map<String, Value>,
    prefix: &str,
) -> Result<Section, String> {
    let schema = without_null(schema.clone());
    let object = match resolve(&schema, definitions, prefix)? {
        Value::Bool(true) => return Ok(Section::default()),
        Value::Object(object) => object,
        _ => return Err("not an object schema".to_owned()),
    };
    if object
        .get("type")
        .is_some_and(|kind| kind.as_str() != Some("object"))
    {
        return Err(format!("the {name} section is not `\"type\": \"object\"`"));
    }
    let required = required_names(object);
    let text = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_owned);
    let mut section = Section {
        description: text(object.get("description")).or_else(|| text(schema.get("description"))),
        ..Section::default()
    };
    for (property, schema) in object
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        section.properties.push(read_property(
            property,
            schema,
            section_required && required.contains(&property.as_str()),
            definitions,
            prefix,
        )?);
    }
    section.additional = match object.get("additionalProperties") {
        None | Some(Value::Bool(false)) => None,
        Some(schema) => {
            let schema = without_null(schema.clone());
            let secret = is_secret(&schema, definitions, prefix)?;
            Some(Additional { schema, secret })
        }
    };
    Ok(section)
}

/// Reads one parameter.
fn read_property(
    name: &str,
    schema: &Value,
    required: bool,
    definitions: &Map<String, Value>,
    prefix: &str,
) -> Result<Property, String> {
    let mut schema = without_null(schema.clone());
    let resolved =
        resolve(&schema, definitions, prefix).map_err(|why| format!("`{name}`: {why}"))?;
    let secret = resolved.get(SECRET_KEYWORD) == Some(&Value::Bool(true));
    let inherited = resolved
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (description, deprecated) = match schema.as_object_mut() {
        Some(object) => (
            object
                .remove("description")
                .and_then(|d| d.as_str().map(str::to_owned)),
            object.remove("deprecated") == Some(Value::Bool(true)),
        ),
        None => (None, false),
    };
    Ok(Property {
        name: name.to_owned(),
        required,
        description: description.or(inherited),
        deprecated,
        secret,
        schema,
    })
}

/// The names of the top-level properties of the object schema `schema` that are
/// credentials; none when it is not an object schema.
fn credentials(
    schema: &Value,
    definitions: &Map<String, Value>,
    prefix: &str,
) -> Result<Vec<String>, String> {
    let schema = without_null(schema.clone());
    let properties = resolve(&schema, definitions, prefix)?
        .get("properties")
        .and_then(Value::as_object);
    let mut names = Vec::new();
    for (name, property) in properties.into_iter().flatten() {
        if is_secret(&without_null(property.clone()), definitions, prefix)? {
            names.push(name.clone());
        }
    }
    Ok(names)
}

/// Whether `schema` (after `$ref`s) is a credential's.
fn is_secret(
    schema: &Value,
    definitions: &Map<String, Value>,
    prefix: &str,
) -> Result<bool, String> {
    let resolved = resolve(schema, definitions, prefix)?;
    Ok(resolved.get(SECRET_KEYWORD) == Some(&Value::Bool(true)))
}

/// The `required` names of an object schema.
fn required_names(object: &Map<String, Value>) -> Vec<&str> {
    object
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// Follows `schema`'s `$ref` (and the `$ref`s of what it points to) into `definitions`, and
/// returns the first schema that is not a reference. Keywords beside a `$ref` (a
/// `description`) are the caller's to read; the result is the target's.
pub(crate) fn resolve<'a>(
    schema: &'a Value,
    definitions: &'a Map<String, Value>,
    prefix: &str,
) -> Result<&'a Value, String> {
    let mut current = schema;
    for _ in 0..MAX_HOPS {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            return Ok(current);
        };
        current = crate::json::definition_name(reference, prefix)
            .and_then(|name| definitions.get(&name))
            .ok_or_else(|| format!("`$ref` `{reference}` resolves to nothing"))?;
    }
    Err(format!("more than {MAX_HOPS} `$ref`s in a row: a cycle?"))
}

/// `schema` with `null` taken out of it: `{"type": ["string", "null"]}` becomes
/// `{"type": "string"}`, `{"anyOf": [X, {"type": "null"}]}` becomes X (keeping the
/// annotations beside the `anyOf`), and a `"default": null` goes. Other schemas are
/// returned as they are.
pub(crate) fn without_null(schema: Value) -> Value {
    let Value::Object(mut object) = schema else {
        return schema;
    };
    if object.get("default") == Some(&Value::Null) {
        object.remove("default");
    }
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|kind| kind.as_str() != Some("null"));
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".to_owned(), only);
        }
    }
    for keyword in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = object.get(keyword) else {
            continue;
        };
        let is_null = |branch: &Value| {
            branch.as_object().is_some_and(|b| {
                b.len() == 1 && b.get("type").and_then(Value::as_str) == Some("null")
            })
        };
        let rest: Vec<&Value> = branches.iter().filter(|b| !is_null(b)).collect();
        if let ([Value::Object(branch)], true) = (rest.as_slice(), rest.len() < branches.len()) {
            let mut merged = branch.clone();
            object.remove(keyword);
            for (key, value) in object {
                merged.entry(key).or_insert(value);
            }
            return Value::Object(merged);
        }
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const PREFIX: &str = "#/components/schemas/";

    fn definitions() -> Map<String, Value> {
        let definitions = json!({
            "Headers": {
                "type": "object",
                "description": "The headers.",
                "properties": {
                    "authorization": {
                        "type": "string", "writeOnly": true, "x-pushspec-secret": true,
                        "description": "The token.", "minLength": 1
                    },
                    "x-trace": { "$ref": "#/components/schemas/Trace" },
                    "x-old": { "type": "string", "deprecated": true, "description": "Old." }
                },
                "required": ["authorization"],
                "additionalProperties": { "type": "string" }
            },
            "Trace": { "type": "string", "description": "A trace id." },
            "Secret": { "type": "string", "writeOnly": true, "x-pushspec-secret": true },
            "Alias": { "$ref": "#/components/schemas/Headers" }
        });
        match definitions {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn trivial_schemas_are_placeholders() {
        assert!(
            RequestModel::read(&json!(true), &definitions(), PREFIX)
                .unwrap()
                .is_none()
        );
        assert!(
            RequestModel::read(&json!({}), &definitions(), PREFIX)
                .unwrap()
                .is_none()
        );
        assert!(RequestModel::read(&json!({"type": "string"}), &definitions(), PREFIX).is_err());
    }

    #[test]
    fn sections_are_read_through_refs_and_options() {
        let schema = json!({
            "type": "object",
            "properties": {
                "path": { "properties": { "BOT_ID": { "type": "string" } }, "required": ["BOT_ID"] },
                "query": {
                    "anyOf": [
                        { "properties": {
                            "token": { "type": ["string", "null"], "writeOnly": true, "x-pushspec-secret": true },
                            "tag": { "type": ["string", "null"], "default": null }
                          },
                          "required": ["token"] },
                        { "type": "null" }
                    ]
                },
                "headers": { "$ref": "#/components/schemas/Alias", "description": "Headers." },
                "body": {
                    "anyOf": [
                        { "properties": {
                            "token": { "$ref": "#/components/schemas/Secret" },
                            "text": { "type": "string" }
                        } },
                        { "type": "null" }
                    ]
                }
            },
            "required": ["path", "headers"]
        });
        let model = RequestModel::read(&schema, &definitions(), PREFIX)
            .unwrap()
            .unwrap();
        assert_eq!(model.body, Some(false));
        assert_eq!(model.body_credentials, ["token"]);

        let bot = &model.path.properties[0];
        assert_eq!((bot.name.as_str(), bot.required), ("BOT_ID", true));

        // The query section is optional, so nothing in it is required.
        let token = &model.query.properties[0];
        assert!(token.secret && !token.required);
        assert_eq!(token.schema["type"], "string");
        assert_eq!(model.query.properties[1].schema, json!({"type": "string"}));
        assert!(model.query.additional.is_none());

        let names: Vec<&str> = model
            .headers
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["authorization", "x-trace", "x-old"]);
        let [authorization, trace, old] = &model.headers.properties[..] else {
            unreachable!()
        };
        assert!(authorization.required && authorization.secret);
        assert_eq!(authorization.description.as_deref(), Some("The token."));
        assert!(authorization.schema.get("description").is_none());
        assert_eq!(authorization.schema["minLength"], 1);
        // A property without a doc comment of its own takes its type's.
        assert_eq!(trace.description.as_deref(), Some("A trace id."));
        assert_eq!(trace.schema, json!({"$ref": "#/components/schemas/Trace"}));
        assert!(old.deprecated && !old.required);
        assert!(old.schema.get("deprecated").is_none());
        // The section's type documents it; the property beside the `$ref` is the fallback.
        assert_eq!(model.headers.description.as_deref(), Some("The headers."));
        assert_eq!(model.path.description, None);
        let additional = model.headers.additional.as_ref().unwrap();
        assert_eq!(additional.schema, json!({"type": "string"}));
        assert!(!additional.secret);
    }

    #[test]
    fn a_model_without_body_says_so() {
        let schema = json!({ "type": "object", "properties": { "query": { "type": "object" } } });
        let model = RequestModel::read(&schema, &definitions(), PREFIX)
            .unwrap()
            .unwrap();
        assert_eq!(model.body, None);
        assert!(model.query.properties.is_empty());
    }

    #[test]
    fn unexpected_shapes_are_errors() {
        let unknown = json!({ "properties": { "header": { "type": "object" } } });
        let error = RequestModel::read(&unknown, &definitions(), PREFIX).unwrap_err();
        assert!(error.contains("`header`"), "{error}");

        let upper = json!({ "properties": { "headers": { "properties": { "Accept": {} } } } });
        let error = RequestModel::read(&upper, &definitions(), PREFIX).unwrap_err();
        assert!(error.contains("lower-case"), "{error}");

        let dangling =
            json!({ "properties": { "query": { "$ref": "#/components/schemas/Nope" } } });
        let error = RequestModel::read(&dangling, &definitions(), PREFIX).unwrap_err();
        assert!(error.contains("resolves to nothing"), "{error}");

        let cycle = json!({ "A": { "$ref": "#/components/schemas/A" } });
        let cycle = cycle.as_object().unwrap();
        assert!(resolve(&json!({"$ref": "#/components/schemas/A"}), cycle, PREFIX).is_err());
    }

    #[test]
    fn null_is_taken_out() {
        assert_eq!(
            without_null(json!({"type": ["integer", "null"], "default": null})),
            json!({"type": "integer"})
        );
        assert_eq!(
            without_null(json!({"type": ["integer", "string", "null"]})),
            json!({"type": ["integer", "string"]})
        );
        assert_eq!(
            without_null(json!({
                "anyOf": [{"$ref": "#/components/schemas/Tag"}, {"type": "null"}],
                "description": "A tag."
            })),
            json!({"$ref": "#/components/schemas/Tag", "description": "A tag."})
        );
        let two = json!({"anyOf": [{"type": "string"}, {"type": "integer"}]});
        assert_eq!(without_null(two.clone()), two);
        assert_eq!(without_null(json!(true)), json!(true));
    }
}
