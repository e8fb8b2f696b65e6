-- A session of Neovim's built-in LSP client with `tollgate lsp`: open a
-- policy with a mistake, wait for the diagnostics, ask for hover, completion
-- and code actions, and print what came back, one line per item, for
-- FileCheck. Environment: TOLLGATE (the binary), POLICY (the file to open).
local out = io.stdout
local function say(...)
  out:write(string.format(...) .. '\n')
end
local function fail(why)
  say('FAILED: %s', why)
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('POLICY')))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'tollgate',
  cmd = { os.getenv('TOLLGATE'), 'lsp' },
  root_dir = vim.fn.fnamemodify(os.getenv('POLICY'), ':h'),
})
if not client_id then
  fail('the server did not start')
end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50) then
  fail('no diagnostics')
end
local diags = vim.diagnostic.get(buf)
table.sort(diags, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
local severities = { 'error', 'warning', 'information', 'hint' }
for _, d in ipairs(diags) do
  -- Neovim turns the server's UTF-16 columns into byte columns.
  say('diagnostic %d:%d-%d:%d %s %s: %s', d.lnum + 1, d.col, d.end_lnum + 1,
    d.end_col, severities[d.severity], d.user_data.lsp.code, d.message)
end

-- The cursor at line ROW (from 1) just after the first TEXT on it.
local function after(row, text)
  local line = vim.api.nvim_buf_get_lines(buf, row - 1, row, true)[1]
  local s, e = line:find(text, 1, true)
  vim.api.nvim_win_set_cursor(0, { row, e })
  return vim.lsp.util.make_position_params(0, 'utf-16')
end

local function request(method, params)
  local replies, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not replies or not replies[client_id] then
    fail(method .. ': no reply ' .. tostring(err))
  end
  return replies[client_id].result
end

local hover = request('textDocument/hover', after(7, '"s3:List'))
say('hover s3:List*: %s', hover.contents.value:match('^[^\n]*'))
hover = request('textDocument/hover', after(8, '"aws:Principal'))
say('hover key: %s', hover.contents.value:gsub('\n\n', ' | '))
hover = request('textDocument/hover', after(8, '"String'))
say('hover operator: %s', hover.contents.value:match('^[^\n]*'))

local completion = request('textDocument/completion', after(7, '"s3:GetOb'))
local items = completion.items or completion
local labels = {}
for _, item in ipairs(items) do
  table.insert(labels, item.label)
end
table.sort(labels)
say('completion count %d', #labels)
for i = 1, math.min(3, #labels) do
  say('completion %s', labels[i])
end

local params = vim.lsp.util.make_range_params(0, 'utf-16')
params.context = { diagnostics = {} }
local actions = request('textDocument/codeAction', params)
for _, a in ipairs(actions) do
  local edit = a.edit.changes[vim.uri_from_bufnr(buf)][1]
  say('code action: %s (%d:%d-%d:%d -> %s)', a.title,
    edit.range.start.line + 1, edit.range.start.character,
    edit.range['end'].line + 1, edit.range['end'].character, edit.newText)
end

-- Apply the fix and see the finding go.
vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
if not vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.user_data.lsp.code == 'IAM402' then
      return false
    end
  end
  return true
end, 50) then
  fail('the fix did not clear the finding')
end
say('after the fix: %s', vim.api.nvim_buf_get_lines(buf, 6, 7, true)[1])

vim.lsp.stop_client(client_id)
vim.wait(5000, function()
  return vim.lsp.client_is_stopped(client_id)
end, 50)
say('done')
vim.cmd('qall!')
