'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** A click that the app router will turn into a page change (same site, same tab, another address). */
function isPageChange(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return false;
  const to = new URL(link.href, window.location.href);
  return to.origin === window.location.origin && to.pathname + to.search !== window.location.pathname + window.location.search;
}

/**
 * A thin bar at the top while the next page loads: a slow Rancher can take seconds to answer, and the
 * old page must not sit there looking finished. It ends when the address changes.
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const here = `${pathname}?${useSearchParams().toString()}`;
  // The address a page change started from: loading lasts while the address is still that one.
  const [leaving, setLeaving] = useState<string | null>(null);
  const hereRef = useRef(here);
  useEffect(() => {
    hereRef.current = here;
  }, [here]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (isPageChange(event)) setLeaving(hereRef.current);
    };
    // Capture: next/link cancels the browser's own navigation before a bubbling listener would see the click.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  if (leaving !== here) return null;
  return (
    <div role="progressbar" aria-label="Loading the page" className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-600/20">
      <div className="h-full w-1/3 animate-[navigation-progress_1.2s_ease-in-out_infinite] bg-brand-600 motion-reduce:w-full motion-reduce:animate-pulse" />
    </div>
  );
}
