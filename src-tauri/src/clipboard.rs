//! The system clipboard, owned by one thread (X11 serves clipboard data from its owner, and
//! arboard's handle must outlive what it set).

use std::sync::mpsc;

use kagiban_core::secret::Secret;
use kagiban_service::Error;

type Job = Box<dyn FnOnce(&mut Option<arboard::Clipboard>) + Send>;

/// A handle to the clipboard thread.
#[derive(Clone)]
pub struct ClipboardHandle {
    jobs: mpsc::Sender<Job>,
}

impl ClipboardHandle {
    /// Starts the clipboard thread. The clipboard itself is opened on first use, and again
    /// after a failure, so a display that appears later still works.
    pub fn start() -> Self {
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("kagiban-clipboard".into())
            .spawn(move || {
                let mut clipboard: Option<arboard::Clipboard> = None;
                while let Ok(job) = rx.recv() {
                    if clipboard.is_none() {
                        clipboard = arboard::Clipboard::new().ok();
                    }
                    job(&mut clipboard);
                }
            })
            .expect("clipboard thread");
        Self { jobs }
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut arboard::Clipboard) -> Result<T, arboard::Error> + Send + 'static,
    ) -> Result<T, Error> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |clipboard| {
            let result = match clipboard.as_mut() {
                Some(cb) => f(cb).map_err(|e| Error::Clipboard(e.to_string())),
                None => Err(Error::Clipboard("no clipboard available".into())),
            };
            let _ = tx.send(result);
        });
        self.jobs
            .send(job)
            .map_err(|_| Error::Clipboard("clipboard thread stopped".into()))?;
        rx.await
            .map_err(|_| Error::Clipboard("clipboard thread stopped".into()))?
    }

    /// The clipboard's text, if it holds text.
    pub async fn read_text(&self) -> Option<String> {
        self.run(|cb| cb.get_text()).await.ok()
    }

    /// Puts a secret on the clipboard, marked so clipboard managers and history skip it.
    pub async fn write_secret(&self, secret: &Secret) -> Result<(), Error> {
        let value = secret.clone();
        self.run(move |cb| set_excluded(cb, value.expose())).await
    }

    /// Puts plain text (not a secret) on the clipboard.
    pub async fn write_text(&self, text: String) -> Result<(), Error> {
        self.run(move |cb| cb.set_text(text)).await
    }

    /// Clears the clipboard if it still holds `secret` (never wipes what the user copied since).
    pub async fn clear_if_unchanged(&self, secret: Secret) -> Result<bool, Error> {
        self.run(move |cb| {
            let still_there = cb.get_text().map(|t| t == secret.expose()).unwrap_or(false);
            if still_there {
                cb.clear()?;
            }
            Ok(still_there)
        })
        .await
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn set_excluded(cb: &mut arboard::Clipboard, text: &str) -> Result<(), arboard::Error> {
    use arboard::SetExtLinux;
    cb.set().exclude_from_history().text(text.to_string())
}

#[cfg(windows)]
fn set_excluded(cb: &mut arboard::Clipboard, text: &str) -> Result<(), arboard::Error> {
    use arboard::SetExtWindows;
    cb.set()
        .exclude_from_cloud()
        .exclude_from_history()
        .exclude_from_monitoring()
        .text(text.to_string())
}

#[cfg(target_os = "macos")]
fn set_excluded(cb: &mut arboard::Clipboard, text: &str) -> Result<(), arboard::Error> {
    use arboard::SetExtApple;
    cb.set().exclude_from_history().text(text.to_string())
}
