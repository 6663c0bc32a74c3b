// End-to-end tests of the demo console form in headless Chromium (Debian's, driven by
// playwright-core). Each test starts from a fresh page and saves a screenshot under
// test-output/www/ at the repository root.
//
//   cd www && node --test          (scripts/test-www.sh builds the package first)
//
// CHROMIUM=/path/to/chromium overrides the browser (default /usr/bin/chromium).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { startServer } from "../server.mjs";
import { t as uiText } from "../i18n.js";

const ROOT = new URL("../../", import.meta.url);
const OUTPUT = new URL("test-output/www/", ROOT);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const HOSTILE = "<img src=x onerror=alert(1)>";

let server;
let browser;
let lint; // the package itself, in Node: the page must show exactly its messages
let catalog = new Map(); // product code -> API names, from the package's catalogue

/**
 * The package's Node entry, found the way Node would (pkg/package.json's "node" condition),
 * with its catalogue installed as the page installs it; and the catalogue's API names.
 */
async function importPackage() {
  const pkg = new URL("pkg/", ROOT);
  const manifest = JSON.parse(await readFile(new URL("package.json", pkg), "utf8"));
  const root = manifest.exports?.["."] ?? manifest.exports;
  const entry = (typeof root === "string" ? root : root?.node ?? root?.import ?? root?.default) ?? manifest.main;
  const module = await import(new URL(entry, pkg).href);
  const file = manifest.exports?.["./catalog.tsv"];
  if (typeof file === "string" && typeof module.setCatalog === "function") {
    const text = await readFile(new URL(file, pkg), "utf8");
    module.setCatalog(text);
    for (const line of text.split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      const [code, , events = ""] = line.split("\t");
      catalog.set(code, events.split(" ").filter(Boolean));
    }
  }
  return module;
}

/** `count` API names of `product`: the catalogue's when it has them, made up otherwise. */
function apiNames(product, count) {
  const listed = catalog.get(product) ?? [];
  return Array.from({ length: count }, (_, i) => listed[i] ?? `${product}Api${i + 1}`);
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: run scripts/setup.sh browser`);
  await mkdir(OUTPUT, { recursive: true });
  lint = await importPackage();
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the page in a fresh context and waits until the package is loaded. Collects page
 * errors, console errors (CSP violations are reported there) and dialogs.
 */
async function openPage(t, query = "") {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1500 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  const response = await page.goto(new URL(query, server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  assert.equal(
    await page.getAttribute("html", "data-ready"),
    "true",
    `the page did not load the package: ${await page.textContent("#status-banner")}`,
  );
  return { page, response, errors, dialogs };
}

async function screenshot(page, name) {
  await page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, OUTPUT)), fullPage: true });
}

const messages = (page, field) => page.locator(`#f-${field}-msg .msg`);
const ruleMessage = (page, field, rule) => page.locator(`#f-${field}-msg .msg[data-rule="${rule}"]`);

async function addEventName(page, name) {
  await page.fill("#f-eventname-new", name);
  await page.press("#f-eventname-new", "Enter");
}

/** ResourceType `product` with EventNames `names` (the default `*` entry removed). */
async function setProductAndNames(page, product, names) {
  await page.fill("#f-resourcetype", product);
  await page.click("#f-eventnames-list .tag-remove");
  for (const name of names) await addEventName(page, name);
}

test("loads the package, builds its widgets from the package's facts, under the CSP", async (t) => {
  const { page, response, errors } = await openPage(t);
  const csp = response.headers()["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /default-src 'none'/);
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);

  const facts = lint.facts();
  assert.deepEqual(await page.locator("#f-region option").evaluateAll((os) => os.map((o) => o.value)), facts.regions);
  assert.deepEqual(
    await page.locator("#f-actiontype input").evaluateAll((is) => is.map((i) => i.value)),
    facts.actionTypes,
  );
  assert.deepEqual(
    await page.locator("#f-storagetype input").evaluateAll((is) => is.map((i) => i.value)),
    facts.storageTypes,
  );
  // The form starts incomplete: Create says it is unavailable and the side panel says why.
  assert.equal(await page.getAttribute("#create", "aria-disabled"), "true");
  assert.ok((await page.locator("#request-problems .problem").count()) > 0);
  // Untouched fields show no message yet.
  assert.equal(await page.locator(".field-messages .msg").count(), 0);
  await screenshot(page, "01-initial");

  // A problem in the side panel leads to its field and shows the field's message.
  await page.click('#request-problems .problem[data-rule="name-length"]');
  await ruleMessage(page, "name", "name-length").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-name");
  assert.deepEqual(errors, []);
});

test("a bad name shows its message under the field; fixing it removes the message", async (t) => {
  const { page, errors } = await openPage(t);
  await page.locator("#f-name").pressSequentially("my audit!");
  const message = ruleMessage(page, "name", "name-charset");
  await message.waitFor();
  assert.equal(
    await message.locator(".msg-text").textContent(),
    lint.checkName("my audit!").find((d) => d.rule === "name-charset").message,
  );
  assert.equal(await page.getAttribute("#f-name", "aria-invalid"), "true");
  assert.deepEqual((await page.getAttribute("#f-name", "aria-describedby")).split(" "), ["f-name-help", "f-name-msg"]);
  assert.equal(await page.getAttribute("#create", "aria-disabled"), "true");
  await screenshot(page, "02-name-invalid");

  await page.fill("#f-name", "my-audit");
  await message.waitFor({ state: "detached" });
  assert.equal(await messages(page, "name").count(), 0);
  assert.equal(await page.getAttribute("#f-name", "aria-invalid"), null);
  assert.equal(await page.getAttribute("#f-name", "aria-describedby"), "f-name-help");
  await screenshot(page, "03-name-fixed");
  assert.deepEqual(errors, []);
});

test("choosing ResourceType * flags EventNames at once", async (t) => {
  const { page, errors } = await openPage(t);
  await setProductAndNames(page, "cos", apiNames("cos", 2));
  assert.equal(await page.locator("#f-eventnames-msg .msg").count(), 0);
  assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), null);

  await page.fill("#f-resourcetype", "*");
  await ruleMessage(page, "eventnames", "event-names-wildcard").waitFor();
  assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), "true");
  assert.match(await page.getAttribute("#f-eventnames", "aria-describedby"), /\bf-eventnames-msg\b/);
  assert.equal(await page.getAttribute("#create", "aria-disabled"), "true");
  await screenshot(page, "04-resource-type-wildcard");

  // The fix the message suggests clears it.
  await page.click("#f-eventnames-all");
  await ruleMessage(page, "eventnames", "event-names-wildcard").waitFor({ state: "detached" });
  assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), null);
  assert.deepEqual(errors, []);
});

test("an 11th API name for cos flags the cap; removing one clears it", async (t) => {
  const { page, errors } = await openPage(t);
  const names = apiNames("cos", 11);
  await setProductAndNames(page, "cos", names.slice(0, 10));
  assert.equal(await page.locator("#f-eventnames-list .tag").count(), 10);
  assert.equal(await ruleMessage(page, "eventnames", "event-names-cap").count(), 0);
  assert.equal(await page.textContent("#f-eventnames-count"), "10 / 10 API names");

  await addEventName(page, names[10]);
  const cap = ruleMessage(page, "eventnames", "event-names-cap");
  await cap.waitFor();
  assert.match(await cap.textContent(), /11/);
  assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), "true");
  assert.equal(await page.textContent("#f-eventnames-count"), "11 / 10 API names");
  assert.equal(await page.locator("#f-eventnames-count.over").count(), 1);
  await screenshot(page, "05-event-names-cap");

  await page.click(`#f-eventnames-list .tag-remove[aria-label="Remove ${names[10]}"]`);
  await cap.waitFor({ state: "detached" });
  assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), null);
  assert.deepEqual(errors, []);
});

test("the language switch changes every label and message to Chinese and back", async (t) => {
  const { page, errors } = await openPage(t);
  await page.locator("#f-name").pressSequentially("ab");
  await ruleMessage(page, "name", "name-length").waitFor();

  await page.click('.lang-switch button[data-locale="zh-CN"]');
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await page.textContent("h1"), "创建跟踪集");
  assert.equal(await page.title(), uiText("zh-CN", "page.title"));
  // Every static label is the Chinese text of its key.
  const labels = await page.locator("[data-i18n]").evaluateAll((ns) => ns.map((n) => [n.dataset.i18n, n.textContent]));
  for (const [key, text] of labels) {
    if (key === "loading") continue; // the hidden loading banner
    assert.equal(text, uiText("zh-CN", key), `label ${key}`);
  }
  assert.equal(await page.getAttribute("#f-name", "placeholder"), uiText("zh-CN", "placeholder.name"));
  // The message is the package's, in Chinese.
  const expected = lint.checkName("ab", { locale: "zh-CN" })[0].message;
  assert.match(expected, /[\u4e00-\u9fff]/);
  await page.waitForFunction(
    (text) => document.querySelector('#f-name-msg .msg[data-rule="name-length"] .msg-text')?.textContent === text,
    expected,
  );
  // A field changed while in Chinese is answered in Chinese.
  const [name] = apiNames("cos", 1);
  await setProductAndNames(page, "cos", [name]);
  await page.fill("#f-resourcetype", "*");
  const wildcard = ruleMessage(page, "eventnames", "event-names-wildcard");
  await wildcard.waitFor();
  assert.equal(
    await wildcard.locator(".msg-text").textContent(),
    lint.checkEventNames("*", [name], { locale: "zh-CN" }).find((d) => d.rule === "event-names-wildcard").message,
  );
  assert.match(await page.textContent("#request-summary"), /个错误/);
  await screenshot(page, "06-chinese");

  await page.click('.lang-switch button[data-locale="en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(
    await page.textContent('#f-name-msg .msg[data-rule="name-length"] .msg-text'),
    lint.checkName("ab")[0].message,
  );
  assert.equal(await page.textContent("h1"), "Create tracking set");
  assert.deepEqual(errors, []);
});

test("paste mode lists a broken JSON's diagnostic with line and column and selects it", async (t) => {
  const { page, errors } = await openPage(t);
  await page.click("#tab-paste");
  // The emoji before the fault is two UTF-16 code units: a column counted in characters would
  // select the wrong text.
  const text = '{\n  "Name": "审计😀", oops\n}';
  await page.fill("#paste-input", text);
  const item = page.locator('#paste-diagnostics button.diag[data-rule="json-syntax"]');
  await item.waitFor();
  const [expected] = lint.validate(text, { region: lint.facts().regions[0] });
  assert.equal(expected.line, 2);
  assert.equal(expected.column, 19);
  assert.equal(await item.locator(".diag-where").textContent(), "Ln 2, Col 19");
  assert.equal(await item.locator(".diag-message").textContent(), expected.message);
  const rule = lint.rules().find((r) => r.id === "json-syntax");
  assert.equal(await item.locator(".diag-rule").getAttribute("title"), rule.description.en);
  assert.equal(await page.locator(".gutter-line.gutter-error").textContent(), "2");

  await item.click();
  const selection = await page.$eval("#paste-input", (ta) => ({
    start: ta.selectionStart,
    end: ta.selectionEnd,
    text: ta.value.slice(ta.selectionStart, ta.selectionEnd),
    focused: document.activeElement === ta,
  }));
  assert.deepEqual(selection, { start: text.indexOf("oops"), end: text.indexOf("oops") + 1, text: "o", focused: true });
  assert.equal(await page.textContent("#paste-cursor"), "Ln 2, Col 19");
  await screenshot(page, "07-paste-broken-json");

  // A valid JSON text with a bad value: the range covers exactly the offending character.
  const request = JSON.stringify({ ...JSON.parse(JSON.stringify(validRequest())), Name: "审计😀x" }, null, 2);
  await page.fill("#paste-input", request);
  const charset = page.locator('#paste-diagnostics button.diag[data-rule="name-charset"]');
  await charset.click();
  assert.equal(await page.$eval("#paste-input", (ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd)), "审");
  assert.deepEqual(errors, []);
});

test("a hostile name is shown as text: no element is made from it and no dialog opens", async (t) => {
  const { page, errors, dialogs } = await openPage(t);
  await page.fill("#f-name", HOSTILE);
  await addEventName(page, HOSTILE);
  await page.fill("#f-storagename", HOSTILE);
  await ruleMessage(page, "name", "name-charset").waitFor();

  assert.equal(await page.locator("img").count(), 0);
  assert.match(await page.textContent("#request-json"), /"Name": "<img src=x onerror=alert\(1\)>"/);
  assert.equal(await page.locator("#f-eventnames-list .tag-text").last().textContent(), HOSTILE);
  await screenshot(page, "08-hostile-name-form");

  await page.click("#tab-paste");
  await page.fill("#paste-input", JSON.stringify({ [HOSTILE]: 1, Name: HOSTILE }, null, 2));
  const unknown = page.locator('#paste-diagnostics .diag[data-rule="unknown-parameter"] .diag-message');
  await unknown.waitFor();
  assert.ok((await unknown.textContent()).includes(HOSTILE));
  assert.equal(await page.locator("img").count(), 0);
  await screenshot(page, "09-hostile-name-paste");

  // Give an injected onerror handler time to fire, had one been created.
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);

  // And the policy refuses inline script outright.
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.inlineScriptRan = true";
    document.body.append(script);
    return window.inlineScriptRan === true;
  });
  assert.equal(ran, false);
  assert.deepEqual(dialogs, []);
});

/** A request the package accepts, built from its facts. */
function validRequest() {
  const facts = lint.facts();
  return {
    Name: "audit-prod-01",
    ActionType: "Write",
    ResourceType: "cos",
    Status: 1,
    EventNames: apiNames("cos", 2),
    Storage: { StorageType: "cos", StorageRegion: facts.regions[0], StorageName: "audit-logs", StoragePrefix: "cloudaudit" },
    TrackForAllMembers: 0,
  };
}

test("a complete form enables Create and its request is the one the package accepts", async (t) => {
  const { page, errors } = await openPage(t);
  const want = validRequest();
  await page.fill("#f-name", want.Name);
  await page.click('label[for="f-actiontype-write"]');
  await setProductAndNames(page, want.ResourceType, want.EventNames);
  await page.fill("#f-storagename", want.Storage.StorageName);
  await page.fill("#f-storageprefix", want.Storage.StoragePrefix);

  await page.waitForFunction(() => !document.querySelector("#create").hasAttribute("aria-disabled"));
  const shown = JSON.parse(await page.textContent("#request-json"));
  assert.deepEqual(shown, want);
  assert.deepEqual(lint.validate(shown, { region: lint.facts().regions[0] }), []);
  assert.equal(await page.locator(".field-messages .msg").count(), 0);
  await page.click("#create");
  await page.locator("#status-banner.banner-success").waitFor();
  await screenshot(page, "10-valid-request");

  // The catalogue's API names are offered as suggestions for the chosen product.
  const suggestions = await page.locator("#event-names option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(suggestions, ["*", ...(catalog.get("cos") ?? [])]);
  if (catalog.size > 0) {
    // A name the catalogue does not list is a warning: shown, but Create stays enabled.
    await addEventName(page, "PutObject");
    const unknown = ruleMessage(page, "eventnames", "event-name-unknown");
    await unknown.waitFor();
    assert.equal(await page.getAttribute("#f-eventnames", "aria-invalid"), null);
    assert.equal(await page.getAttribute("#create", "aria-disabled"), null);
    assert.equal(await page.locator("#f-eventnames-list .tag-warning .tag-text").textContent(), "PutObject");
    // The success banner spoke of the request before this change.
    assert.equal(await page.isHidden("#status-banner"), true);
    await screenshot(page, "11-catalogue-warning");
  }

  // Switching to CLS re-judges the name typed for COS against CLS's rules and relabels it.
  await page.click('label[for="f-storagetype-cls"]');
  assert.equal(await page.textContent("#f-storagename-text"), uiText("en", "field.storageName.cls"));
  assert.deepEqual(errors, []);
});

// --- what a demanding user found: announcements, an empty Name, repeated findings, fixes, Create ---

/** Waits until the page's one live region says `text`. */
async function announced(page, text) {
  await page.waitForFunction((want) => document.querySelector("#live-summary").textContent === want, text, { timeout: 5000 }).catch(async () => {
    assert.fail(`the live summary says ${JSON.stringify(await page.textContent("#live-summary"))}, not ${JSON.stringify(text)}`);
  });
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id);

test("field messages are announced on blur and on submit only, through one live summary", async (t) => {
  const { page, errors } = await openPage(t);
  const live = await page.locator("[aria-live], [role=status], [role=alert], [role=log], output").evaluateAll((ns) => ns.map((n) => n.id));
  assert.deepEqual(live, ["live-summary"], "one live region on the page");

  await page.locator("#f-name").pressSequentially("my audit!");
  await ruleMessage(page, "name", "name-charset").waitFor();
  assert.equal(await page.textContent("#live-summary"), "", "typing shows the message but announces nothing");

  await page.press("#f-name", "Tab");
  const spoken = lint.checkName("my audit!").map((d) => d.message).join(" ");
  await announced(page, `${uiText("en", "field.name")}: ${spoken}`);
  await screenshot(page, "12-announced-on-blur");

  // Typing again is silent until the next blur or submit.
  await page.locator("#f-name").pressSequentially("!");
  await page.waitForTimeout(200);
  assert.equal(await page.textContent("#live-summary"), `${uiText("en", "field.name")}: ${spoken}`);
  await page.click("#create", { force: true }); // aria-disabled, which Playwright takes for disabled
  const text = await page.textContent("#live-summary");
  assert.match(text, /^The tracking set cannot be created yet: \d+ errors\. The first is in Tracking set name: /, text);
  const typed = await page.inputValue("#f-name");
  assert.ok(text.endsWith(lint.checkName(typed).find((d) => d.severity === "error").message), text);
  assert.deepEqual(errors, []);
});

test("an empty Name says it is required, in both languages", async (t) => {
  const { page, errors } = await openPage(t);
  await page.focus("#f-name");
  await page.press("#f-name", "Tab");
  const [required] = lint.checkName("");
  assert.match(required.message, /^Name is required/);
  const message = ruleMessage(page, "name", "name-length");
  await message.waitFor();
  assert.equal(await message.locator(".msg-text").textContent(), required.message);
  assert.equal(await page.getAttribute("#f-name", "aria-invalid"), "true");
  await announced(page, `${uiText("en", "field.name")}: ${required.message}`);
  await screenshot(page, "13-name-required");

  await page.click('.lang-switch button[data-locale="zh-CN"]');
  const zh = lint.checkName("", { locale: "zh-CN" })[0].message;
  assert.match(zh, /必填/);
  await page.waitForFunction((text) => document.querySelector('#f-name-msg .msg[data-rule="name-length"] .msg-text')?.textContent === text, zh);
  assert.deepEqual(errors, []);
});

test("13 unlisted API names for cos: repeated findings are one line with a count, which expands", async (t) => {
  const { page, errors } = await openPage(t);
  assert.ok(catalog.size > 0, "the package's catalogue is installed");
  const names = Array.from({ length: 13 }, (_, i) => `ListObjectsV${i + 1}`);
  const expected = lint.checkEventNames("cos", names);
  const unknown = expected.filter((d) => d.rule === "event-name-unknown");
  assert.equal(unknown.length, 13);
  assert.deepEqual(expected.filter((d) => d.rule !== "event-name-unknown").map((d) => d.rule), ["event-names-cap"]);

  await setProductAndNames(page, "cos", names);
  const group = page.locator('#f-eventnames-msg details.msg-group[data-rule="event-name-unknown"]');
  await group.waitFor();
  assert.equal(await page.locator("#f-eventnames-msg > *").count(), 2, "the cap and one line for the 13 warnings");
  assert.equal(await ruleMessage(page, "eventnames", "event-names-cap").count(), 1);
  const description = lint.rules().find((r) => r.id === "event-name-unknown").description.en.replace(/\.$/, "");
  assert.equal(await group.locator("summary .msg-text").textContent(), `${description} (13)`);
  assert.equal(await group.getAttribute("open"), null);
  assert.equal(await group.locator(".msg").first().isVisible(), false);
  await screenshot(page, "14-grouped-findings");

  await group.locator("summary").click();
  assert.deepEqual(await group.locator(".msg .msg-text").allTextContents(), unknown.map((d) => d.message));
  assert.equal(await group.locator(".msg").last().isVisible(), true);
  await screenshot(page, "15-grouped-findings-open");

  // One more: the line counts it and stays open.
  await addEventName(page, "ListObjectsV14");
  await page.locator('#f-eventnames-msg details.msg-group[data-count="14"][open]').waitFor();
  assert.deepEqual(errors, []);
});

test("a fixable problem offers its fix as a button, through the package's fix()", async (t) => {
  const { page, errors } = await openPage(t);
  await page.fill("#f-name", " audit-trail ");
  const message = ruleMessage(page, "name", "surrounding-whitespace");
  await message.waitFor();
  const [change] = lint.fix({ Name: " audit-trail " }).changes;
  assert.deepEqual([change.before, change.after], ['" audit-trail "', '"audit-trail"']);
  const button = message.locator("button.msg-fix");
  assert.equal(await button.textContent(), "Fix");
  assert.equal(await button.getAttribute("aria-label"), `Fix: write ${change.after} instead of ${change.before}`);
  // Messages with no certain fix offer none.
  await page.fill("#f-storageprefix", "x");
  await ruleMessage(page, "storageprefix", "storage-prefix-cos").waitFor();
  assert.equal(await page.locator("#f-storageprefix-msg button.msg-fix").count(), 0);
  await screenshot(page, "16-fix-offered");

  await button.click();
  await message.waitFor({ state: "detached" });
  assert.equal(await page.inputValue("#f-name"), "audit-trail");
  assert.equal(await activeId(page), "f-name");
  await announced(page, `${uiText("en", "field.name")} fixed: "audit-trail".`);
  assert.equal(JSON.parse(await page.textContent("#request-json")).Name, "audit-trail");

  // A bucket name's -APPID suffix, and a repeated API name: each fixed by its own button.
  await page.fill("#f-storagename", "audit-logs-1250000000");
  await page.locator('#f-storagename-msg .msg[data-rule="storage-name-appid"] button.msg-fix').click();
  assert.equal(await page.inputValue("#f-storagename"), "audit-logs");
  await setProductAndNames(page, "cos", ["DeleteBucket", "DeleteBucket"]);
  await page.locator('#f-eventnames-msg .msg[data-rule="event-names-duplicate"] button.msg-fix').click();
  await page.waitForFunction(() => document.querySelectorAll("#f-eventnames-list .tag").length === 1);
  assert.deepEqual(JSON.parse(await page.textContent("#request-json")).EventNames, ["DeleteBucket"]);
  await screenshot(page, "17-fixed");
  assert.deepEqual(errors, []);
});

test("Create stays focusable (aria-disabled) and, pressed, points at the first problem", async (t) => {
  const { page, errors } = await openPage(t);
  assert.equal(await page.$eval("#create", (b) => b.disabled), false, "not disabled: reachable by keyboard");
  assert.equal(await page.getAttribute("#create", "aria-disabled"), "true");
  assert.equal(await page.getAttribute("#create", "aria-describedby"), "create-status");
  await page.focus("#reset");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await activeId(page), "create");

  await page.keyboard.press("Enter");
  assert.equal(await activeId(page), "f-name", "the first problem, Name, has the focus");
  await ruleMessage(page, "name", "name-length").waitFor();
  // Every field is judged now: the empty bucket name too.
  assert.ok((await messages(page, "storagename").count()) > 0);
  const errorCount = (await page.locator(".field-messages .msg-error").count());
  assert.ok(errorCount >= 3, `${errorCount} errors shown`);
  assert.match(await page.textContent("#live-summary"), /^The tracking set cannot be created yet: \d+ errors\. The first is in Tracking set name: Name is required/);
  assert.equal(await page.isHidden("#status-banner"), true, "nothing was created");
  await screenshot(page, "18-create-points-at-first-problem");

  // Name fixed: Create now leads to the next problem.
  await page.fill("#f-name", "audit-prod-01");
  await page.click("#create", { force: true });
  assert.equal(await activeId(page), "f-storagename");
  assert.deepEqual(errors, []);
});

/**
 * The API names in the project's examples (README.md, pkg/README.md, www/README.md, src/lib.rs)
 * of a cos tracking set: every code example that names ResourceType cos, and its EventNames.
 */
async function exampleApiNames() {
  const files = ["README.md", "pkg/README.md", "www/README.md", "src/lib.rs"];
  const names = new Set();
  for (const file of files) {
    const text = await readFile(new URL(file, ROOT), "utf8");
    const blocks = file.endsWith(".rs")
      ? [text.split("\n").filter((l) => l.startsWith("//!")).join("\n")]
      : [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
    for (const block of blocks) {
      if (!/"?ResourceType"?\s*:\s*"cos"/.test(block)) continue;
      for (const [, list] of block.matchAll(/"?EventNames"?\s*:\s*\[([^\]]*)\]/g)) {
        // Trimmed: an example may show a stray space on purpose; the name itself must be listed.
        for (const [, name] of list.matchAll(/"([^"]+)"/g)) names.add(name.trim());
      }
    }
  }
  return [...names];
}

test("the examples of the READMEs and the crate docs use API names the catalogue lists for cos", async (t) => {
  const names = await exampleApiNames();
  assert.ok(names.length >= 2, `examples found: ${names}`);
  const listed = new Set(catalog.get("cos"));
  assert.deepEqual(names.filter((n) => n !== "*" && !listed.has(n)), [], "names the catalogue does not list for cos");

  const { page, errors } = await openPage(t);
  await setProductAndNames(page, "cos", names.filter((n) => n !== "*").slice(0, 10));
  await page.locator("#f-eventnames-list .tag").nth(Math.min(names.length, 10) - 1).waitFor();
  assert.equal(await ruleMessage(page, "eventnames", "event-name-unknown").count(), 0);
  assert.equal(await page.locator('#f-eventnames-msg [data-rule="event-name-unknown"]').count(), 0);
  await screenshot(page, "19-example-api-names");
  assert.deepEqual(errors, []);
});
