import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, buttonClasses } from './button';

describe('Button', () => {
  it('is type="button" unless told otherwise, so it never submits a form by accident', () => {
    expect(renderToStaticMarkup(<Button>Preview</Button>)).toContain('type="button"');
    expect(renderToStaticMarkup(<Button type="submit">Upgrade</Button>)).toContain('type="submit"');
  });

  it('passes every other prop to the <button>', () => {
    const html = renderToStaticMarkup(
      <Button aria-label="Restart web" aria-pressed={true} disabled data-testid="restart" title="Restart">
        Restart
      </Button>,
    );
    expect(html).toMatch(/^<button /);
    for (const attribute of ['aria-label="Restart web"', 'aria-pressed="true"', 'disabled=""', 'data-testid="restart"', 'title="Restart"']) expect(html).toContain(attribute);
  });

  it('accepts a ref (React 19 passes it as a prop)', () => {
    const ref = createRef<HTMLButtonElement>();
    expect(() => renderToStaticMarkup(<Button ref={ref}>Undo</Button>)).not.toThrow();
  });

  it('looks as its variant says, and a className overrides the variant', () => {
    expect(buttonClasses({ variant: 'primary' })).toContain('bg-brand-600');
    expect(buttonClasses({ variant: 'danger' })).toContain('bg-red-700');
    expect(buttonClasses({ variant: 'primary', className: 'rounded-full' })).not.toContain('rounded-md');
    expect(buttonClasses({ variant: 'link', size: 'lg' })).not.toContain('px-4');
  });
});
