-- Neovim as the language client of `clarinet-wasm lsp` (run by nvim_lsp_e2e.sh):
-- opens a contract with a type error, waits for the diagnostics, asks for hovers, code
-- lenses and the module's Wasm info, and prints what came back. Exits 1 on a failure.
local bin = os.getenv("E2E_BIN")
local root = os.getenv("E2E_ROOT")
local out = io.stdout
local failed = false
local function check(cond, what)
  out:write((cond and "ok   " or "FAIL ") .. what .. "\n")
  if not cond then failed = true end
end

local function open(path)
  vim.cmd("edit " .. path)
  return vim.api.nvim_get_current_buf()
end

local client = vim.lsp.start_client({
  name = "clarinet-wasm",
  cmd = { bin, "lsp" },
  root_dir = root,
})
check(client ~= nil, "the server started")

-- 1. Diagnostics of a contract with a type error.
local broken = open(root .. "/contracts/counter.clar")
vim.lsp.buf_attach_client(broken, client)
vim.wait(30000, function() return #vim.diagnostic.get(broken) > 0 end, 50)
local diags = vim.diagnostic.get(broken)
for _, d in ipairs(diags) do
  out:write(string.format("     diagnostic %d:%d %s: %s\n", d.lnum + 1, d.col + 1,
    d.source or "", d.message))
end
check(#diags == 1 and diags[1].message:find("expecting expression of type 'uint'") ~= nil,
  "one type error diagnostic")

-- 2. Hover on a native and on a user function in a clean contract.
local clean = open(root .. "/contracts/points.clar")
vim.lsp.buf_attach_client(clean, client)
vim.wait(30000, function()
  return vim.lsp.get_client_by_id(client).initialized == true
end, 50)
local function hover(buf, word, skip)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    local col = l:find(word, 1, true)
    if col and not (skip and l:find(skip, 1, true)) then
      local params = {
        textDocument = vim.lsp.util.make_text_document_params(buf),
        position = { line = i - 1, character = col },
      }
      local r = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 30000)
      for _, res in pairs(r or {}) do
        if res.result then return res.result.contents.value end
      end
      return nil
    end
  end
end
local native = hover(clean, "(map-set ")
out:write("     hover map-set: " .. vim.inspect((native or ""):sub(1, 60)) .. "\n")
check(native ~= nil and native:find("map%-set map%-name") ~= nil, "hover shows the native's docs")
local user = hover(clean, "(award ")
out:write("     hover award: " .. vim.inspect((user or ""):sub(1, 160)) .. "\n")
check(user ~= nil and user:find("Wasm") ~= nil, "hover on a function shows its Wasm size")

-- 3. Code lenses and our own request.
local lens = vim.lsp.buf_request_sync(clean, "textDocument/codeLens",
  { textDocument = vim.lsp.util.make_text_document_params(clean) }, 30000)
local n, title = 0, ""
for _, res in pairs(lens or {}) do
  for _, l in ipairs(res.result or {}) do
    n = n + 1
    title = l.command.title
  end
end
out:write("     " .. n .. " code lenses, e.g. " .. title .. "\n")
check(n > 0, "code lenses above the functions")
local info = vim.lsp.buf_request_sync(clean, "clarinet-wasm/wasmInfo",
  { uri = vim.uri_from_bufnr(clean) }, 30000)
local size = nil
for _, res in pairs(info or {}) do
  if res.result then size = res.result.size end
end
out:write("     wasmInfo size: " .. tostring(size) .. " bytes\n")
check(size ~= nil and size > 0, "clarinet-wasm/wasmInfo answers")

-- 4. A code lens's command: the function's Wasm text (Neovim 0.7 cannot open documents
-- for a server, `window/showDocument`, so the text comes back as the command's result).
local first
for _, res in pairs(lens or {}) do
  first = first or (res.result or {})[1]
end
local text = ""
if first then
  local r = vim.lsp.buf_request_sync(clean, "workspace/executeCommand", first.command, 30000)
  for _, res in pairs(r or {}) do
    if type(res.result) == "string" then text = res.result end
  end
end
out:write("     " .. first.command.command .. " " .. vim.inspect(first.command.arguments[2]) .. ": "
  .. (vim.split(text, "\n")[1] or "") .. " (" .. #vim.split(text, "\n") .. " lines)\n")
check(text:find("^  %(func") ~= nil, "the code lens command gives the function's Wasm text")

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
vim.cmd(failed and "cquit 1" or "qall!")
