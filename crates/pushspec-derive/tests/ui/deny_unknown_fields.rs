use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
#[serde(deny_unknown_fields)]
struct Push {
    phone_number: String,
}
fn main() {}
