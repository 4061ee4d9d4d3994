use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Header {
    #[pushspec(chars(max = 60, code = "whatsapp.header.text-lenght"))]
    text: String,
}
fn main() {}
