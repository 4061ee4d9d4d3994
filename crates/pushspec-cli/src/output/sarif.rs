//! The `sarif` format: one SARIF 2.1.0 log, for code scanning dashboards.
//!
//! The tool's `rules` are the whole catalogue ([`pushspec::catalog::ALL`]), so a result's
//! `ruleIndex` points into it. Results carry only report data: the rule code, the message,
//! the position and the pointer, never the input's text.

use std::io::{self, Write};

use pushspec::{Severity, catalog};
use serde_json::{Value, json};

use super::{Render, Summary, Written};

/// Where SARIF readers find out more about the tool.
const INFORMATION_URI: &str = "https://example.invalid/pushspec";

/// The SARIF renderer: collects results and writes the log at the end.
#[derive(Debug, Default)]
pub(super) struct Sarif {
    results: Vec<Value>,
}

/// `error` or `warning`, SARIF's names for our severities.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for `path`: forward slashes, and the characters that would
/// change its meaning as a URI percent-encoded.
pub(super) fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            '%' | ' ' | '#' | '?' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A stable fingerprint: 64-bit FNV-1a of the parts, NUL-separated, in hex. FNV is written
/// out here because std's hashers may change between Rust releases.
pub(super) fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash ^= 0;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in part.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

impl Render for Sarif {
    fn keeps_reports(&self) -> bool {
        true
    }

    fn write(&mut self, _: &mut dyn Write, written: &Written<'_>) -> io::Result<()> {
        // Always there: this renderer keeps reports.
        let Some(input) = written.input else {
            return Ok(());
        };
        for d in &input.report.diagnostics {
            let mut region = serde_json::Map::new();
            if let Some(line) = d.line {
                region.insert("startLine".to_owned(), json!(line));
            }
            if let Some(column) = d.column {
                region.insert("startColumn".to_owned(), json!(column));
            }
            let mut physical = json!({"artifactLocation": {"uri": uri(input.file)}});
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            let mut properties = json!({"pointer": d.pointer, "request": input.path});
            if let Some(endpoint) = input.endpoint {
                properties["endpoint"] = json!(endpoint);
            }
            if let Some(help) = &d.help {
                properties["help"] = json!(help);
            }
            let mut result = json!({
                "ruleId": d.rule.code,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": physical}],
                "partialFingerprints": {
                    "pushspec/v1": fingerprint(&[d.rule.code, input.path, &d.pointer]),
                },
                "properties": properties,
            });
            if let Some(index) = catalog::ALL.iter().position(|r| r.code == d.rule.code) {
                result["ruleIndex"] = json!(index);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = catalog::ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "shortDescription": {"text": r.summary},
                    "defaultConfiguration": {"level": level(r.severity)},
                    "properties": {"source": r.source, "strictLevel": level(r.strict)},
                })
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "pushspec",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }},
                "results": std::mem::take(&mut self.results),
                "properties": {"summary": {
                    "files": summary.files,
                    "requests": summary.inputs,
                    "skipped": summary.skipped,
                    "valid": summary.valid,
                    "errors": summary.errors,
                    "warnings": summary.warnings,
                }},
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        // Pinned: a change here would make every dashboard see new findings.
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
        assert_eq!(fingerprint(&["a"]), "af63dc4c8601ec8c");
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }

    #[test]
    fn uris_are_relative_references() {
        assert_eq!(uri("dir/a.json"), "dir/a.json");
        assert_eq!(uri("dir\\a b#1.json"), "dir/a%20b%231.json");
        assert_eq!(uri("100%.json"), "100%25.json");
    }
}
