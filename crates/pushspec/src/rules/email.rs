//! E-mail addresses (Smax V2 `customer_email`, spec §3.6): `smax.customer.email-unparseable`
//! and `smax.customer.email-format`.
//!
//! Only the shape is checked, never deliverability. Messages do not echo the address (it is
//! personal data and the pointer already says which field it is), except for the domain
//! where the domain is the problem.

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::schema::FieldSchema;

/// Arguments of the e-mail rule (none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Args {}

/// Why a value is not an e-mail address or looks implausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem<'a> {
    /// No `@` at all (`smax.customer.email-unparseable`).
    NoAt,
    /// Nothing before the first `@` (`smax.customer.email-unparseable`).
    NoLocalPart,
    /// Nothing after the last `@` (`smax.customer.email-unparseable`).
    NoDomain,
    /// Whitespace or control characters anywhere (`smax.customer.email-format`).
    Whitespace,
    /// More than one `@` (`smax.customer.email-format`).
    SeveralAts(usize),
    /// No `.` in the domain, which is given (`smax.customer.email-format`).
    NoDotInDomain(&'a str),
}

impl Problem<'_> {
    /// Whether the value cannot be an address at all (as opposed to merely implausible).
    pub fn is_unparseable(&self) -> bool {
        matches!(
            self,
            Problem::NoAt | Problem::NoLocalPart | Problem::NoDomain
        )
    }

    fn describe(&self) -> String {
        match self {
            Problem::NoAt => "it has no `@`".to_owned(),
            Problem::NoLocalPart => "nothing comes before the `@`".to_owned(),
            Problem::NoDomain => "nothing comes after the `@`".to_owned(),
            Problem::Whitespace => "it contains whitespace".to_owned(),
            Problem::SeveralAts(n) => format!("it contains {n} `@` signs"),
            Problem::NoDotInDomain(domain) => format!("its domain `{domain}` has no `.`"),
        }
    }
}

/// Every problem with `s` as an e-mail address. Unparseable problems come alone: the
/// plausibility checks need a local part and a domain to look at.
pub fn problems(s: &str) -> Vec<Problem<'_>> {
    let (Some(first), Some(last)) = (s.find('@'), s.rfind('@')) else {
        return vec![Problem::NoAt];
    };
    let local = s.get(..first).unwrap_or_default();
    let domain = s.get(last + 1..).unwrap_or_default();
    let mut found = Vec::new();
    if local.trim().is_empty() {
        found.push(Problem::NoLocalPart);
    }
    if domain.trim().is_empty() {
        found.push(Problem::NoDomain);
    }
    if !found.is_empty() {
        return found;
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        found.push(Problem::Whitespace);
    }
    let ats = s.matches('@').count();
    if ats > 1 {
        found.push(Problem::SeveralAts(ats));
    }
    let domain = domain.trim();
    if !domain.contains('.') {
        found.push(Problem::NoDotInDomain(domain));
    }
    found
}

/// Checks an e-mail field.
///
/// ```text
/// #[pushspec(email)]
/// customer_email: Option<String>,
/// ```
///
/// Only strings are checked, and `""` is left to the presence rules.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Args {} = args;
    let Some(raw) = node.as_str() else { return };
    if raw.is_empty() {
        return;
    }
    let found = problems(raw);
    let Some(first) = found.first() else { return };
    let what = Described(*at);
    let reasons: Vec<_> = found.iter().map(Problem::describe).collect();
    let reasons = join(&reasons);
    if first.is_unparseable() {
        cx.emit(
            &catalog::SMAX_CUSTOMER_EMAIL_UNPARSEABLE,
            at,
            node.span,
            format_args!("{what} cannot be an e-mail address: {reasons}; expected `name@example.com`"),
        )
        .help("send the customer's full e-mail address, or use another identifier (`customer_id`, `customer_phone`, `customer_fbid`)");
    } else {
        cx.emit(
            &catalog::SMAX_CUSTOMER_EMAIL_FORMAT,
            at,
            node.span,
            format_args!("{what} does not look like an e-mail address: {reasons}; expected `name@example.com`"),
        )
        .help("check the address for typing or copy-and-paste mistakes; Smax will not find a customer by a wrong address");
    }
}

/// The schema side: neither rule is expressed by the schema (JSON Schema's `format: email`
/// is both stricter and, by default, not asserted), so both are listed in `x-pushspec-rules`.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    let Args {} = args;
    fs.note(&catalog::SMAX_CUSTOMER_EMAIL_UNPARSEABLE);
    fs.note(&catalog::SMAX_CUSTOMER_EMAIL_FORMAT);
}

/// "a, b and c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::Options;
    use crate::json::{Span, Value};
    use crate::rules::testing::{noted, schema_of};

    fn run(value: &str) -> Vec<crate::Diagnostic> {
        let node = Node {
            value: Value::String(value),
            span: Span::new(0, 5),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY.key("customer_email"), &mut cx, &Args {});
        cx.into_diagnostics()
    }

    #[test]
    fn table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("rina@example.co.id", &[]),
            ("first.last+tag@sub.example.com", &[]),
            ("", &[]),
            ("rina.example.com", &["smax.customer.email-unparseable"]),
            ("@example.com", &["smax.customer.email-unparseable"]),
            ("rina@", &["smax.customer.email-unparseable"]),
            ("@", &["smax.customer.email-unparseable"]),
            ("  @  ", &["smax.customer.email-unparseable"]),
            (" rina@example.com", &["smax.customer.email-format"]),
            ("rina @example.com", &["smax.customer.email-format"]),
            ("rina@@example.com", &["smax.customer.email-format"]),
            ("rina@example@com", &["smax.customer.email-format"]),
            ("rina@localhost", &["smax.customer.email-format"]),
        ];
        for (value, expected) in cases {
            let codes: Vec<_> = run(value).iter().map(|d| d.rule.code).collect();
            assert_eq!(codes, *expected, "{value:?}");
        }
    }

    #[test]
    fn one_finding_lists_every_problem() {
        let d = &run("rina @example@com")[0];
        assert_eq!(
            d.message,
            "`customer_email` does not look like an e-mail address: it contains whitespace, it contains 2 `@` signs and its domain `com` has no `.`; expected `name@example.com`"
        );
        let d = &run("@")[0];
        assert_eq!(
            d.message,
            "`customer_email` cannot be an e-mail address: nothing comes before the `@` and nothing comes after the `@`; expected `name@example.com`"
        );
    }

    #[test]
    fn the_local_part_is_not_echoed() {
        for d in run("secret.person @example.com")
            .into_iter()
            .chain(run("secret.person@"))
        {
            assert!(!d.message.contains("secret.person"), "{}", d.message);
        }
    }

    #[test]
    fn non_strings_are_left_to_the_type_check() {
        let node = Node {
            value: Value::Bool(true),
            span: Span::new(0, 4),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY, &mut cx, &Args {});
        assert!(cx.is_clean());
    }

    #[test]
    fn schema_lists_both_rules() {
        let s = schema_of(|fs| schema(&Args {}, fs));
        assert_eq!(
            noted(&s),
            [
                "smax.customer.email-format",
                "smax.customer.email-unparseable"
            ]
        );
    }
}
