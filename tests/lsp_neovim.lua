-- Driven by tests/lsp_neovim.rs after docs/editors/neovim.lua: opens a broken request and a
-- broken .tf file, prints the diagnostics Neovim received ("WHAT RULE LINE:COLUMN", 1-based,
-- columns in bytes as Neovim keeps them), applies the quick fix of the request's ActionType,
-- writes the request and prints its diagnostics again. Anything unexpected ends with an
-- "error" line and a non-zero status.
local out = {}
local function say(line) table.insert(out, line) end
local function finish(status)
  vim.fn.writefile(out, os.getenv("LSP_TEST_OUT"))
  vim.cmd(status == 0 and "qall!" or "cquit!")
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or "?"
end

local function sorted(bufnr)
  local ds = vim.diagnostic.get(bufnr)
  table.sort(ds, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return ds
end

local function print_diagnostics(bufnr, what)
  for _, d in ipairs(sorted(bufnr)) do
    say(string.format("%s %s %d:%d", what, code_of(d), d.lnum + 1, d.col + 1))
  end
end

local function wait_for(what, predicate)
  if not vim.wait(30000, predicate, 50) then error("timed out waiting for " .. what) end
end

local function open(path, what)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for(what .. " diagnostics", function() return #vim.diagnostic.get(bufnr) > 0 end)
  print_diagnostics(bufnr, what)
  return bufnr
end

local function main()
  local request = open(os.getenv("LSP_TEST_REQUEST"), "request")
  open(os.getenv("LSP_TEST_TF"), "tf")
  vim.cmd("buffer " .. request)

  local client = vim.lsp.get_active_clients()[1]
  if not client then error("no language client") end
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(request),
    range = {
      start = { line = 0, character = 0 },
      ["end"] = { line = vim.api.nvim_buf_line_count(request), character = 0 },
    },
    context = { diagnostics = {} },
  }
  local response, err = client.request_sync("textDocument/codeAction", params, 30000, request)
  if not response then error("codeAction: " .. tostring(err)) end
  local chosen = nil
  for _, action in ipairs(response.result or {}) do
    if action.kind == "quickfix" and action.diagnostics[1].code == "action-type-value" then
      chosen = action
    end
  end
  if not chosen then error("no quick fix for action-type-value") end
  say("action " .. chosen.title)
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  vim.cmd("write")
  wait_for("the fixed request's diagnostics", function()
    for _, d in ipairs(vim.diagnostic.get(request)) do
      if code_of(d) == "action-type-value" then return false end
    end
    return true
  end)
  print_diagnostics(request, "fixed")
  finish(0)
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.schedule(function()
      local ok, message = pcall(main)
      if not ok then
        say("error " .. tostring(message))
        finish(1)
      end
    end)
  end,
})
