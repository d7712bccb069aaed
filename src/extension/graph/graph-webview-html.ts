import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { graphPageHtml, makeNonce } from '../../protocol/graph-page';

/** The folder the webview may load from: the bundled app and stylesheet, nothing else. */
export function webviewAssetsRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

/** The panel's page, with a fresh nonce every time it is (re)loaded. */
export function graphWebviewHtml(webview: vscode.Webview, assets: vscode.Uri): string {
  const nonce = makeNonce((n) => crypto.randomBytes(n));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    // data: for the PNG export, which draws the SVG into a canvas through a data: image.
    `img-src ${webview.cspSource} data: blob:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return graphPageHtml({
    csp,
    nonce,
    title: 'Bulkhead: Module Graph',
    style: { href: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'graph.css')).toString() },
    script: { src: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'graph.js')).toString() },
    engineScript: { src: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'elk.js')).toString() },
  });
}
