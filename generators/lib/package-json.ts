/**
 * Adds dependencies to package.json text keeping the file's own indentation and final newline
 * (Yeoman's own writer would reindent it with two spaces).
 */
export function addDependencies(packageJsonText: string, dependencies: Readonly<Record<string, string>>): string {
  if (Object.keys(dependencies).length === 0) return packageJsonText;
  const packageJson = JSON.parse(packageJsonText) as { dependencies?: Record<string, string> };
  const merged = { ...packageJson.dependencies, ...dependencies };
  packageJson.dependencies = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  const newline = packageJsonText.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(packageJson, null, indentationOf(packageJsonText)).replace(/\n/g, newline);
  return /\r?\n$/.test(packageJsonText) ? text + newline : text;
}

function indentationOf(text: string): string | number {
  const firstIndented = /^[ \t]+(?=")/m.exec(text);
  return firstIndented ? firstIndented[0] : 2;
}
