//! A deterministic mutation engine: payloads derived from a valid JSON document by breaking
//! it one way at a time (a field removed, a value of another type, an enum value broken, a
//! number or a length pushed past a limit, an array emptied or an item duplicated), then by
//! seeded random combinations of those breaks.
//!
//! Nothing here knows about pushspec's rules: the mutations are generic, so the same corpus
//! serves the schema differential test and a benchmark corpus, and a rule added tomorrow is
//! covered by the payloads that already exist.
//!
//! ```
//! use pushspec_tests::mutate::{corpus, systematic};
//! let base = serde_json::json!({"type": "text", "items": [{"index": 0}]});
//! let single = systematic(0, &base);
//! assert!(single.iter().any(|m| m.label == "remove /type"));
//! let a = corpus(&[base.clone()], 7, 100);
//! assert_eq!(a.len(), single.len() + 100);
//! assert_eq!(a, corpus(&[base], 7, 100));
//! ```

use serde_json::{Value, json};

/// One derived payload and how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Mutant {
    /// What was done, e.g. `remove /message/type` or `set /index to -1`; compound mutants
    /// join their steps with ` + `.
    pub label: String,
    /// Which of the bases it comes from (its index).
    pub base: usize,
    /// The payload.
    pub value: Value,
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// One way of breaking the value at a path.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    /// Drop an object member or an array item.
    Remove,
    /// Replace the value.
    Set(Value),
    /// Add a member no model declares.
    AddUnknownKey,
    /// Append a copy of the first item (repeated indices, repeated positions).
    DuplicateFirst,
    /// Repeat the items until there are this many.
    Grow(usize),
}

/// Values of every JSON type: replacing a value by each tests `type` and `required`
/// (`null`, `""` and `[]` count as absent for presence rules).
fn type_changes() -> [Value; 10] {
    [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("mutant"),
        json!("0"),
        json!([]),
        json!({}),
    ]
}

/// Numbers around the limits people write: negative, fractional, index 0 to 9, a byte,
/// epoch seconds.
const NUMBERS: &[f64] = &[-1.0, 0.5, 9.0, 10.0, 256.0, 1e10];

/// Strings that trip formats: URLs of other schemes and hosts, phone numbers in other
/// forms, blanks, control characters, numeric strings.
const STRINGS: &[&str] = &[
    " ",
    "a\nb",
    "12",
    "ftp://example.com/a.png",
    "//example.com/x",
    "http://127.0.0.1/x",
    "+840912345678",
    "+1 (555) 010-9999",
];

/// Lengths just past the limits in the spec (20 and 60 characters for labels and headers,
/// 256 for payloads, 2000 and 5000 for messages).
const LENGTHS: &[usize] = &[21, 61, 257, 2001, 5001];

/// Array sizes just past the count limits (3 or 4 actions, 10 columns, 13 quick replies).
const SIZES: &[usize] = &[4, 5, 11, 14];

/// Every single-step mutant of `base` (numbered `index` in its corpus), in a fixed order:
/// each node gets the generic type changes plus the mutations that fit its kind.
pub fn systematic(index: usize, base: &Value) -> Vec<Mutant> {
    let mut out = Vec::new();
    for (path, node) in nodes(base) {
        for op in ops(&path, node) {
            if let Some(value) = apply(base, &path, &op) {
                out.push(Mutant {
                    label: label(&path, &op),
                    base: index,
                    value,
                });
            }
        }
    }
    out
}

/// The corpus of `bases`: every systematic mutant of every base, then `compound` mutants of
/// two or three random steps each on one base, drawn with a PRNG seeded by `seed`. The same
/// arguments always give the same corpus.
pub fn corpus(bases: &[Value], seed: u64, compound: usize) -> Vec<Mutant> {
    let mut out: Vec<Mutant> = bases
        .iter()
        .enumerate()
        .flat_map(|(index, base)| systematic(index, base))
        .collect();
    let target = out.len() + compound;
    let mut rng = Rng::new(seed);
    while out.len() < target && !bases.is_empty() {
        let index = rng.below(bases.len());
        let Some(base) = bases.get(index) else {
            break;
        };
        let mut value = base.clone();
        let mut labels = Vec::new();
        for _ in 0..2 + rng.below(2) {
            let candidates = nodes(&value);
            let Some((path, node)) = candidates.get(rng.below(candidates.len())) else {
                break;
            };
            let ops = ops(path, node);
            let Some(op) = ops.get(rng.below(ops.len())) else {
                continue;
            };
            if let Some(next) = apply(&value, path, op) {
                labels.push(label(path, op));
                value = next;
            }
        }
        if !labels.is_empty() {
            out.push(Mutant {
                label: labels.join(" + "),
                base: index,
                value,
            });
        }
    }
    out
}

/// The mutations that fit the node at `path`.
fn ops(path: &[Step], node: &Value) -> Vec<Op> {
    let mut ops = Vec::new();
    if !path.is_empty() {
        ops.push(Op::Remove);
        ops.extend(
            type_changes()
                .into_iter()
                .filter(|v| v != node)
                .map(Op::Set),
        );
    }
    match node {
        Value::Object(_) => ops.push(Op::AddUnknownKey),
        Value::Array(items) if !items.is_empty() => {
            ops.push(Op::DuplicateFirst);
            ops.extend(SIZES.iter().map(|&n| Op::Grow(n)));
        }
        Value::String(s) if !s.is_empty() => {
            ops.push(Op::Set(json!(format!("{s}-x"))));
            ops.push(Op::Set(json!(s.to_uppercase())));
            ops.push(Op::Set(json!(format!(" {s}"))));
            ops.extend(STRINGS.iter().map(|x| Op::Set(json!(x))));
            let unit: String = s.chars().take(1).collect();
            ops.extend(LENGTHS.iter().map(|&n| Op::Set(json!(unit.repeat(n)))));
        }
        Value::Number(n) => {
            ops.extend(NUMBERS.iter().map(|x| Op::Set(json!(x))));
            ops.push(Op::Set(json!(n.to_string())));
        }
        Value::Bool(b) => {
            ops.push(Op::Set(json!(!b)));
            ops.push(Op::Set(json!(b.to_string())));
        }
        _ => {}
    }
    ops
}

/// Every node of `value` with its path, parents first.
fn nodes(value: &Value) -> Vec<(Vec<Step>, &Value)> {
    let mut out = Vec::new();
    let mut pending = vec![(Vec::new(), value)];
    while let Some((path, node)) = pending.pop() {
        let children: Vec<(Step, &Value)> = match node {
            Value::Object(map) => map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Step::Index(i), v))
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children.into_iter().rev() {
            let mut child_path = path.clone();
            child_path.push(step);
            pending.push((child_path, child));
        }
        out.push((path, node));
    }
    out
}

/// The shape of a document: its keys and value types, with the items of an array merged.
/// Two bases of one shape give nearly the same mutants, so a corpus needs only one of each.
pub fn shape(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut members: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k:?}:{}", shape(v)))
                .collect();
            members.sort();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => {
            let mut kinds: Vec<String> = items.iter().map(shape).collect();
            kinds.sort();
            kinds.dedup();
            format!("[{}]", kinds.join("|"))
        }
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "bool".to_owned(),
        Value::Number(_) => "number".to_owned(),
        Value::String(_) => "string".to_owned(),
    }
}

/// `base` with `op` applied at `path`; `None` when the op does not apply there.
fn apply(base: &Value, path: &[Step], op: &Op) -> Option<Value> {
    let mut value = base.clone();
    let (parent_path, last) = match path.split_last() {
        Some((last, parent)) => (parent, Some(last)),
        None => (path, None),
    };
    let parent = locate(&mut value, parent_path)?;
    if let (Op::Remove, Some(last)) = (op, last) {
        match (parent, last) {
            (Value::Object(map), Step::Key(k)) => {
                map.shift_remove(k)?;
            }
            (Value::Array(items), Step::Index(i)) if *i < items.len() => {
                items.remove(*i);
            }
            _ => return None,
        }
        return Some(value);
    }
    let target = match last {
        Some(last) => locate(parent, std::slice::from_ref(last))?,
        None => parent,
    };
    match (op, target) {
        (Op::Set(new), target) => *target = new.clone(),
        (Op::AddUnknownKey, Value::Object(map)) => {
            map.insert("x_mutant_unknown".to_owned(), json!(1));
        }
        (Op::DuplicateFirst, Value::Array(items)) => items.push(items.first()?.clone()),
        (Op::Grow(n), Value::Array(items)) if !items.is_empty() => {
            let original = items.clone();
            items.extend(
                original
                    .iter()
                    .cycle()
                    .take(n.saturating_sub(items.len()))
                    .cloned(),
            );
        }
        _ => return None,
    }
    Some(value)
}

fn locate<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter()
        .try_fold(value, |node, step| match (node, step) {
            (Value::Object(map), Step::Key(k)) => map.get_mut(k),
            (Value::Array(items), Step::Index(i)) => items.get_mut(*i),
            _ => None,
        })
}

/// `remove /a/0`, `set /a/0 to null`, `grow /a to 11`: a JSON pointer (RFC 6901) plus the op.
fn label(path: &[Step], op: &Op) -> String {
    let pointer: String = path
        .iter()
        .map(|step| match step {
            Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => format!("/{i}"),
        })
        .collect();
    let pointer = if pointer.is_empty() {
        "/".to_owned()
    } else {
        pointer
    };
    match op {
        Op::Remove => format!("remove {pointer}"),
        Op::Set(v) => {
            let mut shown = v.to_string();
            if shown.len() > 24 {
                shown = format!(
                    "{}… ({} chars)",
                    shown.chars().take(12).collect::<String>(),
                    v.as_str().map_or(0, |s| s.chars().count())
                );
            }
            format!("set {pointer} to {shown}")
        }
        Op::AddUnknownKey => format!("add an unknown key to {pointer}"),
        Op::DuplicateFirst => format!("duplicate the first item of {pointer}"),
        Op::Grow(n) => format!("grow {pointer} to {n} items"),
    }
}

/// SplitMix64: a tiny, well-mixed PRNG whose whole state is one `u64`, so a seed names a
/// corpus exactly, on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0); the modulo bias is irrelevant at these sizes.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}
