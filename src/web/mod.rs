//! The one door to JavaScript (wasm32 only): thin conversions into the core,
//! errors mapped to JS `Error`s, and drawing on canvases.
//!
//! One module per section of the JS API (docs/js-api.md), in its order:
//!
//! | section | module |
//! | --- | --- |
//! | Activations | `activations` |
//! | A network: Model | `model` |
//! | Links | `link` |
//! | Settings | `settings` |
//! | The training view's run: Playground | `playground` and its parts |
//! | Your own points: CustomPoints | `custom_points` |
//! | The explorer: CurveView, draw_softmax | `explorer` |
//! | The race: Race | `race` and `race::repeat` |
//! | Datasets | `datasets` |
//!
//! What they share, none of it exported to JavaScript, lives in `common`;
//! `start`, below, runs when the module loads.

pub mod activations;
pub mod common;
#[cfg(feature = "full")]
pub mod custom_points;
#[cfg(feature = "full")]
pub mod datasets;
pub mod explorer;
#[cfg(feature = "full")]
pub mod link;
#[cfg(feature = "full")]
pub mod model;
#[cfg(feature = "full")]
pub mod playground;
#[cfg(feature = "full")]
pub mod race;
pub mod settings;

use wasm_bindgen::prelude::*;

/// Runs once when the module loads: routes panics to the console and to a
/// visible error panel. It must not assume the page's elements exist (tests
/// load the module without them).
#[wasm_bindgen(start)]
pub fn start() {
    // After a panic the module has aborted mid-call and counts as panicking:
    // setting the hook again would panic in turn. The first hook stays.
    if std::thread::panicking() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_panel(&info.to_string());
    }));
}

/// Shows the page's `#panic` panel (or a new one) with the panic's message.
fn show_panic_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let panel = match document.get_element_by_id("panic") {
        Some(panel) => panel,
        None => match document.create_element("div") {
            Ok(panel) => {
                panel.set_id("panic");
                if let Some(body) = document.body() {
                    let _ = body.append_child(&panel);
                }
                panel
            }
            Err(_) => return,
        },
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.remove_attribute("hidden");
    panel.set_text_content(Some(&format!(
        "nnplay stopped because of an internal error. Reload the page to start again. Details: {message}"
    )));
}
