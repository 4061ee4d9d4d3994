use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Params {
    block_name: Option<String>,
}

#[derive(Serialize, Deserialize, Model)]
struct Query {
    #[serde(rename = "block_name")]
    name: Option<String>,
    #[serde(flatten)]
    params: Params,
}

fn main() {}
