import { expect } from '@open-wc/testing';
import { allowedOrigins, checkHref, safeHref } from '../../src/components/shared/safe-href.js';

const PAGE = { base: 'https://shop.example/board/today', origin: 'https://shop.example' };

describe('safeHref / checkHref: the links a host gives a widget', () => {
  it('follows same-origin and relative addresses', () => {
    expect(safeHref('/my-shop/sources', PAGE)).to.equal('https://shop.example/my-shop/sources');
    expect(safeHref('sources?tab=1', PAGE)).to.equal('https://shop.example/board/sources?tab=1');
    expect(safeHref('https://shop.example/x', PAGE)).to.equal('https://shop.example/x');
  });

  it('refuses another origin by default, also one that differs only by scheme, port or subdomain', () => {
    for (const href of ['https://crm.example.com/sources', '//crm.example.com/x', 'http://shop.example/x', 'https://shop.example:8443/x', 'https://a.shop.example/x']) {
      expect(checkHref(href, PAGE), href).to.deep.equal({ refused: 'origin' });
    }
  });

  it('follows another origin the host lists, and only that one', () => {
    const allow = 'https://crm.example.com/ignored-path  https://other.example';
    expect(safeHref('https://crm.example.com/sources', { ...PAGE, allow })).to.equal('https://crm.example.com/sources');
    expect(safeHref('https://other.example/', { ...PAGE, allow })).to.equal('https://other.example/');
    expect(checkHref('https://evil.example/', { ...PAGE, allow })).to.deep.equal({ refused: 'origin' });
    expect(checkHref('http://crm.example.com/', { ...PAGE, allow })).to.deep.equal({ refused: 'origin' });
  });

  it('never follows javascript: or data:, whatever the list says', () => {
    const allow = 'javascript:alert(1) data:text/html,x null *';
    expect([...allowedOrigins(allow)]).to.deep.equal([]);
    for (const href of ['javascript:alert(1)', ' JaVa\nScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '', '  ']) {
      expect(checkHref(href, { ...PAGE, allow }), JSON.stringify(href)).to.deep.equal({ refused: 'scheme' });
    }
  });
});
