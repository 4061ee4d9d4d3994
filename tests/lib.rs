//! Shared helpers for the integration tests: finding and loading fixtures.
