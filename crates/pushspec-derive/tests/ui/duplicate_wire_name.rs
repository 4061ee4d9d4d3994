use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Button {
    sub_types: String,
    #[serde(rename = "sub_types")]
    kind: String,
}
fn main() {}
