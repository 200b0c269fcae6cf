// The dependency rule of docs/ARCHITECTURE.md: imports point from the shell to the core, never back.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
/** layer → layers (and npm packages) it may import. "*" allows any npm package. */
const RULES = {
  "src/core": { layers: ["src/core"], packages: [] },
  "src/contracts": { layers: ["src/core", "src/contracts"], packages: ["zod"] },
  "src/app": { layers: ["src/core", "src/app"], packages: [] },
  "src/db": { layers: ["src/core", "src/app", "src/db"], packages: "*" },
  "src/io": { layers: ["src/core", "src/app", "src/io"], packages: "*" },
  "src/demo": { layers: ["src/core", "src/app", "src/demo"], packages: [] },
  "src/server": { layers: ["src/core", "src/contracts", "src/app", "src/db", "src/io", "src/server"], packages: "*" },
  "src/cli": {
    layers: ["src/core", "src/app", "src/db", "src/io", "src/server", "src/demo", "src/cli"],
    packages: "*",
  },
  "web/src": { layers: ["src/core", "src/contracts", "web/src"], packages: "*" },
};
const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "migrations") yield* walk(p);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield p;
  }
}

const layerOf = (file) => Object.keys(RULES).find((l) => relative(root, file).split(sep).join("/").startsWith(`${l}/`));
const problems = [];
for (const layer of Object.keys(RULES)) {
  const dir = join(root, layer);
  try {
    statSync(dir);
  } catch {
    continue;
  }
  for (const file of walk(dir)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      const rule = RULES[layer];
      const where = relative(root, file);
      if (spec.startsWith(".")) {
        const target = layerOf(`${resolve(dirname(file), spec)}.ts`);
        if (target && !rule.layers.includes(target))
          problems.push(`${where}: ${layer} must not import ${target} (${spec})`);
      } else if (spec.startsWith("node:")) {
        if (layer === "src/core" && spec !== "node:crypto")
          problems.push(`${where}: core must stay free of I/O (${spec})`);
      } else if (rule.packages !== "*") {
        const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        if (!rule.packages.includes(pkg)) problems.push(`${where}: ${layer} must not depend on the package ${pkg}`);
      }
    }
  }
}
if (problems.length) {
  console.error(`Dependency rule broken in ${problems.length} place(s):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("dependency rule: ok");
