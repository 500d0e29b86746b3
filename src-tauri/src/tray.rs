//! The tray icon: its colour says whether all is well (green), something expires within 7 days
//! (amber) or something expired or was refused (red); its tooltip names the next expiry; its
//! menu lists the next five expiries (each opens the flow that renews it), 開く, 今すぐ確認 and
//! 終了. Linux trays give no click events, so every action is in the menu.

use std::sync::Mutex;

use kagiban_core::expiry::Urgency;
use kagiban_core::lang::Lang;
use kagiban_service::views::TraySummary;
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::background::CHANGED_EVENT;
use crate::state::AppState;
use crate::{notify, window};

const TRAY_ID: &str = "kagiban";
/// Menu ids of the expiry items start with this, followed by the flow id.
const FLOW_ITEM: &str = "flow:";

/// Event asking the UI to open a flow (payload: the flow id).
pub const OPEN_FLOW_EVENT: &str = "open-flow";

/// The last summary shown, so the menu is rebuilt only when it changes.
#[derive(Default)]
pub struct TrayCache(Mutex<Option<(TraySummary, Lang)>>);

/// Creates the tray icon, then fills it in.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    app.manage(TrayCache::default());
    TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("鍵番 Kagiban")
        .icon(icon(app, Urgency::Ok))
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    refresh(app);
    Ok(())
}

/// Brings the icon, tooltip and menu up to date (cheap when nothing changed).
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let (Some(tray), Some(cache)) = (app.tray_by_id(TRAY_ID), app.try_state::<TrayCache>()) else {
        return;
    };
    let state = app.state::<AppState>();
    let lang = state.service.lang();
    let summary = match state.service.tray_summary() {
        Ok(summary) => summary,
        Err(err) => {
            tracing::warn!(code = err.code(), "tray summary unavailable");
            return;
        }
    };
    let mut last = cache.0.lock().expect("tray cache");
    if last.as_ref() == Some(&(summary.clone(), lang)) {
        return;
    }
    let result = menu(app, &summary, lang).and_then(|menu| {
        tray.set_menu(Some(menu))?;
        tray.set_tooltip(Some(&summary.tooltip))?;
        tray.set_icon(Some(icon(app, summary.urgency)))
    });
    match result {
        Ok(()) => *last = Some((summary, lang)),
        Err(err) => tracing::warn!(%err, "tray could not be updated"),
    }
}

fn menu<R: Runtime>(
    app: &AppHandle<R>,
    summary: &TraySummary,
    lang: Lang,
) -> tauri::Result<Menu<R>> {
    let text = |ja: &'static str, en: &'static str| match lang {
        Lang::Ja => ja,
        Lang::En => en,
    };
    let menu = Menu::new(app)?;
    if summary.next.is_empty() {
        let none = text("期限のある鍵はまだありません", "No expiring keys yet");
        menu.append(&MenuItem::with_id(app, "none", none, false, None::<&str>)?)?;
    }
    for (i, item) in summary.next.iter().enumerate() {
        let id = match &item.flow_id {
            Some(flow) => format!("{FLOW_ITEM}{flow}#{i}"),
            None => format!("open#{i}"),
        };
        menu.append(&MenuItem::with_id(
            app,
            id,
            &item.label,
            true,
            None::<&str>,
        )?)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    let open = text("開く", "Open");
    let check = text("今すぐ確認", "Check now");
    let quit = text("終了", "Quit");
    menu.append(&MenuItem::with_id(app, "open", open, true, None::<&str>)?)?;
    menu.append(&MenuItem::with_id(app, "check", check, true, None::<&str>)?)?;
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&MenuItem::with_id(app, "quit", quit, true, None::<&str>)?)?;
    Ok(menu)
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Some(flow) = id.strip_prefix(FLOW_ITEM) {
        let flow = flow.split('#').next().unwrap_or_default().to_string();
        open_flow(app, flow);
    } else if id == "open" || id.starts_with("open#") {
        if let Err(err) = window::show_main(app) {
            tracing::warn!(%err, "could not open the window");
        }
    } else if id == "check" {
        check_now(app.clone());
    } else if id == "quit" {
        app.exit(0);
    }
}

/// Opens the window on a flow: told to a window that is up by an event, and kept for a window
/// that is still loading (it asks with `take_pending_flow`).
fn open_flow<R: Runtime>(app: &AppHandle<R>, flow: String) {
    let state = app.state::<AppState>();
    *state.pending_flow.lock().expect("pending flow") = Some(flow.clone());
    let existed = app.get_webview_window(window::MAIN).is_some();
    if let Err(err) = window::show_main(app) {
        tracing::warn!(%err, "could not open the window");
        return;
    }
    if existed {
        let _ = app.emit(OPEN_FLOW_EVENT, flow);
    }
}

/// 今すぐ確認: checks every credential an API can check; a refusal is told at once.
fn check_now<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        match state.service.verify_all().await {
            Ok(results) => {
                for report in results.iter().flatten() {
                    if report.code.is_refusal() {
                        notify::verification_finished(&app, &state.service, report);
                    }
                }
            }
            Err(err) => tracing::warn!(code = err.code(), "check now failed"),
        }
        let _ = app.emit(CHANGED_EVENT, ());
        refresh(&app);
    });
}

/// The app icon with a status dot in its lower right corner.
fn icon<R: Runtime>(app: &AppHandle<R>, urgency: Urgency) -> Image<'static> {
    let Some(base) = app.default_window_icon() else {
        return Image::new_owned(vec![0; 4], 1, 1);
    };
    let (w, h) = (base.width(), base.height());
    let mut rgba = base.rgba().to_vec();
    let color: [u8; 3] = match urgency {
        Urgency::Ok => [0x2e, 0x7d, 0x32],
        Urgency::DueSoon => [0xf9, 0xa8, 0x25],
        Urgency::Expired => [0xc6, 0x28, 0x28],
    };
    paint_dot(&mut rgba, w, h, color);
    Image::new_owned(rgba, w, h)
}

/// A filled circle of `color` with a white ring, a quarter of the icon wide, bottom right.
fn paint_dot(rgba: &mut [u8], w: u32, h: u32, color: [u8; 3]) {
    let r = (w.min(h) as f32) * 0.22;
    let (cx, cy) = (w as f32 - r - 1.0, h as f32 - r - 1.0);
    let ring = (r * 0.18).max(1.0);
    for y in 0..h {
        for x in 0..w {
            let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            if d > r {
                continue;
            }
            let px = ((y * w + x) * 4) as usize;
            let fill = if d > r - ring { [0xff; 3] } else { color };
            rgba[px..px + 3].copy_from_slice(&fill);
            rgba[px + 3] = 0xff;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_dot_is_drawn_in_the_lower_right_corner_only() {
        let (w, h) = (32, 32);
        let mut rgba = vec![0u8; (w * h * 4) as usize];
        paint_dot(&mut rgba, w, h, [0xc6, 0x28, 0x28]);
        let at = |x: u32, y: u32| {
            let p = ((y * w + x) * 4) as usize;
            [rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]]
        };
        assert_eq!(at(0, 0), [0, 0, 0, 0], "top left untouched");
        assert_eq!(at(w / 2, h / 2), [0, 0, 0, 0], "centre untouched");
        assert_eq!(at(w - 8, h - 8), [0xc6, 0x28, 0x28, 0xff], "dot filled");
    }
}
