import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OutOfMemoryBadge } from './out-of-memory-badge';

describe('OutOfMemoryBadge', () => {
  it('says nothing for a service whose containers did not exit with 137', () => {
    render(<OutOfMemoryBadge containers={[{ exitCode: null }, { exitCode: 1 }]} />);
    expect(screen.queryByTestId('out-of-memory-badge')).toBeNull();
  });

  it('flags exit code 137 as probably out of memory, and keeps saying so once the container runs again', () => {
    const view = render(<OutOfMemoryBadge containers={[{ exitCode: 137 }]} />);
    expect(screen.getByTestId('out-of-memory-badge').textContent).toBe('Needs attention: probably out of memory (exit code 137)');
    view.rerender(<OutOfMemoryBadge containers={[{ exitCode: null }]} />);
    expect(screen.getByTestId('out-of-memory-badge')).toBeTruthy();
  });
});
