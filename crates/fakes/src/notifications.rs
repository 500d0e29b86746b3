//! A desktop notification server (org.freedesktop.Notifications, spec 1.2) for the test
//! session: it records every notification as one JSON line and lets a test choose an action,
//! emitting ActionInvoked as a real server does when the user clicks a button.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

/// The object path of the server.
pub const PATH: &str = "/org/freedesktop/Notifications";
/// The well-known name it owns.
pub const NAME: &str = "org.freedesktop.Notifications";

/// One notification as received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// The id returned to the sender.
    pub id: u32,
    /// The sending application's name.
    pub app_name: String,
    /// Its icon name.
    pub app_icon: String,
    /// Title.
    pub summary: String,
    /// Text.
    pub body: String,
    /// Action keys and labels, flattened as the protocol sends them (key, label, key, label…).
    pub actions: Vec<String>,
}

/// The server's state: the next id and where notifications are recorded.
pub struct Server {
    next: AtomicU32,
    log: Mutex<Box<dyn Write + Send>>,
}

impl Server {
    /// A server appending JSON lines to `log`.
    pub fn new(log: Box<dyn Write + Send>) -> Self {
        Self {
            next: AtomicU32::new(1),
            log: Mutex::new(log),
        }
    }

    /// A server appending to the file at `path`.
    pub fn to_file(path: &PathBuf) -> std::io::Result<Self> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        Ok(Self::new(Box::new(file)))
    }
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            self.next.fetch_add(1, Ordering::SeqCst)
        };
        let received = Received {
            id,
            app_name,
            app_icon,
            summary,
            body,
            actions,
        };
        if let Ok(line) = serde_json::to_string(&received) {
            let mut log = self.log.lock().expect("log");
            let _ = writeln!(log, "{line}");
            let _ = log.flush();
        }
        id
    }

    fn close_notification(&self, _id: u32) {}

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "kagiban-fake-notifications".into(),
            "Kagiban tests".into(),
            env!("CARGO_PKG_VERSION").into(),
            "1.2".into(),
        )
    }

    /// The user chose an action.
    #[zbus(signal)]
    pub async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;

    /// A notification was closed (reason 2: dismissed by the user).
    #[zbus(signal)]
    pub async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;
}

/// The test's hand: clicks an action of a notification, as a user would.
pub struct Control;

#[zbus::interface(name = "jp.kagiban.FakeNotifications")]
impl Control {
    /// Emits ActionInvoked(id, action) then NotificationClosed(id, 2), from the server.
    async fn invoke(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        id: u32,
        action: String,
    ) -> zbus::fdo::Result<()> {
        Server::action_invoked(&emitter, id, &action)
            .await
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
        Server::notification_closed(&emitter, id, 2)
            .await
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }
}

/// Serves both interfaces on the session bus under [`NAME`] until the process ends.
pub async fn serve(server: Server) -> zbus::Result<zbus::Connection> {
    zbus::connection::Builder::session()?
        .name(NAME)?
        .serve_at(PATH, server)?
        .serve_at(PATH, Control)?
        .build()
        .await
}
