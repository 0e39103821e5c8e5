#!/usr/bin/env node
// Parses every ```mermaid block of the given Markdown files with the real mermaid package.
//
//   node mermaid-check.mjs FILE...
//
// Prints one JSON object to stdout:
//   {"blocks": N,
//    "diagrams": [{"file", "line", "diagramType"}],          one per block, in order
//    "errors":   [{"file", "line", "diagramType", "message"}]}
// where line is the 1-based line of the block's opening fence and diagramType is what
// mermaid detected (null when it detects none). Exit 0: no errors; 1: errors; 2: usage
// problem (no file given, a file that cannot be read).
//
// mermaid needs a DOM even to parse (DOMPurify sanitises labels, e.g. in C4 diagrams), so
// jsdom provides window/document as globals BEFORE mermaid is imported (hence the dynamic
// import below: a static one would be hoisted above the set-up).

import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const files = process.argv.slice(2);
if (files.length === 0 || files.some((f) => f === '-h' || f === '--help')) {
  process.stderr.write('usage: node mermaid-check.mjs FILE...\n');
  process.exit(2);
}

// stdout carries only the JSON report: anything mermaid or jsdom logs goes to stderr.
for (const level of ['log', 'info', 'debug', 'warn', 'trace']) {
  console[level] = (...args) => console.error(...args);
}

installDom();
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, logLevel: 'fatal', securityLevel: 'strict' });

const report = { blocks: 0, diagrams: [], errors: [] };
for (const file of files) {
  let markdown;
  try {
    markdown = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`mermaid-check: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  for (const block of mermaidBlocks(markdown)) {
    report.blocks++;
    const diagramType = detect(block.text);
    report.diagrams.push({ file, line: block.line, diagramType });
    if (!block.closed) {
      report.errors.push({ file, line: block.line, diagramType, message: 'mermaid block has no closing fence' });
      continue;
    }
    try {
      const result = await mermaid.parse(block.text);
      if (!result) throw new Error('mermaid.parse returned no result');
      if (diagramType === null) report.diagrams.at(-1).diagramType = result.diagramType;
    } catch (e) {
      report.errors.push({ file, line: block.line, diagramType, message: messageOf(e) });
    }
  }
}

process.stdout.write(JSON.stringify(report) + '\n');
process.exit(report.errors.length === 0 ? 0 : 1);

/** Puts a jsdom window's DOM on globalThis, the way a browser page has it. */
function installDom() {
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  });
  const { window } = dom;
  const keys = [
    'window', 'document', 'navigator', 'location', 'DOMParser', 'XMLSerializer', 'Node', 'NodeFilter',
    'Element', 'HTMLElement', 'HTMLTemplateElement', 'SVGElement', 'DocumentFragment', 'Text', 'Comment',
    'NamedNodeMap', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
  ];
  for (const key of keys) {
    const value = key === 'window' ? window : window[key];
    if (value === undefined) continue;
    // Node 21+ has a navigator of its own, a getter: replace it only where that is allowed.
    const own = Object.getOwnPropertyDescriptor(globalThis, key);
    if (own && !own.configurable && !own.writable) continue;
    Object.defineProperty(globalThis, key, {
      value: typeof value === 'function' && /^[a-z]/.test(key) ? value.bind(window) : value,
      configurable: true,
      writable: true,
    });
  }
}

/** Mermaid's own detected diagram type, or null when it recognises none. */
function detect(text) {
  try {
    return mermaid.detectType(text);
  } catch {
    return null;
  }
}

function messageOf(e) {
  if (e && typeof e.message === 'string' && e.message) return e.message;
  if (e && typeof e.str === 'string') return e.str; // jison's parse errors
  return String(e);
}

/**
 * The fenced code blocks of a CommonMark document whose info string's first word is
 * "mermaid": [{line, text, closed}], line being the 1-based line of the opening fence.
 * Other fenced blocks are tracked too, so that a ```mermaid inside a ```` block is not taken.
 */
function mermaidBlocks(markdown) {
  const lines = markdown.split(/\r\n|\r|\n/);
  const blocks = [];
  let open = null; // {fenceChar, fenceLen, indent, mermaid, line, body[]}
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (open === null) {
      const m = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
      if (!m) continue;
      const fence = m[2];
      const info = m[3].trim();
      if (fence[0] === '`' && info.includes('`')) continue; // not a fence (inline code)
      open = {
        fenceChar: fence[0],
        fenceLen: fence.length,
        indent: m[1].length,
        mermaid: info.split(/\s+/)[0].toLowerCase() === 'mermaid',
        line: i + 1,
        body: [],
      };
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (close && close[1][0] === open.fenceChar && close[1].length >= open.fenceLen) {
      if (open.mermaid) blocks.push({ line: open.line, text: open.body.join('\n'), closed: true });
      open = null;
      continue;
    }
    // Content lines lose up to the opening fence's indentation.
    let strip = 0;
    while (strip < open.indent && line[strip] === ' ') strip++;
    open.body.push(line.slice(strip));
  }
  if (open !== null && open.mermaid) {
    blocks.push({ line: open.line, text: open.body.join('\n'), closed: false });
  }
  return blocks;
}
