use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Header {
    #[pushspec(chars(max = 60))]
    text: String,
}
fn main() {}
