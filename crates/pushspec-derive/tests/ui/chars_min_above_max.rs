use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Carousel {
    #[pushspec(chars(min = 400, max = 1, code = "line.alt-text.length"))]
    alt_text: String,
}
fn main() {}
