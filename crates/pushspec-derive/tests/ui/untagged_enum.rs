use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
#[serde(untagged)]
enum Message {
    Text(String),
    Object { text: String },
}
fn main() {}
