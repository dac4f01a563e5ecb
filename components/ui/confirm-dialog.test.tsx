import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

function renderDialog(props: { typeToConfirm?: string; banner?: ReactNode } = {}) {
  const onConfirm = vi.fn();
  const view = render(
    <ConfirmDialog open title="Stop web in stack foo?" confirmLabel="Stop" tone="danger" onConfirm={onConfirm} onCancel={() => undefined} {...props}>
      <p>Stops every container.</p>
    </ConfirmDialog>,
  );
  return { onConfirm, view, user: userEvent.setup() };
}

const confirmButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Stop' });

describe('ConfirmDialog', () => {
  it('confirms with one click when no text is asked for', async () => {
    const { onConfirm, user } = renderDialog();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('waits for the asked text before it confirms, by click or Enter', async () => {
    const { onConfirm, user } = renderDialog({ typeToConfirm: 'foo' });
    const input = screen.getByLabelText('Type foo to confirm');
    expect(confirmButton().disabled).toBe(true);
    await user.type(input, 'fo{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.type(input, 'o');
    expect(confirmButton().disabled).toBe(false);
    await user.type(input, '{Enter}');
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('shows its banner before the title', () => {
    const { view } = renderDialog({ banner: <p data-testid="banner">Production</p> });
    const banner = screen.getByTestId('banner');
    const title = screen.getByRole('heading', { name: 'Stop web in stack foo?' });
    expect(banner.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(view.container.ownerDocument.querySelector('dialog')?.firstElementChild).toBe(banner);
  });
});
