import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionKeeper } from './session-keeper';

const signOut = vi.hoisted(() => vi.fn());
vi.mock('next-auth/react', () => ({ signOut }));

const minute = 60_000;
/** The session endpoint: signed in until `minutesLeft` from now (by the server's clock), or ended. */
function sessionAnswer(minutesLeft: number | 'ended'): Response {
  const body = minutesLeft === 'ended' ? {} : { expires: new Date(Date.now() + minutesLeft * minute).toISOString(), user: { name: 'fred' } };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', date: new Date().toUTCString() } });
}

let fetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-01T09:00:00Z') });
  localStorage.clear();
  signOut.mockReset();
  fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal('fetch', fetch);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets timers due within `ms` run, and the fetches they start settle. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const warning = () => screen.queryByRole('alert');

describe('SessionKeeper', () => {
  it('reads the session when the page opens, and says nothing while the end is far', async () => {
    fetch.mockResolvedValue(sessionAnswer(480));
    render(<SessionKeeper />);
    await pass(0);
    expect(fetch).toHaveBeenCalledWith('/api/auth/session', expect.anything());
    expect(warning()).toBeNull();
  });

  it('warns five minutes before an idle end, and Stay signed in extends the session', async () => {
    fetch.mockResolvedValueOnce(sessionAnswer(6));
    render(<SessionKeeper />);
    await pass(0);
    expect(warning()).toBeNull();
    // Nothing happens for a minute and a bit: the next tick shows the warning.
    await pass(75_000);
    expect(warning()?.textContent).toContain('You will be signed out in 5 minutes');
    fetch.mockResolvedValueOnce(sessionAnswer(480));
    await act(async () => screen.getByRole('button', { name: 'Stay signed in' }).click());
    await pass(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(warning()).toBeNull();
  });

  it('signs out at the idle end without another request', async () => {
    fetch.mockResolvedValueOnce(sessionAnswer(2));
    render(<SessionKeeper />);
    await pass(0);
    await pass(2 * minute + 15_000);
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: '/login?idle=1' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('signs out at once when the server says the session has ended (signed out elsewhere)', async () => {
    fetch.mockResolvedValueOnce(sessionAnswer('ended'));
    render(<SessionKeeper />);
    await pass(0);
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: '/login?idle=1' });
  });

  it('stays signed in while another tab keeps the session alive', async () => {
    fetch.mockResolvedValueOnce(sessionAnswer(6));
    render(<SessionKeeper />);
    await pass(0);
    // The other tab extended the session and wrote its new end.
    localStorage.setItem('spin-portal.session-ends-at', String(Date.now() + 480 * minute));
    await pass(10 * minute);
    expect(warning()).toBeNull();
    expect(signOut).not.toHaveBeenCalled();
  });

  it('extends the session after a key press, at most once a minute', async () => {
    fetch.mockImplementation(async () => sessionAnswer(480));
    render(<SessionKeeper />);
    await pass(1_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await pass(14_000);
    expect(fetch).toHaveBeenCalledOnce();
    await pass(45_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
