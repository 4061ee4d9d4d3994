//! Test helpers shared by the rule modules' unit tests.

/// The object schema of one string field `f` after a rule's `schema` ran on it.
pub(crate) fn schema_of(
    rule: impl FnOnce(&mut crate::schema::FieldSchema<'_>),
) -> serde_json::Value {
    let mut object = crate::schema::Object::new(None);
    let g = schemars::SchemaGenerator::default();
    let mut fs = object.field(
        &g,
        "f",
        schemars::json_schema!({ "type": "string" }),
        false,
        None,
    );
    rule(&mut fs);
    fs.finish();
    object.into_schema().to_value()
}

/// The codes a schema lists in `x-pushspec-rules`.
pub(crate) fn noted(schema: &serde_json::Value) -> Vec<&str> {
    let notes = schema["x-pushspec-rules"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    notes.iter().map(|n| n["code"].as_str().unwrap()).collect()
}
