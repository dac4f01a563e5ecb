'use client';

import { sectionClass } from './form-styles';
import { Button } from '@/components/ui/button';

/**
 * After a finished upgrade Rollback is gone, but Rancher still holds the configuration it replaced:
 * Revert fills the form with it, so going back is an upgrade like any other, previewed and checked.
 */
export function RevertSection({ serviceName, previousImage, isReverting, isDisabled, onRevert }: { serviceName: string; previousImage: string; isReverting: boolean; isDisabled: boolean; onRevert: () => void }) {
  return (
    <section className={sectionClass} aria-labelledby="revert-title">
      <h3 id="revert-title" className="text-sm font-semibold">
        Revert to the previous version
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {isReverting
          ? `The form above now holds the configuration ${serviceName} ran before its last upgrade (${previousImage}). Preview it, then upgrade to go back.`
          : `Before its last upgrade, ${serviceName} ran ${previousImage}. Revert fills the form with that configuration; nothing changes until you preview and upgrade.`}
      </p>
      <Button disabled={isDisabled || isReverting} onClick={onRevert}>
        Fill the form with the previous version
      </Button>
    </section>
  );
}
