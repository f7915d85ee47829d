// Writes the browser check's sample history: JUnit XML for run 1 (all passing) and run 2 (a tenth
// failing), TESTS tests each, with test names and failure messages that hold markup and script, so
// that the check also proves they are shown as text.
// Usage: node sample.mjs DIR [TESTS]   (writes DIR/run1/TEST-sample.xml and DIR/run2/TEST-sample.xml)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, count = '600'] = process.argv.slice(2);
const tests = Number(count);
const xml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function name(i) {
  return i === 7 ? '<script>window.__pwned = 1</script>' : `handles case ${i}`;
}

function run(n) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  for (let s = 0; s < 6; s++) {
    out.push(`<testsuite name="sample.Suite${s}">`);
    for (let i = s; i < tests; i += 6) {
      const time = ((i % 97) + 1) / 1000;
      out.push(`<testcase classname="sample.Suite${s}" name="${xml(name(i))}" time="${time}">`);
      if (n === 2 && i % 10 === 7) {
        const message = `</script><img src=x onerror="window.__pwned = 2"> expected ${i} but was ${i + 1}`;
        out.push(`<failure message="${xml(message)}" type="AssertionError">${xml(message)}</failure>`);
      }
      out.push('</testcase>');
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  const folder = join(dir, `run${n}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'TEST-sample.xml'), out.join('\n'));
}

run(1);
run(2);
