// One shop's 楽楽コネクタ configuration while the flow is open: the checked view from the
// backend and the one draft every form step edits. Changes are saved shortly after typing stops
// (and at once when the step is left); an older answer never replaces a newer one.
import type { ConnectorConfig, ConnectorView } from './bindings/index';
import { draftOf, newReport, setAt } from './connectorForm';
import { backend } from './ipc';

/** How long after the last change the draft is saved. */
export const SAVE_DELAY_MS = 250;

export class ConnectorSession {
  /** The configuration as the backend checked it (normalized values, issues, sheet). */
  view = $state<ConnectorView | null>(null);
  /** What the user entered, as typed. */
  draft = $state<ConnectorConfig | null>(null);
  loadError = $state<unknown>(null);
  saveError = $state<unknown>(null);
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  constructor(readonly shopId: string) {}

  /**
   * Loads the checked configuration. `reset` replaces the draft (first load); otherwise only
   * what the backend changed by itself (the folder the folder check remembered) is taken over.
   */
  async load(reset: boolean): Promise<void> {
    this.loadError = null;
    const asked = ++this.seq;
    try {
      const view = await backend().rakurakuConnector(this.shopId);
      if (asked !== this.seq) return;
      this.view = view;
      if (reset || !this.draft) this.draft = draftOf(view.config);
      else this.draft.agentFolder = view.config.agentFolder;
    } catch (e) {
      this.loadError = e;
    }
  }

  /** Sets one field (by its path) and schedules a save. */
  edit(path: string, value: unknown): void {
    if (!this.draft) return;
    setAt(this.draft, path, value);
    this.schedule();
  }

  /** Adds a bill-data setting (帳票データ連携設定 n+1). */
  addReport(): void {
    this.draft?.reports.push(newReport());
    this.schedule();
  }

  /** Removes bill-data setting `i`. */
  removeReport(i: number): void {
    this.draft?.reports.splice(i, 1);
    this.schedule();
  }

  /** Saves shortly, once typing stops. */
  schedule(): void {
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves now if a change is waiting. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.pending || !this.draft) return;
    this.pending = false;
    this.saveError = null;
    const asked = ++this.seq;
    try {
      const view = await backend().saveRakurakuConnector(this.shopId, $state.snapshot(this.draft) as ConnectorConfig);
      if (asked === this.seq) this.view = view;
    } catch (e) {
      this.saveError = e;
    }
  }
}
