//! `pushspec rules`: the rule catalogue (spec §7) as aligned columns or a JSON array.
//!
//! Everything printed comes from [`pushspec::catalog`]; this module only lays it out.
//! Retired codes are listed too, marked `retired`, because they stay reserved (spec §0).

use std::io::{self, Write};

use pushspec::{Rule, Severity, catalog};
use serde::Serialize;

use crate::args::ListFormat;

/// Writes the catalogue to `out` in `format`.
pub(crate) fn write(out: &mut dyn Write, format: ListFormat) -> io::Result<()> {
    match format {
        ListFormat::Human => human(out)?,
        ListFormat::Json => {
            let rules: Vec<RuleOut> = catalog::ALL.iter().map(|r| RuleOut::from(*r)).collect();
            serde_json::to_writer_pretty(&mut *out, &rules)?;
            writeln!(out)?;
        }
    }
    out.flush()
}

/// Whether `rule` is reserved but never emitted.
fn is_retired(rule: &Rule) -> bool {
    catalog::RETIRED.iter().any(|r| r.code == rule.code)
}

/// The severity column: `E`, `W`, `W→E strict` where the strict profile promotes the rule,
/// or `retired`.
fn severity_column(rule: &Rule) -> String {
    if is_retired(rule) {
        return "retired".to_owned();
    }
    let letter = |s: Severity| match s {
        Severity::Error => "E",
        Severity::Warning => "W",
    };
    if rule.strict == rule.severity {
        letter(rule.severity).to_owned()
    } else {
        format!("{}→{} strict", letter(rule.severity), letter(rule.strict))
    }
}

/// One rule per line: code, severity, summary, in aligned columns, then a legend.
fn human(out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<(&str, String, &str)> = catalog::ALL
        .iter()
        .map(|r| (r.code, severity_column(r), r.summary))
        .collect();
    let code_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let severity_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (code, severity, summary) in &rows {
        // `{:<width$}` pads by characters, so `W→E strict` lines up like plain ASCII.
        writeln!(
            out,
            "{code:<code_width$}  {severity:<severity_width$}  {summary}"
        )?;
    }
    writeln!(
        out,
        "\n{} rules. E = error, W = warning, W→E strict = a warning that --strict makes an \
         error.\nRun `pushspec explain CODE` for what a rule checks, why, and an example.",
        rows.len()
    )
}

/// One rule in `--format json`. The field names are a contract with other tools.
#[derive(Debug, Serialize)]
struct RuleOut {
    code: &'static str,
    /// `"error"` or `"warning"`, in the default profile.
    severity: Severity,
    /// The severity under `--strict`.
    strict: Severity,
    /// Reserved and never emitted.
    retired: bool,
    /// Whether the generated JSON Schema expresses the rule with standard keywords.
    in_schema: bool,
    summary: &'static str,
    /// Spec §8 keys (`[OCA-TPL]`), `INFERENCE`, `CODE`, and the like.
    source: &'static str,
}

impl From<&'static Rule> for RuleOut {
    fn from(rule: &'static Rule) -> Self {
        RuleOut {
            code: rule.code,
            severity: rule.severity,
            strict: rule.strict,
            retired: is_retired(rule),
            in_schema: rule.in_schema,
            summary: rule.summary,
            source: rule.source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_column_marks_promotions_and_retirements() {
        assert_eq!(severity_column(&catalog::REQUEST_METHOD_POST), "E");
        assert_eq!(severity_column(&catalog::REQUEST_URL_WHITESPACE), "W");
        assert_eq!(
            severity_column(&catalog::OCA_TEMPLATE_UNREGISTERED),
            "W→E strict"
        );
        assert_eq!(
            severity_column(&catalog::SMAX_TAG_V2_UNDOCUMENTED),
            "retired"
        );
    }
}
