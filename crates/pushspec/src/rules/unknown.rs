//! Keys no field claims: `common.field.case` when a key differs from a documented one only
//! in letter case, else the container's unknown-key rule, if it has one.
//!
//! ```text
//! #[pushspec(unknown = "common.field.unknown")]
//! struct TemplatePush { ... }
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::{Path, Rule};
use crate::json::Member;

/// Checks one unclaimed member of the object at `at`. `known` lists the documented keys.
pub fn apply(
    member: &Member<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    known: &[&str],
    rule: Option<&'static Rule>,
) {
    let key = member.key;
    let here = at.key(key);
    if let Some(documented) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        cx.emit(
            &catalog::COMMON_FIELD_CASE,
            &here,
            member.key_span,
            format_args!("key `{key}` is spelled `{documented}` in the documentation"),
        )
        .help(format_args!(
            "parameter names are case-sensitive: rename it to `{documented}`"
        ));
        return;
    }
    if let Some(rule) = rule {
        let d = cx.emit(
            rule,
            &here,
            member.key_span,
            format_args!("key `{key}` is not documented for this object"),
        );
        if let Some(close) = closest(key, known) {
            d.help(format_args!("did you mean `{close}`?"));
        }
    }
}

/// The documented key within edit distance 2 of `key`, if one is clearly meant.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let chars = key.chars().count();
    known
        .iter()
        // The distance is at least the difference in length, so most documented keys are
        // ruled out without filling a table.
        .filter(|k| k.chars().count().abs_diff(chars) <= 2)
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters; keys are short, so the quadratic table is fine.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = usize::from(ca != *cb);
            let value = (prev + cost).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(
            closest("phone_numbr", &["phone_number", "message"]),
            Some("phone_number")
        );
        assert_eq!(closest("colour", &["phone_number", "message"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
