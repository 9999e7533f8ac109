// axe-core in Debian's Chromium (headless, through puppeteer-core: no downloaded browser).
// Usage: node axe_check.js FILE.html... -> JSON {file: {violations: [{id, impact, help, nodes}]}}
// Runs every rule axe has, best practices included (no runOnly filter).
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = {};
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage();
      await page.goto("file://" + path.resolve(file), { waitUntil: "load", timeout: 30000 });
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const run = await window.axe.run(document, { resultTypes: ["violations"] });
        return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                                           targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      });
      results[file] = { violations: found };
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results) + "\n");
})().catch((error) => { console.error(error); process.exit(1); });
