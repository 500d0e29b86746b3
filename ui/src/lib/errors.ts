// What to show for a failed call: the backend's own sentence, or a generic one with the code.
import { t } from './i18n';
import { toBackendError } from './ipc';

/** The text for an error shown inline near the control that caused it. */
export function errorText(e: unknown): string {
  const err = toBackendError(e);
  return err.fromBackend ? err.message : t('error.unexpected', { code: err.code });
}
