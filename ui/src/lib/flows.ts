// The flows the dashboard offers, in the order shown. Their titles and texts come from the
// backend (get_flow); the backend has no command listing its flows, so the ids are named here.
import type { Marketplace } from './bindings/index';

/** Flow ids, Rakuten first (the most frequent renewal), then Amazon's current and legacy flows, then the 楽楽コネクタ setup. */
export const FLOW_IDS = ['rakuten_license_key', 'amazon_sp_api', 'amazon_mws', 'rakuraku_connector'] as const;

/** The marketplaces whose shops the dashboard lists. */
export const MARKETPLACES: readonly Marketplace[] = ['rakuten', 'amazon', 'rakuraku'];

/** The data-testid of a flow's start button; the Rakuten one keeps the name the e2e test uses. */
export function startFlowTestId(flowId: string): string {
  return flowId === 'rakuten_license_key' ? 'start-rakuten-flow' : `start-flow-${flowId}`;
}
