use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Header {
    #[pushspec(chars(max = 60, code = "WhatsApp.header_text_length"))]
    text: String,
}
fn main() {}
