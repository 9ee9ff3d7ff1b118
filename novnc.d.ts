/** The part of noVNC's RFB client (`@novnc/novnc`, untyped) the console uses. */
declare module '@novnc/novnc' {
  export interface RfbCredentials { username?: string, password?: string, target?: string }
  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: { shared?: boolean, credentials?: RfbCredentials, wsProtocols?: string[] })
    scaleViewport: boolean
    resizeSession: boolean
    viewOnly: boolean
    background: string
    focusOnClick: boolean
    disconnect(): void
    sendCredentials(credentials: RfbCredentials): void
    sendCtrlAltDel(): void
    focus(): void
  }
}
