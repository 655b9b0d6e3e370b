import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from '../util';

describe('the web extension host', () => {
  it('runs the browser entry in a web worker, without Node', async () => {
    const a = await api();
    assert.equal(a.host, 'web');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.ok(vscode.workspace.workspaceFolders?.[0], 'a workspace folder is open');
  });
});
