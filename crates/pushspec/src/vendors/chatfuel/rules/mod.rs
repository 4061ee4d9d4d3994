//! The rules of the Chatfuel Broadcasting API family: Chatfuel itself, and the two vendors
//! that clone its request (spec §1): Smax V1 and AhaChat. They share one request shape, a
//! bot and a user in the path, named parameters in the query string (and, depending on the
//! vendor, in a JSON body), and arbitrary subscriber attributes beside them. So they share
//! the rules that read it, written once here and configured per vendor by a [`Family`]:
//!
//! - [`presence`]: the credential (`auth.token.missing`, with a hint when it was sent as a
//!   header), other required parameters, and one-of selectors (`chatfuel.route.*`,
//!   `smax.block.*`), each looked up in the query string and the JSON body together;
//! - [`attributes`]: attribute names with a reserved prefix (`chatfuel.attr.reserved-prefix`,
//!   `ahachat.attr.reserved-prefix`) and parameters sent in the body where the vendor
//!   documents the query (`smax.params.in-body`, `ahachat.params.in-body`);
//! - [`send`]: Chatfuel's own configuration and the checks its model names.
//!
//! Every check reads the raw JSON tree, like every check, so it still runs when the request
//! is structurally broken elsewhere. Checks that need the query string run on whole requests
//! only: a bare body is checked as the body alone (spec §0).

pub mod attributes;
pub mod presence;
pub mod send;

use crate::diag::Rule;
use crate::json::{Member, Node};

/// How one vendor of the family reads a request.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// The vendor's name, for messages.
    pub vendor: &'static str,
    /// The credential parameter: `chatfuel_token`, `bot_token`, `ahachat_token`.
    pub token: &'static str,
    /// Where the vendor's dashboard shows the token, for the help line.
    pub token_source: &'static str,
    /// The documented parameter names of the endpoint, lower-case as on the wire: the
    /// query model's [`Members::KEYS`](crate::Members::KEYS). Any other name is a subscriber
    /// attribute.
    pub documented: &'static [&'static str],
    /// The prefix the vendor reserves for its own parameters, and the rule an attribute
    /// that uses it breaks.
    pub reserved: (&'static str, &'static Rule),
    /// How the vendor treats the JSON body.
    pub body: Body,
}

/// How a vendor of the family treats parameters in the JSON body.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    /// Documented in the query string or the body, alike (Chatfuel: `q|b`).
    Documented,
    /// Documented in the query string only. A parameter in the body is still read (integrator
    /// code relies on it), but breaks `rule`; attributes there break it too unless
    /// `attributes_accepted` (Smax V1 accepts them in the body, AhaChat documents none).
    Tolerated {
        /// `smax.params.in-body` or `ahachat.params.in-body`.
        rule: &'static Rule,
        /// Whether attributes in the body are accepted without a finding.
        attributes_accepted: bool,
    },
}

impl Family {
    /// Where the vendor reads its parameters, for messages.
    pub const fn where_read(&self) -> &'static str {
        match self.body {
            Body::Documented => "the query string or the JSON body",
            Body::Tolerated { .. } => "the query string",
        }
    }

    /// Whether `key` is a documented parameter name.
    pub fn is_documented(&self, key: &str) -> bool {
        self.documented.contains(&key)
    }

    /// The documented name `key` spells in other letter case, if any. The model's unknown-key
    /// handling reports that as `common.field.case`, which every family rule defers to.
    pub fn miscased(&self, key: &str) -> Option<&'static str> {
        self.documented
            .iter()
            .copied()
            .find(|d| *d != key && d.eq_ignore_ascii_case(key))
    }
}

/// The part of a request a parameter was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The query string, `/query/...`.
    Query,
    /// The JSON body, `/body/...`.
    Body,
}

impl Part {
    /// The part's key in the request tree.
    pub const fn key(self) -> &'static str {
        match self {
            Part::Query => "query",
            Part::Body => "body",
        }
    }
}

/// A parameter found in a request: the part it is in, and its member.
#[derive(Debug, Clone, Copy)]
pub struct Found<'n, 'a> {
    /// The query string or the body.
    pub part: Part,
    /// The `name: value` member.
    pub member: &'n Member<'a>,
}

/// The members of the query string and of the JSON body (when it is an object), in that
/// order: the parameters a family vendor reads.
pub fn members<'n, 'a>(request: &'n Node<'a>) -> impl Iterator<Item = Found<'n, 'a>> {
    // Two plain slice walks chained: the presence rules run this once per name they look
    // for, on every request of the family, and a `flat_map` over the parts cost more than
    // the walks.
    let part = |part: Part| {
        request
            .get(part.key())
            .and_then(Node::as_object)
            .unwrap_or_default()
            .iter()
            .map(move |member| Found { part, member })
    };
    part(Part::Query).chain(part(Part::Body))
}

/// The first occurrence of the parameter `name` with a value (not `""`, not null), the query
/// string before the body.
pub fn given<'n, 'a>(request: &'n Node<'a>, name: &str) -> Option<Found<'n, 'a>> {
    members(request).find(|f| f.member.key == name && f.member.value.is_given())
}

/// The first occurrence of the parameter `name`, given or not.
pub fn present<'n, 'a>(request: &'n Node<'a>, name: &str) -> Option<Found<'n, 'a>> {
    members(request).find(|f| f.member.key == name)
}

/// Whether the request carries `name` in other letter case (`CHATFUEL_TOKEN`): it is
/// reported as `common.field.case`, so a missing-parameter finding would repeat it.
pub fn is_miscased(request: &Node<'_>, name: &str) -> bool {
    members(request).any(|f| f.member.key != name && f.member.key.eq_ignore_ascii_case(name))
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::vendors::chatfuel::{Query as ChatfuelQuery, SEND};
    use crate::{Endpoint, Options, Report};

    /// Validates a request envelope as `endpoint`.
    pub(crate) fn envelope(endpoint: &'static Endpoint, source: &str) -> Report {
        crate::validate_envelope(source.as_bytes(), Some(endpoint), &Options::default())
    }

    /// The codes of a report, sorted.
    pub(crate) fn codes(report: &Report) -> Vec<&'static str> {
        let mut codes: Vec<_> = report.diagnostics.iter().map(|d| d.rule.code).collect();
        codes.sort_unstable();
        codes
    }

    const URL: &str =
        "https://api.chatfuel.com/bots/5f0e1d2c3b4a596877665544/users/4837261509182736/send";

    fn chatfuel(query: &str, headers: &str, body: Option<&str>) -> Report {
        let body = body
            .map(|b| format!(r#", "body": {b}"#))
            .unwrap_or_default();
        envelope(
            &SEND,
            &format!(
                r#"{{"method": "POST", "url": "{URL}?{query}", "headers": {{{headers}}}{body}}}"#
            ),
        )
    }

    #[test]
    fn a_parameter_counts_in_the_query_or_the_body() {
        let token_in_body = chatfuel(
            "chatfuel_block_name=A",
            "",
            Some(r#"{"chatfuel_token": "t"}"#),
        );
        assert!(token_in_body.diagnostics.is_empty(), "{token_in_body:?}");
        let route_in_both = chatfuel(
            "chatfuel_token=t&chatfuel_block_name=A",
            "",
            Some(r#"{"chatfuel_block_name": "A"}"#),
        );
        assert!(
            route_in_both.diagnostics.is_empty(),
            "the same name twice is one route: {route_in_both:?}"
        );
        let three = chatfuel(
            "chatfuel_token=t&chatfuel_block_name=A&chatfuel_flow_id=1&chatfuel_flow_name=F",
            "",
            None,
        );
        assert_eq!(codes(&three), ["chatfuel.route.multiple"]);
        let d = &three.diagnostics[0];
        assert_eq!(d.pointer, "/query/chatfuel_flow_name");
        assert!(
            d.message.starts_with(
                "`chatfuel_block_name`, `chatfuel_flow_name`, `chatfuel_flow_id` are all given"
            ),
            "{}",
            d.message
        );
    }

    #[test]
    fn an_empty_or_null_value_is_missing_and_pointed_at() {
        let empty = chatfuel("chatfuel_token=&chatfuel_block_name=A", "", None);
        assert_eq!(codes(&empty), ["auth.token.missing"]);
        assert_eq!(empty.diagnostics[0].pointer, "/query/chatfuel_token");
        assert!(
            empty.diagnostics[0]
                .message
                .starts_with("`chatfuel_token` is empty")
        );
        let null = chatfuel(
            "chatfuel_block_name=A",
            "",
            Some(r#"{"chatfuel_token": null}"#),
        );
        assert_eq!(codes(&null), ["auth.token.missing"]);
        assert_eq!(null.diagnostics[0].pointer, "/body/chatfuel_token");
    }

    #[test]
    fn the_token_hint_names_the_header_never_the_value() {
        let report = chatfuel(
            "chatfuel_block_name=A",
            r#""Authorization": "Bearer cf-secret-1234""#,
            None,
        );
        assert_eq!(codes(&report), ["auth.token.missing"]);
        let help = report.diagnostics[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("`authorization` header"), "{help}");
        assert!(!format!("{report:?}").contains("cf-secret-1234"));
    }

    #[test]
    fn a_miscased_name_is_reported_once() {
        let token = chatfuel("CHATFUEL_TOKEN=t&chatfuel_block_name=A", "", None);
        assert_eq!(codes(&token), ["common.field.case"]);
        let route = chatfuel(
            "chatfuel_token=t&Chatfuel_Block_Id=5f0e1d2c3b4a596877665544",
            "",
            None,
        );
        assert_eq!(codes(&route), ["common.field.case"]);
    }

    #[test]
    fn reserved_prefixes_in_any_case() {
        let report = chatfuel(
            "chatfuel_token=t&chatfuel_block_name=A&CHATFUEL_NOTE=x&chatfuelx=y&ten_khach=Lan",
            "",
            Some(r#"{"chatfuel_user": "x"}"#),
        );
        let pointers: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.rule.code, d.pointer.as_str()))
            .collect();
        assert_eq!(
            pointers,
            [
                ("chatfuel.attr.reserved-prefix", "/query/CHATFUEL_NOTE"),
                ("chatfuel.attr.reserved-prefix", "/body/chatfuel_user"),
            ]
        );
    }

    #[test]
    fn a_bare_body_is_checked_alone() {
        let report = crate::validate_body(
            &SEND,
            br#"{"ten_khach": "Lan", "chatfuel_x": "1"}"#,
            &Options::default(),
        );
        assert_eq!(
            codes(&report),
            ["chatfuel.attr.reserved-prefix"],
            "no token or route finding without the query"
        );
    }

    #[test]
    fn a_typed_request_builds_a_valid_request() {
        use crate::request::EndpointRequest;
        use crate::vendors::chatfuel::{Headers, SendRequest, UserPath};

        let mut query: ChatfuelQuery = serde_json::from_value(serde_json::json!({
            "chatfuel_token": "cf-demo-token-3390",
            "chatfuel_block_name": "Xác nhận đơn hàng",
            "ten_khach": "Nguyễn Thị Lan",
        }))
        .unwrap();
        query.params.chatfuel_message_tag = Some("POST_PURCHASE_UPDATE".into());
        let request = SendRequest {
            path: UserPath {
                bot_id: "5f0e1d2c3b4a596877665544".into(),
                user_id: "4837261509182736".into(),
            },
            query,
            headers: Headers {
                content_type: Some("application/json".into()),
                other: Default::default(),
            },
            body: None,
        };
        let built = request.to_request().unwrap();
        assert!(built.url.starts_with(URL), "{}", built.url);
        assert!(
            built
                .url
                .contains("chatfuel_block_name=X%C3%A1c%20nh%E1%BA%ADn"),
            "{}",
            built.url
        );
        let report = crate::validate_request(&built, &Options::default());
        assert!(report.diagnostics.is_empty(), "{report:?}");
        assert!(!format!("{request:?}").contains("cf-demo-token-3390"));
    }
}
