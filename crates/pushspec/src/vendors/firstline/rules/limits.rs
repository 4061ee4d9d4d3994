//! The platform limits of spec §4 (`line.*`, `messenger.*`; all warnings): FIRST LINE
//! documents none, but forwards each message to the contact's platform, which has its own.
//!
//! Which platform is read from a sibling of `message`, `contactable_type` (LINE for
//! `App\LineContact`, Messenger for `App\FbContact`, nothing checked for the others), so the
//! limits run as one check on the body rather than as field attributes. Each platform is one
//! table, [`LINE`] and [`MESSENGER`]: a row names the message `type`, the path from `message`
//! to the values it measures, and the measure. The measures reuse the attribute rules
//! ([`chars`], [`items`]), so the findings read like theirs.

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::{Path, Rule};
use crate::json::Node;
use crate::rules::{chars, items, url};

use Step::{Each, Key};

/// The platform a FIRST LINE contact is on, for the limits that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// LINE (`App\LineContact`, and every `firstline.push-line-user` message).
    Line,
    /// Facebook Messenger (`App\FbContact`).
    Messenger,
}

impl Platform {
    /// The platform of a `contactable_type` value, if its limits are known.
    pub fn of(contactable_type: &str) -> Option<Platform> {
        match contactable_type {
            "App\\LineContact" => Some(Platform::Line),
            "App\\FbContact" => Some(Platform::Messenger),
            _ => None,
        }
    }

    /// The platform's limits.
    pub const fn limits(self) -> &'static [Limit] {
        match self {
            Platform::Line => LINE,
            Platform::Messenger => MESSENGER,
        }
    }
}

/// One step from `message` towards the measured values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The member with this key.
    Key(&'static str),
    /// Every item of the array.
    Each,
}

/// What a limit measures at the end of its path.
#[derive(Debug, Clone, Copy)]
pub enum Measure {
    /// A string's length in characters.
    Chars(chars::Args),
    /// An array's number of items.
    Items(items::Args),
    /// A LINE URI action: at most 1000 characters, `http`, `https` or `tel`
    /// (`line.action.uri`).
    ActionUri,
    /// A LINE image URL: `https`, at most 2000 characters (`line.image.https`).
    ImageHttps,
    /// LINE carousel columns: the same number of actions in each, and an image and a title
    /// in all of them or in none (`line.carousel.consistency`).
    Consistency,
}

/// When a limit applies, judged on the object that holds the measured member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// When one of these siblings is given.
    AnyGiven(&'static [&'static str]),
    /// When none of these siblings is given.
    NoneGiven(&'static [&'static str]),
}

/// One row of a platform's table.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// The message `type` the row applies to.
    pub message: &'static str,
    /// The path from `message` to the measured values; empty for `message` itself.
    pub path: &'static [Step],
    /// What is measured.
    pub measure: Measure,
    /// When the row applies.
    pub when: When,
}

const fn limit(message: &'static str, path: &'static [Step], measure: Measure) -> Limit {
    Limit {
        message,
        path,
        measure,
        when: When::Always,
    }
}

impl Limit {
    /// The row, applied only `when`.
    const fn when(self, when: When) -> Limit {
        Limit { when, ..self }
    }
}

const fn max_chars(max: u64, rule: &'static Rule) -> Measure {
    Measure::Chars(chars::Args {
        min: None,
        max: Some(max),
        rule,
    })
}

const fn max_items(max: u64, rule: &'static Rule) -> Measure {
    Measure::Items(items::Args {
        min: None,
        max: Some(max),
        rule,
    })
}

/// LINE's alt text: 1 to 400 characters.
const ALT_TEXT: Measure = Measure::Chars(chars::Args {
    min: Some(1),
    max: Some(400),
    rule: &catalog::LINE_ALT_TEXT_LENGTH,
});

const OPTIONS: &[Step] = &[Key("options")];
const OPTION_LABEL: &[Step] = &[Key("options"), Each, Key("label")];
const OPTION_VALUE: &[Step] = &[Key("options"), Each, Key("value")];
const OPTION_URL: &[Step] = &[Key("options"), Each, Key("url")];
const COLUMNS: &[Step] = &[Key("columns")];
const COLUMN_IMAGE: &[Step] = &[Key("columns"), Each, Key("image_url")];
const COLUMN_TITLE: &[Step] = &[Key("columns"), Each, Key("title")];
const COLUMN_TEXT: &[Step] = &[Key("columns"), Each, Key("text")];
const ACTIONS: &[Step] = &[Key("columns"), Each, Key("actions")];
const ACTION_LABEL: &[Step] = &[Key("columns"), Each, Key("actions"), Each, Key("label")];
const ACTION_VALUE: &[Step] = &[Key("columns"), Each, Key("actions"), Each, Key("value")];
const ACTION_URL: &[Step] = &[Key("columns"), Each, Key("actions"), Each, Key("url")];
const IMAGE_BUTTON_TEXT: &[Step] = &[Key("columns"), Each, Key("button"), Key("text")];
const IMAGE_ACTION_VALUE: &[Step] = &[Key("columns"), Each, Key("action"), Key("value")];
const IMAGE_ACTION_URL: &[Step] = &[Key("columns"), Each, Key("action"), Key("url")];

/// A carousel card's text is shorter when the card has an image or a title.
const IMAGE_OR_TITLE: &[&str] = &["image_url", "title"];

/// LINE's limits (spec §4, source LINE-REF). An image carousel's label is drawn from its
/// `button.text`, so LINE's 12-character image-carousel label limit applies there.
#[rustfmt::skip]
pub const LINE: &[Limit] = &[
    limit("text", &[], max_chars(5000, &catalog::LINE_TEXT_LENGTH)),
    limit("button", &[Key("explain_text")], max_chars(160, &catalog::LINE_BUTTONS_TEXT_LENGTH)),
    limit("button", OPTIONS, max_items(4, &catalog::LINE_BUTTONS_ACTION_COUNT)),
    limit("button", OPTION_LABEL, max_chars(20, &catalog::LINE_ACTION_LABEL_LENGTH)),
    limit("button", OPTION_VALUE, max_chars(300, &catalog::LINE_ACTION_TEXT_LENGTH)),
    limit("button", OPTION_URL, Measure::ActionUri),
    limit("quickreply", OPTIONS, max_items(13, &catalog::LINE_QUICK_REPLY_COUNT)),
    limit("quickreply", OPTION_LABEL, max_chars(20, &catalog::LINE_ACTION_LABEL_LENGTH)),
    limit("quickreply", OPTION_VALUE, max_chars(300, &catalog::LINE_ACTION_TEXT_LENGTH)),
    limit("quickreply", OPTION_URL, Measure::ActionUri),
    limit("carousel", &[Key("alt_text")], ALT_TEXT),
    limit("carousel", COLUMNS, max_items(10, &catalog::LINE_CAROUSEL_COLUMN_COUNT)),
    limit("carousel", COLUMNS, Measure::Consistency),
    limit("carousel", COLUMN_IMAGE, Measure::ImageHttps),
    limit("carousel", COLUMN_TITLE, max_chars(40, &catalog::LINE_CAROUSEL_TITLE_LENGTH)),
    limit("carousel", COLUMN_TEXT, max_chars(120, &catalog::LINE_CAROUSEL_TEXT_LENGTH)).when(When::NoneGiven(IMAGE_OR_TITLE)),
    limit("carousel", COLUMN_TEXT, max_chars(60, &catalog::LINE_CAROUSEL_TEXT_LENGTH)).when(When::AnyGiven(IMAGE_OR_TITLE)),
    limit("carousel", ACTIONS, max_items(3, &catalog::LINE_CAROUSEL_ACTION_COUNT)),
    limit("carousel", ACTION_LABEL, max_chars(20, &catalog::LINE_ACTION_LABEL_LENGTH)),
    limit("carousel", ACTION_VALUE, max_chars(300, &catalog::LINE_ACTION_TEXT_LENGTH)),
    limit("carousel", ACTION_URL, Measure::ActionUri),
    limit("image_carousel", &[Key("alt_text")], ALT_TEXT),
    limit("image_carousel", COLUMNS, max_items(10, &catalog::LINE_CAROUSEL_COLUMN_COUNT)),
    limit("image_carousel", COLUMN_IMAGE, Measure::ImageHttps),
    limit("image_carousel", IMAGE_BUTTON_TEXT, max_chars(12, &catalog::LINE_ACTION_LABEL_LENGTH)),
    limit("image_carousel", IMAGE_ACTION_VALUE, max_chars(300, &catalog::LINE_ACTION_TEXT_LENGTH)),
    limit("image_carousel", IMAGE_ACTION_URL, Measure::ActionUri),
];

/// Messenger's limits (spec §4, sources FB-SEND, FB-QR, TBP): a button message becomes a
/// button template, a carousel a generic template. URLs need only `url.scheme`, which every
/// URL field checks anyway.
#[rustfmt::skip]
pub const MESSENGER: &[Limit] = &[
    limit("text", &[], max_chars(2000, &catalog::MESSENGER_TEXT_LENGTH)),
    limit("button", &[Key("explain_text")], max_chars(640, &catalog::MESSENGER_BUTTON_TEXT_LENGTH)),
    limit("button", OPTIONS, max_items(3, &catalog::MESSENGER_BUTTON_COUNT)),
    limit("button", OPTION_LABEL, max_chars(20, &catalog::MESSENGER_BUTTON_TITLE_LENGTH)),
    limit("quickreply", OPTIONS, max_items(13, &catalog::MESSENGER_QUICK_REPLY_COUNT)),
    limit("quickreply", OPTION_LABEL, max_chars(20, &catalog::MESSENGER_QUICK_REPLY_TITLE_LENGTH)),
    limit("carousel", COLUMNS, max_items(10, &catalog::MESSENGER_GENERIC_ELEMENT_COUNT)),
    limit("carousel", COLUMN_TITLE, max_chars(80, &catalog::MESSENGER_GENERIC_TEXT_LENGTH)),
    limit("carousel", COLUMN_TEXT, max_chars(80, &catalog::MESSENGER_GENERIC_TEXT_LENGTH)),
    limit("carousel", ACTIONS, max_items(3, &catalog::MESSENGER_BUTTON_COUNT)),
    limit("carousel", ACTION_LABEL, max_chars(20, &catalog::MESSENGER_BUTTON_TITLE_LENGTH)),
    limit("image_carousel", COLUMNS, max_items(10, &catalog::MESSENGER_GENERIC_ELEMENT_COUNT)),
    limit("image_carousel", IMAGE_BUTTON_TEXT, max_chars(20, &catalog::MESSENGER_BUTTON_TITLE_LENGTH)),
];

/// The `firstline.push` body: the limits of the platform `contactable_type` names.
pub fn push(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let platform = node
        .get("contactable_type")
        .and_then(Node::as_str)
        .and_then(Platform::of);
    if let Some(platform) = platform {
        apply(platform, node, at, cx);
    }
}

/// The `firstline.push-line-user` body: always LINE.
pub fn line_user(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    apply(Platform::Line, node, at, cx);
}

/// Runs `platform`'s rows for the body's message `type` on its `message`.
pub fn apply(platform: Platform, body: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let (Some(kind), Some(message)) =
        (body.get("type").and_then(Node::as_str), body.get("message"))
    else {
        return;
    };
    let message_at = at.key("message");
    for row in platform.limits().iter().filter(|row| row.message == kind) {
        visit(row, message, None, &message_at, row.path, cx);
    }
}

/// Follows `steps` from `node` (held by `parent`), and measures what it reaches. Values of
/// the wrong kind are skipped: the model's type checks report them.
fn visit(
    row: &Limit,
    node: &Node<'_>,
    parent: Option<&Node<'_>>,
    at: &Path<'_>,
    steps: &[Step],
    cx: &mut Cx<'_>,
) {
    match steps.split_first() {
        None => {
            if applies(row.when, parent) {
                measure(row.measure, node, at, cx);
            }
        }
        Some((Key(key), rest)) => {
            if let Some(child) = node.get(key) {
                visit(row, child, Some(node), &at.key(key), rest, cx);
            }
        }
        Some((Each, rest)) => {
            for (i, item) in node.as_array().unwrap_or_default().iter().enumerate() {
                visit(row, item, Some(node), &at.index(i), rest, cx);
            }
        }
    }
}

fn applies(when: When, parent: Option<&Node<'_>>) -> bool {
    let given = |keys: &[&str]| {
        keys.iter()
            .any(|k| parent.and_then(|p| p.get(k)).is_some_and(Node::is_given))
    };
    match when {
        When::Always => true,
        When::AnyGiven(keys) => given(keys),
        When::NoneGiven(keys) => !given(keys),
    }
}

fn measure(measure: Measure, node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    match measure {
        Measure::Chars(args) => chars::apply(node, at, cx, &args),
        Measure::Items(args) => items::apply(node, at, cx, &args),
        Measure::ActionUri => action_uri(node, at, cx),
        Measure::ImageHttps => image_https(node, at, cx),
        Measure::Consistency => consistency(node, at, cx),
    }
}

/// The schemes LINE's URI action opens.
const ACTION_SCHEMES: &[&str] = &["http", "https", "tel"];

/// `line.action.uri`: at most 1000 characters; `http`, `https` or `tel`. A value that is not
/// a URL at all is `url.syntax`'s, so only the length is judged then.
fn action_uri(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(raw) = node.as_str() else { return };
    let n = raw.chars().count();
    if n > 1000 {
        cx.emit(
            &catalog::LINE_ACTION_URI,
            at,
            node.span,
            format_args!(
                "{} is {n} characters long; LINE's URI actions take at most 1000",
                Described(*at)
            ),
        )
        .help("shorten the URL, e.g. with a redirect on your own domain");
    }
    if let Ok(parsed) = url::parse(raw.trim())
        && !ACTION_SCHEMES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(parsed.scheme))
    {
        cx.emit(
            &catalog::LINE_ACTION_URI,
            at,
            node.span,
            format_args!(
                "{} uses the scheme `{}`; LINE's URI actions open only `http`, `https` and `tel`",
                Described(*at),
                parsed.scheme
            ),
        )
        .help("link to an `https` page instead");
    }
}

/// `line.image.https`: LINE loads images over `https` only, from URLs of at most 2000
/// characters.
fn image_https(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let Some(raw) = node.as_str() else { return };
    let n = raw.chars().count();
    if n > 2000 {
        cx.emit(
            &catalog::LINE_IMAGE_HTTPS,
            at,
            node.span,
            format_args!(
                "{} is {n} characters long; LINE takes image URLs of at most 2000",
                Described(*at)
            ),
        )
        .help("shorten the URL");
    }
    if let Ok(parsed) = url::parse(raw.trim())
        && !parsed.scheme.eq_ignore_ascii_case("https")
    {
        let d = cx.emit(
            &catalog::LINE_IMAGE_HTTPS,
            at,
            node.span,
            format_args!(
                "{} uses `{}`; LINE loads images over `https` only",
                Described(*at),
                parsed.scheme
            ),
        );
        if parsed.scheme.eq_ignore_ascii_case("http") {
            d.help("serve the image over `https` and write `https://`");
        }
    }
}

/// What a carousel column uses, for `line.carousel.consistency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    actions: Option<usize>,
    image: bool,
    title: bool,
}

impl Layout {
    fn of(column: &Node<'_>) -> Layout {
        let given = |k: &str| column.get(k).is_some_and(Node::is_given);
        Layout {
            actions: column
                .get("actions")
                .and_then(Node::as_array)
                .map(<[_]>::len),
            image: given("image_url"),
            title: given("title"),
        }
    }
}

/// "1 action", "3 actions".
fn actions(n: usize) -> String {
    if n == 1 {
        "1 action".to_owned()
    } else {
        format!("{n} actions")
    }
}

/// `line.carousel.consistency`: LINE rejects a carousel whose columns differ in their number
/// of actions, or where some columns have an image or a title and others do not. Each
/// column is compared with the first.
fn consistency(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let mut columns = node
        .as_array()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_object().is_some());
    let Some((first_at, first)) = columns.next() else {
        return;
    };
    let expected = Layout::of(first);
    for (i, column) in columns {
        let layout = Layout::of(column);
        let here = at.index(i);
        if let (Some(want), Some(got)) = (expected.actions, layout.actions)
            && want != got
        {
            cx.emit(
                &catalog::LINE_CAROUSEL_CONSISTENCY,
                &here,
                column.span,
                format_args!("column {i} has {}, column {first_at} has {want}; LINE needs the same number in every column", actions(got)),
            )
            .help("give every column the same number of actions");
        }
        for (what, want, got) in [
            ("an image", expected.image, layout.image),
            ("a title", expected.title, layout.title),
        ] {
            if want != got {
                let (has, lacks) = if got { (i, first_at) } else { (first_at, i) };
                cx.emit(
                    &catalog::LINE_CAROUSEL_CONSISTENCY,
                    &here,
                    column.span,
                    format_args!("column {has} has {what} but column {lacks} does not; LINE needs {what} in every column or in none"),
                )
                .help(format_args!("give every column {what}, or remove it from all of them"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Options;

    fn codes(body: &str, platform: Platform) -> Vec<&'static str> {
        let arena = crate::json::Arena::new();
        let node = crate::json::parse(body.as_bytes(), &arena, &Default::default()).unwrap();
        let options = Options::default();
        let mut cx = Cx::new(&options);
        apply(platform, &node, &Path::BODY, &mut cx);
        let mut codes: Vec<_> = cx.into_diagnostics().iter().map(|d| d.rule.code).collect();
        codes.sort_unstable();
        codes
    }

    #[test]
    fn counts_characters_not_bytes() {
        // 160 CJK characters are 480 bytes: still within LINE's 160.
        let text = "好".repeat(160);
        let body =
            format!(r#"{{"type":"button","message":{{"explain_text":"{text}","options":[]}}}}"#);
        assert!(codes(&body, Platform::Line).is_empty());
        let body =
            format!(r#"{{"type":"button","message":{{"explain_text":"{text}好","options":[]}}}}"#);
        assert_eq!(codes(&body, Platform::Line), ["line.buttons.text-length"]);
    }

    #[test]
    fn carousel_text_is_shorter_with_an_image_or_title() {
        let text = "字".repeat(61);
        let with = format!(
            r#"{{"type":"carousel","message":{{"columns":[{{"title":"新品","text":"{text}"}}]}}}}"#
        );
        let without =
            format!(r#"{{"type":"carousel","message":{{"columns":[{{"text":"{text}"}}]}}}}"#);
        assert_eq!(codes(&with, Platform::Line), ["line.carousel.text-length"]);
        assert!(codes(&without, Platform::Line).is_empty());
    }

    #[test]
    fn carousel_columns_must_match() {
        let body = r#"{"type":"carousel","message":{"columns":[
            {"image_url":"https://a.example/1.jpg","title":"A","actions":[{},{}]},
            {"title":"B","actions":[{}]}]}}"#;
        assert_eq!(
            codes(body, Platform::Line),
            ["line.carousel.consistency", "line.carousel.consistency"]
        );
        assert!(codes(body, Platform::Messenger).is_empty());
    }

    #[test]
    fn uri_actions_allow_tel_and_images_need_https() {
        let body = r#"{"type":"quickreply","message":{"options":[{"url":"tel:+886223456789"},{"url":"ftp://a.example/x"}]}}"#;
        assert_eq!(codes(body, Platform::Line), ["line.action.uri"]);
        let body = r#"{"type":"image_carousel","message":{"alt_text":"x","columns":[{"image_url":"http://a.example/1.jpg"}]}}"#;
        assert_eq!(codes(body, Platform::Line), ["line.image.https"]);
    }
}
