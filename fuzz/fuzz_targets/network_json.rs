//! Fuzzes the network file and model config readers: any text is either
//! refused with an error (too deep, too big, not JSON, not a network) or
//! read into a network, and never panics or overflows the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nnplay::export::read_network_file;
use nnplay::json::parse_text;
use nnplay::network::{Network, NetworkConfig};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(tree) = parse_text(&text) {
        if let Ok(file) = read_network_file(&tree) {
            let _ = file.into_session();
        }
    }
    if let Ok(config) = NetworkConfig::from_json(&text) {
        let _ = Network::new(config);
    }
});
