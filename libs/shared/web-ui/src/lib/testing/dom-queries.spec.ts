import { buttonNamed, find, spokenText, textOf, type, until } from './dom-queries';

describe('DOM queries for specs', () => {
  function fragment(): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = `
      <p class="lead">  Night
        Drive </p>
      <button><span aria-hidden="true">add</span> New release</button>
      <a aria-label="Close"><span>x</span></a>
      <input />`;
    return root;
  }

  it('reads text as shown and as spoken, and finds buttons by their name', () => {
    const root = fragment();
    expect(textOf(find(root, '.lead'))).toBe('Night Drive');
    expect(spokenText(find(root, 'button'))).toBe('New release');
    expect(buttonNamed(root, 'New release').localName).toBe('button');
    expect(buttonNamed(root, 'Close').localName).toBe('a');
    expect(() => find(root, '.missing')).toThrow('Nothing matches .missing');
    expect(() => buttonNamed(root, 'Delete')).toThrow('No button or link named "Delete"');
  });

  it('types as a user would and waits until a condition holds, or says what never happened', async () => {
    const input = find<HTMLInputElement>(fragment(), 'input');
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(input.value));
    type(input, 'US-RC1-76-07839');
    expect(seen).toEqual(['US-RC1-76-07839']);
    let turns = 0;
    await until('three turns pass', () => ++turns >= 3);
    await expect(until('never', () => false)).rejects.toThrow('Gave up waiting: never');
  });
});
