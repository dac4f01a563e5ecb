import { UpgradeRefusal } from '@/lib/domain/upgrade/upgrade-refusal';
import { FieldIssues } from './field-issues';

/**
 * Why the portal refused: the 409's way out, the 422's policy findings (the server re-checks, so they can
 * differ from the browser's), or a 400's fields. Announced at once.
 */
export function UpgradeRefusalNotice({ error }: { error: Error }) {
  const refusal = error instanceof UpgradeRefusal ? error : null;
  const title = refusal?.status === 422 ? 'Spin policy refused the upgrade' : refusal?.status === 409 ? 'Rancher cannot do this now' : 'The request failed';
  return (
    <div role="alert" className="space-y-2 rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
      <p>
        <strong>{title}:</strong> {error.message}
      </p>
      {refusal ? <FieldIssues issues={{ findings: refusal.findings, problems: refusal.errors.map((e) => `${e.path}: ${e.message}`) }} /> : null}
    </div>
  );
}
