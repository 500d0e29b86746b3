//! The benchmark's baseline: a bare Tauri 2 app with one empty page (the limit of our stack).
//! It behaves like Kagiban where the benchmark looks: `--hidden` starts without a window, the
//! page says when it is loaded, and `KAGIBAN_BENCH=close` closes the window once it is, keeping
//! the process alive as an app living in the tray would.

use std::io::Write;

use tauri::{RunEvent, WebviewUrl, WebviewWindowBuilder};

#[tauri::command]
fn ready(window: tauri::WebviewWindow, render_ms: f64, origin_ms: f64) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "ready {render_ms} {origin_ms}");
    let _ = out.flush();
    if std::env::var("KAGIBAN_BENCH").as_deref() == Ok("close") {
        let _ = window.destroy();
    }
}

fn main() {
    let hidden = std::env::args().skip(1).any(|a| a == "--hidden");
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .setup(move |app| {
            if !hidden {
                WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                    .title("Baseline")
                    .inner_size(1100.0, 760.0)
                    .build()?;
            }
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("baseline could not start");
    // Like an app in the tray: closing the last window does not end the process.
    app.run(|_, event| {
        if let RunEvent::ExitRequested {
            api, code: None, ..
        } = event
        {
            api.prevent_exit();
        }
    });
}
