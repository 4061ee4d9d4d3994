//! Adversarial inputs.
