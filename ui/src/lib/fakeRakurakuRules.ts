// The 楽楽コネクタ rules of the fake backend: a small copy of crates/core/src/rakuraku (URL
// normalization, required fields, IDs, folder and file names, the approval note, the settings
// sheet), enough for tests and screenshots. Every sentence comes from generated/texts.json.
import texts from './generated/texts.json';
import type { ConnectorConfig, IssueView, Lang, ReportSettings, Rule, Severity, SheetRow, Timing } from './bindings/index';
import { flowView, type Both } from './fakeTexts';

const ruleMessages = texts.rakurakuRuleMessages as Record<Rule, Both>;
const samples = texts.rakurakuSamples as unknown as {
  sheet: SheetRow[];
  emptySheet: SheetRow[];
  timing: Record<'notLinked' | 'manual' | 'scheduled' | 'daily' | 'weekly' | 'monthly', Both> & { weekdays: Record<string, Both> };
};

/** crates/core/src/rakuraku/rule.rs: the rules that only ask for a check. */
const WARNINGS: readonly Rule[] = [
  'url_not_eco_serv',
  'url_scheme_added',
  'url_path_dropped',
  'full_width_normalized',
  'approval_skip_flow_only',
  'files_overlap',
  'day_missing_in_some_months',
  'customer_not_configured',
];

export const severityOf = (rule: Rule): Severity => (WARNINGS.includes(rule) ? 'warning' : 'error');

/** The rule's sentence in `lang`. */
export const ruleMessage = (rule: Rule, lang: Lang): string => ruleMessages[rule][lang];

const halfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** normalize_meisai_url: `https://<host>/<account>/`, or the rule broken; with the warnings. */
export function normalizeMeisaiUrl(raw: string): { url: string; warnings: Rule[] } | { error: Rule } {
  const warnings: Rule[] = [];
  const half = halfWidth(raw);
  if (half !== raw) warnings.push('full_width_normalized');
  const text = half.trim().replace(/^[「『"'<]+|[」』"'>]+$/g, '');
  if (text === '') return { error: 'url_empty' };
  let rest: string;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (scheme) {
    if (scheme[1].toLowerCase() !== 'https') return { error: 'url_not_https' };
    rest = text.slice(scheme[0].length);
  } else if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?([/?#]|$)/.test(text)) {
    warnings.push('url_scheme_added');
    rest = text;
  } else return { error: 'url_invalid' };
  const [authority, ...path] = rest.split(/(?=[/?#])/);
  const host = (authority ?? '').toLowerCase().replace(/\.$/, '');
  if (host === '') return { error: 'url_no_host' };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/.test(host)) return { error: 'url_invalid' };
  const segments = path.join('').split(/[?#]/)[0].split('/').filter((s) => s !== '');
  const account = segments[0];
  if (!account || account.toLowerCase() === 'backadmin') return { error: 'url_no_account' };
  if (!/^[A-Za-z0-9._~-]+$/.test(account)) return { error: 'url_invalid' };
  if (segments[1] !== undefined && segments[1].toLowerCase() !== 'backadmin') warnings.push('url_path_dropped');
  const bare = host.split(':')[0];
  if (bare !== 'eco-serv.jp' && !bare.endsWith('.eco-serv.jp')) warnings.push('url_not_eco_serv');
  return { url: `https://${host}/${account}/`, warnings };
}

/** check_id: digits (full-width converted), no leading zeros; null when empty. */
function checkId(raw: string, notNumber: Rule): { id: string | null; fullWidth: boolean } | { error: Rule } {
  const half = halfWidth(raw).replace(/\s+/g, '');
  const fullWidth = half !== raw.replace(/\s+/g, '');
  if (half === '') return { id: null, fullWidth };
  const digits = half.replace(/^0+/, '');
  if (!/^\d+$/.test(half) || digits === '' || digits.length > 9) return { error: notNumber };
  return { id: digits, fullWidth };
}

function checkFolder(raw: string): Rule | null {
  const name = raw.trim();
  if (name === '') return 'folder_missing';
  if (/^[A-Za-z]:/.test(name)) return 'folder_has_drive';
  if (/[\\/¥]/.test(name)) return 'folder_has_separator';
  if (/[<>:"|?*]/.test(name)) return 'folder_forbidden_char';
  if (name === '.' || name === '..') return 'folder_relative';
  if (name.endsWith('.')) return 'folder_ends_with_dot';
  return null;
}

function checkFile(raw: string): Rule | null {
  const name = raw.trim();
  if (name === '') return 'file_name_missing';
  if (/[*?]/.test(name)) return 'file_name_wildcard';
  if (/[\\/¥]/.test(name)) return 'file_name_has_separator';
  if (/[<>:"|]/.test(name)) return 'file_name_forbidden_char';
  return null;
}

const customerIsEmpty = (c: ConnectorConfig['customer']) =>
  c.importSettingId === '' && c.folder === '' && c.fileName === '' && c.overwriteInUse === null && c.overwriteWithBlank === null && c.readFirstRow === null;

/** validate: every problem with its path, and the configuration with the values that passed normalized. */
export function validateConnector(config: ConnectorConfig, lang: Lang): { config: ConnectorConfig; issues: IssueView[] } {
  const out: ConnectorConfig = structuredClone(config);
  const issues: IssueView[] = [];
  const push = (path: string, code: Rule) => issues.push({ path, code, severity: severityOf(code), message: ruleMessage(code, lang) });

  const url = normalizeMeisaiUrl(config.meisaiUrl);
  if ('error' in url) push('meisaiUrl', url.error);
  else {
    out.meisaiUrl = url.url;
    for (const w of url.warnings) push('meisaiUrl', w);
  }
  if (!config.apiToken) push('apiToken', 'api_token_missing');
  out.agentId = config.agentId.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
  if (out.agentId === '') push('agentId', 'agent_id_missing');
  if (!config.agentKey) push('agentKey', 'agent_key_missing');

  const c = config.customer;
  if (customerIsEmpty(c)) push('customer', 'customer_not_configured');
  else {
    const id = checkId(c.importSettingId, 'import_setting_id_not_number');
    if ('error' in id) push('customer.importSettingId', id.error);
    else {
      out.customer.importSettingId = id.id ?? '';
      if (id.fullWidth) push('customer.importSettingId', 'full_width_normalized');
    }
    folderAndFile(c.folder, c.fileName, 'customer', true, out.customer, push);
    for (const field of ['overwriteInUse', 'overwriteWithBlank', 'readFirstRow'] as const) {
      if (c[field] === null) push(`customer.${field}`, 'choice_missing');
    }
  }

  if (config.reports.length === 0) push('reports', 'no_report_settings');
  config.reports.forEach((r, i) => checkReport(r, `reports[${i}]`, config.approvalFlowOption, out.reports[i], push));
  return { config: out, issues };
}

function folderAndFile(
  folder: string,
  file: string,
  prefix: string,
  required: boolean,
  out: { folder: string; fileName: string },
  push: (path: string, rule: Rule) => void,
) {
  if (required || folder.trim() !== '') {
    const rule = checkFolder(folder);
    if (rule) push(`${prefix}.folder`, rule);
    else out.folder = folder.trim();
  }
  if (required || file.trim() !== '') {
    const rule = checkFile(file);
    if (rule) push(`${prefix}.fileName`, rule);
    else out.fileName = file.trim();
  }
}

function checkReport(r: ReportSettings, path: string, flowOption: boolean, out: ReportSettings, push: (path: string, rule: Rule) => void) {
  const links = r.timing.type !== 'notLinked';
  if (r.timing.type === 'scheduled') {
    if (r.timing.hour < 0 || r.timing.hour > 23) push(`${path}.timing.hour`, 'hour_out_of_range');
    const every = r.timing.every;
    if (every.type === 'monthly') {
      if (every.day < 1 || every.day > 31) push(`${path}.timing.every.day`, 'day_out_of_range');
      else if (every.day >= 29) push(`${path}.timing.every.day`, 'day_missing_in_some_months');
    }
  }
  out.reportName = r.reportName.trim();
  if (out.reportName === '' && links) push(`${path}.reportName`, 'report_name_missing');
  const type = checkId(r.reportTypeId, 'report_type_id_not_number');
  if ('error' in type) push(`${path}.reportTypeId`, type.error);
  else {
    if (type.id === null && links) push(`${path}.reportTypeId`, 'report_type_id_missing');
    if (type.fullWidth) push(`${path}.reportTypeId`, 'full_width_normalized');
    out.reportTypeId = type.id ?? '';
  }
  folderAndFile(r.folder, r.fileName, path, links, out, push);
  if (links && r.readFirstRow === null) push(`${path}.readFirstRow`, 'choice_missing');
  if (links && r.approve === null) push(`${path}.approve`, 'choice_missing');
  const flowPath = `${path}.approvalFlowId`;
  if (r.approvalFlowId.trim() !== '' && !flowOption) push(flowPath, 'approval_flow_id_without_option');
  else {
    const flow = checkId(r.approvalFlowId, 'approval_flow_id_not_number');
    if ('error' in flow) push(flowPath, flow.error);
    else out.approvalFlowId = flow.id ?? '';
  }
  if (flowOption && links && r.approve === true) push(flowPath, 'approval_skip_flow_only');
}

/** The rows of the sample sheet in texts.json serve as templates: their sections, labels, notes. */
const template = (key: string): SheetRow => {
  const general = key.replace(/reports\[\d+\]/, 'reports[#]');
  const found = [...samples.sheet, ...samples.emptySheet].find((r) => r.key.replace(/reports\[\d+\]/, 'reports[#]') === general);
  if (!found) throw new Error(`texts.json: no sheet row like ${key}`);
  return found;
};
const NOT_SET = samples.emptySheet.find((r) => r.key === 'meisaiUrl')!.value;
const NOT_CHOSEN = samples.emptySheet.find((r) => r.key === 'customer.overwriteInUse')!.value;

/** The Japanese label of a choice, as the flow's field offers it (the screen's words). */
function choiceWord(fieldId: string, value: boolean | null): string {
  if (value === null) return NOT_CHOSEN;
  const flow = flowView('rakuraku_connector', 'ja');
  for (const step of flow?.steps ?? []) {
    if (step.kind.type !== 'form') continue;
    const field = step.kind.fields.find((f) => f.id === fieldId);
    if (field?.input.type === 'choice') return field.input.options.find((o) => o.id === String(value))?.label ?? NOT_CHOSEN;
  }
  throw new Error(`texts.json: no choice field ${fieldId}`);
}

const text = (v: string) => (v.trim() === '' ? NOT_SET : v);

/** sheet_rows: every value in the order of the 楽楽コネクタ screens. */
export function connectorSheet(config: ConnectorConfig): SheetRow[] {
  const rows: SheetRow[] = [];
  const add = (key: string, value: string, extra: Partial<SheetRow> = {}) => {
    const t = template(key);
    rows.push({ key, section: t.section, label: t.label, value, secret: false, credentialId: null, note: null, ...extra });
  };
  const secret = (key: string, ref: ConnectorConfig['apiToken']) =>
    add(key, ref?.masked ?? NOT_SET, { secret: true, credentialId: ref?.credentialId ?? null });
  add('meisaiUrl', text(config.meisaiUrl));
  secret('apiToken', config.apiToken);
  add('agentId', text(config.agentId));
  secret('agentKey', config.agentKey);
  if (config.ipRestriction) {
    samples.sheet.filter((r) => r.key.startsWith('ipAddresses[')).forEach((r) => rows.push({ ...r }));
  }
  const c = config.customer;
  add('customer.importSettingId', text(c.importSettingId), { note: c.importSettingId.trim() === '' ? template('customer.importSettingId').note : null });
  add('customer.folder', text(c.folder));
  add('customer.fileName', text(c.fileName));
  for (const f of ['overwriteInUse', 'overwriteWithBlank', 'readFirstRow'] as const) add(`customer.${f}`, choiceWord(`customer.${f}`, c[f]));
  config.reports.forEach((r, i) => reportRows(r, i, config.approvalFlowOption, add));
  return rows;
}

function reportRows(r: ReportSettings, i: number, flowOption: boolean, add: (key: string, value: string, extra?: Partial<SheetRow>) => void) {
  const p = `reports[${i}]`;
  const n = i + 1;
  const section = {
    ja: template(`${p}.timing`).section.ja.replace(/\d+$/, String(n)),
    en: template(`${p}.timing`).section.en.replace(/\d+ \(bill data \d+\)$/, `${n} (bill data ${n})`),
  };
  const inSection = (key: string, value: string, extra: Partial<SheetRow> = {}) => add(key, value, { section, ...extra });
  inSection(`${p}.timing`, timingWord(r.timing));
  if (r.timing.type === 'scheduled') {
    const every = r.timing.every;
    inSection(`${p}.timing.every`, samples.timing[every.type].ja);
    if (every.type === 'weekly') inSection(`${p}.timing.every.weekday`, samples.timing.weekdays[every.weekday].ja);
    if (every.type === 'monthly') inSection(`${p}.timing.every.day`, `${every.day}日`);
    inSection(`${p}.timing.hour`, `${r.timing.hour}時`);
  }
  inSection(`${p}.reportName`, text(r.reportName));
  inSection(`${p}.reportTypeId`, text(r.reportTypeId));
  inSection(`${p}.folder`, text(r.folder));
  inSection(`${p}.fileName`, text(r.fileName));
  inSection(`${p}.readFirstRow`, choiceWord('readFirstRow', r.readFirstRow));
  inSection(`${p}.approve`, choiceWord('approve', r.approve));
  if (flowOption) {
    inSection(`${p}.approvalFlowId`, text(r.approvalFlowId), { note: r.approve === true ? template('reports[0].approvalFlowId').note : null });
  }
}

function timingWord(t: Timing): string {
  return samples.timing[t.type].ja;
}

/** check_api_token / check_agent_key: the rule an unusable pasted value breaks, and the warnings. */
export function checkRakurakuSecret(kind: 'rakuraku_api_token' | 'rakuraku_agent_key', raw: string): { value: string; warnings: ('unusual_token_format' | 'whitespace_removed')[] } | { error: Rule } {
  if (kind === 'rakuraku_agent_key') {
    const value = raw.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
    return value === '' ? { error: 'agent_key_missing' } : { value, warnings: [] };
  }
  const trimmed = raw.trim();
  const value = trimmed.replace(/\s+/g, '');
  if (value === '') return { error: 'api_token_empty' };
  if (!/^[\x21-\x7E]+$/.test(value)) return { error: 'api_token_not_ascii' };
  const warnings: ('unusual_token_format' | 'whitespace_removed')[] = [];
  if (value !== trimmed) warnings.push('whitespace_removed');
  if (!/^[A-Za-z0-9]{64}$/.test(value)) warnings.push('unusual_token_format');
  return { value, warnings };
}
