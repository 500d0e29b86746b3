//! The tray on Windows and macOS: tray-icon on the main thread's event loop (tao).

use tao::event::Event;
use tao::event_loop::{ControlFlow, EventLoopBuilder};
use tokio::sync::{mpsc, watch};
use tray_icon::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tray_icon::{Icon, TrayIcon, TrayIconBuilder};

use super::{TrayState, TITLE};
use crate::icon::tray_icon;
use crate::menu::{Action, Line};

enum UserEvent {
    State(TrayState),
    Menu(MenuEvent),
}

/// Runs the tray on this (the main) thread until the process exits; `runtime` runs the task that
/// forwards new states.
pub fn run_on_main_thread(
    runtime: tokio::runtime::Handle,
    mut states: watch::Receiver<TrayState>,
    actions: mpsc::UnboundedSender<Action>,
) -> ! {
    let event_loop = EventLoopBuilder::<UserEvent>::with_user_event().build();
    let proxy = event_loop.create_proxy();
    let menu_proxy = proxy.clone();
    MenuEvent::set_event_handler(Some(move |event| {
        let _ = menu_proxy.send_event(UserEvent::Menu(event));
    }));
    let first = states.borrow_and_update().clone();
    runtime.spawn(async move {
        while states.changed().await.is_ok() {
            let state = states.borrow_and_update().clone();
            if proxy.send_event(UserEvent::State(state)).is_err() {
                break;
            }
        }
    });
    let mut tray: Option<TrayIcon> = None;
    let mut menu_actions: Vec<Option<Action>> = Vec::new();
    let mut pending = Some(first);
    event_loop.run(move |event, _, control_flow| {
        *control_flow = ControlFlow::Wait;
        let state = match event {
            Event::NewEvents(tao::event::StartCause::Init) => pending.take(),
            Event::UserEvent(UserEvent::State(state)) => Some(state),
            Event::UserEvent(UserEvent::Menu(event)) => {
                let chosen = event
                    .id()
                    .0
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| menu_actions.get(i).cloned().flatten());
                if let Some(action) = chosen {
                    let _ = actions.send(action);
                }
                None
            }
            _ => None,
        };
        let Some(state) = state else { return };
        let (menu, ids) = build_menu(&state);
        menu_actions = ids;
        let rgba = tray_icon(state.urgency);
        let icon = Icon::from_rgba(rgba.pixels, rgba.width, rgba.height).ok();
        match &tray {
            Some(t) => {
                t.set_menu(Some(Box::new(menu)));
                let _ = t.set_tooltip(Some(&state.tooltip));
                let _ = t.set_icon(icon);
            }
            None => {
                let mut builder = TrayIconBuilder::new()
                    .with_menu(Box::new(menu))
                    .with_tooltip(format!("{TITLE}\n{}", state.tooltip));
                if let Some(icon) = icon {
                    builder = builder.with_icon(icon);
                }
                match builder.build() {
                    Ok(t) => tray = Some(t),
                    Err(err) => tracing::warn!(%err, "tray icon could not be created"),
                }
            }
        }
    })
}

fn build_menu(state: &TrayState) -> (Menu, Vec<Option<Action>>) {
    let menu = Menu::new();
    let mut actions = Vec::new();
    for line in &state.lines {
        match line {
            Line::Separator => {
                let _ = menu.append(&PredefinedMenuItem::separator());
            }
            Line::Item { label, action } => {
                let id = actions.len().to_string();
                let _ = menu.append(&MenuItem::with_id(id, label, action.is_some(), None));
                actions.push(action.clone());
            }
        }
    }
    (menu, actions)
}
