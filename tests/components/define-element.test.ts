import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';

let seq = 0;
const uniqueTag = (name: string) => `define-${name}-${++seq}`;

function makeClass(text: string, version?: string): typeof FcElement {
  const C = class extends FcElement {
    protected override render() {
      return html`<p>${text}</p>`;
    }
  };
  if (version) C.version = version;
  return C;
}

/** Runs `fn`, collecting what it writes to console.warn. */
function warnings(fn: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('defineElement', () => {
  it('defines a tag once and ignores a second define of the same class', () => {
    const tag = uniqueTag('twice');
    const C = makeClass('one');
    const warned = warnings(() => {
      defineElement(tag, C);
      defineElement(tag, C);
    });
    expect(customElements.get(tag)).to.equal(C);
    expect(warned).to.deep.equal([]);
  });

  it('keeps the first version and warns, without throwing, when another version comes along', async () => {
    const tag = uniqueTag('versions');
    const v1 = makeClass('first', '1.0.0');
    const v2 = makeClass('second', '1.1.0');
    defineElement(tag, v1);
    const warned = warnings(() => defineElement(tag, v2));
    expect(customElements.get(tag)).to.equal(v1);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain(`<${tag}> 1.1.0 skipped: 1.0.0 already defined`);
    const el = document.createElement(tag);
    document.body.append(el);
    await (el as FcElement).updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('first');
    el.remove();
  });

  it('defines the same class under a second tag', async () => {
    const first = uniqueTag('first-name');
    const second = uniqueTag('second-name');
    const C = makeClass('shared');
    expect(() => {
      defineElement(first, C);
      defineElement(second, C);
    }).not.to.throw();
    const el = await fixture<FcElement>(`<${second}></${second}>`);
    expect(el).to.be.instanceOf(C);
    expect(el.localName).to.equal(second);
    expect(el.shadowRoot!.textContent).to.equal('shared');
  });

  it("lets a host define its own subclass under its own name, through defineElement or directly", async () => {
    const ours = uniqueTag('ours');
    const C = makeClass('base');
    defineElement(ours, C);
    const hostTag = uniqueTag('acme-report');
    class AcmeReport extends C {}
    defineElement(hostTag, AcmeReport);
    const directTag = uniqueTag('acme-direct');
    customElements.define(directTag, class extends C {});
    const el = await fixture<FcElement>(`<div><${hostTag}></${hostTag}><${directTag}></${directTag}></div>`);
    const [hosted, direct] = [...el.children] as FcElement[];
    await Promise.all([hosted.updateComplete, direct.updateComplete]);
    expect(hosted).to.be.instanceOf(AcmeReport);
    expect(hosted.shadowRoot!.textContent).to.equal('base');
    expect(direct).to.be.instanceOf(C);
    expect(direct.shadowRoot!.textContent).to.equal('base');
  });

  it('carries a version, which is the dev version when the sources run unbundled', () => {
    expect(FcElement.version).to.equal('0.0.0-dev');
  });

  it('emits composed, bubbling CustomEvents', async () => {
    const tag = uniqueTag('emitter');
    defineElement(tag, makeClass('emitter'));
    const wrapper = await fixture<HTMLElement>(`<div><${tag}></${tag}></div>`);
    const el = wrapper.firstElementChild as FcElement;
    setTimeout(() => el.emit('fc-test-ping', { n: 1 }));
    const event = await oneEvent(wrapper, 'fc-test-ping');
    expect(event).to.be.instanceOf(CustomEvent);
    expect(event.detail).to.deep.equal({ n: 1 });
    expect(event.bubbles && event.composed).to.equal(true);
  });
});

declare global {
  interface HTMLElementEventMap {
    'fc-test-ping': CustomEvent<{ n: number }>;
  }
}
