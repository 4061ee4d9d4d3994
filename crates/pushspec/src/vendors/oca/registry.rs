//! The template registry (spec §5): approved templates, read from YAML or JSON.

/// The approved templates (placeholder: being written).
#[derive(Debug, Clone, Default)]
pub struct Registry {}
