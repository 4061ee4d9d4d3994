//! A service builds its push requests from typed models, validates them, and only then sends
//! them. Run with `cargo run -p pushspec --example embed`.

use pushspec::request::EndpointRequest;
use pushspec::vendors::oca::{self, TemplatePush};
use pushspec::vendors::smax::{V2Request, V2Send};
use pushspec::{Options, Report, Secret, validate_request};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = Options::default();

    // An order-shipped WhatsApp message through OCA. The phone number was typed in its
    // national form, a mistake OCA would only report as a failed delivery.
    let body: TemplatePush = serde_json::from_value(serde_json::json!({
        "phone_number": "081298765432",
        "message": {"type": "template", "template": {
            "template_code_id": "0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:order_shipped",
            "payload": [{"position": "body", "parameters": [
                {"type": "text", "text": "Rina"}, {"type": "text", "text": "A1024"}]}]}}
    }))?;
    let token = Secret::new("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.ZmFrZS1zaWduYXR1cmU");
    let request = oca::TemplateRequest::new(token, body).to_request()?;
    print(
        "oca.template",
        &request,
        &validate_request(&request, &options),
    );

    // A Smax.bot restock alert sent by customer id and e-mail at once, with a Messenger tag
    // Meta retired in 2020: Smax would update the stored customer, and Meta rejects the tag.
    let body: V2Send = serde_json::from_value(serde_json::json!({
        "customer_id": "cus_48213",
        "customer_email": "linh.nguyen@example.vn",
        "block_id": "64a1f0c2e3b4d5a6f7081921",
        "messaging_tag": "SHIPPING_UPDATE"
    }))?;
    let token = Secret::new("smx-demo-bot-token-8840");
    let request = V2Request::new("64a1f0c2e3b4d5a6f7081920", &token, body).to_request()?;
    print(
        "smax.v2.send",
        &request,
        &validate_request(&request, &options),
    );
    Ok(())
}

/// Prints what a service would log: the request without its secrets, then the findings.
fn print(label: &str, request: &pushspec::Request, report: &Report) {
    println!("{label}: {request:?}");
    if report.diagnostics.is_empty() {
        println!("  valid: ready to send");
    }
    for d in &report.diagnostics {
        println!(
            "  {}[{}] {} {}",
            d.severity, d.rule.code, d.pointer, d.message
        );
        if let Some(help) = &d.help {
            println!("    help: {help}");
        }
    }
}
