//! The OpenAPI 3.1 documents: `schemas/openapi/<vendor>.openapi.json` per vendor (named
//! after the vendor's endpoint-id namespace, e.g. `oca`) and `schemas/openapi/pushspec.openapi.json`
//! with every endpoint.
//!
//! Each document is built by one function per section ([`info`], [`servers`], [`paths`],
//! [`components`]), so that a new section (tags) is one more function and one more key in
//! [`document`].
//!
//! # Parameters and security
//!
//! An operation's parameters come from the endpoint's request model (`request.rs` reads it;
//! [`Inputs`] turns it into parameters): one per property of its `path`, `query` and
//! `headers`. Credentials (the `authorization` header, and headers or query parameters
//! marked `x-pushspec-secret`) become security schemes instead (`security.rs`). The
//! `content-type` and `accept` headers are left to the media types, as OpenAPI requires.
//! What the model does not name, the URL template still gives (below). The request model
//! itself is not published here: its types are dropped from `components.schemas` unless an
//! operation reaches them (they are in `parameters.schema.json`).
//!
//! Schemas are generated with `definitions_path = "#/components/schemas/"`, so every `$ref`
//! the models produce resolves inside the document. Request and response bodies always
//! point into `components.schemas`: a body whose schema function returns an inline schema
//! (a primitive, or the placeholder `serde_json::Value`) is given a component of its own,
//! named after the operation (`OcaTemplateRequest`, `OcaTemplateResponse200`).
//!
//! # URL templates
//!
//! An endpoint's URL template (`https://{API_HOST}/api/bots/{BOT_ID}/send?botId={botId}`) is
//! split into the server (scheme and host; a `{…}` in the host becomes a server variable), the
//! path (each `{…}` a required string path parameter, unless the model describes it) and the
//! query (each `name={var}` a required string query parameter, each `name=value` a query
//! parameter fixed to `value`, again unless the model has that parameter).
//!
//! When every endpoint of a document has the same server, it is listed once at the top;
//! otherwise each path item lists its own. OpenAPI keys operations by path and method only,
//! so two endpoints with the same path on different hosts (Smax V1 and Chatfuel share
//! `/bots/{BOT_ID}/users/{USER_ID}/send`) cannot both use the bare path in the combined
//! document: each of them gets the path plus a fragment, `…/send#chatfuel.send`. A fragment is
//! never sent to the server, so the URL a client builds is still the endpoint's URL.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pushspec::endpoint::{self, Endpoint};
use pushspec::schema::pascal_case;
use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::ensure::{self, Error, Owned};
use crate::request::{Property, RequestModel};
use crate::security::{self, Credential};
use crate::{json, schemas};

/// The OpenAPI documents live in their own directory under `schemas/`.
const OWNED: Owned = Owned {
    dir: "schemas/openapi",
    others: &[],
};

/// The OpenAPI version written.
const OPENAPI_VERSION: &str = "3.1.0";

/// The dialect of every schema in the documents: plain JSON Schema 2020-12, the same as the
/// standalone schema files, rather than the OpenAPI base dialect.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where the definitions go, as schemars' `definitions_path` and as a `$ref` prefix.
const COMPONENTS: &str = "#/components/schemas/";

/// The file name (without `.openapi.json`) of the combined document.
const COMBINED: &str = "pushspec";

/// Documented server variables: the name in the URL template's host, its default, and its
/// description. A variable missing here still works, with [`FALLBACK_HOST`] as its default.
const SERVER_VARIABLES: &[(&str, &str, &str)] = &[(
    "API_HOST",
    "example-tenant.firstline.cc",
    "The tenant's own API host; any host is accepted. The default is the specification's \
     example tenant.",
)];

/// The default of a server variable that [`SERVER_VARIABLES`] does not document.
const FALLBACK_HOST: &str = "example.invalid";

/// Writes (or, with `check`, verifies) every OpenAPI document.
pub(crate) fn generate(check: bool) -> Result<(), Error> {
    ensure::ensure_files(&OWNED, &files(endpoint::ALL)?, check)
}

/// The OpenAPI documents of `endpoints`: (path relative to the workspace root, contents).
pub(crate) fn files(endpoints: &[&'static Endpoint]) -> Result<Vec<(PathBuf, String)>, Error> {
    // Vendors are grouped by the namespace of their endpoint ids (`oca` of `oca.template`),
    // which is already lower-case and file-name safe, unlike display names ("FIRST LINE").
    let mut vendors: BTreeMap<&str, Vec<&Endpoint>> = BTreeMap::new();
    for endpoint in endpoints {
        schemas::check_id(endpoint.id)?;
        for response in endpoint.responses {
            schemas::check_status(endpoint.id, response.status)?;
        }
        let namespace = endpoint.id.split('.').next().unwrap_or(endpoint.id);
        vendors.entry(namespace).or_default().push(endpoint);
    }

    let mut files = Vec::new();
    for (namespace, group) in &vendors {
        if *namespace == COMBINED {
            return Err(Error::Invalid(format!(
                "the endpoint namespace `{COMBINED}` is reserved for the combined document"
            )));
        }
        let vendor = group.first().map_or(*namespace, |endpoint| endpoint.vendor);
        if let Some(other) = group.iter().find(|endpoint| endpoint.vendor != vendor) {
            return Err(Error::Invalid(format!(
                "endpoints of namespace `{namespace}` disagree on the vendor name: `{vendor}` \
                 and `{}` (`{}`)",
                other.vendor, other.id
            )));
        }
        let scope = Scope {
            title: format!("pushspec: {vendor}"),
            description: format!("The {vendor} push endpoints, as pushspec models them."),
            endpoints: group,
        };
        files.push((namespace.to_string(), document(&scope)?));
    }

    let names: Vec<&str> = vendors
        .values()
        .filter_map(|group| Some(group.first()?.vendor))
        .collect();
    let scope = Scope {
        title: "pushspec: all vendors".to_owned(),
        description: format!(
            "Every push endpoint pushspec models ({}).",
            names.join(", ")
        ),
        endpoints,
    };
    files.push((COMBINED.to_owned(), document(&scope)?));

    Ok(files
        .into_iter()
        .map(|(name, document)| {
            (
                PathBuf::from(format!("{}/{name}.openapi.json", OWNED.dir)),
                json::render(&document),
            )
        })
        .collect())
}

/// What one document covers.
struct Scope<'a> {
    /// `info.title`.
    title: String,
    /// The first sentence of `info.description`.
    description: String,
    /// Its endpoints, in catalogue order.
    endpoints: &'a [&'static Endpoint],
}

/// Builds one OpenAPI document.
fn document(scope: &Scope<'_>) -> Result<Value, Error> {
    let routes = scope
        .endpoints
        .iter()
        .map(|endpoint| Route::parse(endpoint))
        .collect::<Result<Vec<_>, _>>()?;

    let mut generator = SchemaSettings::draft2020_12()
        .with(|settings| settings.definitions_path = COMPONENTS.into())
        .into_generator();
    // All schema functions run before the definitions are taken, so that the names schemars
    // picks (`Message`, `Message2`, ...) are final before bodies are given names of their own.
    // The request models run last, so that they cannot change the names the bodies get.
    let bodies: Vec<Bodies> = scope
        .endpoints
        .iter()
        .map(|e| Bodies::new(e, &mut generator))
        .collect();
    let models: Vec<Schema> = scope
        .endpoints
        .iter()
        .map(|e| (e.request_schema)(&mut generator))
        .collect();
    let mut definitions = generator.take_definitions(true);

    let inputs = scope
        .endpoints
        .iter()
        .zip(&routes)
        .zip(&models)
        .map(|((endpoint, route), model)| Inputs::new(endpoint, route, model, &definitions))
        .collect::<Result<Vec<_>, _>>()?;
    // The request models are read, not published: their envelope and section types would
    // be components nothing refers to. Keep what the operations reach.
    let mut roots: Vec<&Value> = Vec::new();
    for (bodies, inputs) in bodies.iter().zip(&inputs) {
        if inputs.body.is_some() {
            roots.push(bodies.request.as_value());
        }
        roots.extend(bodies.responses.iter().map(Schema::as_value));
        roots.extend(inputs.path.iter().chain(&inputs.parameters));
    }
    let reachable = json::reachable(&roots, &definitions, COMPONENTS);
    definitions.retain(|name, _| reachable.contains(name));
    discriminators(&mut definitions);

    let mut schemes = Map::new();
    let mut operations = Vec::new();
    for ((endpoint, bodies), mut inputs) in scope.endpoints.iter().zip(bodies).zip(inputs) {
        let path_parameters = std::mem::take(&mut inputs.path);
        let operation = operation(endpoint, bodies, inputs, &mut definitions, &mut schemes)?;
        operations.push((path_parameters, operation));
    }

    let shared_server = match routes.split_first() {
        Some((first, rest)) if rest.iter().all(|route| route.origin == first.origin) => Some(first),
        _ => None,
    };
    let (paths, fragments) = paths(
        scope.endpoints,
        &routes,
        operations,
        shared_server.is_none(),
    )?;

    let mut description = format!("{} {}", scope.description, json::GENERATED);
    if fragments {
        description.push_str(
            " Endpoints that share a path on different hosts are listed under the path plus \
             `#<endpoint id>`; the fragment is not part of the request.",
        );
    }

    let mut document = Map::new();
    document.insert("openapi".to_owned(), Value::from(OPENAPI_VERSION));
    document.insert("info".to_owned(), info(&scope.title, &description));
    document.insert("jsonSchemaDialect".to_owned(), Value::from(DIALECT));
    if let Some(route) = shared_server {
        document.insert("servers".to_owned(), servers(route));
    }
    document.insert("paths".to_owned(), paths);
    document.insert("components".to_owned(), components(definitions, schemes)?);
    // OpenAPI allows no `$comment` at the top level; an extension carries the same note.
    document.insert(
        "x-pushspec-generated".to_owned(),
        Value::from(json::GENERATED),
    );
    let document = Value::Object(document);

    if let Some(reference) = json::dangling_ref(&document) {
        return Err(Error::Invalid(format!(
            "{}: `$ref` `{reference}` resolves to nothing",
            scope.title
        )));
    }
    Ok(document)
}

/// Gives every tagged union (a `oneOf` of `$ref`s marked with `x-pushspec-tag`) an OpenAPI
/// `discriminator`: the tag member and, for each tag value, the component it selects. Code
/// generators read the discriminator to emit a real discriminated union; validators keep
/// using the `const` tags, so the two cannot disagree.
fn discriminators(definitions: &mut Map<String, Value>) {
    let mut found = Vec::new();
    for (name, schema) in definitions.iter() {
        let Some(tag) = schema
            .get(pushspec::schema::TAG_KEYWORD)
            .and_then(Value::as_str)
        else {
            continue;
        };
        let branches = schema.get("oneOf").and_then(Value::as_array);
        let mapping: Option<Map<String, Value>> = branches
            .into_iter()
            .flatten()
            .map(|branch| {
                let reference = branch.get("$ref")?.as_str()?;
                let variant = definitions.get(&json::definition_name(reference, COMPONENTS)?)?;
                let value = variant
                    .pointer(&format!("/properties/{tag}/const"))?
                    .as_str()?;
                Some((value.to_owned(), Value::from(reference)))
            })
            .collect();
        if let Some(mapping) = mapping {
            found.push((
                name.clone(),
                json!({ "propertyName": tag, "mapping": mapping }),
            ));
        }
    }
    for (name, discriminator) in found {
        if let Some(schema) = definitions.get_mut(&name).and_then(Value::as_object_mut) {
            schema.insert("discriminator".to_owned(), discriminator);
        }
    }
}

/// The `info` section.
fn info(title: &str, description: &str) -> Value {
    json!({
        "title": title,
        "version": env!("CARGO_PKG_VERSION"),
        "description": description,
    })
}

/// A `servers` list with the one server of `route`.
fn servers(route: &Route) -> Value {
    let mut server = Map::new();
    server.insert("url".to_owned(), Value::from(route.origin.as_str()));
    if !route.host_variables.is_empty() {
        let variables: Map<String, Value> = route
            .host_variables
            .iter()
            .map(|name| {
                let (default, description) = SERVER_VARIABLES
                    .iter()
                    .find(|(known, _, _)| known == name)
                    .map(|&(_, default, description)| (default, description.to_owned()))
                    .unwrap_or((
                        FALLBACK_HOST,
                        format!("The `{{{name}}}` placeholder of the URL template's host."),
                    ));
                (
                    name.clone(),
                    json!({ "default": default, "description": description }),
                )
            })
            .collect();
        server.insert("variables".to_owned(), Value::Object(variables));
    }
    Value::Array(vec![Value::Object(server)])
}

/// The `paths` section, and whether any path needed a fragment to stay unique.
///
/// `operations` holds each endpoint's path parameters and its operation. Path parameters
/// are declared on the path item, since they belong to the path; with `own_servers`, each
/// path item lists its server.
fn paths(
    endpoints: &[&Endpoint],
    routes: &[Route],
    operations: Vec<(Vec<Value>, Value)>,
    own_servers: bool,
) -> Result<(Value, bool), Error> {
    let mut paths = Map::new();
    let mut fragments = false;
    for (index, ((endpoint, route), (parameters, operation))) in
        endpoints.iter().zip(routes).zip(operations).enumerate()
    {
        let mut key = route.path.clone();
        let sharing: Vec<(&&Endpoint, &Route)> = endpoints
            .iter()
            .zip(routes)
            .enumerate()
            .filter(|&(other, (_, r))| other != index && r.path == route.path)
            .map(|(_, pair)| pair)
            .collect();
        if let Some((twin, _)) = sharing
            .iter()
            .find(|(_, r)| r.origin == route.origin && r.query == route.query)
        {
            return Err(Error::Invalid(format!(
                "endpoints `{}` and `{}` have the same URL template",
                twin.id, endpoint.id
            )));
        }
        if !sharing.is_empty() {
            key = format!("{key}#{}", endpoint.id);
            fragments = true;
        }

        let mut item = Map::new();
        if !parameters.is_empty() {
            item.insert("parameters".to_owned(), Value::Array(parameters));
        }
        if own_servers {
            item.insert("servers".to_owned(), servers(route));
        }
        item.insert("post".to_owned(), operation);
        paths.insert(key, Value::Object(item));
    }
    Ok((Value::Object(paths), fragments))
}

/// The `post` operation of `endpoint`. Its credentials are added to `schemes`.
fn operation(
    endpoint: &'static Endpoint,
    bodies: Bodies,
    inputs: Inputs,
    definitions: &mut Map<String, Value>,
    schemes: &mut Map<String, Value>,
) -> Result<Value, Error> {
    let stem = pascal_case(endpoint.id);
    let mut operation = Map::new();
    operation.insert(
        "operationId".to_owned(),
        Value::from(endpoint.id.replace(['.', '-'], "_")),
    );
    operation.insert("summary".to_owned(), Value::from(endpoint.summary));
    let mut description = format!(
        "`{}` in the pushspec catalogue; URL template `{}`.",
        endpoint.id, endpoint.url
    );
    for note in &inputs.notes {
        description.push(' ');
        description.push_str(note);
    }
    operation.insert("description".to_owned(), Value::from(description));
    operation.insert("tags".to_owned(), json!([endpoint.vendor]));
    if !inputs.parameters.is_empty() {
        operation.insert("parameters".to_owned(), Value::Array(inputs.parameters));
    }

    let names = security::register(&inputs.credentials, schemes)
        .map_err(|why| Error::Invalid(format!("endpoint `{}`: {why}", endpoint.id)))?;
    if !names.is_empty() {
        // One requirement object: every credential the request carries, together.
        let requirement: Map<String, Value> = names
            .into_iter()
            .map(|name| (name, Value::Array(Vec::new())))
            .collect();
        operation.insert("security".to_owned(), json!([requirement]));
    }

    if let Some(required) = inputs.body {
        let request = component_ref(bodies.request, &format!("{stem}Request"), definitions);
        let mut media = json!({ "schema": request });
        // The same valid fixtures as `examples` in `request.schema.json`, named after them.
        let examples: Map<String, Value> = schemas::examples(endpoint)?
            .into_iter()
            .map(|(name, value)| (name, json!({ "value": value })))
            .collect();
        if let (false, Some(media)) = (examples.is_empty(), media.as_object_mut()) {
            media.insert("examples".to_owned(), Value::Object(examples));
        }
        operation.insert(
            "requestBody".to_owned(),
            json!({ "required": required, "content": { "application/json": media } }),
        );
    }

    let mut responses = Map::new();
    for (response, schema) in endpoint.responses.iter().zip(bodies.responses) {
        let name = format!("{stem}Response{}", pascal_case(response.status));
        let schema = component_ref(schema, &name, definitions);
        responses.insert(
            response.status.to_owned(),
            json!({
                "description": response.description,
                "content": { "application/json": { "schema": schema } },
            }),
        );
    }
    if responses.is_empty() {
        // OpenAPI requires at least one response.
        responses.insert(
            "default".to_owned(),
            json!({ "description": "The vendor's response; pushspec does not model it yet." }),
        );
    }
    operation.insert("responses".to_owned(), Value::Object(responses));
    operation.insert("x-pushspec-endpoint".to_owned(), Value::from(endpoint.id));
    Ok(Value::Object(operation))
}

/// The name of the parameter that stands for a section's `additionalProperties` (a
/// `#[serde(flatten)]` map of query parameters). With `style: form` and `explode: true`
/// the name itself is never sent: each member is its own `name=value` pair.
const ADDITIONAL_QUERY: &str = "additionalProperties";

/// What an operation takes besides its body: parameters and credentials, from the request
/// model (see `request.rs`) and, where the model is silent, from the URL template.
#[derive(Debug)]
struct Inputs {
    /// The path item's parameters (`in: path`), in URL template order.
    path: Vec<Value>,
    /// The operation's query parameters, then its header parameters.
    parameters: Vec<Value>,
    /// The credentials, for `security` and `components.securitySchemes`.
    credentials: Vec<Credential>,
    /// `None` when the request has no body; otherwise whether the body is required.
    body: Option<bool>,
    /// Sentences appended to the operation's `description`.
    notes: Vec<String>,
}

impl Inputs {
    /// Reads `endpoint`'s request model `schema` (references into `definitions`).
    fn new(
        endpoint: &Endpoint,
        route: &Route,
        schema: &Schema,
        definitions: &Map<String, Value>,
    ) -> Result<Inputs, Error> {
        let invalid = |why: String| {
            Error::Invalid(format!("endpoint `{}`: request schema: {why}", endpoint.id))
        };
        // A placeholder's model says nothing: the URL template alone gives the parameters,
        // and the body is required as before.
        let model = RequestModel::read(schema.as_value(), definitions, COMPONENTS)
            .map_err(invalid)?
            .unwrap_or_else(|| RequestModel {
                body: Some(true),
                ..RequestModel::default()
            });
        let namespace = endpoint.id.split('.').next().unwrap_or(endpoint.id);
        let mut inputs = Inputs {
            path: Vec::new(),
            parameters: Vec::new(),
            credentials: Vec::new(),
            body: model.body,
            notes: Vec::new(),
        };

        if let Some(stray) = model
            .path
            .properties
            .iter()
            .find(|property| !route.path_parameters.contains(&property.name))
        {
            return Err(invalid(format!(
                "the path parameter `{}` is not a `{{…}}` segment of the URL template `{}`",
                stray.name, endpoint.url
            )));
        }
        for name in &route.path_parameters {
            let from_template = format!("The `{{{name}}}` segment of the URL template.");
            inputs.path.push(
                match model.path.properties.iter().find(|p| &p.name == name) {
                    Some(property) => parameter("path", property, Some(from_template)),
                    None => json!({
                        "name": name,
                        "in": "path",
                        "required": true,
                        "description": from_template,
                        "schema": { "type": "string" },
                    }),
                },
            );
        }

        for property in &model.query.properties {
            if property.secret {
                let in_body = model.body_credentials.contains(&property.name);
                let credential = security::query(namespace, endpoint.id, property, in_body);
                inputs.credentials.push(credential);
            } else {
                inputs.parameters.push(parameter("query", property, None));
            }
        }
        for (name, value) in &route.query {
            if !model.query.properties.iter().any(|p| &p.name == name) {
                inputs
                    .parameters
                    .push(template_query_parameter(name, value));
            }
        }
        // A flattened map of credentials has no name to give a scheme; the vendor's
        // description of the scheme it has says what else is accepted.
        if let Some(additional) = model.query.additional.filter(|a| !a.secret) {
            // The section's doc comment says what the other parameters are (attributes to
            // save, parameters passed through, ...).
            let mut description = "Any other query parameter, each sent as its own \
                                   `name=value` pair (the request model's \
                                   `additionalProperties`)."
                .to_owned();
            if let Some(section) = &model.query.description {
                description.push(' ');
                description.push_str(section);
            }
            inputs.parameters.push(json!({
                "name": ADDITIONAL_QUERY,
                "in": "query",
                "required": false,
                "style": "form",
                "explode": true,
                "description": description,
                "schema": { "type": "object", "additionalProperties": additional.schema },
            }));
        }

        // Other headers a model passes through (`headers.additionalProperties`) have no
        // OpenAPI form: header parameters are named one by one.
        for property in &model.headers.properties {
            match property.name.as_str() {
                // OpenAPI ignores these as parameters: the media types of the request body
                // and the responses say them.
                "content-type" => {}
                "accept" => inputs.notes.push(accept_note(property)),
                // OpenAPI ignores `Authorization` as a parameter too; it is a credential.
                name if name == "authorization" || property.secret => inputs
                    .credentials
                    .push(security::header(namespace, endpoint.id, property)),
                _ => inputs.parameters.push(parameter("header", property, None)),
            }
        }
        Ok(inputs)
    }
}

/// One parameter from a property of the request model. A path parameter is always
/// required (OpenAPI says so; the URL cannot be built without it).
fn parameter(location: &str, property: &Property, fallback_description: Option<String>) -> Value {
    let mut parameter = Map::new();
    parameter.insert("name".to_owned(), json!(property.name));
    parameter.insert("in".to_owned(), json!(location));
    parameter.insert(
        "required".to_owned(),
        json!(location == "path" || property.required),
    );
    if let Some(description) = property.description.clone().or(fallback_description) {
        parameter.insert("description".to_owned(), json!(description));
    }
    if property.deprecated {
        parameter.insert("deprecated".to_owned(), json!(true));
    }
    parameter.insert("schema".to_owned(), property.schema.clone());
    Value::Object(parameter)
}

/// The sentences an operation's description gets when the model reads `Accept`: "must"
/// when the model requires it, "should" when only a warning flags its absence (FIRST LINE).
fn accept_note(property: &Property) -> String {
    let verb = if property.required { "must" } else { "should" };
    let mut note = format!("The request {verb} carry an `Accept` header");
    match &property.description {
        Some(description) => {
            note.push_str(": ");
            note.push_str(description.trim_end_matches('.'));
            note.push('.');
        }
        None => note.push('.'),
    }
    note.push_str(
        " It is not listed among the parameters because OpenAPI expresses it through the \
         response media types.",
    );
    note
}

/// A query parameter that only the URL template gives.
fn template_query_parameter(name: &str, value: &QueryValue) -> Value {
    match value {
        QueryValue::Variable(variable) => json!({
            "name": name,
            "in": "query",
            "required": true,
            "description": format!("`{name}={{{variable}}}` in the URL template."),
            "schema": { "type": "string" },
        }),
        QueryValue::Fixed(fixed) => json!({
            "name": name,
            "in": "query",
            "required": true,
            "description": format!("Always `{name}={fixed}`."),
            "schema": { "type": "string", "const": fixed },
        }),
    }
}

/// The `components` section. Component names must match `^[a-zA-Z0-9._-]+$` in OpenAPI, which
/// schemars' names of generic types (`Page<T>`) do not.
fn components(
    definitions: Map<String, Value>,
    schemes: Map<String, Value>,
) -> Result<Value, Error> {
    let valid = |name: &str| {
        name.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    };
    if let Some(name) = definitions.keys().find(|name| !valid(name)) {
        return Err(Error::Invalid(format!(
            "schema name `{name}` is not a valid OpenAPI component name (letters, digits, `.`, \
             `_`, `-`); give the model a `#[schemars(rename = \"...\")]`"
        )));
    }
    let mut components = Map::new();
    components.insert("schemas".to_owned(), Value::Object(definitions));
    if !schemes.is_empty() {
        components.insert("securitySchemes".to_owned(), Value::Object(schemes));
    }
    Ok(Value::Object(components))
}

/// The schemas an endpoint's schema functions returned, before they are given names.
struct Bodies {
    request: Schema,
    responses: Vec<Schema>,
}

impl Bodies {
    fn new(endpoint: &Endpoint, generator: &mut SchemaGenerator) -> Self {
        Bodies {
            request: (endpoint.body_schema)(generator),
            responses: endpoint
                .responses
                .iter()
                .map(|response| (response.schema)(generator))
                .collect(),
        }
    }
}

/// A `$ref` into `components.schemas` for `schema`: the schema itself when it already is
/// one, else a reference to a new component named `name` (or `name2`, ... if taken).
fn component_ref(schema: Schema, name: &str, definitions: &mut Map<String, Value>) -> Value {
    let is_component_ref = schema.as_object().is_some_and(|object| {
        object.len() == 1
            && object
                .get("$ref")
                .and_then(Value::as_str)
                .is_some_and(|r| r.starts_with(COMPONENTS))
    });
    if is_component_ref {
        return schema.to_value();
    }
    let mut unique = name.to_owned();
    let mut counter = 2;
    while definitions.contains_key(&unique) {
        unique = format!("{name}{counter}");
        counter += 1;
    }
    definitions.insert(unique.clone(), schema.to_value());
    json!({ "$ref": format!("{COMPONENTS}{unique}") })
}

/// An endpoint's URL template, taken apart.
#[derive(Debug, PartialEq, Eq)]
struct Route {
    /// Scheme and host: `https://{API_HOST}`.
    origin: String,
    /// The `{…}` names in the host.
    host_variables: Vec<String>,
    /// The path: `/api/bots/{BOT_ID}/send`.
    path: String,
    /// The `{…}` names in the path.
    path_parameters: Vec<String>,
    /// The query, in template order: `botId={botId}` is `("botId", Variable("botId"))`.
    query: Vec<(String, QueryValue)>,
}

/// The value side of one `name=value` pair of a URL template's query.
#[derive(Debug, PartialEq, Eq)]
enum QueryValue {
    /// `name={variable}`: the caller supplies it.
    Variable(String),
    /// `name=value`: always this value.
    Fixed(String),
}

impl Route {
    /// Takes `endpoint.url` apart, or says what is wrong with it.
    fn parse(endpoint: &Endpoint) -> Result<Route, Error> {
        let url = endpoint.url;
        let invalid = |why: &str| {
            Error::Invalid(format!(
                "endpoint `{}`: URL template `{url}` {why}",
                endpoint.id
            ))
        };

        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| invalid("has no scheme"))?;
        if !matches!(scheme, "https" | "http") {
            return Err(invalid("is not http(s)"));
        }
        if rest.contains('#') {
            return Err(invalid("has a fragment"));
        }
        let (host, rest) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
        if host.is_empty() {
            return Err(invalid("has no host"));
        }
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = if path.is_empty() { "/" } else { path };

        let host_variables = placeholders(host).map_err(|why| invalid(&why))?;
        let path_parameters = placeholders(path).map_err(|why| invalid(&why))?;
        let mut query_parameters = Vec::new();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| invalid(&format!("has a query part `{pair}` without `=`")))?;
            if !placeholders(name).map_err(|why| invalid(&why))?.is_empty() {
                return Err(invalid("has a placeholder in a query parameter name"));
            }
            let value = match placeholders(value).map_err(|why| invalid(&why))?.as_slice() {
                [] => QueryValue::Fixed(value.to_owned()),
                [variable] if value == format!("{{{variable}}}") => {
                    QueryValue::Variable(variable.clone())
                }
                _ => {
                    return Err(invalid(
                        "has a query value that is only partly a placeholder",
                    ));
                }
            };
            query_parameters.push((name.to_owned(), value));
        }

        let mut names: Vec<&str> = path_parameters.iter().map(String::as_str).collect();
        names.extend(query_parameters.iter().map(|(name, _)| name.as_str()));
        names.sort_unstable();
        if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(invalid(&format!("names the parameter `{}` twice", pair[0])));
        }

        Ok(Route {
            origin: format!("{scheme}://{host}"),
            host_variables,
            path: path.to_owned(),
            path_parameters,
            query: query_parameters,
        })
    }
}

/// The names of the `{…}` placeholders in `text`, in order.
fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['{', '}']) {
        let after = rest.get(start + 1..).unwrap_or_default();
        let end = match (rest.as_bytes().get(start), after.find(['{', '}'])) {
            (Some(b'{'), Some(end)) if after.as_bytes().get(end) == Some(&b'}') => end,
            _ => return Err(format!("has unbalanced braces in `{text}`")),
        };
        let name = after.get(..end).unwrap_or_default();
        if name.is_empty() {
            return Err(format!("has an empty placeholder in `{text}`"));
        }
        names.push(name.to_owned());
        rest = after.get(end + 1..).unwrap_or_default();
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use pushspec::endpoint::{Response, schema_of};
    use schemars::{JsonSchema, json_schema};

    use super::*;

    fn endpoint(id: &'static str, vendor: &'static str, url: &'static str) -> Endpoint {
        const RESPONSES: &[Response] = &[Response {
            status: "200",
            description: "Accepted.",
            schema: schema_of::<String>,
        }];
        Endpoint {
            id,
            vendor,
            url,
            summary: "Test endpoint",
            check_request: |_, _, _| {},
            check_body: |_, _, _| {},
            request_schema: schema_of::<serde_json::Value>,
            body_schema: schema_of::<serde_json::Value>,
            responses: RESPONSES,
        }
    }

    /// Defines a type whose JSON Schema is written by hand: `$schema` (which may call
    /// `generator.subschema_for` to refer to other types).
    macro_rules! hand_made {
        ($type:ident, |$generator:ident| $schema:expr) => {
            struct $type;
            impl JsonSchema for $type {
                fn schema_name() -> Cow<'static, str> {
                    stringify!($type).into()
                }
                fn json_schema($generator: &mut SchemaGenerator) -> Schema {
                    $schema
                }
            }
        };
    }

    // A MantaGO-like request: Bearer header, a query parameter the URL template names too,
    // and a credential in the body.
    hand_made!(BroadcastBody, |g| {
        let secret = g.subschema_for::<pushspec::Secret>();
        json_schema!({
            "type": "object",
            "description": "The body.",
            "properties": { "secret": secret, "message": { "type": "string" } },
            "required": ["secret"],
        })
    });
    hand_made!(BroadcastHeaders, |g| {
        let secret = g.subschema_for::<pushspec::Secret>();
        json_schema!({
            "type": "object",
            "properties": {
                "authorization": secret,
                "content-type": { "type": "string", "description": "`application/json`." },
            },
            "required": ["authorization", "content-type"],
        })
    });
    hand_made!(BroadcastRequest, |g| {
        let headers = g.subschema_for::<BroadcastHeaders>();
        let body = g.subschema_for::<BroadcastBody>();
        json_schema!({
            "type": "object",
            "properties": {
                "query": {
                    "type": "object",
                    "properties": {
                        "botId": { "type": "string", "minLength": 1, "description": "The bot." },
                    },
                    "required": ["botId"],
                },
                "headers": headers,
                "body": body,
            },
            "required": ["query", "headers", "body"],
        })
    });

    // An AhaChat-like request: one path parameter documented, a query credential,
    // attributes as a flattened map, an optional tag, and no body at all.
    hand_made!(SendRequest, |_g| json_schema!({
        "type": "object",
        "properties": {
            "path": {
                "type": "object",
                "properties": { "BOT_ID": { "type": "string", "description": "The bot id." } },
                "required": ["BOT_ID"],
            },
            "query": {
                "type": "object",
                "description": "Every other name is an attribute.",
                "properties": {
                    "ahachat_token": {
                        "type": "string", "writeOnly": true, "x-pushspec-secret": true,
                        "description": "The bot's API token.",
                    },
                    "ahachat_message_tag": { "type": ["string", "null"], "description": "A tag." },
                },
                "required": ["ahachat_token"],
                "additionalProperties": { "type": "string" },
            },
        },
        "required": ["path", "query"],
    }));

    // A FIRST LINE-like request: raw header token, a required `Accept`, another header, and
    // an optional body.
    hand_made!(PushRequest, |_g| json_schema!({
        "type": "object",
        "properties": {
            "headers": {
                "type": "object",
                "properties": {
                    "authorization": { "type": "string", "writeOnly": true, "x-pushspec-secret": true },
                    "accept": { "type": "string", "description": "`application/json`." },
                    "content-type": { "type": "string" },
                    "x-request-id": { "type": "string", "description": "Echoed back." },
                },
                "required": ["authorization", "accept"],
            },
            "body": { "type": "object" },
            "query": {
                "type": "object",
                "description": "Carries anything.",
                "properties": {},
                "additionalProperties": {
                    "type": "string", "writeOnly": true, "x-pushspec-secret": true,
                },
            },
        },
        "required": ["headers"],
    }));

    fn modelled() -> Vec<&'static Endpoint> {
        let with = |mut endpoint: Endpoint,
                    request: fn(&mut SchemaGenerator) -> Schema,
                    body: fn(&mut SchemaGenerator) -> Schema| {
            endpoint.request_schema = request;
            endpoint.body_schema = body;
            &*Box::leak(Box::new(endpoint))
        };
        vec![
            with(
                endpoint(
                    "mantago.broadcast",
                    "MantaGO",
                    "https://mantago.cc/api/openapi/broadcast?botId={botId}",
                ),
                schema_of::<BroadcastRequest>,
                schema_of::<BroadcastBody>,
            ),
            with(
                endpoint(
                    "ahachat.send-by-user",
                    "AhaChat",
                    "https://ahachat.com/api/bots/{BOT_ID}/users/{USER_ID}/send",
                ),
                schema_of::<SendRequest>,
                schema_of::<serde_json::Value>,
            ),
            with(
                endpoint(
                    "firstline.push",
                    "FIRST LINE",
                    "https://{API_HOST}/api/v1/message/push",
                ),
                schema_of::<PushRequest>,
                schema_of::<serde_json::Value>,
            ),
        ]
    }

    fn modelled_documents() -> BTreeMap<String, Value> {
        files(&modelled())
            .unwrap()
            .into_iter()
            .map(|(path, text)| {
                (
                    path.display().to_string(),
                    serde_json::from_str(&text).unwrap(),
                )
            })
            .collect()
    }

    fn names(parameters: &Value) -> Vec<(&str, &str)> {
        parameters
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| (p["in"].as_str().unwrap(), p["name"].as_str().unwrap()))
            .collect()
    }

    fn endpoints() -> Vec<&'static Endpoint> {
        [
            endpoint(
                "mantago.broadcast",
                "MantaGO",
                "https://mantago.cc/api/openapi/broadcast?botId={botId}",
            ),
            endpoint(
                "smax.v1.send",
                "Smax",
                "https://api.smax.bot/bots/{BOT_ID}/users/{USER_ID}/send",
            ),
            endpoint(
                "chatfuel.send",
                "Chatfuel",
                "https://api.chatfuel.com/bots/{BOT_ID}/users/{USER_ID}/send",
            ),
            endpoint(
                "firstline.push",
                "FIRST LINE",
                "https://{API_HOST}/api/v1/message/push",
            ),
        ]
        .into_iter()
        .map(|endpoint| &*Box::leak(Box::new(endpoint)))
        .collect()
    }

    fn documents() -> BTreeMap<String, Value> {
        files(&endpoints())
            .unwrap()
            .into_iter()
            .map(|(path, text)| {
                (
                    path.display().to_string(),
                    serde_json::from_str(&text).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn one_document_per_vendor_namespace_and_one_combined() {
        let names: Vec<String> = documents().into_keys().collect();
        assert_eq!(
            names,
            [
                "schemas/openapi/chatfuel.openapi.json",
                "schemas/openapi/firstline.openapi.json",
                "schemas/openapi/mantago.openapi.json",
                "schemas/openapi/pushspec.openapi.json",
                "schemas/openapi/smax.openapi.json",
            ]
        );
    }

    #[test]
    fn a_vendor_document_has_servers_paths_parameters_and_components() {
        let documents = documents();
        let mantago = &documents["schemas/openapi/mantago.openapi.json"];
        assert_eq!(mantago["openapi"], "3.1.0");
        assert_eq!(mantago["jsonSchemaDialect"], DIALECT);
        assert_eq!(mantago["info"]["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(mantago["servers"], json!([{ "url": "https://mantago.cc" }]));
        let operation = &mantago["paths"]["/api/openapi/broadcast"]["post"];
        assert_eq!(operation["operationId"], "mantago_broadcast");
        assert_eq!(operation["parameters"][0]["name"], "botId");
        assert_eq!(operation["parameters"][0]["in"], "query");
        assert_eq!(
            operation["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/MantagoBroadcastRequest"
        );
        assert_eq!(
            mantago["components"]["schemas"]["MantagoBroadcastRequest"],
            true
        );
        assert_eq!(
            operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/MantagoBroadcastResponse200"
        );

        let firstline = &documents["schemas/openapi/firstline.openapi.json"];
        assert_eq!(firstline["servers"][0]["url"], "https://{API_HOST}");
        assert_eq!(
            firstline["servers"][0]["variables"]["API_HOST"]["default"],
            "example-tenant.firstline.cc"
        );

        let smax = &documents["schemas/openapi/smax.openapi.json"];
        let item = &smax["paths"]["/bots/{BOT_ID}/users/{USER_ID}/send"];
        let parameters: Vec<&Value> = item["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["name"])
            .collect();
        assert_eq!(parameters, ["BOT_ID", "USER_ID"]);
        assert_eq!(item["parameters"][0]["required"], true);
    }

    #[test]
    fn the_combined_document_keeps_shared_paths_apart() {
        let documents = documents();
        let combined = &documents["schemas/openapi/pushspec.openapi.json"];
        assert!(combined.get("servers").is_none());
        let paths: Vec<&String> = combined["paths"].as_object().unwrap().keys().collect();
        assert_eq!(
            paths,
            [
                "/api/openapi/broadcast",
                "/api/v1/message/push",
                "/bots/{BOT_ID}/users/{USER_ID}/send#chatfuel.send",
                "/bots/{BOT_ID}/users/{USER_ID}/send#smax.v1.send",
            ]
        );
        let chatfuel = &combined["paths"]["/bots/{BOT_ID}/users/{USER_ID}/send#chatfuel.send"];
        assert_eq!(chatfuel["servers"][0]["url"], "https://api.chatfuel.com");
    }

    #[test]
    fn model_parameters_replace_the_url_templates_and_bearer_headers_become_security() {
        let documents = modelled_documents();
        let mantago = &documents["schemas/openapi/mantago.openapi.json"];
        let operation = &mantago["paths"]["/api/openapi/broadcast"]["post"];
        // `botId` comes from the model, not the URL template; the headers are gone.
        assert_eq!(
            operation["parameters"],
            json!([{
                "name": "botId", "in": "query", "required": true, "description": "The bot.",
                "schema": { "type": "string", "minLength": 1 },
            }])
        );
        assert_eq!(
            operation["security"],
            json!([{ "mantago.authorization": [] }])
        );
        let scheme = &mantago["components"]["securitySchemes"]["mantago.authorization"];
        assert_eq!(scheme["type"], "http");
        assert_eq!(scheme["scheme"], "bearer");
        assert_eq!(scheme["bearerFormat"], "JWT");
        // The body credential stays in the body, write-only.
        assert_eq!(operation["requestBody"]["required"], true);
        let body = &operation["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(body["$ref"], "#/components/schemas/BroadcastBody");
        let schemas = &mantago["components"]["schemas"];
        assert_eq!(
            schemas["BroadcastBody"]["properties"]["secret"]["writeOnly"],
            true
        );
        // The request model and its sections are read, not published.
        let components: Vec<&String> = schemas.as_object().unwrap().keys().collect();
        assert_eq!(components, ["BroadcastBody", "MantagoBroadcastResponse200"]);
    }

    #[test]
    fn query_credentials_become_api_keys_and_flattened_maps_free_form_parameters() {
        let documents = modelled_documents();
        let ahachat = &documents["schemas/openapi/ahachat.openapi.json"];
        let item = &ahachat["paths"]["/api/bots/{BOT_ID}/users/{USER_ID}/send"];
        // `BOT_ID` is documented by the model, `USER_ID` only by the URL template.
        assert_eq!(
            names(&item["parameters"]),
            [("path", "BOT_ID"), ("path", "USER_ID")]
        );
        assert_eq!(item["parameters"][0]["description"], "The bot id.");
        assert_eq!(
            item["parameters"][1]["description"],
            "The `{USER_ID}` segment of the URL template."
        );
        let operation = &item["post"];
        assert_eq!(
            names(&operation["parameters"]),
            [
                ("query", "ahachat_message_tag"),
                ("query", ADDITIONAL_QUERY)
            ]
        );
        // Optional, and `null` is not a query value.
        assert_eq!(operation["parameters"][0]["required"], false);
        assert_eq!(
            operation["parameters"][0]["schema"],
            json!({ "type": "string" })
        );
        let attributes = &operation["parameters"][1];
        assert!(
            attributes["description"]
                .as_str()
                .unwrap()
                .ends_with("Every other name is an attribute."),
            "{attributes}"
        );
        assert_eq!(
            (&attributes["style"], &attributes["explode"]),
            (&json!("form"), &json!(true))
        );
        assert_eq!(
            attributes["schema"],
            json!({ "type": "object", "additionalProperties": { "type": "string" } })
        );
        assert_eq!(
            operation["security"],
            json!([{ "ahachat.ahachat_token": [] }])
        );
        assert_eq!(
            ahachat["components"]["securitySchemes"]["ahachat.ahachat_token"],
            json!({
                "type": "apiKey", "in": "query", "name": "ahachat_token",
                "description": "The bot's API token.",
            })
        );
        // The model has no body.
        assert!(operation.get("requestBody").is_none());
        assert!(
            ahachat["components"]["schemas"]
                .get("AhachatSendByUserRequest")
                .is_none()
        );
    }

    #[test]
    fn raw_header_tokens_are_api_keys_and_media_type_headers_are_left_out() {
        let documents = modelled_documents();
        let firstline = &documents["schemas/openapi/firstline.openapi.json"];
        let operation = &firstline["paths"]["/api/v1/message/push"]["post"];
        assert_eq!(
            names(&operation["parameters"]),
            [("header", "x-request-id")]
        );
        assert_eq!(operation["parameters"][0]["required"], false);
        assert_eq!(operation["parameters"][0]["description"], "Echoed back.");
        let description = operation["description"].as_str().unwrap();
        assert!(
            description.contains("must carry an `Accept` header: `application/json`."),
            "{description}"
        );
        let optional = Property {
            name: "accept".to_owned(),
            required: false,
            description: None,
            deprecated: false,
            secret: false,
            schema: json!({ "type": "string" }),
        };
        assert!(accept_note(&optional).starts_with("The request should carry an `Accept` header."));
        assert_eq!(operation["requestBody"]["required"], false);
        let scheme = &firstline["components"]["securitySchemes"]["firstline.authorization"];
        assert_eq!(
            (&scheme["type"], &scheme["in"], &scheme["name"]),
            (&json!("apiKey"), &json!("header"), &json!("Authorization"))
        );
        // The undocumented query form is a sentence, not a scheme.
        assert!(
            scheme["description"]
                .as_str()
                .unwrap()
                .contains("query parameter")
        );

        // The combined document collects every scheme.
        let combined = &documents["schemas/openapi/pushspec.openapi.json"];
        let schemes: Vec<&String> = combined["components"]["securitySchemes"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(
            schemes,
            [
                "ahachat.ahachat_token",
                "firstline.authorization",
                "mantago.authorization"
            ]
        );
    }

    #[test]
    fn placeholders_keep_the_url_templates_parameters_and_a_required_body() {
        let documents = documents();
        let mantago = &documents["schemas/openapi/mantago.openapi.json"];
        let operation = &mantago["paths"]["/api/openapi/broadcast"]["post"];
        assert_eq!(names(&operation["parameters"]), [("query", "botId")]);
        assert_eq!(operation["requestBody"]["required"], true);
        assert!(operation.get("security").is_none());
        assert!(mantago["components"].get("securitySchemes").is_none());
    }

    #[test]
    fn request_models_that_do_not_fit_the_url_template_are_errors() {
        hand_made!(StrayPath, |_g| json_schema!({
            "type": "object",
            "properties": { "path": { "type": "object", "properties": { "botId": {} } } },
        }));
        let mut stray = endpoint("a.b", "A", "https://example.invalid/bots/{BOT_ID}");
        stray.request_schema = schema_of::<StrayPath>;
        // `files` takes `'static` endpoints (it validates their examples); leak the test's.
        let Err(Error::Invalid(message)) = files(&[Box::leak(Box::new(stray))]) else {
            panic!("a path parameter outside the template was accepted");
        };
        assert!(message.contains("`botId`"), "{message}");

        hand_made!(NotAModel, |_g| json_schema!({ "type": "string" }));
        let mut bad = endpoint("a.b", "A", "https://example.invalid/x");
        bad.request_schema = schema_of::<NotAModel>;
        assert!(matches!(
            files(&[Box::leak(Box::new(bad))]),
            Err(Error::Invalid(_))
        ));
    }

    #[test]
    fn url_templates_are_taken_apart() {
        let route = Route::parse(&endpoint(
            "a.b",
            "A",
            "https://{HOST}/x/{ID}/y?k={v}&mode=fixed",
        ))
        .unwrap();
        assert_eq!(route.origin, "https://{HOST}");
        assert_eq!(route.host_variables, ["HOST"]);
        assert_eq!(route.path, "/x/{ID}/y");
        assert_eq!(route.path_parameters, ["ID"]);
        assert_eq!(
            route.query,
            [
                ("k".to_owned(), QueryValue::Variable("v".to_owned())),
                ("mode".to_owned(), QueryValue::Fixed("fixed".to_owned()))
            ]
        );
        for bad in [
            "ftp://h/x",
            "https:///x",
            "https://h/{x",
            "https://h/x}",
            "https://h/{}",
            "https://h/?a",
            "https://h/#f",
            "https://h/{a}/{a}",
        ] {
            assert!(Route::parse(&endpoint("a.b", "A", bad)).is_err(), "{bad}");
        }
        assert_eq!(pascal_case("ahachat.send-by-user"), "AhachatSendByUser");
    }
}
