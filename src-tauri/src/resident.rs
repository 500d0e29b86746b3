//! The window's side of the tray resident: make sure it runs, and tell the user once that
//! closing the window leaves Kagiban watching from the tray.

use kagiban_core::lang::Lang;
use kagiban_resident::notify::{self, Note};
use kagiban_service::Service;

/// Starts `kagiban-resident` next to this executable; it ends at once if one already runs for
/// this data folder, so this is safe on every start. (Not in the shell's unit tests, which run
/// on the mock runtime.)
#[cfg(not(test))]
pub fn ensure_running() {
    use kagiban_resident::launcher::{self, RESIDENT_BIN};
    match launcher::sibling(RESIDENT_BIN).and_then(|bin| launcher::spawn(&bin, &[])) {
        // Reaped on a thread of its own: it ends at once when one already runs.
        Ok(mut child) => {
            std::thread::spawn(move || {
                let _ = child.wait();
            });
        }
        Err(err) => tracing::warn!(%err, "the tray resident could not be started"),
    }
}

/// The first time the window closes: a notification that reminders go on from the tray.
pub fn tell_once_about_the_tray(service: &Service) {
    match service.first_window_close() {
        Ok(true) => notify::show(closing_note(service.lang()), |_| {}),
        Ok(false) => {}
        Err(err) => tracing::warn!(code = err.code(), "could not record the tray notice"),
    }
}

fn closing_note(lang: Lang) -> Note {
    let (summary, body) = match lang {
        Lang::Ja => (
            "鍵番はトレイで見守りを続けます",
            "ウィンドウを閉じても、期限の通知と確認は続きます。終了するには、トレイのアイコンのメニューから「終了」を選んでください。",
        ),
        Lang::En => (
            "Kagiban keeps watching from the tray",
            "Reminders and checks go on with the window closed. To quit, choose Quit in the tray icon's menu.",
        ),
    };
    Note::plain(summary, body)
}
