//! Which endpoint a bare request body is for, judged by its shape alone.
//!
//! An envelope names its endpoint by URL; a bare body does not, so [`detect`] scores the body
//! against every endpoint of [`endpoint::ALL`]. The evidence comes from each endpoint's body
//! schema, the same one `cargo xtask schemas` writes: its properties (with their `const` and
//! `enum` values, and the properties of nested objects) and its `required` lists, per
//! `oneOf`/`anyOf` variant. A new endpoint is detected as soon as it has a body schema; no
//! keyword list is kept here.
//!
//! A body's *fit* to a variant is the share of the evidence that agrees: each of the body's
//! keys the variant documents agrees, each key it does not document disagrees (at half
//! weight, see [`UNDOCUMENTED`]), each required
//! key the body lacks disagrees, a documented `const`/`enum` value agrees or disagrees, and a
//! nested object adds its own evidence at half weight. Fits within [`TIE`] of each other are
//! a tie: a body of keys that several vendors share is ambiguous, not a guess.
//!
//! Everything here is pure: no I/O, no panics, any tree in.

use std::sync::OnceLock;

use schemars::SchemaGenerator;
use serde_json::{Map, Value as Json};

use crate::check::{Cx, Options};
use crate::diag::{Path, Report};
use crate::endpoint::{self, Endpoint};
use crate::json::{self, Arena, Node};
use crate::validate::{every_value, syntax_error};
use crate::{catalog, validate_body};

/// How sure a detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Some evidence favours the winner, but little.
    Low,
    /// The winner fits well and clearly better than the next.
    Medium,
    /// The winner fits (nearly) every key and no other endpoint comes close.
    High,
}

impl Confidence {
    /// `high`, `medium` or `low`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// One endpoint's score for a body.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// The endpoint.
    pub endpoint: &'static Endpoint,
    /// Share of the evidence that agrees, in thousandths.
    pub fit: u16,
}

/// What [`detect`] concluded.
#[derive(Debug, Clone, Copy)]
pub enum Verdict {
    /// One endpoint stands out.
    Detected(&'static Endpoint, Confidence),
    /// Several endpoints fit equally well: the first candidates, tied at the top.
    Ambiguous,
    /// No endpoint fits: the body uses no documented key of any of them.
    Unknown,
}

/// The outcome of [`detect`].
#[derive(Debug, Clone)]
pub struct Detection {
    /// The conclusion.
    pub verdict: Verdict,
    /// Every endpoint with some agreeing evidence, best first (by fit, then in catalogue
    /// order).
    pub candidates: Vec<Candidate>,
}

impl Detection {
    /// The candidates tied with the best on fit: the ones an ambiguous body could be for.
    pub fn tied(&self) -> impl Iterator<Item = &Candidate> {
        let top = self.candidates.first().map_or(0, |c| c.fit);
        self.candidates
            .iter()
            .take_while(move |c| top.abs_diff(c.fit) <= TIE)
    }
}

/// The weight of a key the variant does not document. Several vendors take custom user
/// attributes as extra body keys (Chatfuel, Smax.bot, AhaChat), so an undocumented key is
/// weaker evidence against an endpoint than a documented key is for it.
const UNDOCUMENTED: f32 = 0.5;
/// Fits within this many thousandths are a tie.
const TIE: u16 = 10;
/// Below this fit (in thousandths) the best candidate is no match at all.
const FLOOR: u16 = 400;

/// Scores `body` against every endpoint and picks the best, if one stands out.
///
/// ```
/// use pushspec::detect::{Confidence, Verdict, detect};
/// use pushspec::json::{Arena, Limits, parse};
///
/// let arena = Arena::new();
/// let body = parse(br#"{"phone_number": "6281298765432",
///     "message": {"type": "template", "template": {"template_code_id": "promo:1", "payload": []}}}"#,
///     &arena, &Limits::default()).unwrap();
/// let found = detect(&body);
/// assert!(matches!(found.verdict, Verdict::Detected(e, Confidence::High) if e.id == "oca.template"));
/// ```
pub fn detect(body: &Node<'_>) -> Detection {
    let mut candidates: Vec<Candidate> = shapes()
        .iter()
        .filter_map(|(endpoint, shape)| {
            let fit = shape.fit(body);
            (fit > 0).then_some(Candidate { endpoint, fit })
        })
        .collect();
    // A stable sort keeps catalogue order among equals, so the result is deterministic.
    candidates.sort_by_key(|c| std::cmp::Reverse(c.fit));
    let verdict = match candidates.as_slice() {
        [] => Verdict::Unknown,
        [best, ..] if best.fit < FLOOR => Verdict::Unknown,
        [best, rest @ ..] => {
            let margin = best.fit.saturating_sub(rest.first().map_or(0, |c| c.fit));
            if margin >= 400 {
                Verdict::Detected(best.endpoint, Confidence::High)
            } else if margin >= 150 {
                Verdict::Detected(best.endpoint, Confidence::Medium)
            } else if margin > TIE {
                Verdict::Detected(best.endpoint, Confidence::Low)
            } else {
                Verdict::Ambiguous
            }
        }
    };
    Detection {
        verdict,
        candidates,
    }
}

/// Validates a bare body whose endpoint is not known: detects it, then validates the body as
/// that endpoint's. An ambiguous or unrecognised body gets `request.endpoint.ambiguous` or
/// `request.endpoint.unknown` at `/body`, and only the rules that hold for any body (repeated
/// keys, placeholders, secrets kept out of the output). `None` when the input is not JSON:
/// the report then holds the syntax error.
pub fn validate(body: &[u8], options: &Options) -> (Report, Option<Detection>) {
    let mut cx = Cx::new(options);
    let detection =
        Arena::with(
            |arena| match json::parse(body, arena, &options.limits.for_validation()) {
                Ok(node) => {
                    let detection = detect(&node);
                    if !matches!(detection.verdict, Verdict::Detected(..)) {
                        every_value(&node, None, &Path::BODY, &mut cx);
                        undetected(&node, &detection, &mut cx);
                    }
                    Some(detection)
                }
                Err(e) => {
                    syntax_error(&e, &Path::BODY, &mut cx);
                    None
                }
            },
        );
    if let Some(Verdict::Detected(endpoint, _)) = detection.as_ref().map(|d| d.verdict) {
        return (validate_body(endpoint, body, options), detection);
    }
    let mut report = cx.into_report(None);
    report.locate(body);
    (report, detection)
}

/// Reports a body that is ambiguous or fits nothing, listing the closest candidates.
fn undetected(body: &Node<'_>, detection: &Detection, cx: &mut Cx<'_>) {
    let names = |n: usize| {
        detection
            .candidates
            .iter()
            .take(n)
            .map(|c| format!("{} ({}% fit)", c.endpoint.id, c.fit / 10))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (rule, message) = match detection.verdict {
        Verdict::Ambiguous => (
            &catalog::REQUEST_ENDPOINT_AMBIGUOUS,
            format!(
                "the body fits several endpoints equally well: {}",
                names(detection.tied().count())
            ),
        ),
        _ if detection.candidates.is_empty() => (
            &catalog::REQUEST_ENDPOINT_UNKNOWN,
            "the body uses no documented key of any endpoint".to_owned(),
        ),
        _ => (
            &catalog::REQUEST_ENDPOINT_UNKNOWN,
            format!("the body fits no endpoint well; closest: {}", names(3)),
        ),
    };
    // Only the opening bracket: the whole body would be one huge snippet.
    let at = json::Span::new(body.span.start, body.span.start.saturating_add(1));
    cx.emit(rule, &Path::BODY, at, message).help(
        "pass --endpoint ID, name the endpoint in pushspec.toml [endpoints], \
         or send a request envelope with its `url`",
    );
}

/// Nested objects are followed this deep; deeper keys add little evidence.
const DEPTH: usize = 3;

/// Every endpoint's shape, built once from its body schema.
fn shapes() -> &'static [(&'static Endpoint, Shape)] {
    static SHAPES: OnceLock<Vec<(&'static Endpoint, Shape)>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        endpoint::ALL
            .iter()
            .map(|&e| {
                let mut generator = SchemaGenerator::default();
                let root = (e.body_schema)(&mut generator).to_value();
                let defs = generator.definitions().clone();
                (e, Shape::of(&root, &defs, DEPTH))
            })
            .collect()
    })
}

/// What a body schema documents about an object: one entry per `oneOf`/`anyOf` variant.
#[derive(Debug, Default)]
struct Shape {
    variants: Vec<Variant>,
}

/// One way an object may look.
#[derive(Debug, Default)]
struct Variant {
    properties: Vec<Property>,
    required: Vec<String>,
}

/// One documented property.
#[derive(Debug)]
struct Property {
    name: String,
    /// The string values a `const` or `enum` allows; empty when any value goes.
    values: Vec<String>,
    /// The shape of an object-valued property.
    nested: Option<Shape>,
}

impl Shape {
    /// Reads the object shape of `schema`, resolving `$ref`s against `defs`.
    fn of(schema: &Json, defs: &Map<String, Json>, depth: usize) -> Shape {
        let schema = resolve(schema, defs);
        let base = Variant::of(schema, defs, depth);
        let branches: Vec<&Json> = ["oneOf", "anyOf"]
            .iter()
            .filter_map(|k| schema.get(k).and_then(Json::as_array))
            .flatten()
            .map(|s| resolve(s, defs))
            .filter(|s| s.get("properties").is_some())
            .collect();
        if branches.is_empty() {
            return Shape {
                variants: vec![base],
            };
        }
        let variants = branches
            .into_iter()
            .map(|branch| {
                let mut v = Variant::of(branch, defs, depth);
                for p in &base.properties {
                    if !v.properties.iter().any(|q| q.name == p.name) {
                        v.properties.push(p.shallow());
                    }
                }
                v.required.extend(base.required.iter().cloned());
                v
            })
            .collect();
        Shape { variants }
    }

    /// Whether the schema documents any property at all.
    fn is_empty(&self) -> bool {
        self.variants.iter().all(|v| v.properties.is_empty())
    }

    /// The body's fit, in thousandths, to the best-fitting variant.
    fn fit(&self, body: &Node<'_>) -> u16 {
        let e = self.evidence(body);
        per_mille(e.agree, e.total)
    }

    /// The evidence of the best-fitting variant.
    fn evidence(&self, body: &Node<'_>) -> Evidence {
        self.variants
            .iter()
            .map(|v| v.evidence(body))
            .max_by(|a, b| a.share().total_cmp(&b.share()))
            .unwrap_or_default()
    }
}

impl Variant {
    fn of(schema: &Json, defs: &Map<String, Json>, depth: usize) -> Variant {
        let properties = schema
            .get("properties")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
            .map(|(name, s)| Property::of(name, s, defs, depth))
            .collect();
        let required = schema
            .get("required")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect();
        Variant {
            properties,
            required,
        }
    }

    /// Weighs `body` against this variant.
    fn evidence(&self, body: &Node<'_>) -> Evidence {
        let mut e = Evidence::default();
        let Some(members) = body.as_object() else {
            // A body that is not an object carries no key to weigh.
            e.total = 1.0;
            return e;
        };
        for (i, m) in members.iter().enumerate() {
            // A repeated key is one piece of evidence, not two.
            if members.iter().take(i).any(|n| n.key == m.key) {
                continue;
            }
            let Some(p) = self.properties.iter().find(|p| p.name == m.key) else {
                e.total += UNDOCUMENTED;
                continue;
            };
            e.total += 1.0;
            e.agree += 1.0;
            if !p.values.is_empty()
                && let Some(s) = m.value.as_str()
            {
                e.total += 1.0;
                if p.values.iter().any(|v| v == s) {
                    e.agree += 1.0;
                }
            }
            if let Some(nested) = &p.nested
                && m.value.as_object().is_some()
            {
                let inner = nested.evidence(&m.value);
                e.agree += inner.agree / 2.0;
                e.total += inner.total / 2.0;
            }
        }
        for r in &self.required {
            if !members.iter().any(|m| m.key == *r) {
                e.total += 1.0;
            }
        }
        e
    }
}

impl Property {
    fn of(name: &str, schema: &Json, defs: &Map<String, Json>, depth: usize) -> Property {
        let schema = nullable(resolve(schema, defs), defs);
        let values = schema
            .get("const")
            .into_iter()
            .chain(
                schema
                    .get("enum")
                    .and_then(Json::as_array)
                    .into_iter()
                    .flatten(),
            )
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let nested = (depth > 0)
            .then(|| Shape::of(schema, defs, depth - 1))
            .filter(|s| !s.is_empty());
        Property {
            name: name.to_owned(),
            values,
            nested,
        }
    }

    /// The property without its nested shape (copied into every variant of a tagged enum).
    fn shallow(&self) -> Property {
        Property {
            name: self.name.clone(),
            values: self.values.clone(),
            nested: None,
        }
    }
}

/// Evidence weighed for one variant: how much of it agrees, out of how much.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    agree: f32,
    total: f32,
}

impl Evidence {
    /// The share that agrees; 0 when there is no evidence.
    fn share(self) -> f32 {
        if self.total > 0.0 {
            self.agree / self.total
        } else {
            0.0
        }
    }
}

/// `part / whole` in thousandths; 0 for an empty whole.
fn per_mille(part: f32, whole: f32) -> u16 {
    let share = Evidence {
        agree: part,
        total: whole,
    }
    .share();
    // In 0..=1000 after the clamp, so the cast cannot truncate.
    (share.clamp(0.0, 1.0) * 1000.0).round() as u16
}

/// Follows `$ref`s (a bounded number of hops, so a cyclic schema cannot loop).
fn resolve<'s>(mut schema: &'s Json, defs: &'s Map<String, Json>) -> &'s Json {
    for _ in 0..8 {
        let Some(target) = schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.rsplit('/').next())
            .and_then(|name| defs.get(name))
        else {
            break;
        };
        schema = target;
    }
    schema
}

/// The non-null branch of an `anyOf: [X, {"type": "null"}]` (an `Option` field).
fn nullable<'s>(schema: &'s Json, defs: &'s Map<String, Json>) -> &'s Json {
    let Some(branches) = schema.get("anyOf").and_then(Json::as_array) else {
        return schema;
    };
    let mut real = branches
        .iter()
        .filter(|b| b.get("type").and_then(Json::as_str) != Some("null"));
    match (real.next(), real.next()) {
        (Some(only), None) => resolve(only, defs),
        _ => schema,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Limits;

    fn verdict(body: &str) -> Detection {
        let arena = Arena::new();
        detect(&json::parse(body.as_bytes(), &arena, &Limits::default()).unwrap())
    }

    #[test]
    fn every_endpoint_has_a_shape() {
        for (endpoint, shape) in shapes() {
            assert!(!shape.is_empty(), "{} documents no body key", endpoint.id);
        }
    }

    #[test]
    fn discriminating_keys_decide() {
        for (body, id) in [
            (
                r#"{"secret": "s", "platform": "facebook", "message": "hi"}"#,
                "mantago.broadcast",
            ),
            (r#"{"secret": "s", "botId": "b"}"#, "mantago.token"),
            (
                r#"{"chatfuel_block_name": "x", "chatfuel_token": "t"}"#,
                "chatfuel.send",
            ),
            (
                r#"{"type": "text", "contactable_type": "line", "contactable_id": "1", "message": "hi"}"#,
                "firstline.push",
            ),
            (r#"{"customer_fbid": "1", "block_id": "b"}"#, "smax.v2.send"),
        ] {
            let d = verdict(body);
            assert!(
                matches!(d.verdict, Verdict::Detected(e, _) if e.id == id),
                "{body}: {d:?}"
            );
        }
    }

    #[test]
    fn a_body_of_shared_keys_is_ambiguous() {
        // `ahachat_block_name` and `ahachat_token` are documented by both AhaChat endpoints;
        // `phone` by one of them.
        let d = verdict(r#"{"ahachat_token": "t", "ahachat_block_name": "b"}"#);
        assert!(matches!(d.verdict, Verdict::Ambiguous), "{d:?}");
        let tied: Vec<_> = d.tied().map(|c| c.endpoint.id).collect();
        assert_eq!(tied, ["ahachat.send-by-user", "ahachat.send-by-phone"]);
        let d = verdict(r#"{"ahachat_token": "t", "ahachat_block_name": "b", "phone": "1"}"#);
        assert!(
            matches!(d.verdict, Verdict::Detected(e, _) if e.id == "ahachat.send-by-phone"),
            "{d:?}"
        );
        let d = verdict(r#"{"block_id": "b", "messaging_tag": "ACCOUNT_UPDATE"}"#);
        assert!(matches!(d.verdict, Verdict::Ambiguous), "{d:?}");
    }

    #[test]
    fn an_unrelated_body_is_unknown() {
        for body in [r#"{"hello": "world"}"#, "[]", "3", "{}"] {
            let d = verdict(body);
            assert!(matches!(d.verdict, Verdict::Unknown), "{body}: {d:?}");
        }
    }
}
