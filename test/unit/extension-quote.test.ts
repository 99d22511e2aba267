// Open Evidence selects the quote where it is written: a Markdown reference's quotes read its character references.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuote } from '../../src/extension/quote';

const written = (text: string, quote: string, from = 0): string | undefined => {
  const span = findQuote(text, quote, from);
  return span && text.slice(span.start, span.end);
};

test('a quote holding a decoded character reference selects the reference as written', () => {
  const text = '# Firms\n\nAT&amp;T was founded in 1885.\nThe Caf&eacute; de Flore opened in 1887.\n';
  assert.equal(written(text, 'AT&T was founded in 1885.'), 'AT&amp;T was founded in 1885.');
  assert.equal(written(text, 'The Café de Flore opened in 1887.'), 'The Caf&eacute; de Flore opened in 1887.');
  // Ending on a reference takes all of it; a numeric one too.
  assert.equal(written('Fish &#38; chips &amp;\n', 'Fish & chips &'), 'Fish &#38; chips &amp;');
});

test('controls: a plain quote, a quote written with its references (a text file), one not there, and the start', () => {
  const text = 'The tower is 330 metres tall.\nAT&amp;T is a firm.\n';
  assert.equal(written(text, '  The tower is 330 metres tall.  '), 'The tower is 330 metres tall.');
  assert.equal(written(text, 'AT&amp;T is a firm.'), 'AT&amp;T is a firm.');
  assert.equal(findQuote(text, 'The tower is 900 metres tall.'), undefined);
  assert.equal(findQuote(text, '   '), undefined);
  // From the second line on, the first is not found.
  assert.equal(findQuote(text, 'The tower', text.indexOf('AT')), undefined);
  assert.equal(written('&bogus; AT&amp;T', '&bogus; AT&T'), '&bogus; AT&amp;T');
});
