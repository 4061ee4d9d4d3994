//! Messenger message tags (spec §2.4): `messenger.tag.*` and `smax.tag.quoted`, for MantaGO
//! `fbTag`, AhaChat `ahachat_message_tag`, Smax `messaging_tag` and Chatfuel
//! `chatfuel_message_tag`.
//!
//! A tag only matters outside the 24-hour window after the user's last message, which the
//! validator cannot see, so a missing (or blank) tag is never diagnosed. Query values reach
//! this rule already percent-decoded.

use std::fmt;

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::schema::FieldSchema;

/// The vendor a tag field belongs to; it decides which pseudo-tags are known and which Meta
/// tags the vendor documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TagVendor {
    /// MantaGO `fbTag`; documents no tag list.
    Mantago,
    /// AhaChat `ahachat_message_tag`; documents the three current tags and the pseudo-tag
    /// `STANDARD_MESSAGING`.
    Ahachat,
    /// Smax `messaging_tag`; documents the three current tags.
    Smax,
    /// Chatfuel `chatfuel_message_tag`; passes tags through and has the pseudo-tag `UPDATE`.
    Chatfuel,
}

impl TagVendor {
    /// The vendor's name, for messages.
    pub const fn name(self) -> &'static str {
        match self {
            TagVendor::Mantago => "MantaGO",
            TagVendor::Ahachat => "AhaChat",
            TagVendor::Smax => "Smax",
            TagVendor::Chatfuel => "Chatfuel",
        }
    }

    /// Whether the vendor documents a list of tags (only the three current ones), so that
    /// any other valid Meta tag is `messenger.tag.not-vendor-listed`.
    pub const fn lists_current_tags_only(self) -> bool {
        matches!(self, TagVendor::Ahachat | TagVendor::Smax)
    }
}

impl fmt::Display for TagVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Arguments of the tag rule: whose tag field this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Args {
    /// The vendor of the field.
    pub vendor: TagVendor,
}

/// The tags Meta currently accepts for messages outside the 24-hour window.
pub const CURRENT: [&str; 3] = [
    "CONFIRMED_EVENT_UPDATE",
    "POST_PURCHASE_UPDATE",
    "ACCOUNT_UPDATE",
];

/// The tags Meta retired on 2020-03-04, with the suggested replacement (spec §2.4, `[AMIO]`).
pub const RETIRED: [(&str, Option<&str>); 15] = [
    ("APPLICATION_UPDATE", Some("ACCOUNT_UPDATE")),
    ("ISSUE_RESOLUTION", Some("ACCOUNT_UPDATE")),
    ("PERSONAL_FINANCE_UPDATE", Some("ACCOUNT_UPDATE")),
    ("APPOINTMENT_UPDATE", Some("CONFIRMED_EVENT_UPDATE")),
    ("CONFIRMED_EVENT_REMINDER", Some("CONFIRMED_EVENT_UPDATE")),
    ("TICKET_UPDATE", Some("CONFIRMED_EVENT_UPDATE")),
    ("TRANSPORTATION_UPDATE", Some("CONFIRMED_EVENT_UPDATE")),
    ("PAYMENT_UPDATE", Some("POST_PURCHASE_UPDATE")),
    ("RESERVATION_UPDATE", Some("POST_PURCHASE_UPDATE")),
    ("SHIPPING_UPDATE", Some("POST_PURCHASE_UPDATE")),
    ("BUSINESS_PRODUCTIVITY", None),
    ("COMMUNITY_ALERT", None),
    ("PAIRING_UPDATE", None),
    ("GAME_EVENT", None),
    ("FEATURE_FUNCTIONALITY_UPDATE", None),
];

/// A normalised tag: trimmed, one pair of quotes removed, upper-cased; with what had to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised<'a> {
    /// The tag after normalisation: borrowed from the value when it was already upper case
    /// (as nearly every tag sent is), so that the usual tag costs no copy.
    pub tag: std::borrow::Cow<'a, str>,
    /// Whether whitespace surrounded the tag (outside or inside the quotes).
    pub whitespace: bool,
    /// Whether one pair of `"…"` or `'…'` was removed.
    pub quoted: bool,
    /// Whether upper-casing changed the tag.
    pub case: bool,
}

/// Normalises a tag value (spec §2.4), except for percent-decoding, which is the caller's.
pub fn normalise(raw: &str) -> Normalised<'_> {
    let trimmed = raw.trim();
    let unquoted = ['"', '\'']
        .into_iter()
        .find_map(|q| trimmed.strip_prefix(q)?.strip_suffix(q));
    let quoted = unquoted.is_some();
    let inner = unquoted.unwrap_or(trimmed);
    let bare = inner.trim();
    let case = bare.bytes().any(|b| b.is_ascii_lowercase());
    Normalised {
        whitespace: trimmed.len() != raw.len() || bare.len() != inner.len(),
        quoted,
        case,
        tag: if case {
            bare.to_ascii_uppercase().into()
        } else {
            bare.into()
        },
    }
}

/// What a normalised tag is (spec §2.4 class table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagClass {
    /// `CONFIRMED_EVENT_UPDATE`, `POST_PURCHASE_UPDATE` or `ACCOUNT_UPDATE`.
    Current,
    /// `HUMAN_AGENT`: human replies only, with Meta's permission.
    HumanAgent,
    /// `CUSTOMER_FEEDBACK`: Meta's customer feedback template only.
    CustomerFeedback,
    /// Retired on 2020-03-04, with the suggested replacement, if there is one.
    Retired(Option<&'static str>),
    /// `NON_PROMOTIONAL_SUBSCRIPTION`: News Page Index publishers only.
    NpiOnly,
    /// The vendor's own pseudo-tag (`UPDATE` on Chatfuel, `STANDARD_MESSAGING` on AhaChat).
    VendorPseudo,
    /// Anything else, including another vendor's pseudo-tag.
    Unknown,
}

/// Classifies a normalised (upper-case) tag for `vendor`.
pub fn classify(tag: &str, vendor: TagVendor) -> TagClass {
    if CURRENT.contains(&tag) {
        return TagClass::Current;
    }
    if let Some((_, replacement)) = RETIRED.iter().find(|(retired, _)| *retired == tag) {
        return TagClass::Retired(*replacement);
    }
    match tag {
        "HUMAN_AGENT" => TagClass::HumanAgent,
        "CUSTOMER_FEEDBACK" => TagClass::CustomerFeedback,
        "NON_PROMOTIONAL_SUBSCRIPTION" => TagClass::NpiOnly,
        _ => match pseudo_owner(tag) {
            Some(owner) if owner == vendor => TagClass::VendorPseudo,
            _ => TagClass::Unknown,
        },
    }
}

/// The vendor whose pseudo-tag `tag` is: `UPDATE` (Chatfuel), `STANDARD_MESSAGING` (AhaChat).
pub fn pseudo_owner(tag: &str) -> Option<TagVendor> {
    match tag {
        "UPDATE" => Some(TagVendor::Chatfuel),
        "STANDARD_MESSAGING" => Some(TagVendor::Ahachat),
        _ => None,
    }
}

const CURRENT_LIST: &str = "`CONFIRMED_EVENT_UPDATE`, `POST_PURCHASE_UPDATE` or `ACCOUNT_UPDATE`";

/// Checks a Messenger tag field (spec §2.4).
///
/// ```text
/// #[pushspec(messenger_tag = "chatfuel")]
/// chatfuel_message_tag: Option<String>,
/// ```
///
/// Only strings are checked; a blank tag is a missing tag and is never diagnosed.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(raw) = node.as_str() else { return };
    let vendor = args.vendor;
    let normalised = normalise(raw);
    let tag = &*normalised.tag;
    if tag.is_empty() {
        return;
    }
    let what = Described(*at);
    let class = classify(tag, vendor);

    // Spelling findings only accompany a known tag: for an unknown one, the unknown-tag
    // error (which shows the normalised value) is the finding to act on.
    if class != TagClass::Unknown {
        if normalised.quoted && vendor == TagVendor::Smax {
            cx.emit(
                &catalog::SMAX_TAG_QUOTED,
                at,
                node.span,
                format_args!(
                    "{what} is {}, in literal quotes (Smax's docs show the value quoted); whether Smax strips them is undocumented, and Meta rejects a quoted tag",
                    shown(raw)
                ),
            )
            .help(format_args!("send the tag without quotes: `{tag}`"));
        }
        let mut issues = Vec::new();
        if normalised.whitespace {
            issues.push("surrounding whitespace");
        }
        if normalised.quoted && vendor != TagVendor::Smax {
            issues.push("quotes");
        }
        if normalised.case {
            issues.push("lower-case letters");
        }
        if !issues.is_empty() {
            cx.emit(
                &catalog::MESSENGER_TAG_FORMAT,
                at,
                node.span,
                format_args!(
                    "{what} is {}, with {}; Meta expects the tag exactly as `{tag}`",
                    shown(raw),
                    join(&issues)
                ),
            )
            .help(format_args!("send `{tag}`"));
        }
    }

    match class {
        TagClass::Current => {}
        TagClass::HumanAgent => {
            cx.emit(
                &catalog::MESSENGER_TAG_HUMAN_AGENT,
                at,
                node.span,
                format_args!(
                    "{what} is `HUMAN_AGENT`, which is only for replies written by a person within 7 days of the user's last message and needs Meta's Human Agent permission; an automated push does not qualify"
                ),
            )
            .help(format_args!("for an automated message outside the 24-hour window, use {CURRENT_LIST} if the message fits"));
            if vendor.lists_current_tags_only() {
                not_vendor_listed(node, at, cx, vendor, tag);
            }
        }
        TagClass::CustomerFeedback => {
            cx.emit(
                &catalog::MESSENGER_TAG_NOT_VENDOR_LISTED,
                at,
                node.span,
                format_args!(
                    "{what} is `CUSTOMER_FEEDBACK`, a Meta tag for its customer feedback template (surveys within 7 days of the user's last message) that {vendor} does not document"
                ),
            )
            .help(format_args!("unless this is a customer feedback template, use {CURRENT_LIST} or no tag"));
        }
        TagClass::Retired(replacement) => {
            let help = match replacement {
                Some(replacement) => format!("use `{replacement}`"),
                None => format!(
                    "no replacement: send within 24 hours of the user's last message without a tag, or use {CURRENT_LIST} if the message fits one of them"
                ),
            };
            cx.emit(
                &catalog::MESSENGER_TAG_DEPRECATED,
                at,
                node.span,
                format_args!("{what} is `{tag}`, a Messenger tag that Meta retired on 2020-03-04; messages with it are rejected"),
            )
            .help(help);
        }
        TagClass::NpiOnly => {
            cx.emit(
                &catalog::MESSENGER_TAG_NPI_ONLY,
                at,
                node.span,
                format_args!(
                    "{what} is `NON_PROMOTIONAL_SUBSCRIPTION`, which only Pages registered in Meta's News Page Index may use"
                ),
            )
            .help(format_args!("unless the Page is a registered news publisher, use {CURRENT_LIST} or no tag"));
        }
        TagClass::VendorPseudo => {
            let meaning = match vendor {
                TagVendor::Ahachat => "AhaChat's pseudo-tag for sending without a tag",
                _ => "Chatfuel's pseudo-tag for a regular update",
            };
            cx.emit(
                &catalog::MESSENGER_TAG_VENDOR_PSEUDO,
                at,
                node.span,
                format_args!("{what} is `{tag}`, {meaning}: it reaches only users who wrote within the last 24 hours"),
            )
            .help(format_args!("outside the 24-hour window, use {CURRENT_LIST} if the message fits"));
        }
        TagClass::Unknown => {
            let message = if let Some(owner) = pseudo_owner(tag) {
                format!(
                    "{what} is `{tag}`, {owner}'s pseudo-tag, which {vendor} does not know and Meta rejects"
                )
            } else if tag != raw {
                format!(
                    "{what} is {} (normalised: `{tag}`), which is not a Messenger message tag",
                    shown(raw)
                )
            } else {
                format!("{what} is `{tag}`, which is not a Messenger message tag")
            };
            cx.emit(&catalog::MESSENGER_TAG_UNKNOWN, at, node.span, message)
                .help(format_args!(
                    "use {CURRENT_LIST}, or no tag within 24 hours of the user's last message"
                ));
        }
    }
}

/// The schema side: no tag rule is expressible as a keyword (the field stays an open string:
/// unknown tags are the validator's to report), so every rule the field can break is listed
/// in `x-pushspec-rules`.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    let vendor = args.vendor;
    if vendor == TagVendor::Smax {
        fs.note(&catalog::SMAX_TAG_QUOTED);
    }
    fs.note(&catalog::MESSENGER_TAG_FORMAT);
    fs.note(&catalog::MESSENGER_TAG_DEPRECATED);
    fs.note(&catalog::MESSENGER_TAG_HUMAN_AGENT);
    fs.note(&catalog::MESSENGER_TAG_NOT_VENDOR_LISTED);
    fs.note(&catalog::MESSENGER_TAG_NPI_ONLY);
    if matches!(vendor, TagVendor::Ahachat | TagVendor::Chatfuel) {
        fs.note(&catalog::MESSENGER_TAG_VENDOR_PSEUDO);
    }
    fs.note(&catalog::MESSENGER_TAG_UNKNOWN);
}

fn not_vendor_listed(
    node: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    vendor: TagVendor,
    tag: &str,
) {
    cx.emit(
        &catalog::MESSENGER_TAG_NOT_VENDOR_LISTED,
        at,
        node.span,
        format_args!("{} is `{tag}`, a Meta tag that {vendor} does not document: its docs list only {CURRENT_LIST}", Described(*at)),
    );
}

/// The raw value for a message: in backticks, or debug-quoted when it holds control
/// characters that backticks would hide.
fn shown(raw: &str) -> String {
    if raw.chars().any(char::is_control) {
        format!("{raw:?}")
    } else {
        format!("`{raw}`")
    }
}

/// "a, b and c".
fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::Options;
    use crate::json::{Span, Value};
    use crate::rules::testing::{noted, schema_of};

    use TagVendor::{Ahachat, Chatfuel, Mantago, Smax};

    fn run(vendor: TagVendor, value: &str) -> Vec<crate::Diagnostic> {
        let node = Node {
            value: Value::String(value),
            span: Span::new(0, 5),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(
            &node,
            &Path::BODY.key("messaging_tag"),
            &mut cx,
            &Args { vendor },
        );
        cx.into_diagnostics()
    }

    fn codes(vendor: TagVendor, value: &str) -> Vec<&'static str> {
        run(vendor, value).iter().map(|d| d.rule.code).collect()
    }

    #[test]
    fn table() {
        #[rustfmt::skip]
        let cases: &[(TagVendor, &str, &[&str])] = &[
            (Chatfuel, "ACCOUNT_UPDATE", &[]),
            (Smax, "POST_PURCHASE_UPDATE", &[]),
            (Ahachat, "CONFIRMED_EVENT_UPDATE", &[]),
            (Mantago, "ACCOUNT_UPDATE", &[]),
            (Chatfuel, "", &[]),
            (Chatfuel, "   ", &[]),
            (Chatfuel, " account_update ", &["messenger.tag.format"]),
            (Chatfuel, "'ACCOUNT_UPDATE'", &["messenger.tag.format"]),
            (Mantago, "\"Post_Purchase_Update\"", &["messenger.tag.format"]),
            (Smax, "\"ACCOUNT_UPDATE\"", &["smax.tag.quoted"]),
            (Smax, "\"account_update\"", &["smax.tag.quoted", "messenger.tag.format"]),
            (Smax, "'ACCOUNT_UPDATE", &["messenger.tag.unknown"]),
            (Chatfuel, "HUMAN_AGENT", &["messenger.tag.human-agent"]),
            (Mantago, "HUMAN_AGENT", &["messenger.tag.human-agent"]),
            (Smax, "HUMAN_AGENT", &["messenger.tag.human-agent", "messenger.tag.not-vendor-listed"]),
            (Ahachat, "human_agent", &["messenger.tag.format", "messenger.tag.human-agent", "messenger.tag.not-vendor-listed"]),
            (Chatfuel, "CUSTOMER_FEEDBACK", &["messenger.tag.not-vendor-listed"]),
            (Smax, "CUSTOMER_FEEDBACK", &["messenger.tag.not-vendor-listed"]),
            (Chatfuel, "SHIPPING_UPDATE", &["messenger.tag.deprecated"]),
            (Smax, "\"shipping_update\"", &["smax.tag.quoted", "messenger.tag.format", "messenger.tag.deprecated"]),
            (Ahachat, "GAME_EVENT", &["messenger.tag.deprecated"]),
            (Ahachat, "NON_PROMOTIONAL_SUBSCRIPTION", &["messenger.tag.npi-only"]),
            (Smax, "NON_PROMOTIONAL_SUBSCRIPTION", &["messenger.tag.npi-only"]),
            (Chatfuel, "UPDATE", &["messenger.tag.vendor-pseudo"]),
            (Chatfuel, "update", &["messenger.tag.format", "messenger.tag.vendor-pseudo"]),
            (Ahachat, "UPDATE", &["messenger.tag.unknown"]),
            (Ahachat, "STANDARD_MESSAGING", &["messenger.tag.vendor-pseudo"]),
            (Chatfuel, "STANDARD_MESSAGING", &["messenger.tag.unknown"]),
            (Smax, "UPDATE", &["messenger.tag.unknown"]),
            (Mantago, "DAILY", &["messenger.tag.unknown"]),
            (Mantago, " weekly ", &["messenger.tag.unknown"]),
            (Chatfuel, "ACCOUNT UPDATE", &["messenger.tag.unknown"]),
        ];
        for (vendor, value, expected) in cases {
            assert_eq!(codes(*vendor, value), *expected, "{vendor:?} {value:?}");
        }
    }

    #[test]
    fn every_retired_tag_suggests_its_replacement() {
        for (tag, replacement) in RETIRED {
            let diagnostics = run(Chatfuel, tag);
            assert_eq!(diagnostics.len(), 1, "{tag}");
            let help = diagnostics[0].help.as_deref().unwrap();
            match replacement {
                Some(r) => assert_eq!(help, format!("use `{r}`")),
                None => assert!(help.starts_with("no replacement: "), "{help}"),
            }
        }
        assert_eq!(
            run(Smax, "PAYMENT_UPDATE")[0].help.as_deref(),
            Some("use `POST_PURCHASE_UPDATE`")
        );
    }

    #[test]
    fn messages() {
        let d = &run(Chatfuel, " account_update")[0];
        assert_eq!(
            d.message,
            "`messaging_tag` is ` account_update`, with surrounding whitespace and lower-case letters; Meta expects the tag exactly as `ACCOUNT_UPDATE`"
        );
        assert_eq!(d.help.as_deref(), Some("send `ACCOUNT_UPDATE`"));
        let d = &run(Smax, "\"ACCOUNT_UPDATE\"")[0];
        assert_eq!(
            d.help.as_deref(),
            Some("send the tag without quotes: `ACCOUNT_UPDATE`")
        );
        let d = &run(Ahachat, "UPDATE")[0];
        assert!(
            d.message
                .contains("Chatfuel's pseudo-tag, which AhaChat does not know"),
            "{}",
            d.message
        );
        let d = &run(Mantago, "daily\n")[0];
        assert!(d.message.contains("\"daily\\n\""), "{}", d.message);
        assert!(d.message.contains("(normalised: `DAILY`)"), "{}", d.message);
    }

    #[test]
    fn helpers() {
        assert_eq!(
            normalise(" ' Account_Update ' "),
            Normalised {
                tag: "ACCOUNT_UPDATE".into(),
                whitespace: true,
                quoted: true,
                case: true
            }
        );
        assert_eq!(
            normalise("\"x'"),
            Normalised {
                tag: "\"X'".into(),
                whitespace: false,
                quoted: false,
                case: true
            }
        );
        assert_eq!(classify("UPDATE", Chatfuel), TagClass::VendorPseudo);
        assert_eq!(classify("UPDATE", Mantago), TagClass::Unknown);
        assert_eq!(
            classify("TICKET_UPDATE", Smax),
            TagClass::Retired(Some("CONFIRMED_EVENT_UPDATE"))
        );
    }

    #[test]
    fn non_strings_are_left_to_the_type_check() {
        let node = Node {
            value: Value::Bool(false),
            span: Span::new(0, 4),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY, &mut cx, &Args { vendor: Smax });
        assert!(cx.is_clean());
    }

    #[test]
    fn schema_lists_the_vendors_rules() {
        let smax = schema_of(|fs| schema(&Args { vendor: Smax }, fs));
        let smax = noted(&smax);
        assert!(
            smax.contains(&"smax.tag.quoted") && !smax.contains(&"messenger.tag.vendor-pseudo")
        );
        let chatfuel = schema_of(|fs| schema(&Args { vendor: Chatfuel }, fs));
        let chatfuel = noted(&chatfuel);
        assert!(
            !chatfuel.contains(&"smax.tag.quoted")
                && chatfuel.contains(&"messenger.tag.vendor-pseudo")
        );
        assert_eq!(chatfuel.len(), 7);
    }
}
