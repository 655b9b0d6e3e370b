#!/usr/bin/env bash
# The "VS Code executable" for @vscode/test-electron's runTests (vscodeExecutablePath): takes VS Code's command line
# (--extensionDevelopmentPath=, --extensionTestsPath=, the folder, desktop-only flags it ignores) and runs the suites
# in code-server's extension host, Node or web (--extensionDevelopmentKind=web). See run.mjs.
exec node "$(dirname "$0")/run.mjs" --as-vscode "$@"
