import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

/** More crashes than this within WINDOW_MS and the server stays down (a crash loop helps nobody). */
export const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * What the client does when the language server process dies: start it again (the client then
 * re-sends every open document, unsaved text included), at most MAX_RESTARTS times in three
 * minutes. The client writes the returned message to the Bulkhead output channel.
 */
export class RestartOnCrash implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly hooks: { restarting(): void; gaveUp(): void }, private readonly now: () => number = Date.now) {}

  /** A message that could not be read or written: the connection usually survives a few. */
  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t < WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.hooks.gaveUp();
      return {
        action: CloseAction.DoNotRestart,
        message: `The Bulkhead language server stopped ${this.crashes.length} times in 3 minutes and is not restarted again. Run "Bulkhead: Re-check Workspace" to start it.`,
      };
    }
    this.hooks.restarting();
    return {
      action: CloseAction.Restart,
      message: `The Bulkhead language server stopped unexpectedly; restarting it (${this.crashes.length} of ${MAX_RESTARTS} restarts in 3 minutes).`,
      handled: true, // logged to the output channel, no notification: the status bar says "restarting"
    };
  }
}
