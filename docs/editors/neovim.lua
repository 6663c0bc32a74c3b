-- cloudaudit-lint's language server for request JSON files and Terraform .tf files.
-- Neovim 0.7 and later; `cloudaudit-lint` must be on PATH.
local cloudaudit_lint_client = nil
vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = { "*.json", "*.tf" },
  callback = function(args)
    local config = {
      name = "cloudaudit-lint",
      cmd = { "cloudaudit-lint", "lsp" },
      root_dir = vim.loop.cwd(),
    }
    if vim.lsp.start then -- Neovim 0.8 and later: one client, reused
      vim.lsp.start(config)
    else -- Neovim 0.7
      cloudaudit_lint_client = cloudaudit_lint_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, cloudaudit_lint_client)
    end
  end,
})
