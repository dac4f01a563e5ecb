import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, Input } from './field';

const attributes = (html: string, tag: string) => html.match(new RegExp(`<${tag} [^>]*>`))?.[0] ?? '';

describe('Field', () => {
  it('labels its control', () => {
    const html = renderToStaticMarkup(<Field label="Tag">{(control) => <Input {...control} />}</Field>);
    const id = attributes(html, 'input').match(/id="([^"]+)"/)?.[1];
    expect(id).toBeTruthy();
    expect(attributes(html, 'label')).toContain(`for="${id}"`);
    expect(attributes(html, 'input')).not.toContain('aria-describedby=');
    expect(attributes(html, 'input')).not.toContain('aria-invalid=');
  });

  it('points the control at its help and its error, and marks it invalid', () => {
    const html = renderToStaticMarkup(
      <Field id="tag" label="Tag" description="Leave empty for latest" error="Not a tag" describedBy="tag-findings">
        {(control) => <Input {...control} />}
      </Field>,
    );
    const input = attributes(html, 'input');
    expect(input).toContain('aria-describedby="tag-description tag-error tag-findings"');
    expect(input).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="tag-description"');
    expect(html).toContain('<p id="tag-error"');
  });

  it('marks the control invalid for problems shown elsewhere', () => {
    const html = renderToStaticMarkup(
      <Field label="Image" isInvalid>
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(attributes(html, 'input')).toContain('aria-invalid="true"');
  });
});
