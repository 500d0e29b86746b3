//! `fake-notifications`: a desktop notification server on the session bus for end-to-end tests.

use std::path::PathBuf;
use std::process::ExitCode;

use kagiban_fakes::notifications::{serve, Server};

const HELP: &str = "\
fake-notifications: org.freedesktop.Notifications for a test session.

USAGE:
    fake-notifications --log FILE

Records every notification as one JSON line {id, app_name, app_icon, summary, body, actions}
in FILE, and prints `ready` on stdout once it owns the name. A test chooses an action with
    gdbus call --session --dest org.freedesktop.Notifications \\
      --object-path /org/freedesktop/Notifications \\
      --method jp.kagiban.FakeNotifications.Invoke ID ACTION
which emits ActionInvoked(ID, ACTION) as a real server does.
";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let log = match args.as_slice() {
        [flag, file] if flag == "--log" => PathBuf::from(file),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    let server = match Server::to_file(&log) {
        Ok(server) => server,
        Err(err) => {
            eprintln!("fake-notifications: cannot open {}: {err}", log.display());
            return ExitCode::FAILURE;
        }
    };
    let _connection = match serve(server).await {
        Ok(connection) => connection,
        Err(err) => {
            eprintln!("fake-notifications: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("ready");
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}
