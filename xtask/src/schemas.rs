//! The JSON Schema files: `schemas/<endpoint-id>/request.schema.json` (the request body),
//! `schemas/<endpoint-id>/parameters.schema.json` (the whole request model: `path`, `query`,
//! `headers` and `body`) and one `schemas/<endpoint-id>/response.<status>.schema.json` per
//! documented response.
//!
//! Each file is a self-contained JSON Schema 2020-12 document with a stable `$id` under
//! [`BASE_URI`], a `title`, and the definitions it needs under `$defs`. It is built with a
//! fresh generator per file, so `$defs` holds exactly the types that body reaches.
//!
//! # Why the root definition is inlined
//!
//! An endpoint's schema functions return `generator.subschema_for::<T>()`, which for a
//! named model is only `{"$ref": "#/$defs/T"}`. Rather than ship that reference as the whole
//! top level, the file inlines `T`'s definition at the top and keeps the other definitions
//! in `$defs`, which is exactly the shape of schemars' own `schema_for!(T)`:
//!
//! - Validators treat both shapes alike, but code generators (quicktype,
//!   datamodel-code-generator, json-schema-to-typescript, typify) name the root type after
//!   the top-level `title` and emit it as a real type. Given a bare top-level `$ref`, several
//!   of them emit an alias or wrapper type, or a nameless root; documentation renderers show
//!   an empty root.
//! - Annotations a reader looks for first (`title`, `description`, `required`,
//!   `x-pushspec-rules`) sit at the top of the file rather than one hop away.
//! - A recursive model that refers back to `T` gets `"$ref": "#"`, the document root,
//!   which is what schemars writes for a recursive root type too.
//!
//! A schema function that returns an inline schema (a primitive, `Option<T>`, or the
//! placeholder `serde_json::Value`, whose schema is `true`) is used as the top level as is.

use std::path::PathBuf;

use pushspec::endpoint::{self, Endpoint};
use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value};

use crate::ensure::{self, Error, Owned};
use crate::json;

/// Where the JSON Schema files live: everything under `schemas/` except the OpenAPI
/// documents, which `openapi.rs` owns.
const OWNED: Owned = Owned {
    dir: "schemas",
    others: &["schemas/openapi"],
};

/// The base of every file's `$id`: the file's path in the repository, under this URI.
/// The `$id`s are names, stable across releases; nothing needs to be served there.
pub(crate) const BASE_URI: &str = "https://pushspec.dev/";

/// The meta-schema every file declares (schemars' `draft2020_12()` says the same).
const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where `SchemaSettings::draft2020_12()` puts definitions, as a `$ref` prefix.
const DEFS: &str = "#/$defs/";

/// Writes (or, with `check`, verifies) every JSON Schema file.
pub(crate) fn generate(check: bool) -> Result<(), Error> {
    ensure::ensure_files(&OWNED, &files(endpoint::ALL)?, check)
}

/// The JSON Schema files of `endpoints`: (path relative to the workspace root, contents).
pub(crate) fn files(endpoints: &[&'static Endpoint]) -> Result<Vec<(PathBuf, String)>, Error> {
    let mut files = Vec::new();
    for endpoint in endpoints {
        check_id(endpoint.id)?;
        let path = format!("schemas/{}/request.schema.json", endpoint.id);
        let annotations = Annotations {
            title: format!("{} request body", endpoint.id),
            description: format!(
                "The request body of `{}`: {}.",
                endpoint.id, endpoint.summary
            ),
        };
        let mut request = document(&path, endpoint.body_schema, annotations)?;
        let examples: Vec<Value> = examples(endpoint)?.into_iter().map(|(_, v)| v).collect();
        if let (false, Some(object)) = (examples.is_empty(), request.as_object_mut()) {
            object.insert("examples".to_owned(), Value::Array(examples));
        }
        files.push((PathBuf::from(path), json::render(&request)));

        let path = format!("schemas/{}/parameters.schema.json", endpoint.id);
        let annotations = Annotations {
            title: format!("{} request", endpoint.id),
            description: format!(
                "The whole request of `{}` ({}): its `path`, `query`, `headers` and `body`.",
                endpoint.id, endpoint.summary
            ),
        };
        let parameters = document(&path, endpoint.request_schema, annotations)?;
        files.push((PathBuf::from(path), json::render(&parameters)));

        for response in endpoint.responses {
            check_status(endpoint.id, response.status)?;
            let path = format!(
                "schemas/{}/response.{}.schema.json",
                endpoint.id, response.status
            );
            let annotations = Annotations {
                title: format!("{} response {}", endpoint.id, response.status),
                description: response.description.to_owned(),
            };
            let response = document(&path, response.schema, annotations)?;
            files.push((PathBuf::from(path), json::render(&response)));
        }
    }

    files.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(pair) = files.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(Error::Invalid(format!(
            "two documents would be written to {}: is an endpoint id or a response status \
             listed twice?",
            pair[0].0.display()
        )));
    }
    Ok(files)
}

/// How many valid fixtures a request schema shows as `examples`.
const EXAMPLES: usize = 2;

/// The `examples` of an endpoint's request body: the bodies of its first [`EXAMPLES`] valid
/// fixtures (`tests/fixtures/<id>/valid/`, by file name) whose sidecar expects nothing and
/// on which the validator, given the body alone, reports nothing. A body that needs its
/// query string to be complete is skipped, so every example is valid on its own; so is an
/// empty one, which shows nothing.
///
/// Each example is named after its fixture (`spec-example`). Fixture credentials are made
/// up, so examples carry no real secret.
pub(crate) fn examples(endpoint: &'static Endpoint) -> Result<Vec<(String, Value)>, Error> {
    let dir = PathBuf::from("tests/fixtures")
        .join(endpoint.id)
        .join("valid");
    let io = |path: &PathBuf| {
        let path = path.clone();
        move |source| Error::Io { path, source }
    };
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(ensure::workspace_root().join(&dir)) {
        Ok(entries) => entries
            .map(|entry| entry.map(|e| dir.join(e.file_name())))
            .collect::<Result<_, _>>()
            .map_err(io(&dir))?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Io { path: dir, source }),
    };
    paths.retain(|p| p.extension().is_some_and(|x| x == "json"));
    paths.sort();
    let mut examples = Vec::new();
    for path in paths {
        let read = |p: &PathBuf| std::fs::read(ensure::workspace_root().join(p)).map_err(io(p));
        let sidecar = read(&path.with_extension("codes"))?;
        if !sidecar.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = read(&path)?;
        let value: Value = serde_json::from_slice(&text)
            .map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
        let envelope = path.to_string_lossy().ends_with(".request.json");
        let body = if envelope {
            value.get("body").cloned()
        } else {
            Some(value)
        };
        let Some(body) = body.filter(|b| b.as_object().is_some_and(|o| !o.is_empty())) else {
            continue;
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let report = pushspec::validate_body(endpoint, &bytes, &pushspec::Options::default());
        if report.diagnostics.is_empty() && !examples.iter().any(|(_, b)| *b == body) {
            let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
            let name = file.unwrap_or_default();
            let name = name.trim_end_matches(".json").trim_end_matches(".request");
            examples.push((name.to_owned(), body));
        }
        if examples.len() == EXAMPLES {
            break;
        }
    }
    Ok(examples)
}

/// The `title` and `description` a document gets when its root schema has none.
struct Annotations {
    title: String,
    description: String,
}

/// Builds the JSON Schema document at `path` for the schema `schema_of` returns.
fn document(
    path: &str,
    schema_of: fn(&mut SchemaGenerator) -> Schema,
    fallback: Annotations,
) -> Result<Value, Error> {
    let invalid = |message: String| Error::Invalid(format!("{path}: {message}"));

    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let schema = schema_of(&mut generator);
    let mut definitions = generator.take_definitions(true);

    // A bare reference to a definition is replaced by that definition (see the module docs).
    let root_reference = schema
        .as_object()
        .filter(|object| object.len() == 1)
        .and_then(|object| object.get("$ref")?.as_str())
        .and_then(|reference| {
            Some((
                reference.to_owned(),
                json::definition_name(reference, DEFS)?,
            ))
        });
    let (root, root_name) = match root_reference {
        Some((reference, name)) => match definitions.remove(&name) {
            Some(definition) => (definition, Some((reference, name))),
            None => {
                return Err(invalid(format!(
                    "`{reference}` is not among the definitions"
                )));
            }
        },
        None => (schema.to_value(), None),
    };

    let mut object = match root {
        Value::Object(object) => object,
        Value::Bool(true) => Map::new(),
        Value::Bool(false) => Map::from_iter([("not".to_owned(), Value::Object(Map::new()))]),
        other => {
            return Err(invalid(format!(
                "the schema is not an object or a boolean: {other}"
            )));
        }
    };
    if object.contains_key("$defs") && !definitions.is_empty() {
        return Err(invalid("the root schema has `$defs` of its own".to_owned()));
    }

    let title = root_name
        .as_ref()
        .map_or(fallback.title, |(_, name)| name.clone());
    object.entry("title").or_insert(Value::from(title));
    object
        .entry("description")
        .or_insert(Value::from(fallback.description));
    let meta_schema = generator
        .settings()
        .meta_schema
        .as_deref()
        .unwrap_or(DRAFT_2020_12);
    object.insert("$schema".to_owned(), Value::from(meta_schema));
    object.insert("$id".to_owned(), Value::from(format!("{BASE_URI}{path}")));
    object.insert("$comment".to_owned(), Value::from(json::GENERATED));
    if !definitions.is_empty() {
        object.insert("$defs".to_owned(), Value::Object(definitions));
    }

    let mut document = Value::Object(object);
    if let Some((reference, _)) = &root_name {
        json::rewrite_refs(&mut document, reference, "#");
    }

    // `draft2020_12()` has no transforms today; apply the generator's anyway, as
    // `root_schema_for` does, so that a transform added to the settings reaches the files.
    let mut schema =
        Schema::try_from(document).map_err(|error| invalid(format!("not a schema: {error}")))?;
    for transform in generator.transforms_mut() {
        transform.transform(&mut schema);
    }
    let document = schema.to_value();

    if let Some(reference) = json::dangling_ref(&document) {
        return Err(invalid(format!("`$ref` `{reference}` resolves to nothing")));
    }
    Ok(document)
}

/// Checks that an endpoint id is safe as a directory name and follows the catalogue's form:
/// dot-separated kebab-case words, at least two (`oca.template`, `smax.v1.send`).
pub(crate) fn check_id(id: &str) -> Result<(), Error> {
    let word = |word: &str| {
        word.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    };
    if id.split('.').count() >= 2 && id.split('.').all(word) {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "endpoint id `{id}` is not dot-separated kebab-case words (e.g. `oca.template`)"
        )))
    }
}

/// Checks that a response status is one OpenAPI accepts: `200`, `4XX` or `default`.
pub(crate) fn check_status(id: &str, status: &str) -> Result<(), Error> {
    let valid = status == "default"
        || matches!(status.as_bytes(), [b'1'..=b'5', rest @ ..]
            if (rest.len() == 2 && rest.iter().all(u8::is_ascii_digit)) || rest == b"XX");
    if valid {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "endpoint `{id}`: response status `{status}` is not `200`-like, `4XX`-like or `default`"
        )))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use pushspec::endpoint::{Response, schema_of};
    use schemars::JsonSchema;
    use serde_json::json;

    use super::*;

    /// A recursive model: its root definition refers back to itself.
    #[derive(JsonSchema)]
    #[allow(dead_code, reason = "only its schema is used")]
    struct Node {
        leaf: Leaf,
        next: Option<Box<Node>>,
    }

    /// A leaf.
    #[derive(JsonSchema)]
    #[allow(dead_code, reason = "only its schema is used")]
    struct Leaf {
        value: String,
    }

    const RESPONSES: &[Response] = &[Response {
        status: "4XX",
        description: "Rejected.",
        schema: schema_of::<String>,
    }];

    /// The whole node request.
    #[derive(JsonSchema)]
    #[allow(dead_code, reason = "only its schema is used")]
    struct NodeRequest {
        /// The headers.
        headers: NodeHeaders,
        /// The node.
        body: Node,
    }

    /// Node headers.
    #[derive(JsonSchema)]
    #[allow(dead_code, reason = "only its schema is used")]
    struct NodeHeaders {
        authorization: pushspec::Secret,
    }

    const NODE: Endpoint = Endpoint {
        id: "test.node",
        vendor: "Test",
        url: "https://example.invalid/nodes",
        summary: "Posts a node",
        check_request: |_, _, _| {},
        check_body: |_, _, _| {},
        request_schema: schema_of::<NodeRequest>,
        body_schema: schema_of::<Node>,
        responses: RESPONSES,
    };

    /// A placeholder: every schema is `true`.
    const PLACEHOLDER: Endpoint = Endpoint {
        id: "test.placeholder",
        vendor: "Test",
        url: "https://example.invalid/later",
        summary: "Not written yet",
        check_request: |_, _, _| {},
        check_body: |_, _, _| {},
        request_schema: schema_of::<Value>,
        body_schema: schema_of::<Value>,
        responses: &[],
    };

    fn parse(files: &[(PathBuf, String)], path: &str) -> Value {
        let (_, text) = files.iter().find(|(p, _)| p == Path::new(path)).unwrap();
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_root_definition_is_inlined_and_self_references_become_hash() {
        let files = files(&[&NODE]).unwrap();
        let request = parse(&files, "schemas/test.node/request.schema.json");
        assert_eq!(request["$schema"], DRAFT_2020_12);
        assert_eq!(
            request["$id"],
            "https://pushspec.dev/schemas/test.node/request.schema.json"
        );
        assert_eq!(request["$comment"], json::GENERATED);
        assert_eq!(request["title"], "Node");
        assert_eq!(
            request["description"],
            "A recursive model: its root definition refers back to itself."
        );
        assert_eq!(request["properties"]["leaf"]["$ref"], "#/$defs/Leaf");
        assert_eq!(request["properties"]["next"]["anyOf"][0]["$ref"], "#");
        let defs: Vec<&String> = request["$defs"].as_object().unwrap().keys().collect();
        assert_eq!(defs, ["Leaf"]);
    }

    #[test]
    fn the_request_model_is_its_own_file_and_the_body_stays_in_request_schema_json() {
        let files = files(&[&NODE, &PLACEHOLDER]).unwrap();
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "schemas/test.node/parameters.schema.json",
                "schemas/test.node/request.schema.json",
                "schemas/test.node/response.4XX.schema.json",
                "schemas/test.placeholder/parameters.schema.json",
                "schemas/test.placeholder/request.schema.json",
            ]
        );
        let parameters = parse(&files, "schemas/test.node/parameters.schema.json");
        assert_eq!(
            parameters["$id"],
            "https://pushspec.dev/schemas/test.node/parameters.schema.json"
        );
        assert_eq!(parameters["title"], "NodeRequest");
        assert_eq!(parameters["properties"]["body"]["$ref"], "#/$defs/Node");
        assert_eq!(
            parameters["properties"]["headers"]["$ref"],
            "#/$defs/NodeHeaders"
        );
        assert_eq!(
            parameters["$defs"]["NodeHeaders"]["properties"]["authorization"],
            json!({"type": "string", "writeOnly": true, "x-pushspec-secret": true})
        );
        // Only the root is inlined: the body's self-reference still names its definition.
        assert_eq!(
            parameters["$defs"]["Node"]["properties"]["next"]["anyOf"][0]["$ref"],
            "#/$defs/Node"
        );

        let placeholder = parse(&files, "schemas/test.placeholder/parameters.schema.json");
        assert_eq!(placeholder["title"], "test.placeholder request");
        assert!(placeholder.get("properties").is_none());
    }

    #[test]
    fn inline_schemas_stay_at_the_top_and_get_fallback_annotations() {
        let files = files(&[&NODE]).unwrap();
        let response = parse(&files, "schemas/test.node/response.4XX.schema.json");
        assert_eq!(response["type"], "string");
        assert_eq!(response["title"], "test.node response 4XX");
        assert_eq!(response["description"], "Rejected.");
        assert!(response.get("$defs").is_none());
        assert!(files.iter().all(|(_, text)| text.ends_with("}\n")));
    }

    #[test]
    fn ids_and_statuses_are_checked() {
        for good in ["oca.template", "smax.v1.send", "ahachat.send-by-user"] {
            assert!(check_id(good).is_ok(), "{good}");
        }
        for bad in [
            "oca",
            "Oca.template",
            "oca..template",
            "oca.-x",
            "../x.y",
            "a.b/c",
        ] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
        for good in ["200", "4XX", "default", "599"] {
            assert!(check_status("x.y", good).is_ok(), "{good}");
        }
        for bad in ["20", "2000", "600", "4xx", "Default", "../x"] {
            assert!(check_status("x.y", bad).is_err(), "{bad}");
        }
    }
}
