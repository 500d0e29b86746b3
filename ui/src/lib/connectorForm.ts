// Pure rules of the 楽楽コネクタ form steps: reading and writing a field by its path in the
// configuration (`meisaiUrl`, `customer.folder`, `reports[1].timing`), which issues belong to a
// field or a step, and what a new bill-data setting starts as.
import type { ConnectorConfig, ConnectorView, FieldView, IssueView, ReportSettings, StepView } from './bindings/index';

type Bag = Record<string, unknown>;

/** `reports[1].folder` → ['reports', 1, 'folder']. */
export function splitPath(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    return m ? [m[1], Number(m[2])] : [part];
  });
}

/** The value at `path`, or undefined. */
export function getAt(config: ConnectorConfig, path: string): unknown {
  let cur: unknown = config;
  for (const key of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Bag)[key as string];
  }
  return cur;
}

/** Sets the value at `path` in place (the containers must exist). */
export function setAt(config: ConnectorConfig, path: string, value: unknown): void {
  const keys = splitPath(path);
  let cur = config as unknown as Bag;
  for (const key of keys.slice(0, -1)) cur = cur[key as string] as Bag;
  cur[keys[keys.length - 1] as string] = value;
}

/** The path of a field of a step: relative to `reports[i]` in a repeated step. */
export function fieldPath(field: FieldView, repeat: string | null, index: number | null): string {
  return repeat !== null && index !== null ? `${repeat}[${index}].${field.id}` : field.id;
}

/** Whether an issue is about the field at `path` (or a part of it: `timing.hour`). */
export function concerns(issue: IssueView, path: string): boolean {
  return issue.path === path || issue.path.startsWith(`${path}.`);
}

/** A value the user has not given yet. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Whether a field is shown: an `onlyIf` field only while its option is on. */
export function isShown(field: FieldView, config: ConnectorConfig): boolean {
  return field.onlyIf === null || getAt(config, field.onlyIf) === true;
}

/** The paths a form step covers: its fields, or its list and each element's fields. */
function stepOwns(step: StepView, issue: IssueView): boolean {
  if (step.kind.type !== 'form') return false;
  const { fields, repeat } = step.kind;
  if (repeat !== null) return issue.path === repeat || issue.path.startsWith(`${repeat}[`);
  return fields.some((f) => concerns(issue, f.id)) || fields.some((f) => issue.path === f.id.split('.')[0]);
}

/** The issues of a form step, in the order the backend gave them. */
export function stepIssues(step: StepView, view: ConnectorView | null): IssueView[] {
  return view ? view.issues.filter((i) => stepOwns(step, i)) : [];
}

/** The problems that keep 次へ disabled on a form step. */
export function blockingIssues(step: StepView, view: ConnectorView | null): IssueView[] {
  return stepIssues(step, view).filter((i) => i.severity === 'error');
}

/** A new bill-data setting: 手動実行, nothing else chosen (ReportSettings::default). */
export function newReport(): ReportSettings {
  return { timing: { type: 'manual' }, reportName: '', reportTypeId: '', folder: '', fileName: '', readFirstRow: null, approve: null, approvalFlowId: '' };
}

/** A copy of the configuration to edit, with at least one bill-data setting. */
export function draftOf(config: ConnectorConfig): ConnectorConfig {
  // A plain copy: the view may be a reactive proxy, which structuredClone refuses.
  const draft = JSON.parse(JSON.stringify(config)) as ConnectorConfig;
  if (draft.reports.length === 0) draft.reports.push(newReport());
  return draft;
}
