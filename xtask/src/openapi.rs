//! The OpenAPI 3.1 documents: `schemas/openapi/<vendor>.openapi.json` per vendor (named
//! after the vendor's endpoint-id namespace, e.g. `oca`) and `schemas/openapi/pushspec.openapi.json`
//! with every endpoint.
//!
//! Each document is built by one function per section ([`info`], [`servers`], [`paths`],
//! [`components`]), so that a new section (security schemes, tags) is one more function and
//! one more key in [`document`].
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
//! path (each `{…}` a required string path parameter) and the query (each `name={var}` a
//! required string query parameter, each `name=value` a query parameter fixed to `value`).
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
use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::ensure::{self, Error, Owned};
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
pub(crate) fn files(endpoints: &[&Endpoint]) -> Result<Vec<(PathBuf, String)>, Error> {
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
    endpoints: &'a [&'a Endpoint],
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
    let bodies: Vec<Bodies> = scope
        .endpoints
        .iter()
        .map(|e| Bodies::new(e, &mut generator))
        .collect();
    let mut definitions = generator.take_definitions(true);

    let mut operations = Vec::new();
    for ((endpoint, route), bodies) in scope.endpoints.iter().zip(&routes).zip(bodies) {
        operations.push(operation(endpoint, route, bodies, &mut definitions));
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
    document.insert("components".to_owned(), components(definitions)?);
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
/// Path parameters are declared on the path item, since they belong to the path; with
/// `own_servers`, each path item lists its server.
fn paths(
    endpoints: &[&Endpoint],
    routes: &[Route],
    operations: Vec<Value>,
    own_servers: bool,
) -> Result<(Value, bool), Error> {
    let mut paths = Map::new();
    let mut fragments = false;
    for (index, ((endpoint, route), operation)) in
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
        let parameters: Vec<Value> = route
            .path_parameters
            .iter()
            .map(|name| {
                json!({
                    "name": name,
                    "in": "path",
                    "required": true,
                    "description": format!("The `{{{name}}}` segment of the URL template."),
                    "schema": { "type": "string" },
                })
            })
            .collect();
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

/// The `post` operation of `endpoint`.
fn operation(
    endpoint: &Endpoint,
    route: &Route,
    bodies: Bodies,
    definitions: &mut Map<String, Value>,
) -> Value {
    let stem = pascal_case(endpoint.id);
    let mut operation = Map::new();
    operation.insert(
        "operationId".to_owned(),
        Value::from(endpoint.id.replace(['.', '-'], "_")),
    );
    operation.insert("summary".to_owned(), Value::from(endpoint.summary));
    operation.insert(
        "description".to_owned(),
        Value::from(format!(
            "`{}` in the pushspec catalogue; URL template `{}`.",
            endpoint.id, endpoint.url
        )),
    );
    operation.insert("tags".to_owned(), json!([endpoint.vendor]));
    if !route.query.is_empty() {
        operation.insert("parameters".to_owned(), query_parameters(route));
    }

    let request = component_ref(bodies.request, &format!("{stem}Request"), definitions);
    operation.insert(
        "requestBody".to_owned(),
        json!({ "required": true, "content": { "application/json": { "schema": request } } }),
    );

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
    Value::Object(operation)
}

/// The query parameters of `route`'s URL template.
fn query_parameters(route: &Route) -> Value {
    route
        .query
        .iter()
        .map(|(name, value)| match value {
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
        })
        .collect()
}

/// The `components` section. Component names must match `^[a-zA-Z0-9._-]+$` in OpenAPI, which
/// schemars' names of generic types (`Page<T>`) do not.
fn components(definitions: Map<String, Value>) -> Result<Value, Error> {
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
    Ok(json!({ "schemas": definitions }))
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

/// `oca.template` → `OcaTemplate`, `smax.v1.send` → `SmaxV1Send`, `4XX` → `4XX`.
fn pascal_case(text: &str) -> String {
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
    use pushspec::endpoint::{Response, schema_of};

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
            check_body: |_, _, _| {},
            body_schema: schema_of::<serde_json::Value>,
            responses: RESPONSES,
        }
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
