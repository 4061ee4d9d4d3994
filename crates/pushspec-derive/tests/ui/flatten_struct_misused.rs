use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Default, Serialize, Deserialize, Model)]
struct Params {
    block_name: Option<String>,
}

#[derive(Serialize, Deserialize, Model)]
struct Query {
    #[serde(flatten)]
    #[pushspec(expected)]
    params: Option<Params>,
}

#[derive(Serialize, Deserialize, Model)]
#[serde(tag = "type")]
enum Message {
    Text {
        #[serde(flatten)]
        params: Params,
    },
}

fn main() {}
