import * as assert from 'node:assert/strict';
import { extractFacts } from '../../src/engine/extract/extract-facts';
import { embeddedScript } from '../../src/engine/extract/embedded-scripts';

/** Where each import of a component stands, as `line:column specifier`. */
function sites(fileName: string, text: string): string[] {
  return extractFacts(fileName, text).imports.map((i) => `${i.range.start.line}:${i.range.start.column} ${i.specifier}`);
}

describe('scripts of single-file components', () => {
  it('keep their offsets: everything outside the blocks is blank, line breaks included', () => {
    const text = '<template>\r\n  <p>{{ a }}</p>\r\n</template>\r\n<script setup lang="ts">\r\nimport a from "./a";\r\n</script>\r\n';
    const script = embeddedScript('/w/C.vue', text)!;
    assert.equal(script.fileName, '/w/C.vue.ts');
    assert.equal(script.text.length, text.length);
    assert.equal(script.text.replace(/ +/g, ' '), ' \r\n \r\n \r\n \r\nimport a from "./a";\r\n \r\n');
    assert.deepEqual(sites('/w/C.vue', text), ['5:15 ./a']);
    assert.equal(embeddedScript('/w/a.ts', text), undefined);
  });

  it('read every script block, the language of any, not those in HTML comments', () => {
    const svelte = [
      '<script context="module">',
      "  import { load } from './load';",
      '</script>',
      '<!-- <script>import "./commented"</script> -->',
      '<SCRIPT data-note="a > b" lang=ts>',
      "  import type { T } from './types';",
      '</SCRIPT >',
      '<p>{load}</p>',
    ].join('\n');
    assert.equal(embeddedScript('/w/C.svelte', svelte)!.fileName, '/w/C.svelte.ts');
    assert.deepEqual(sites('/w/C.svelte', svelte), ["2:24 ./load", "6:26 ./types"]);
    assert.equal(embeddedScript('/w/C.svelte', "<script>\nimport x from './x';\n</script>")!.fileName, '/w/C.svelte.js', 'JavaScript unless a block says otherwise');
    assert.equal(embeddedScript('/w/C.vue', '<script lang="tsx">\n</script>')!.fileName, '/w/C.vue.tsx');
  });

  it('read an Astro page\'s frontmatter and its client scripts', () => {
    const astro = ["---", "import Layout from '../layouts/Main.astro';", "const { title } = Astro.props;", '---', '<Layout>{title}</Layout>', '<script>', "  import '../client/analytics';", '</script>'].join('\n');
    assert.equal(embeddedScript('/w/index.astro', astro)!.fileName, '/w/index.astro.ts');
    assert.deepEqual(sites('/w/index.astro', astro), ['2:20 ../layouts/Main.astro', "7:10 ../client/analytics"]);
    assert.deepEqual(sites('/w/plain.astro', '<h1>no code</h1>\n---\nimport "./not-frontmatter";\n---\n'), []);
  });
});
