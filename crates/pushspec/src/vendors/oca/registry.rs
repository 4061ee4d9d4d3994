//! The OCA template registry (spec §5): the approved templates, parsed from YAML or JSON text.
//!
//! OCA offers no way to read an approved template back, and a request that does not fit its
//! template only fails at send time (OCA error 39). The registry describes each template the
//! way it was approved, so that the `oca.template.*` rules can compare a request with it. The
//! library does no I/O: the caller reads the file and hands its text to [`Registry::parse`].
//!
//! ```
//! use pushspec::vendors::oca::registry::{ButtonKind, Format, HeaderKind, Registry};
//!
//! let yaml = r#"
//! version: 1
//! templates:
//!   - template_code_id: "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped"
//!     header: image
//!     body_params: 2
//!     buttons:
//!       - sub_type: url_dynamic
//! "#;
//! let registry = Registry::parse(yaml, Format::Yaml)?;
//! let template = registry.get("0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped").unwrap();
//! assert_eq!(template.header, HeaderKind::Image);
//! assert_eq!(template.buttons[0].sub_type, ButtonKind::UrlDynamic);
//! # Ok::<(), pushspec::vendors::oca::registry::RegistryError>(())
//! ```
//!
//! The file is rejected, with a [`RegistryError`] that names the template and the position,
//! on a syntax error, an unknown key, a `version` other than 1, a duplicate
//! `template_code_id`, more than ten buttons, a negative `body_params`, or an
//! `authentication` template with a media header. Semantic checks run inside the parser's
//! visitors, so that their errors carry the position of the template (or value) at fault.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// The registry file version this library reads (`version: 1`).
const VERSION: u64 = 1;

/// The most buttons a WhatsApp template carries (indices 0 to 9, spec §3.10).
const MAX_BUTTONS: usize = 10;

/// The approved templates, keyed by `template_code_id`.
///
/// Serialises back to the file format (`version: 1` and a `templates` list in id order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    templates: BTreeMap<String, Template>,
}

/// One approved template: what a request naming it must supply.
///
/// [`Registry::parse`] also checks what concerns the template as a whole (a non-empty, unique
/// id; no media header on an authentication template); deserialising a `Template` on its own
/// checks only its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The id OCA issued, e.g. `0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped`.
    pub template_code_id: String,
    /// The WhatsApp template category; `authentication` switches on the `oca.auth.*` rules.
    #[serde(default)]
    pub category: Category,
    /// The template's language code (`id`, `en`, ...). Informational only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What the template's header is, and so what header component a request must send.
    #[serde(default)]
    pub header: HeaderKind,
    /// How many placeholders (`{{1}}`, `{{2}}`, ...) the body has; 0 when absent.
    #[serde(default, deserialize_with = "body_params")]
    pub body_params: u32,
    /// The buttons in template order: the list position is the button `index`. At most
    /// ten; empty when absent.
    #[serde(default, deserialize_with = "buttons")]
    pub buttons: Vec<Button>,
}

/// A WhatsApp template category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// `marketing`: promotions and offers.
    Marketing,
    /// `utility`: transactional messages (the default).
    #[default]
    Utility,
    /// `authentication`: one-time passwords; no media header allowed.
    Authentication,
}

/// The kind of a template's header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderKind {
    /// `none`: no header (the default); a request sends no header component.
    #[default]
    None,
    /// `text`: a fixed header text; a request sends no header component.
    Text,
    /// `text_param`: a header text with one placeholder; one `text` parameter.
    TextParam,
    /// `image`: one `image` parameter.
    Image,
    /// `video`: one `video` parameter.
    Video,
    /// `document`: one `document` parameter.
    Document,
}

/// One template button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Button {
    /// What kind of button it is, and so whether a request must send a component for it.
    pub sub_type: ButtonKind,
}

/// The kind of a template button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ButtonKind {
    /// `quick_reply`: a component is optional (it overrides the payload).
    QuickReply,
    /// `url_dynamic`: a URL with a variable suffix; a component is required.
    UrlDynamic,
    /// `static`: a fixed URL, a call button, ...; a request sends no component for it.
    Static,
}

/// The syntax of a registry file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// YAML (`.yaml`, `.yml`).
    Yaml,
    /// JSON (`.json`).
    Json,
}

/// Why a registry file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// What is wrong, naming the template where one is concerned.
    pub message: String,
    /// 1-based line of the problem, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column of the problem, when the parser knows it.
    pub column: Option<usize>,
}

impl Registry {
    /// Parses a registry file's text.
    ///
    /// # Errors
    ///
    /// A [`RegistryError`] for the first problem found: a syntax error, an unknown key, a
    /// `version` other than 1, a duplicate `template_code_id`, more than ten buttons, a
    /// negative `body_params`, or an `authentication` template with a media header.
    pub fn parse(text: &str, format: Format) -> Result<Registry, RegistryError> {
        let progress = Progress::default();
        let seed = FileSeed {
            progress: &progress,
        };
        let parsed = match format {
            Format::Yaml => seed
                .deserialize(serde_norway::Deserializer::from_str(text))
                .map_err(|e| (yaml_error(&e), false)),
            Format::Json => {
                let mut de = serde_json::Deserializer::from_str(text);
                seed.deserialize(&mut de)
                    .and_then(|t| de.end().map(|()| t))
                    .map_err(|e| {
                        (
                            json_error(&e),
                            e.classify() != serde_json::error::Category::Data,
                        )
                    })
            }
        };
        let (mut error, syntax) = match parsed {
            Ok(templates) => return Ok(Registry { templates }),
            Err(e) => e,
        };
        // An error inside a template names it; a syntax error does not, as the parser cannot
        // say which template it belongs to. The id is known once the template itself was
        // read; before that, a lenient reading finds it, and tells a YAML syntax error (which
        // serde_norway reports mid-template) from a data error.
        if let Some(index) = progress.index.get().filter(|_| !syntax) {
            let id = match progress.id.take() {
                Some(id) => Some(Some(id)),
                None => lenient_lookup(text, format, index),
            };
            if let Some(id) = id {
                error.message = in_template(&error.message, index, id.as_deref());
            }
        }
        Err(error)
    }

    /// The template with this `template_code_id`.
    pub fn get(&self, id: &str) -> Option<&Template> {
        self.templates.get(id)
    }

    /// How many templates the registry lists.
    pub fn len(&self) -> usize {
        self.templates.len()
    }

    /// Whether the registry lists no template.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
    }

    /// The templates, in `template_code_id` order.
    pub fn iter(&self) -> impl Iterator<Item = &Template> {
        self.templates.values()
    }
}

impl Serialize for Registry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Templates<'r>(&'r BTreeMap<String, Template>);

        impl Serialize for Templates<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.values())
            }
        }

        let mut file = serializer.serialize_struct("Registry", 2)?;
        file.serialize_field("version", &VERSION)?;
        file.serialize_field("templates", &Templates(&self.templates))?;
        file.end()
    }
}

impl Template {
    /// Whether the template is an authentication (OTP) template, which switches on the
    /// `oca.auth.*` rules.
    pub fn is_authentication(&self) -> bool {
        self.category == Category::Authentication
    }

    /// The button at `index`, if the template has that many buttons.
    pub fn button(&self, index: usize) -> Option<&Button> {
        self.buttons.get(index)
    }

    /// The problem with this template in a registry that already lists `known`, if any.
    /// The message does not name the template: the caller prefixes it.
    fn problem(&self, known: &BTreeMap<String, Template>) -> Option<String> {
        if self.template_code_id.is_empty() {
            Some("`template_code_id` must not be empty".to_owned())
        } else if known.contains_key(&self.template_code_id) {
            Some("listed more than once; every `template_code_id` must be unique".to_owned())
        } else if self.is_authentication() && self.header.is_media() {
            Some(format!(
                "`category: authentication` with `header: {}`: authentication templates cannot have a media header",
                self.header.as_str()
            ))
        } else {
            None
        }
    }
}

impl Category {
    /// The wire name: `marketing`, `utility` or `authentication`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Marketing => "marketing",
            Category::Utility => "utility",
            Category::Authentication => "authentication",
        }
    }
}

impl HeaderKind {
    /// The wire name: `none`, `text`, `text_param`, `image`, `video` or `document`.
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderKind::None => "none",
            HeaderKind::Text => "text",
            HeaderKind::TextParam => "text_param",
            HeaderKind::Image => "image",
            HeaderKind::Video => "video",
            HeaderKind::Document => "document",
        }
    }

    /// Whether the header is an image, a video or a document.
    pub fn is_media(self) -> bool {
        matches!(
            self,
            HeaderKind::Image | HeaderKind::Video | HeaderKind::Document
        )
    }
}

impl ButtonKind {
    /// The wire name: `quick_reply`, `url_dynamic` or `static`.
    pub fn as_str(self) -> &'static str {
        match self {
            ButtonKind::QuickReply => "quick_reply",
            ButtonKind::UrlDynamic => "url_dynamic",
            ButtonKind::Static => "static",
        }
    }
}

impl Format {
    /// The format a file name's extension stands for: `.yaml`/`.yml` or `.json`, in any
    /// case. `None` for any other extension, or none.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RegistryError {}

/// Turns a YAML error into a [`RegistryError`], moving the position out of the message.
fn yaml_error(error: &serde_norway::Error) -> RegistryError {
    let location = error.location();
    let (line, column) = match &location {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    let message = without_position(error.to_string(), line, column);
    RegistryError {
        message: without_redundant_path(message),
        line,
        column,
    }
}

/// Turns a JSON error into a [`RegistryError`], moving the position out of the message.
fn json_error(error: &serde_json::Error) -> RegistryError {
    // serde_json says line 0 when it knows no position, and column 0 for a position before
    // the first character of a line (an unexpected end of input, typically).
    let line = (error.line() > 0).then_some(error.line());
    let column = line.map(|_| error.column().max(1));
    RegistryError {
        message: without_position(error.to_string(), line, Some(error.column())),
        line,
        column,
    }
}

/// Removes the parser's own ` at line L column C` from `message`: the position is reported
/// in its own fields.
fn without_position(message: String, line: Option<usize>, column: Option<usize>) -> String {
    let (Some(line), Some(column)) = (line, column) else {
        return message;
    };
    message.replacen(&format!(" at line {line} column {column}"), "", 1)
}

/// Removes the path that serde_norway puts before a message when the message itself starts
/// by naming the same key: `templates[0].body_params: `body_params` is -1, ...` becomes
/// `` `body_params` is -1, ...``, as the JSON message reads. Other paths are kept.
fn without_redundant_path(message: String) -> String {
    let Some((path, rest)) = message.split_once(": ") else {
        return message;
    };
    let key = path.rsplit('.').next().unwrap_or(path);
    if rest.starts_with(&format!("`{key}`")) {
        rest.to_owned()
    } else {
        message
    }
}

/// Reads `text` leniently, as untyped data. `None` when it is not even that (a syntax
/// error); else the `template_code_id` of the `index`th template, if it has a string one,
/// for messages about a template that failed before its id was read.
fn lenient_lookup(text: &str, format: Format, index: usize) -> Option<Option<String>> {
    let id = match format {
        Format::Yaml => {
            let value: serde_norway::Value = serde_norway::from_str(text).ok()?;
            value
                .get("templates")
                .and_then(|t| t.get(index))
                .and_then(|t| t.get("template_code_id"))
                .and_then(|id| id.as_str())
                .map(str::to_owned)
        }
        Format::Json => {
            let value: serde_json::Value = serde_json::from_str(text).ok()?;
            value
                .get("templates")
                .and_then(|t| t.get(index))
                .and_then(|t| t.get("template_code_id"))
                .and_then(|id| id.as_str())
                .map(str::to_owned)
        }
    };
    Some(id)
}

/// Rewrites `message` about the `index`th template so that it starts with the template's id:
/// `template `a:b`: buttons[2].sub_type: unknown variant ...`. A YAML message already starts
/// with a path (`templates[0].buttons[2].sub_type: `); its `templates[0]` part is replaced.
fn in_template(message: &str, index: usize, id: Option<&str>) -> String {
    let name = match id {
        Some(id) => format!("template `{id}`"),
        None => format!("templates[{index}]"),
    };
    if let Some(rest) = message.strip_prefix(&format!("templates[{index}]"))
        && let Some(text) = rest.strip_prefix(": ").or_else(|| rest.strip_prefix('.'))
    {
        return format!("{name}: {text}");
    }
    format!("{name}: {message}")
}

/// How far parsing got, so that an error can name the template it happened in.
#[derive(Default)]
struct Progress {
    /// The position in `templates` of the template being parsed.
    index: Cell<Option<usize>>,
    /// Its `template_code_id`, once read.
    id: Cell<Option<String>>,
}

/// The top level of the file: `version` and `templates`.
struct FileSeed<'p> {
    progress: &'p Progress,
}

const FILE_FIELDS: &[&str] = &["version", "templates"];

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = BTreeMap<String, Template>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct("Registry", FILE_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = BTreeMap<String, Template>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a template registry: a mapping with `version: 1` and a `templates` list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut version = false;
        let mut templates = None;
        while let Some(key) = map.next_key::<FileKey>()? {
            match key {
                FileKey::Version if version => return Err(de::Error::duplicate_field("version")),
                FileKey::Version => {
                    map.next_value::<Version>()?;
                    version = true;
                }
                FileKey::Templates if templates.is_some() => {
                    return Err(de::Error::duplicate_field("templates"));
                }
                FileKey::Templates => {
                    templates = Some(map.next_value_seed(TemplatesSeed {
                        progress: self.progress,
                    })?);
                }
            }
        }
        if !version {
            return Err(de::Error::missing_field("version"));
        }
        templates.ok_or_else(|| de::Error::missing_field("templates"))
    }
}

/// A top-level key. Read through its own visitor, so that an unknown key is reported at the
/// key's position.
enum FileKey {
    Version,
    Templates,
}

impl<'de> Deserialize<'de> for FileKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl Visitor<'_> for KeyVisitor {
            type Value = FileKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`version` or `templates`")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<FileKey, E> {
                match key {
                    "version" => Ok(FileKey::Version),
                    "templates" => Ok(FileKey::Templates),
                    _ => Err(E::unknown_field(key, FILE_FIELDS)),
                }
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// `version`, which must be 1. Checked inside the visitor, so that the error points at it.
struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VersionVisitor;

        impl Visitor<'_> for VersionVisitor {
            type Value = Version;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "the registry version, {VERSION}")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Version, E> {
                if v == VERSION {
                    Ok(Version)
                } else {
                    Err(E::custom(format_args!(
                        "`version` is {v}, but this pushspec reads only `version: {VERSION}`"
                    )))
                }
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Version, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format_args!(
                        "`version` is {v}, but this pushspec reads only `version: {VERSION}`"
                    ))),
                }
            }
        }

        deserializer.deserialize_u64(VersionVisitor)
    }
}

/// The `templates` list, collected into a map by id.
struct TemplatesSeed<'p> {
    progress: &'p Progress,
}

impl<'de> DeserializeSeed<'de> for TemplatesSeed<'_> {
    type Value = BTreeMap<String, Template>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TemplatesSeed<'_> {
    type Value = BTreeMap<String, Template>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of templates")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut templates = BTreeMap::new();
        for index in 0.. {
            self.progress.index.set(Some(index));
            self.progress.id.set(None);
            let seed = TemplateSeed {
                known: &templates,
                progress: self.progress,
            };
            let Some(template) = seq.next_element_seed(seed)? else {
                break;
            };
            templates.insert(template.template_code_id.clone(), template);
        }
        self.progress.index.set(None);
        Ok(templates)
    }
}

/// One template, checked against the ones before it. The derived [`Template`] visitor reads
/// the fields; the checks run inside this seed's own map visitor, so that an error points at
/// the template.
struct TemplateSeed<'a> {
    known: &'a BTreeMap<String, Template>,
    progress: &'a Progress,
}

impl<'de> DeserializeSeed<'de> for TemplateSeed<'_> {
    type Value = Template;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Template, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TemplateSeed<'_> {
    type Value = Template;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a template: a mapping with `template_code_id`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Template, A::Error> {
        let template = Template::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.progress
            .id
            .set(Some(template.template_code_id.clone()));
        match template.problem(self.known) {
            Some(problem) => Err(de::Error::custom(problem)),
            None => Ok(template),
        }
    }
}

/// Reads `body_params` as any integer, so that a negative count gets its own message.
fn body_params<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_i64(BodyParams)
}

struct BodyParams;

impl Visitor<'_> for BodyParams {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the number of body placeholders, an integer 0 or more")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| {
            E::custom(format_args!(
                "`body_params` is {v}, more than any template can have"
            ))
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format_args!(
                "`body_params` is {v}, but a count of body placeholders cannot be negative"
            ))),
        }
    }
}

/// Reads `buttons`, rejecting a list longer than [`MAX_BUTTONS`] inside the list's visitor, so
/// that the error points at the list.
fn buttons<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Button>, D::Error> {
    deserializer.deserialize_seq(Buttons)
}

struct Buttons;

impl<'de> Visitor<'de> for Buttons {
    type Value = Vec<Button>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of at most {MAX_BUTTONS} buttons")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Button>, A::Error> {
        let mut buttons = Vec::new();
        while let Some(button) = seq.next_element::<Button>()? {
            if buttons.len() == MAX_BUTTONS {
                // Count the rest, so that the message says how many there are.
                let mut count = MAX_BUTTONS + 1;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    count += 1;
                }
                return Err(de::Error::custom(format_args!(
                    "`buttons` lists {count} buttons; a WhatsApp template has at most {MAX_BUTTONS}"
                )));
            }
            buttons.push(button);
        }
        Ok(buttons)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"version: 1
templates:
  - template_code_id: "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped"
    category: utility        # marketing | utility | authentication (default utility)
    language: id             # informational
    header: image            # none | text | text_param | image | video | document
    body_params: 2           # body placeholder count
    buttons:                 # template order; list position = index
      - sub_type: url_dynamic
      - sub_type: quick_reply
  - template_code_id: "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:kode_otp"
    category: authentication
    body_params: 1
    buttons:
      - sub_type: url_dynamic
  - template_code_id: "marketing:promo_lebaran"
    category: marketing
    header: text_param
    body_params: 2
    buttons:
      - sub_type: quick_reply
      - sub_type: static
"#;

    const JSON: &str = r#"{
  "version": 1,
  "templates": [
    {
      "template_code_id": "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped",
      "category": "utility",
      "language": "id",
      "header": "image",
      "body_params": 2,
      "buttons": [{"sub_type": "url_dynamic"}, {"sub_type": "quick_reply"}]
    },
    {
      "template_code_id": "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:kode_otp",
      "category": "authentication",
      "body_params": 1,
      "buttons": [{"sub_type": "url_dynamic"}]
    },
    {
      "template_code_id": "marketing:promo_lebaran",
      "category": "marketing",
      "header": "text_param",
      "body_params": 2,
      "buttons": [{"sub_type": "quick_reply"}, {"sub_type": "static"}]
    }
  ]
}"#;

    const SHIPPED: &str = "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped";

    fn yaml_err(text: &str) -> RegistryError {
        Registry::parse(text, Format::Yaml).unwrap_err()
    }

    fn json_err(text: &str) -> RegistryError {
        Registry::parse(text, Format::Json).unwrap_err()
    }

    #[test]
    fn registry_yaml_and_json_parse_to_the_same_registry() {
        let yaml = Registry::parse(YAML, Format::Yaml).unwrap();
        let json = Registry::parse(JSON, Format::Json).unwrap();
        assert_eq!(yaml, json);
        assert_eq!(yaml.len(), 3);
        assert!(!yaml.is_empty());

        let shipped = yaml.get(SHIPPED).unwrap();
        assert_eq!(
            shipped,
            &Template {
                template_code_id: SHIPPED.to_owned(),
                category: Category::Utility,
                language: Some("id".to_owned()),
                header: HeaderKind::Image,
                body_params: 2,
                buttons: vec![
                    Button {
                        sub_type: ButtonKind::UrlDynamic
                    },
                    Button {
                        sub_type: ButtonKind::QuickReply
                    },
                ],
            }
        );
        assert!(!shipped.is_authentication());
        assert_eq!(
            shipped.button(1).map(|b| b.sub_type),
            Some(ButtonKind::QuickReply)
        );
        assert_eq!(shipped.button(2), None);

        let otp = yaml
            .get("0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:kode_otp")
            .unwrap();
        assert!(otp.is_authentication());
        assert_eq!(otp.header, HeaderKind::None, "header defaults to none");
        assert_eq!(otp.language, None);
        assert_eq!(
            yaml.get("marketing:promo_lebaran").unwrap().buttons[1].sub_type,
            ButtonKind::Static
        );
        assert_eq!(yaml.get("marketing:unknown"), None);
    }

    #[test]
    fn registry_iterates_in_id_order() {
        let registry = Registry::parse(YAML, Format::Yaml).unwrap();
        let ids: Vec<_> = registry
            .iter()
            .map(|t| t.template_code_id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:kode_otp",
                SHIPPED,
                "marketing:promo_lebaran",
            ]
        );
    }

    #[test]
    fn registry_defaults() {
        let registry = Registry::parse(
            "version: 1\ntemplates:\n  - template_code_id: \"utility:terima_kasih\"\n",
            Format::Yaml,
        )
        .unwrap();
        let t = registry.get("utility:terima_kasih").unwrap();
        assert_eq!(t.category, Category::Utility);
        assert_eq!(t.header, HeaderKind::None);
        assert_eq!(t.body_params, 0);
        assert!(t.buttons.is_empty());
        assert_eq!(t.language, None);
    }

    #[test]
    fn registry_empty_list_is_an_empty_registry() {
        let registry = Registry::parse(r#"{"version":1,"templates":[]}"#, Format::Json).unwrap();
        assert!(registry.is_empty());
        assert_eq!(registry.len(), 0);
        assert_eq!(registry, Registry::default());
    }

    #[test]
    fn registry_serialises_back_to_the_file_format() {
        let registry = Registry::parse(YAML, Format::Yaml).unwrap();
        let json = serde_json::to_string(&registry).unwrap();
        assert!(json.starts_with(r#"{"version":1,"templates":[{"template_code_id":"#));
        assert_eq!(Registry::parse(&json, Format::Json).unwrap(), registry);
        let yaml = serde_norway::to_string(&registry).unwrap();
        assert_eq!(Registry::parse(&yaml, Format::Yaml).unwrap(), registry);
    }

    #[test]
    fn registry_fixture_files_agree() {
        let yaml = include_str!("../../../../../tests/fixtures/oca.template/registry.yaml");
        let json = include_str!("../../../../../tests/fixtures/oca.template/registry.json");
        let from_yaml = Registry::parse(yaml, Format::Yaml).unwrap();
        assert_eq!(from_yaml, Registry::parse(json, Format::Json).unwrap());
        assert!(from_yaml.iter().any(Template::is_authentication));
    }

    #[test]
    fn registry_rejects_yaml_syntax_errors_with_a_position() {
        let e =
            yaml_err("version: 1\ntemplates:\n  - template_code_id: \"a:b\n    header: image\n");
        assert_eq!((e.line, e.column), (Some(5), Some(1)), "{e:?}");
        assert!(
            e.message.starts_with("found unexpected end of stream"),
            "{e:?}"
        );
        assert!(
            !e.message.contains("line 5 column 1"),
            "position moved out of the message: {e:?}"
        );
        assert!(
            !e.message.contains("template"),
            "a syntax error names no template: {e:?}"
        );

        let e = yaml_err("version: 1\ntemplates: [\n");
        assert!(e.line.is_some(), "{e:?}");
        let e = yaml_err("version: 1\n\tindented: with a tab\n");
        assert!(e.line.is_some(), "{e:?}");
    }

    #[test]
    fn registry_rejects_json_syntax_errors_with_a_position() {
        let e = json_err("{\"version\": 1,\n \"templates\": [],\n}");
        assert_eq!((e.line, e.column), (Some(3), Some(1)), "{e:?}");
        assert_eq!(e.message, "trailing comma");
        assert_eq!(e.to_string(), "line 3, column 1: trailing comma");

        let e = json_err("");
        assert_eq!(e.line, Some(1), "{e:?}");
        assert_eq!(e.column, Some(1), "column 0 is reported as 1: {e:?}");

        let e = json_err("{\"version\": 1, \"templates\": []} {}");
        assert!(e.message.contains("trailing characters"), "{e:?}");
    }

    #[test]
    fn registry_rejects_unknown_keys_at_every_level() {
        let e = yaml_err("version: 1\ntemplates: []\nowner: tokoku\n");
        assert!(e.message.contains("unknown field `owner`"), "{e:?}");
        assert_eq!((e.line, e.column), (Some(3), Some(1)));

        let e =
            yaml_err("version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n    headr: image\n");
        assert!(e.message.starts_with("template `a:b`: "), "{e:?}");
        assert!(e.message.contains("unknown field `headr`"), "{e:?}");
        assert_eq!((e.line, e.column), (Some(4), Some(5)));

        let e = json_err(
            r#"{"version":1,"templates":[{"template_code_id":"a:b","buttons":[{"sub_type":"static","text":"Kunjungi"}]}]}"#,
        );
        assert!(
            e.message
                .starts_with("template `a:b`: unknown field `text`"),
            "{e:?}"
        );
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn registry_names_the_template_even_when_its_id_comes_last() {
        let e = json_err(
            r#"{"version":1,"templates":[{"category":"promo","template_code_id":"marketing:promo_lebaran"}]}"#,
        );
        assert!(
            e.message
                .starts_with("template `marketing:promo_lebaran`: unknown variant `promo`"),
            "{e:?}"
        );

        let e = json_err(r#"{"version":1,"templates":[{"category":"promo"}]}"#);
        assert!(
            e.message
                .starts_with("templates[0]: unknown variant `promo`"),
            "{e:?}"
        );
    }

    #[test]
    fn registry_rejects_unknown_enum_values() {
        let e =
            yaml_err("version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n    header: gif\n");
        assert!(e.message.contains("unknown variant `gif`"), "{e:?}");
        let e = yaml_err(
            "version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n    buttons:\n      - sub_type: url\n",
        );
        assert!(e.message.contains("unknown variant `url`"), "{e:?}");
        assert_eq!(e.line, Some(5));
    }

    #[test]
    fn registry_rejects_duplicate_ids() {
        let text = "version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n  - template_code_id: \"c:d\"\n  - template_code_id: \"a:b\"\n    body_params: 1\n";
        let e = yaml_err(text);
        assert!(
            e.message
                .starts_with("template `a:b`: listed more than once"),
            "{e:?}"
        );
        assert_eq!(e.line, Some(5), "points at the second copy: {e:?}");

        let e = json_err(
            r#"{"version":1,"templates":[{"template_code_id":"a:b"},{"template_code_id":"a:b"}]}"#,
        );
        assert!(
            e.message
                .starts_with("template `a:b`: listed more than once"),
            "{e:?}"
        );
    }

    #[test]
    fn registry_names_the_template_of_a_data_error_before_a_later_syntax_error() {
        let e = json_err(
            r#"{"version":1,"templates":[{"template_code_id":"a:b"},{"template_code_id":"a:b"},{"template_code_id":"c:d",}]}"#,
        );
        assert!(
            e.message
                .starts_with("template `a:b`: listed more than once"),
            "{e:?}"
        );
    }

    #[test]
    fn registry_rejects_more_than_ten_buttons() {
        let ten = "      - sub_type: quick_reply\n".repeat(10);
        let ok =
            format!("version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n    buttons:\n{ten}");
        assert_eq!(
            Registry::parse(&ok, Format::Yaml)
                .unwrap()
                .get("a:b")
                .unwrap()
                .buttons
                .len(),
            10
        );

        let twelve = format!("{ok}      - sub_type: static\n      - sub_type: static\n");
        let e = yaml_err(&twelve);
        assert!(e.message.starts_with("template `a:b`: "), "{e:?}");
        assert!(
            e.message
                .contains("`buttons` lists 12 buttons; a WhatsApp template has at most 10"),
            "{e:?}"
        );
        assert_eq!(e.line, Some(5), "points at the list: {e:?}");

        let buttons = [r#"{"sub_type":"quick_reply"}"#; 11].join(",");
        let e = json_err(&format!(
            r#"{{"version":1,"templates":[{{"template_code_id":"a:b","buttons":[{buttons}]}}]}}"#
        ));
        assert!(e.message.contains("11 buttons"), "{e:?}");
    }

    #[test]
    fn registry_rejects_negative_body_params() {
        let e = yaml_err(
            "version: 1\ntemplates:\n  - template_code_id: \"a:b\"\n    body_params: -1\n",
        );
        let message = "template `a:b`: `body_params` is -1, but a count of body placeholders cannot be negative";
        assert_eq!(e.message, message);
        assert_eq!((e.line, e.column), (Some(4), Some(18)));
        assert_eq!(e.to_string(), format!("line 4, column 18: {message}"));

        let e =
            json_err(r#"{"version":1,"templates":[{"template_code_id":"a:b","body_params":-2}]}"#);
        assert_eq!(
            e.message,
            "template `a:b`: `body_params` is -2, but a count of body placeholders cannot be negative"
        );
        assert_eq!((e.line, e.column), (Some(1), Some(68)), "at the value");

        let e =
            json_err(r#"{"version":1,"templates":[{"template_code_id":"a:b","body_params":1.5}]}"#);
        assert!(
            e.message.contains("invalid type: floating point `1.5`"),
            "{e:?}"
        );
        let e = json_err(
            r#"{"version":1,"templates":[{"template_code_id":"a:b","body_params":4294967296}]}"#,
        );
        assert!(
            e.message.contains("more than any template can have"),
            "{e:?}"
        );
    }

    #[test]
    fn registry_rejects_authentication_with_a_media_header() {
        for header in ["image", "video", "document"] {
            let text = format!(
                "version: 1\ntemplates:\n  - template_code_id: \"a:otp\"\n    category: authentication\n    header: {header}\n"
            );
            let e = yaml_err(&text);
            assert!(
                e.message
                    .starts_with("template `a:otp`: `category: authentication`"),
                "{e:?}"
            );
            assert!(e.message.contains(&format!("`header: {header}`")), "{e:?}");
            assert_eq!(e.line, Some(3), "points at the template: {e:?}");
        }
        for header in ["none", "text", "text_param"] {
            let text = format!(
                "version: 1\ntemplates:\n  - template_code_id: \"a:otp\"\n    category: authentication\n    header: {header}\n"
            );
            assert!(Registry::parse(&text, Format::Yaml).is_ok(), "{header}");
        }
        let e = json_err(
            r#"{"version":1,"templates":[{"template_code_id":"a:otp","category":"authentication","header":"image"}]}"#,
        );
        assert!(e.message.contains("cannot have a media header"), "{e:?}");
    }

    #[test]
    fn registry_rejects_other_versions() {
        let e = yaml_err("version: 2\ntemplates: []\n");
        assert_eq!(
            e.message,
            "`version` is 2, but this pushspec reads only `version: 1`"
        );
        assert_eq!((e.line, e.column), (Some(1), Some(10)));

        let e = json_err(r#"{"version":0,"templates":[]}"#);
        assert_eq!(
            e.message,
            "`version` is 0, but this pushspec reads only `version: 1`"
        );
        let e = json_err(r#"{"version":-1,"templates":[]}"#);
        assert!(e.message.starts_with("`version` is -1"), "{e:?}");
        let e = json_err(r#"{"version":"1","templates":[]}"#);
        assert!(e.message.contains("invalid type: string \"1\""), "{e:?}");
        let e = yaml_err("version: 1.0\ntemplates: []\n");
        assert!(e.message.contains("invalid type: floating point"), "{e:?}");

        let e = json_err(r#"{"templates":[]}"#);
        assert!(e.message.contains("missing field `version`"), "{e:?}");
        let e = yaml_err("version: 1\n");
        assert!(e.message.contains("missing field `templates`"), "{e:?}");
        let e = json_err(r#"{"version":1,"version":1,"templates":[]}"#);
        assert!(e.message.contains("duplicate field `version`"), "{e:?}");
    }

    #[test]
    fn registry_rejects_missing_or_empty_ids() {
        let e = yaml_err("version: 1\ntemplates:\n  - header: image\n");
        assert!(
            e.message.contains("missing field `template_code_id`"),
            "{e:?}"
        );
        let e = json_err(r#"{"version":1,"templates":[{"template_code_id":""}]}"#);
        assert!(
            e.message.contains("`template_code_id` must not be empty"),
            "{e:?}"
        );
    }

    #[test]
    fn registry_rejects_wrong_shapes() {
        let e = yaml_err("version: 1\ntemplates:\n  - \"a:b\"\n");
        assert!(e.message.contains("expected a template"), "{e:?}");
        let e = json_err("[]");
        assert!(e.message.contains("expected a template registry"), "{e:?}");
        let e = json_err(r#"{"version":1,"templates":{}}"#);
        assert!(e.message.contains("expected a list of templates"), "{e:?}");
    }

    #[test]
    fn registry_error_display() {
        let e = RegistryError {
            message: "m".to_owned(),
            line: Some(2),
            column: Some(3),
        };
        assert_eq!(e.to_string(), "line 2, column 3: m");
        let e = RegistryError {
            message: "m".to_owned(),
            line: Some(2),
            column: None,
        };
        assert_eq!(e.to_string(), "line 2: m");
        let e = RegistryError {
            message: "m".to_owned(),
            line: None,
            column: None,
        };
        assert_eq!(e.to_string(), "m");
    }

    #[test]
    fn registry_format_from_path() {
        for (name, format) in [
            ("templates.yaml", Some(Format::Yaml)),
            ("templates.YML", Some(Format::Yaml)),
            ("dir.d/templates.Json", Some(Format::Json)),
            ("templates.toml", None),
            ("templates", None),
            (".yaml", None),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), format, "{name}");
        }
    }

    #[test]
    fn registry_wire_names() {
        assert_eq!(Category::Authentication.as_str(), "authentication");
        assert_eq!(HeaderKind::TextParam.as_str(), "text_param");
        assert_eq!(ButtonKind::UrlDynamic.as_str(), "url_dynamic");
        for kind in [HeaderKind::None, HeaderKind::Text, HeaderKind::TextParam] {
            assert!(!kind.is_media());
        }
        for kind in [HeaderKind::Image, HeaderKind::Video, HeaderKind::Document] {
            assert!(kind.is_media());
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
