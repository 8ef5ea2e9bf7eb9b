// A minimal VS Code client for `clarinet-wasm lsp`: starts the server for .clar files and
// opens the Wasm text a code lens asks for in a new editor.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("clarinetWasm").get("path");
  client = new LanguageClient(
    "clarinet-wasm",
    "clarinet-wasm",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "clarity" }],
      middleware: {
        // The code lens command returns the function's Wasm text: show it.
        executeCommand: async (cmd, args, next) => {
          const text = await next(cmd, args);
          if (typeof text === "string") {
            const doc = await vscode.workspace.openTextDocument({ content: text, language: "wat" });
            await vscode.window.showTextDocument(doc, { preview: true });
          }
          return text;
        },
      },
    }
  );
  context.subscriptions.push(client);
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
