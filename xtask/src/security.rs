//! OpenAPI security schemes: how each endpoint's credential travels.
//!
//! Where a credential is comes from the request schema (see `request.rs`): the
//! `authorization` header, another header or a query parameter marked
//! `x-pushspec-secret`. Those are left out of the operation's `parameters` and become a
//! `components.securitySchemes` entry plus the operation's `security` requirement instead.
//! The one thing the schema cannot say is whether an `Authorization` header carries
//! `Bearer <token>` or the bare token, and that is what [`AUTHORIZATION`] records per vendor.
//!
//! A credential in the body (MantaGO's `secret`, Chatfuel's `chatfuel_token`) is not a
//! security scheme: it stays in the body schema, where it is `writeOnly`.

use serde_json::{Map, Value, json};

use crate::request::Property;

/// How a vendor's `Authorization` header carries the credential (spec §2.1), keyed by the
/// endpoint-id namespace. A vendor missing here gets an `apiKey` header scheme described by
/// the model's doc comment, which is correct for any form but says less.
const AUTHORIZATION: &[(&str, Form, &str)] = &[
    (
        "mantago",
        Form::Bearer {
            format: Some("JWT"),
        },
        "`Authorization: Bearer <JWT>`. The token is valid for 30 days and is paired with the \
         body `secret`, which stays in the body; `mantago.token` issues a new pair and \
         invalidates the old one.",
    ),
    (
        "smax",
        Form::Bearer { format: None },
        "`Authorization: Bearer <bot token>`.",
    ),
    (
        "oca",
        Form::Raw,
        "The JWT from the OCA dashboard, sent raw (`Authorization: <JWT>`) as OCA documents. \
         `Bearer <JWT>`, which most integrators send, is tolerated too.",
    ),
    (
        "firstline",
        Form::Raw,
        "The employee's API token, sent raw with no scheme (`Authorization: <token>`). \
         FIRST LINE also accepts the token as a query parameter whose name it does not \
         document, so that form is not listed as a scheme.",
    ),
];

/// The form of an `Authorization` header.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// `Bearer <token>`: an OpenAPI `http` scheme.
    Bearer {
        /// `bearerFormat`, when the token has a known format.
        format: Option<&'static str>,
    },
    /// The token itself: an OpenAPI `apiKey` header.
    Raw,
}

/// One credential of an operation: a scheme, and the name it would like in
/// `components.securitySchemes`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Credential {
    /// `<namespace>.<wire name>` (`oca.authorization`, `ahachat.ahachat_token`).
    pub(crate) name: String,
    /// The same, qualified by the endpoint id, for when two endpoints of a document describe
    /// a credential of the same name differently.
    pub(crate) qualified_name: String,
    /// The security scheme object.
    pub(crate) scheme: Value,
}

/// The credential carried by the header `property` of an endpoint in `namespace`.
pub(crate) fn header(namespace: &str, endpoint_id: &str, property: &Property) -> Credential {
    let known = AUTHORIZATION
        .iter()
        .find(|(vendor, _, _)| *vendor == namespace)
        .filter(|_| property.name == "authorization");
    let mut scheme = Map::new();
    match known {
        Some((_, Form::Bearer { format }, _)) => {
            scheme.insert("type".to_owned(), json!("http"));
            scheme.insert("scheme".to_owned(), json!("bearer"));
            if let Some(format) = format {
                scheme.insert("bearerFormat".to_owned(), json!(format));
            }
        }
        Some((_, Form::Raw, _)) | None => {
            scheme.insert("type".to_owned(), json!("apiKey"));
            scheme.insert("in".to_owned(), json!("header"));
            scheme.insert("name".to_owned(), json!(header_name(&property.name)));
        }
    }
    let description = known
        .map(|(_, _, note)| (*note).to_owned())
        .or_else(|| property.description.clone())
        .unwrap_or_else(|| {
            format!(
                "The `{}` header carries the credential.",
                header_name(&property.name)
            )
        });
    scheme.insert("description".to_owned(), json!(description));
    credential(namespace, endpoint_id, &property.name, scheme)
}

/// The credential carried by the query parameter `property`; `also_in_body` when the body
/// has a credential of the same name, an alternative a security scheme cannot express.
pub(crate) fn query(
    namespace: &str,
    endpoint_id: &str,
    property: &Property,
    also_in_body: bool,
) -> Credential {
    let mut description = property.description.clone().unwrap_or_else(|| {
        format!(
            "The `{}` query parameter carries the credential.",
            property.name
        )
    });
    if also_in_body {
        description.push_str(&format!(
            " The request model also accepts it as `{}` in the JSON body, where the body \
             schema marks it `writeOnly`.",
            property.name
        ));
    }
    let scheme = json!({
        "type": "apiKey",
        "in": "query",
        "name": property.name,
        "description": description,
    });
    let Value::Object(scheme) = scheme else {
        unreachable!("json! of an object literal is an object")
    };
    credential(namespace, endpoint_id, &property.name, scheme)
}

fn credential(
    namespace: &str,
    endpoint_id: &str,
    wire_name: &str,
    scheme: Map<String, Value>,
) -> Credential {
    // Component names must match `^[a-zA-Z0-9._-]+$`.
    let safe: String = wire_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Credential {
        name: format!("{namespace}.{safe}"),
        qualified_name: format!("{endpoint_id}.{safe}"),
        scheme: Value::Object(scheme),
    }
}

/// `authorization` → `Authorization`, `x-api-key` → `X-Api-Key`: the model writes header
/// names lower-case, documents conventionally capitalise them (HTTP does not care).
fn header_name(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Adds `credentials` to a document's `securitySchemes` and returns the names the operation
/// requires. A name already taken by a different scheme falls back to the endpoint-qualified
/// name; only if that is taken too is it an error.
pub(crate) fn register(
    credentials: &[Credential],
    schemes: &mut Map<String, Value>,
) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for credential in credentials {
        let name = [&credential.name, &credential.qualified_name]
            .into_iter()
            .find(|name| {
                schemes
                    .get(name.as_str())
                    .is_none_or(|existing| *existing == credential.scheme)
            })
            .ok_or_else(|| {
                format!(
                    "two different security schemes want the name `{}`",
                    credential.qualified_name
                )
            })?;
        schemes.insert(name.clone(), credential.scheme.clone());
        names.push(name.clone());
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn property(name: &str, description: Option<&str>) -> Property {
        Property {
            name: name.to_owned(),
            required: true,
            description: description.map(str::to_owned),
            deprecated: false,
            secret: true,
            schema: json!({"type": "string", "writeOnly": true, "x-pushspec-secret": true}),
        }
    }

    #[test]
    fn the_table_decides_bearer_or_raw() {
        let authorization = property("authorization", Some("The token."));
        let mantago = header("mantago", "mantago.broadcast", &authorization);
        assert_eq!(mantago.name, "mantago.authorization");
        assert_eq!(mantago.scheme["type"], "http");
        assert_eq!(mantago.scheme["scheme"], "bearer");
        assert_eq!(mantago.scheme["bearerFormat"], "JWT");
        let smax = header("smax", "smax.v2.send", &authorization);
        assert_eq!(smax.scheme["scheme"], "bearer");
        assert!(smax.scheme.get("bearerFormat").is_none());
        let oca = header("oca", "oca.template", &authorization);
        assert_eq!(
            oca.scheme,
            json!({
                "type": "apiKey", "in": "header", "name": "Authorization",
                "description": AUTHORIZATION[2].2,
            })
        );
        assert!(
            oca.scheme["description"]
                .as_str()
                .unwrap()
                .contains("Bearer")
        );
    }

    #[test]
    fn unknown_vendors_and_other_headers_are_api_keys_described_by_the_model() {
        let unknown = header(
            "acme",
            "acme.send",
            &property("authorization", Some("Doc.")),
        );
        assert_eq!(
            unknown.scheme,
            json!({"type": "apiKey", "in": "header", "name": "Authorization", "description": "Doc."})
        );
        // The table speaks of `Authorization` only.
        let key = header("oca", "oca.template", &property("x-api-key", None));
        assert_eq!(key.name, "oca.x-api-key");
        assert_eq!(key.scheme["name"], "X-Api-Key");
        assert_eq!(key.scheme["type"], "apiKey");
    }

    #[test]
    fn query_credentials_are_api_keys() {
        let token = query(
            "ahachat",
            "ahachat.send-by-user",
            &property("ahachat_token", Some("The bot's token.")),
            false,
        );
        assert_eq!(token.name, "ahachat.ahachat_token");
        assert_eq!(token.qualified_name, "ahachat.send-by-user.ahachat_token");
        assert_eq!(
            token.scheme,
            json!({"type": "apiKey", "in": "query", "name": "ahachat_token", "description": "The bot's token."})
        );
    }

    #[test]
    fn a_body_alternative_is_described() {
        let token = query(
            "chatfuel",
            "chatfuel.send",
            &property("chatfuel_token", None),
            true,
        );
        assert_eq!(
            token.scheme["description"],
            "The `chatfuel_token` query parameter carries the credential. The request model \
             also accepts it as `chatfuel_token` in the JSON body, where the body schema marks \
             it `writeOnly`."
        );
    }

    #[test]
    fn equal_schemes_share_a_name_and_different_ones_are_qualified() {
        let mut schemes = Map::new();
        let a = query("v", "v.a", &property("token", Some("A.")), false);
        let same = query("v", "v.b", &property("token", Some("A.")), false);
        let other = query("v", "v.c", &property("token", Some("A.")), true);
        assert_eq!(register(&[a], &mut schemes).unwrap(), ["v.token"]);
        assert_eq!(register(&[same], &mut schemes).unwrap(), ["v.token"]);
        assert_eq!(
            register(std::slice::from_ref(&other), &mut schemes).unwrap(),
            ["v.c.token"]
        );
        let clash = Credential {
            scheme: json!({"type": "apiKey", "in": "query", "name": "token"}),
            ..other
        };
        assert!(register(&[clash], &mut schemes).is_err());
        assert_eq!(schemes.len(), 2);
    }
}
