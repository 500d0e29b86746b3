// The flows: the dashboard gets them, in the order offered, from the backend's `dashboard`.

/** Flow ids in core's order (crates/core/src/flow.rs FLOWS), for the fake backend. */
export const FLOW_IDS = ['rakuten_license_key', 'amazon_sp_api', 'amazon_mws', 'rakuraku_connector'] as const;

/** The data-testid of a flow's start button; the Rakuten one keeps the name the e2e test uses. */
export function startFlowTestId(flowId: string): string {
  return flowId === 'rakuten_license_key' ? 'start-rakuten-flow' : `start-flow-${flowId}`;
}
