//! Tauri commands: thin adapters from IPC to the service. Errors cross as `{code, message}`.

use kagiban_core::amazon::Need;
use kagiban_core::flow::{find_flow, view, FlowView, LinkId};
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_service::views::{
    AcceptDetails, AppStatus, CandidateSource, CandidateView, CopyReceipt, CredentialView,
    DashboardView, ErrorView, FlowProgress, Marketplace, RdtReport, ShopView, VerifyReport,
};
use kagiban_service::{Error, ImportReport, Settings};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

pub(crate) type CmdResult<T> = Result<T, ErrorView>;

/// Where an exported file was written.
#[derive(serde::Serialize)]
pub struct SavedFile {
    /// Its full path.
    pub path: String,
}

pub(crate) fn fail(state: &AppState, err: Error) -> ErrorView {
    tracing::warn!(code = err.code(), "command failed");
    err.view(state.service.lang())
}

/// Start-up facts, including the keychain self-test (re-run on every call: the retry button).
#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> CmdResult<AppStatus> {
    let check = state.keychain_check().await;
    let lang = state.service.lang();
    Ok(AppStatus {
        keychain_error: check.err().map(|e| {
            tracing::error!(code = e.code(), detail = %e, "keychain self-test failed");
            e.view(lang)
        }),
        lang,
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: kagiban_service::config::data_dir().display().to_string(),
    })
}

/// Switches the UI language (saved).
#[tauri::command]
pub async fn set_lang(state: State<'_, AppState>, lang: Lang) -> CmdResult<()> {
    state.service.set_lang(lang).map_err(|e| fail(&state, e))
}

/// A flow's steps in the current language.
#[tauri::command]
pub async fn get_flow(state: State<'_, AppState>, flow_id: String) -> CmdResult<FlowView> {
    find_flow(&flow_id)
        .map(|def| view(def, state.service.lang()))
        .ok_or_else(|| fail(&state, Error::NotFound { what: "flow" }))
}

/// The shops of a marketplace.
#[tauri::command]
pub async fn list_shops(
    state: State<'_, AppState>,
    marketplace: Marketplace,
) -> CmdResult<Vec<ShopView>> {
    state
        .service
        .shops(marketplace)
        .map_err(|e| fail(&state, e))
}

/// Adds a shop.
#[tauri::command]
pub async fn add_shop(
    state: State<'_, AppState>,
    name: String,
    marketplace: Marketplace,
) -> CmdResult<ShopView> {
    state
        .service
        .add_shop(&name, marketplace)
        .map_err(|e| fail(&state, e))
}

/// The dashboard's whole screen in one answer: credentials, shops, flows with their progress.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> CmdResult<DashboardView> {
    state.service.dashboard_view().map_err(|e| fail(&state, e))
}

/// Saved progress of a flow.
#[tauri::command]
pub async fn get_progress(
    state: State<'_, AppState>,
    flow_id: String,
) -> CmdResult<Option<FlowProgress>> {
    state
        .service
        .progress(&flow_id)
        .map_err(|e| fail(&state, e))
}

/// Saves progress of a flow.
#[tauri::command]
pub async fn save_progress(state: State<'_, AppState>, progress: FlowProgress) -> CmdResult<()> {
    state
        .service
        .save_progress(&progress)
        .map_err(|e| fail(&state, e))
}

/// Forgets progress of a flow.
#[tauri::command]
pub async fn reset_progress(state: State<'_, AppState>, flow_id: String) -> CmdResult<()> {
    state
        .service
        .reset_progress(&flow_id)
        .map_err(|e| fail(&state, e))
}

/// Starts watching the clipboard for a key (only while a capture step is open).
#[tauri::command]
pub async fn capture_start<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: CredentialKind,
    shop_id: String,
) -> CmdResult<()> {
    state.capture.start(app, kind, shop_id);
    Ok(())
}

/// Stops watching the clipboard.
#[tauri::command]
pub async fn capture_stop(state: State<'_, AppState>) -> CmdResult<()> {
    state.capture.stop();
    Ok(())
}

/// Recognizes a typed or pasted key.
#[tauri::command]
pub async fn candidate_from_text(
    state: State<'_, AppState>,
    kind: CredentialKind,
    shop_id: String,
    text: String,
) -> CmdResult<CandidateView> {
    state
        .service
        .candidate_from_text(kind, &shop_id, &text, CandidateSource::Typed)
        .map_err(|e| fail(&state, e))
}

/// The full value of a candidate, on the user's explicit request.
#[tauri::command]
pub async fn reveal_candidate(state: State<'_, AppState>, token: String) -> CmdResult<String> {
    state
        .service
        .reveal_candidate(&token)
        .map(|s| s.expose().to_string())
        .map_err(|e| fail(&state, e))
}

/// Forgets a candidate.
#[tauri::command]
pub async fn discard_candidate(state: State<'_, AppState>, token: String) -> CmdResult<()> {
    state.service.discard_candidate(&token);
    Ok(())
}

/// Keeps a candidate: keychain + SQLite.
#[tauri::command]
pub async fn accept_candidate(
    state: State<'_, AppState>,
    token: String,
    shop_id: String,
    details: AcceptDetails,
) -> CmdResult<CredentialView> {
    let view = state
        .service
        .accept_candidate(&token, &shop_id, &details)
        .map_err(|e| fail(&state, e))?;
    Ok(view)
}

/// The restricted-data token check (Tokens API) with the shop's SP-API authorization.
#[tauri::command]
pub async fn check_rdt(
    state: State<'_, AppState>,
    shop_id: String,
    needs: Vec<Need>,
    target_application: Option<String>,
) -> CmdResult<RdtReport> {
    state
        .service
        .check_rdt(&shop_id, &needs, target_application.as_deref())
        .await
        .map_err(|e| fail(&state, e))
}

/// Records a renewal done by hand (MWS 「アクセス権を承認」) on `date` (YYYY-MM-DD).
#[tauri::command]
pub async fn record_renewal(
    state: State<'_, AppState>,
    id: String,
    date: Option<String>,
) -> CmdResult<CredentialView> {
    let view = state
        .service
        .record_renewal(&id, date.as_deref())
        .map_err(|e| fail(&state, e))?;
    Ok(view)
}

/// Verifies a credential against its API now.
#[tauri::command]
pub async fn verify_credential(state: State<'_, AppState>, id: String) -> CmdResult<VerifyReport> {
    let report = state
        .service
        .verify(&id)
        .await
        .map_err(|e| fail(&state, e))?;
    Ok(report)
}

/// The full value of a stored key, on the user's explicit request.
#[tauri::command]
pub async fn reveal_credential(state: State<'_, AppState>, id: String) -> CmdResult<String> {
    state
        .service
        .reveal_credential(&id)
        .map(|s| s.expose().to_string())
        .map_err(|e| fail(&state, e))
}

/// Copies a key for the hand-over, excluded from clipboard history, cleared after the delay the
/// settings give (60 s unless changed).
#[tauri::command]
pub async fn copy_credential(state: State<'_, AppState>, id: String) -> CmdResult<CopyReceipt> {
    let secret = state
        .service
        .reveal_credential(&id)
        .map_err(|e| fail(&state, e))?;
    state
        .clipboard
        .write_secret(&secret)
        .await
        .map_err(|e| fail(&state, e))?;
    let clipboard = state.clipboard.clone();
    let clear_after = state.service.clipboard_clear_after();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(clear_after).await;
        let _ = clipboard.clear_if_unchanged(secret).await;
    });
    Ok(CopyReceipt {
        clears_after_secs: clear_after.as_secs() as u32,
    })
}

/// Opens one of the known pages (RMS …) in the default browser. Only known links can be opened.
#[tauri::command]
pub async fn open_link<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    link: String,
) -> CmdResult<()> {
    let link =
        LinkId::parse(&link).ok_or_else(|| fail(&state, Error::NotFound { what: "link" }))?;
    app.opener()
        .open_url(link.url(), None::<&str>)
        .map_err(|e| fail(&state, Error::Startup(e.to_string())))
}

/// The flow the tray asked to open while the window was loading, once.
#[tauri::command]
pub async fn take_pending_flow(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    Ok(state.pending_flow.lock().expect("pending flow").take())
}

/// 「1日後に再通知」: no reminder about this credential for a day.
#[tauri::command]
pub async fn snooze_reminders(state: State<'_, AppState>, id: String) -> CmdResult<CredentialView> {
    let view = state
        .service
        .snooze_reminders(&id)
        .map_err(|e| fail(&state, e))?;
    Ok(view)
}

/// 「通知を止める」: no more daily reminders after this expiry (until its date changes).
#[tauri::command]
pub async fn dismiss_reminders(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<CredentialView> {
    let view = state
        .service
        .dismiss_reminders(&id)
        .map_err(|e| fail(&state, e))?;
    Ok(view)
}

/// The settings screen's values; start at login as the OS has it.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    let mut settings = state.service.settings().map_err(|e| fail(&state, e))?;
    settings.start_at_login = kagiban_resident::login::starts_at_login();
    Ok(settings)
}

/// Saves the settings, then registers or removes the login item.
#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    let saved = state
        .service
        .save_settings(&settings)
        .map_err(|e| fail(&state, e))?;
    kagiban_resident::login::set_start_at_login(saved.start_at_login)
        .map_err(|e| fail(&state, Error::LoginItem(e)))?;
    Ok(saved)
}

/// Whether to offer starting at login at the end of this flow (asked once).
#[tauri::command]
pub async fn login_offer_pending(state: State<'_, AppState>) -> CmdResult<bool> {
    state
        .service
        .login_offer_pending()
        .map_err(|e| fail(&state, e))
}

/// The answer to the start-at-login offer; yes registers the login item.
#[tauri::command]
pub async fn answer_login_offer(state: State<'_, AppState>, accept: bool) -> CmdResult<Settings> {
    let settings = state
        .service
        .answer_login_offer(accept)
        .map_err(|e| fail(&state, e))?;
    if accept {
        kagiban_resident::login::set_start_at_login(true)
            .map_err(|e| fail(&state, Error::LoginItem(e)))?;
    }
    Ok(settings)
}

/// Reads a settings file the user chose (its text); applies it whole or not at all.
#[tauri::command]
pub async fn import_settings(state: State<'_, AppState>, json: String) -> CmdResult<ImportReport> {
    let report = state
        .service
        .import_settings(&json)
        .map_err(|e| fail(&state, e))?;
    kagiban_resident::login::set_start_at_login(report.settings.start_at_login)
        .map_err(|e| fail(&state, Error::LoginItem(e)))?;
    Ok(report)
}

/// Writes the settings and shops (never a key) as JSON into the Downloads folder.
#[tauri::command]
pub async fn export_settings_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<SavedFile> {
    let json = state
        .service
        .export_settings()
        .map_err(|e| fail(&state, e))?;
    save_download(&app, &state, "kagiban-settings", "json", &json)
}

/// Writes every expiry with its reminders as an iCalendar file into the Downloads folder.
#[tauri::command]
pub async fn export_calendar_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<SavedFile> {
    let ics = state.service.calendar().map_err(|e| fail(&state, e))?;
    save_download(&app, &state, "kagiban", "ics", &ics)
}

pub(crate) fn save_download<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    stem: &str,
    ext: &str,
    contents: &str,
) -> CmdResult<SavedFile> {
    use tauri::Manager;
    let dir = app
        .path()
        .download_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|e| fail(state, Error::File(e.to_string())))?;
    let day = state
        .service
        .now()
        .with_timezone(&kagiban_core::expiry::jst())
        .date_naive();
    crate::files::write_new(&dir, &format!("{stem}-{day}"), ext, contents)
        .map(|path| SavedFile {
            path: path.display().to_string(),
        })
        .map_err(|e| fail(state, Error::File(e.to_string())))
}

/// Environment variable of the benchmark (`cargo xtask bench`): when set, the ready signal is
/// printed on stdout; `close` also closes the window once ready (the "opened and closed" case).
pub const BENCH_ENV: &str = "KAGIBAN_BENCH";

/// The page's first screen is painted with its data (`render_ms`: from asking for the data to
/// showing it; `origin_ms`: when the page began to load, ms since the Unix epoch; `marks`: the
/// page's milestones, ms after it began to load). Only the benchmark listens.
#[tauri::command]
pub async fn page_ready<R: Runtime>(
    window: tauri::WebviewWindow<R>,
    render_ms: f64,
    origin_ms: f64,
    marks: std::collections::BTreeMap<String, f64>,
) -> CmdResult<()> {
    let Ok(mode) = std::env::var(BENCH_ENV) else {
        return Ok(());
    };
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let marks: String = marks
            .iter()
            .map(|(name, ms)| format!(" {name}={ms:.1}"))
            .collect();
        let _ = writeln!(out, "ready {render_ms} {origin_ms}{marks}");
        let _ = out.flush();
    }
    if mode == "close" {
        let _ = window.close();
    }
    Ok(())
}
