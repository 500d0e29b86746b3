//! Checks a whole configuration: every problem, each with its field's path, and the
//! configuration with every value normalized (what the settings sheet shows).

use super::config::{ConnectorConfig, CustomerSettings, ReportSettings};
use super::fields::{check_id, check_report_name, IdField};
use super::folder::{check_file_prefix, check_folder_name};
use super::rule::{Issue, Rule, Severity};
use super::secrets::check_agent_id;
use super::url::normalize_meisai_url;

/// A checked configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated {
    /// The configuration with the values that passed normalized (others kept as entered).
    pub config: ConnectorConfig,
    /// Every problem, in the order of the screens.
    pub issues: Vec<Issue>,
}

impl Validated {
    /// Whether nothing blocks (warnings allowed).
    pub fn is_complete(&self) -> bool {
        self.issues
            .iter()
            .all(|i| i.rule.severity() == Severity::Warning)
    }
}

/// Collects issues under a path prefix.
struct Issues(Vec<Issue>);

impl Issues {
    fn push(&mut self, path: impl Into<String>, rule: Rule) {
        self.0.push(Issue::new(path, rule));
    }
}

/// Checks every field of `config` against the manual's rules.
pub fn validate(config: &ConnectorConfig) -> Validated {
    let mut out = config.clone();
    let mut issues = Issues(Vec::new());

    match normalize_meisai_url(&config.meisai_url) {
        Ok(url) => {
            out.meisai_url = url.url;
            for w in url.warnings {
                issues.push("meisaiUrl", w);
            }
        }
        Err(rule) => issues.push("meisaiUrl", rule),
    }
    if config.api_token.is_none() {
        issues.push("apiToken", Rule::ApiTokenMissing);
    }
    match check_agent_id(&config.agent_id) {
        Ok(id) => out.agent_id = id,
        Err(rule) => issues.push("agentId", rule),
    }
    if config.agent_key.is_none() {
        issues.push("agentKey", Rule::AgentKeyMissing);
    }

    if config.customer.is_empty() {
        issues.push("customer", Rule::CustomerNotConfigured);
    } else {
        out.customer = check_customer(&config.customer, &mut issues);
    }

    if config.reports.is_empty() {
        issues.push("reports", Rule::NoReportSettings);
    }
    out.reports = config
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| check_report(r, &format!("reports[{i}]"), config, &mut issues))
        .collect();
    check_overlaps(&out, &mut issues);
    Validated {
        config: out,
        issues: issues.0,
    }
}

fn check_customer(c: &CustomerSettings, issues: &mut Issues) -> CustomerSettings {
    let mut out = c.clone();
    match check_id(&c.import_setting_id, IdField::ImportSetting) {
        Ok((id, full_width)) => {
            out.import_setting_id = id.unwrap_or_default();
            if full_width {
                issues.push("customer.importSettingId", Rule::FullWidthNormalized);
            }
        }
        Err(rule) => issues.push("customer.importSettingId", rule),
    }
    folder_and_file(
        (&c.folder, &c.file_name),
        (&mut out.folder, &mut out.file_name),
        "customer",
        true,
        issues,
    );
    for (field, value) in [
        ("overwriteInUse", c.overwrite_in_use),
        ("overwriteWithBlank", c.overwrite_with_blank),
        ("readFirstRow", c.read_first_row),
    ] {
        if value.is_none() {
            issues.push(format!("customer.{field}"), Rule::ChoiceMissing);
        }
    }
    out
}

/// フォルダ名 and ファイル名, required when `required`; normalized into `out`.
fn folder_and_file(
    (folder, file): (&str, &str),
    (out_folder, out_file): (&mut String, &mut String),
    prefix: &str,
    required: bool,
    issues: &mut Issues,
) {
    if required || !folder.trim().is_empty() {
        match check_folder_name(folder) {
            Ok(name) => *out_folder = name,
            Err(rule) => issues.push(format!("{prefix}.folder"), rule),
        }
    }
    if required || !file.trim().is_empty() {
        match check_file_prefix(file) {
            Ok(name) => *out_file = name,
            Err(rule) => issues.push(format!("{prefix}.fileName"), rule),
        }
    }
}

fn check_report(
    r: &ReportSettings,
    path: &str,
    config: &ConnectorConfig,
    issues: &mut Issues,
) -> ReportSettings {
    let mut out = r.clone();
    let links = r.timing.links();
    for (sub, rule) in r.timing.check() {
        issues.push(format!("{path}.timing.{sub}"), rule);
    }
    match check_report_name(&r.report_name) {
        Ok(Some(name)) => out.report_name = name,
        Ok(None) if links => issues.push(format!("{path}.reportName"), Rule::ReportNameMissing),
        Ok(None) => {}
        Err(rule) => issues.push(format!("{path}.reportName"), rule),
    }
    match check_id(&r.report_type_id, IdField::ReportType) {
        Ok((id, full_width)) => {
            if id.is_none() && links {
                issues.push(format!("{path}.reportTypeId"), Rule::ReportTypeIdMissing);
            }
            if full_width {
                issues.push(format!("{path}.reportTypeId"), Rule::FullWidthNormalized);
            }
            out.report_type_id = id.unwrap_or_default();
        }
        Err(rule) => issues.push(format!("{path}.reportTypeId"), rule),
    }
    folder_and_file(
        (&r.folder, &r.file_name),
        (&mut out.folder, &mut out.file_name),
        path,
        links,
        issues,
    );
    if links && r.read_first_row.is_none() {
        issues.push(format!("{path}.readFirstRow"), Rule::ChoiceMissing);
    }
    if links && r.approve.is_none() {
        issues.push(format!("{path}.approve"), Rule::ChoiceMissing);
    }
    let flow_path = format!("{path}.approvalFlowId");
    if !r.approval_flow_id.trim().is_empty() && !config.approval_flow_option {
        issues.push(flow_path.clone(), Rule::ApprovalFlowIdWithoutOption);
    } else {
        match check_id(&r.approval_flow_id, IdField::ApprovalFlow) {
            Ok((id, full_width)) => {
                if full_width {
                    issues.push(flow_path.clone(), Rule::FullWidthNormalized);
                }
                out.approval_flow_id = id.unwrap_or_default();
            }
            Err(rule) => issues.push(flow_path.clone(), rule),
        }
    }
    if config.approval_flow_option && links && r.approve == Some(true) {
        issues.push(flow_path, Rule::ApprovalSkipFlowOnly);
    }
    out
}

/// Two linked settings reading the same folder with prefixes where one starts with the other
/// would pick up the same files. Windows compares names without regard to case.
fn check_overlaps(config: &ConnectorConfig, issues: &mut Issues) {
    let mut sources: Vec<(String, &str, &str)> = Vec::new();
    if !config.customer.is_empty() {
        sources.push((
            "customer".into(),
            &config.customer.folder,
            &config.customer.file_name,
        ));
    }
    for (i, r) in config.reports.iter().enumerate() {
        if r.timing.links() {
            sources.push((format!("reports[{i}]"), &r.folder, &r.file_name));
        }
    }
    for (j, (path, folder, file)) in sources.iter().enumerate() {
        let clash = sources[..j].iter().any(|(_, f2, p2)| {
            let (a, b) = (file.to_lowercase(), p2.to_lowercase());
            !folder.is_empty()
                && !file.is_empty()
                && !p2.is_empty()
                && folder.to_lowercase() == f2.to_lowercase()
                && (a.starts_with(&b) || b.starts_with(&a))
        });
        if clash {
            issues.push(format!("{path}.fileName"), Rule::FilesOverlap);
        }
    }
}
