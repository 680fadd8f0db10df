// ESLint rule `tern/no-import-cycle`: no module of the app imports itself through others (type imports count
// too: a circle of types is a circle of ideas). The import graph of the app's folders is read once per lint run
// from the files on disk; each import that stays inside a strongly connected component is reported.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const appFolders = ['accept', 'api', 'db', 'domain', 'worker', 'workflows', 'activities', 'carriers', 'processes', 'scripts', 'console'];
const importPattern = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm;

function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name)) files.push(file);
    }
  };
  for (const folder of appFolders) walk(path.join(root, folder));
  return files;
}

/** Each file's component: the set of files it reaches and that reach it (Tarjan), for files in a cycle. */
function cycleComponents() {
  const graph = new Map();
  for (const file of sourceFiles()) {
    const targets = [];
    for (const match of fs.readFileSync(file, 'utf8').matchAll(importPattern)) {
      targets.push(path.resolve(path.dirname(file), match[1] ?? match[2]));
    }
    graph.set(file, targets);
  }
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = new Map();
  const visit = (file) => {
    indices.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!indices.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), indices.get(target)));
    }
    if (low.get(file) !== indices.get(file)) return;
    const component = new Set();
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.add(member);
    } while (member !== file);
    const selfImport = (graph.get(file) ?? []).includes(file);
    if (component.size > 1 || selfImport) for (const m of component) components.set(m, component);
  };
  for (const file of graph.keys()) if (!indices.has(file)) visit(file);
  return components;
}

let components;

export default {
  rules: {
    'no-import-cycle': {
      meta: { type: 'problem', docs: { description: 'no import circles between the modules of the app' }, schema: [] },
      create(context) {
        components ??= cycleComponents();
        const file = context.filename;
        const component = components.get(file);
        if (!component) return {};
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), spec);
          if (!component.has(target)) return;
          const circle = [...component].map((m) => path.relative(root, m)).sort().join(', ');
          context.report({ node, message: `${spec} closes an import circle among ${circle}: move what both need to a module of its own.` });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};
